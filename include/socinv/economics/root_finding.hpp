#pragma once
// The rates at which a net present value is zero: root counts, bracketing, safeguarded Halley.
//
// A net present value as a function of the rate r is f(r) = Σ a_k (1 + r)^-t_k with t_k ≥ 0, in
// time order. The solver works in u = ln(1 + r), where r ∈ (-1, ∞) becomes the whole real line,
// and evaluates h(u) = f(e^u - 1) · e^{c u}: the positive factor e^{c u} moves no root, and with
// c = the latest time for u < 0 and c = 0 for u ≥ 0 no term overflows, however close the rate
// comes to -100 % or however large it grows.
//
// How many roots there can be is known before and while searching:
// - Descartes' rule of signs holds for sums of exponentials: no more roots than sign changes of
//   the amounts (flows at one time merged, zeros left out). No sign change, no rate.
// - Beyond any point u1 there are no more roots than sign changes of the running sums of the
//   terms a_k e^{-t_k u1} (Abel summation makes h(u1 + v) / v a Laplace transform of those
//   running sums as a step function, and a Laplace transform has no more positive zeros than
//   its function has sign changes); below u1, the running sums from the latest term backwards.
//   Running sums within rounding of zero make these bounds uncertain, and then they are unused.
// - The signs of h at u1 and at the ends (the latest amount's as r → -100 %, the earliest's as
//   r → ∞) give the parity of the count on each side.
// So when a side of the guess can hold at most one root, its parity says whether it has one,
// and a safeguarded Halley iteration finds it without any scan. That is the usual case.
//
// Policy (shared by xirr and irr):
// - The rate returned is the root closest to the guess (default 0.1); when the amounts change
//   sign once it is the only root. Sides of the guess that may hold several roots are scanned
//   on a fixed grid of rates (fine near 0, geometric towards -100 % and towards large rates,
//   then open-ended), outward from the guess, only as far as a closer root could lie, and the
//   first bracket on a side is refined; at each grid point the bounds above may settle the rest
//   of that side.
// - No rate: no sign change (empty, one-flow, all-zero and one-signed series), or no root found.
//   Roots that a double cannot hold as a rate do not count: beyond about 1e308, or within 1e-14
//   of -100 %, where 1 + rate keeps a few bits at best.
// - A root of even multiplicity (touching zero without crossing) shows no sign change; when the
//   search finds no root, a Newton iteration from the guess is tried and accepted if it ends
//   where the value is zero to 1e-10 of the size of the terms. all_rates() scans a much finer
//   grid and lists every root in a range.
// - Tolerances are relative to the size of the terms (Σ |a_k (1 + r)^-t_k|), so scaling every
//   amount by 1e-3 or 1e6 gives the same rate.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace socinv::detail {

struct npv_point {
    double value = 0.0;      // h(u)
    double slope = 0.0;      // dh/du
    double curvature = 0.0;  // d²h/du²
    double magnitude = 0.0;  // Σ |terms|: the scale of the rounding error in value
    double spread = 0.0;     // Σ e² |terms| (e the exponent of each term): bounds |d²h/du²| nearby
};

// Flows at arbitrary times t_k ≥ 0 (years), in time order.
class timed_npv {
public:
    timed_npv(std::span<const double> times, std::span<const double> amounts) : t_(times), a_(amounts) {
        for (const double t : t_) latest_ = std::max(latest_, t);
    }

    std::size_t size() const { return t_.size(); }
    double time(std::size_t k) const { return t_[k]; }
    double latest() const { return latest_; }

    // h and its derivatives at u; the terms too, in time order, when `terms` is not empty.
    npv_point at(double u, std::span<double> terms = {}) const {
        const double c = u < 0.0 ? latest_ : 0.0;
        npv_point p;
        for (std::size_t k = 0; k < t_.size(); ++k) {
            const double e = t_[k] - c;
            const double term = a_[k] * std::exp(-e * u);
            const double size = std::abs(term);
            p.value += term;
            p.slope -= e * term;
            p.curvature += e * e * term;
            p.magnitude += size;
            p.spread += e * e * size;
            if (!terms.empty()) terms[k] = term;
        }
        return p;
    }

private:
    std::span<const double> t_, a_;
    double latest_ = 0.0;
};

// Flows at whole periods 0, 1, ..., n-1: a polynomial, evaluated by Horner's rule.
class periodic_npv {
public:
    explicit periodic_npv(std::span<const double> values) : a_(values) {}

    std::size_t size() const { return a_.size(); }
    double time(std::size_t k) const { return static_cast<double>(k); }
    double latest() const { return a_.empty() ? 0.0 : static_cast<double>(a_.size() - 1); }

    npv_point at(double u, std::span<double> terms = {}) const {
        const std::size_t n = a_.size();
        if (n == 0) return {};
        npv_point p;
        if (u >= 0.0) {  // P(x) = Σ a_i x^i with x = e^-u: dh/du = -x P', d²h/du² = x P' + x² P''
            const double x = std::exp(-u);
            double v = a_[n - 1], d1 = 0.0, d2 = 0.0, m = std::abs(a_[n - 1]), m1 = 0.0, m2 = 0.0;
            for (std::size_t i = n - 1; i-- > 0;) {
                d2 = d2 * x + d1;
                d1 = d1 * x + v;
                v = v * x + a_[i];
                m2 = m2 * x + m1;
                m1 = m1 * x + m;
                m = m * x + std::abs(a_[i]);
            }
            p = {v, -x * d1, x * d1 + 2.0 * x * x * d2, m, x * m1 + 2.0 * x * x * m2};
            if (!terms.empty()) {
                double power = 1.0;
                for (std::size_t i = 0; i < n; ++i, power *= x) terms[i] = a_[i] * power;
            }
        } else {  // Q(y) = Σ a_i y^(n-1-i) with y = e^u: dh/du = y Q', d²h/du² = y Q' + y² Q''
            const double y = std::exp(u);
            double v = a_[0], d1 = 0.0, d2 = 0.0, m = std::abs(a_[0]), m1 = 0.0, m2 = 0.0;
            for (std::size_t i = 1; i < n; ++i) {
                d2 = d2 * y + d1;
                d1 = d1 * y + v;
                v = v * y + a_[i];
                m2 = m2 * y + m1;
                m1 = m1 * y + m;
                m = m * y + std::abs(a_[i]);
            }
            p = {v, y * d1, y * d1 + 2.0 * y * y * d2, m, y * m1 + 2.0 * y * y * m2};
            if (!terms.empty()) {
                double power = 1.0;
                for (std::size_t i = n; i-- > 0; power *= y) terms[i] = a_[i] * power;
            }
        }
        return p;
    }

private:
    std::span<const double> a_;
};

inline int sign_of(double x) { return (x > 0.0) - (x < 0.0); }

// What the amounts, in time order, say before any evaluation.
struct npv_limits {
    int sign_changes = 0;    // zeros skipped: at most this many roots
    int near_minus_one = 0;  // sign of the value as the rate approaches -100 %: the latest amount's
    int at_infinity = 0;     // sign of the value as the rate grows without bound: the earliest amount's
};

inline npv_limits limits_of(std::span<const double> ordered_amounts) {
    npv_limits l;
    int previous = 0;
    for (const double a : ordered_amounts) {
        const int s = sign_of(a);
        if (s == 0) continue;
        if (previous == 0) l.at_infinity = s;
        else if (s != previous) ++l.sign_changes;
        previous = s;
    }
    l.near_minus_one = previous;
    return l;
}

// At most how many roots lie beyond the point whose terms (in time order) are given: towards
// large rates (direction > 0, the running sums from the earliest term) or towards -100 % (the
// running sums from the latest); -1 when a running sum is within rounding of zero (`size` is
// the sum of the terms' absolute values), which makes the count uncertain.
inline int roots_beyond(std::span<const double> terms, int direction, double size) {
    const double floor = 1e-12 * size;
    const std::size_t n = terms.size();
    int changes = 0;
    double sum = 0.0;
    bool seen = false, positive = false;
    for (std::size_t i = 0; i < n; ++i) {
        const double t = terms[direction > 0 ? i : n - 1 - i];
        if (t == 0.0) continue;
        sum += t;
        if (std::abs(sum) <= floor) return -1;
        const bool now_positive = sum > 0.0;
        changes += (seen && now_positive != positive) ? 1 : 0;
        positive = now_positive;
        seen = true;
    }
    return changes;
}

// The scan grid, in rates: fine near 0, geometric towards -100 % and towards large rates.
// Below -99 % neighbouring points differ by at most a factor of 3.4 in 1 + rate, so two roots there whose
// 1 + rate differ by a factor of 10 or more always lie in different cells.
inline constexpr std::array<double, 100> rate_grid{
    -1 + 1e-12, -1 + 3e-12, -1 + 1e-11, -1 + 3e-11, -1 + 1e-10, -1 + 3e-10, -1 + 1e-9, -1 + 3e-9, -1 + 1e-8,
    -1 + 3e-8, -1 + 1e-7, -1 + 3e-7, -1 + 1e-6, -1 + 3e-6, -1 + 1e-5, -1 + 3e-5, -0.9999, -0.9997, -0.999, -0.997,
    -0.995, -0.993, -0.99, -0.98, -0.97, -0.95, -0.925, -0.9,
    -0.875, -0.85, -0.8, -0.75, -0.7, -0.65, -0.6, -0.55, -0.5, -0.45, -0.4, -0.35, -0.3, -0.25, -0.2, -0.175,
    -0.15, -0.125, -0.1, -0.08, -0.06, -0.04, -0.02, 0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16,
    0.18, 0.2, 0.225, 0.25, 0.275, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 1.75,
    2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0, 20.0, 30.0, 50.0, 75.0, 100.0, 200.0, 500.0, 1e3, 1e4,
    1e5, 1e6, 1e9, 1e12};

inline const std::array<double, rate_grid.size()>& log_rate_grid() {
    static const std::array<double, rate_grid.size()> grid = [] {
        std::array<double, rate_grid.size()> g{};
        for (std::size_t i = 0; i < g.size(); ++i) g[i] = std::log1p(rate_grid[i]);
        return g;
    }();
    return grid;
}

// The step from u to the next iterate: Halley's where it is sane, else Newton's.
inline double halley_step(const npv_point& p) {
    const double newton = p.value / p.slope;
    const double denominator = 1.0 - 0.5 * newton * p.curvature / p.slope;
    return denominator > 0.5 && denominator < 2.0 ? newton / denominator : newton;
}

// The one root of h in (lo, hi), starting from x (inside, or at an end) where h is p; one of
// lo and hi may be infinite. `low_sign` is the sign of h below the root. Halley steps while they
// stay in the bracket (which shrinks with every sign seen) and converge fast enough; bisection
// once both ends are finite, steps outward that double while one is not.
template <class Npv>
double root_between(const Npv& f, double lo, double hi, int low_sign, double x, npv_point p) {
    constexpr double eps = std::numeric_limits<double>::epsilon();
    const double start = x;
    double step = std::numeric_limits<double>::infinity(), previous_step = step;
    for (int iteration = 0; iteration < 300; ++iteration) {
        if (p.value == 0.0 || std::abs(p.value) <= eps * p.magnitude) return x;
        if (sign_of(p.value) == low_sign) lo = std::max(lo, x);
        else hi = std::min(hi, x);
        const double proposal = x - halley_step(p);
        double next;
        if (std::isfinite(lo) && std::isfinite(hi)) {
            const bool fits = proposal > lo && proposal < hi && std::abs(2.0 * (proposal - x)) <= std::abs(previous_step);
            next = fits ? proposal : 0.5 * (lo + hi);
        } else {
            const double outward = std::isfinite(lo) ? 1.0 : -1.0;
            const double jump = std::max(1.0, 2.0 * std::abs(x - start));
            // Steps that do not shrink creep along an exponential wall (about 1 / latest each, where
            // one term dominates, as with amounts spanning hundreds of orders of magnitude): they
            // double, and overshooting the root only brackets it.
            double candidate = proposal;
            if ((proposal - x) * step > 0.0 && std::abs(proposal - x) >= 0.5 * std::abs(step)) candidate = x + 2.0 * (proposal - x);
            const bool fits = candidate > lo && candidate < hi && std::abs(candidate - x) <= jump;
            next = fits ? candidate : (std::isfinite(lo) ? lo : hi) + outward * jump;
        }
        previous_step = step;
        step = next - x;
        const double tolerance = 2.0 * eps * std::max(std::abs(next), 1e-9);
        if (std::abs(step) <= tolerance || hi - lo <= tolerance) return next;
        // Halley's error after a step δ is about K δ³, K of the order of (h''/h')², which the
        // spread bounds: once that is below the tolerance, one more evaluation would not move x.
        const double k = p.spread / std::abs(p.slope);
        if (next == proposal && k * k * std::abs(step) * step * step <= tolerance) return next;
        if (std::abs(next) > 1e4) return next;  // beyond any rate a double holds; the caller drops it
        x = next;
        p = f.at(x);
    }
    return x;
}

// Plain Newton from u (kept within (lo, hi)), for a root that touches zero without crossing it;
// nullopt unless it ends where the value is zero to 1e-10 of the size of the terms.
template <class Npv>
std::optional<double> touching_root(const Npv& f, double u, double lo = -std::numeric_limits<double>::infinity(),
                                    double hi = std::numeric_limits<double>::infinity()) {
    for (int iteration = 0; iteration < 100; ++iteration) {
        const npv_point p = f.at(u);
        if (!std::isfinite(p.value)) return std::nullopt;
        if (p.value == 0.0) return u;
        if (p.slope == 0.0) break;
        const double next = u - p.value / p.slope;
        if (!(next > lo && next < hi)) return std::nullopt;
        const bool settled = std::abs(next - u) <= 1e-15 * std::max(std::abs(u), 1e-9);
        u = next;
        if (settled) break;
    }
    const npv_point p = f.at(u);
    if (std::isfinite(p.value) && std::abs(p.value) <= 1e-10 * p.magnitude) return u;
    return std::nullopt;
}

// Rates closer to -100 % than 1e-14 are not told apart from it: a double holds 1 + rate there
// to a few bits at best.
inline const double closest_to_minus_one = std::log(1e-14);

// The rate closest to `guess` (> -1) at which f is zero, by the policy at the top of this file.
// `scratch` holds two doubles per term.
template <class Npv>
std::optional<double> find_rate(const Npv& f, const npv_limits& limits, double guess, std::span<double> scratch) {
    constexpr double infinity = std::numeric_limits<double>::infinity();
    if (limits.sign_changes == 0) return std::nullopt;
    const auto& u_grid = log_rate_grid();
    const auto n = static_cast<std::ptrdiff_t>(u_grid.size());
    const double u0 = std::log1p(guess);
    const npv_point p0 = f.at(u0, scratch.first(f.size()));
    if (p0.value == 0.0) return guess;

    std::optional<double> best;
    double best_distance = infinity;
    const auto consider = [&](double u) {
        const double rate = std::expm1(u);
        if (!(std::isfinite(rate) && u >= closest_to_minus_one)) return;  // not a rate a double can hold
        if (std::abs(rate - guess) < best_distance) {
            best = rate;
            best_distance = std::abs(rate - guess);
        }
    };

    struct side {
        int direction;        // -1 towards -100 %, +1 towards large rates
        int end_sign;         // the sign of h at that end of the line
        std::ptrdiff_t next;  // grid index of the next grid point; outside the grid: the open end
        double u;             // the last point evaluated on this side, h there, and its sign
        npv_point p;
        int sign;
        bool done;
    };
    std::ptrdiff_t first_above = 0;
    while (first_above < n && u_grid[static_cast<std::size_t>(first_above)] <= u0) ++first_above;
    std::ptrdiff_t last_below = first_above - 1;
    while (last_below >= 0 && u_grid[static_cast<std::size_t>(last_below)] >= u0) --last_below;
    side left{-1, limits.near_minus_one, last_below, u0, p0, sign_of(p0.value), false};
    side right{+1, limits.at_infinity, first_above, u0, p0, sign_of(p0.value), false};

    // At most how many roots lie beyond the last point of side s, whose terms are in scratch. By
    // Rolle, a function with two roots there has a root of its derivative between them, and that
    // for every scaling c of h: a derivative with no root beyond means at most one.
    const std::span<double> terms = scratch.first(f.size()), derivative = scratch.subspan(f.size(), f.size());
    const auto beyond = [&](const side& s, double size) {
        if (limits.sign_changes == 1) return 1;
        const int bound = roots_beyond(terms, s.direction, size);
        if (bound >= 0 && bound <= 1) return bound;
        for (const double c : {0.0, f.latest()}) {
            double derivative_size = 0.0;
            for (std::size_t k = 0; k < terms.size(); ++k) {
                derivative[k] = (c - f.time(k)) * terms[k];
                derivative_size += std::abs(derivative[k]);
            }
            if (roots_beyond(derivative, s.direction, derivative_size) == 0) return 1;
        }
        return 2;
    };
    // Settles side s from its last point when it can hold at most one root beyond it: finds that
    // root if the parity says there is one. Once a root is known, the one beyond is wanted only
    // if it is closer to the guess, and the sign at that distance says whether it is.
    const auto settle = [&](side& s, const npv_point& p) {
        if (beyond(s, p.magnitude) > 1) return;
        s.done = true;
        if (s.sign == s.end_sign) return;  // an even count, so none
        const int low_sign = s.direction > 0 ? s.sign : limits.near_minus_one;
        double lo = s.direction > 0 ? s.u : -infinity, hi = s.direction > 0 ? infinity : s.u;
        if (best) {
            const double limit = guess + s.direction * best_distance;
            if (limit > -1.0) {
                const double limit_u = std::log1p(limit);
                if ((limit_u - s.u) * s.direction <= 0.0) return;
                const npv_point at_limit = f.at(limit_u);
                if (sign_of(at_limit.value) == s.sign) return;  // the root lies beyond: farther
                if (at_limit.value == 0.0) return consider(limit_u);
                (s.direction > 0 ? hi : lo) = limit_u;
            }
        }
        consider(root_between(f, lo, hi, low_sign, s.u, p));
    };
    settle(right, p0);
    settle(left, p0);

    const auto in_grid = [&](const side& s) { return s.next >= 0 && s.next < n; };
    // The next point of side s: the next grid point, or further where h provably keeps its sign.
    // Moving away from 0 % (u ≥ 0 upwards with c = 0, u ≤ 0 downwards with c = latest) every term
    // shrinks, so |h''| stays below the spread seen at the last point, and by Taylor h keeps its
    // sign while |h| + (d|h|/du) δ - spread δ² / 2 > 0.
    // Towards 0 % the terms grow, by at most e^{latest δ}: within δ ≤ 1 / latest, by e.
    const auto next_u = [&](const side& s) {
        const double grid_u = u_grid[static_cast<std::size_t>(s.next)];
        if (!(s.p.spread > 0.0)) return grid_u;
        const bool outward = s.direction > 0 ? s.u >= 0.0 : s.u < 0.0;
        const double a = std::abs(s.p.value), b = s.direction * s.sign * s.p.slope;
        const double m = outward ? s.p.spread : std::exp(1.0) * s.p.spread;
        double safe = 0.9 * (b >= 0.0 ? std::sqrt(2.0 * a / m) : 2.0 * a / (-b + std::sqrt(b * b + 2.0 * m * a)));
        if (!outward) safe = std::min({safe, 1.0 / std::max(f.latest(), 1e-300), std::abs(s.u)});
        return std::abs(grid_u - s.u) >= safe ? grid_u : s.u + s.direction * safe;
    };
    const auto next_distance = [&](const side& s) {
        return in_grid(s) ? std::abs(std::expm1(next_u(s)) - guess) : infinity;
    };
    while (!left.done || !right.done) {
        side& s = left.done ? right : right.done ? left : next_distance(right) < next_distance(left) ? right : left;
        if (best && std::abs(std::expm1(s.u) - guess) >= best_distance) {
            s.done = true;
            continue;
        }
        double u = 0.0;
        npv_point p;
        const bool stepped = in_grid(s);
        if (stepped) {
            u = next_u(s);
            p = f.at(u, terms);
            while (in_grid(s) && (u_grid[static_cast<std::size_t>(s.next)] - u) * s.direction <= 0.0) s.next += s.direction;
        } else {  // the open end: only if the sign there differs, then double u until it shows
            s.done = true;
            if (s.end_sign == s.sign) continue;
            u = s.u;
            bool found = false;
            for (int doubling = 0; doubling < 12 && !found; ++doubling) {
                u *= 2.0;
                p = f.at(u);
                found = sign_of(p.value) != s.sign;
            }
            if (!found) continue;
        }
        const int sign = sign_of(p.value);
        if (sign == 0) {
            consider(u);
            s.done = true;
        } else if (sign != s.sign) {
            const double lo = std::min(u, s.u), hi = std::max(u, s.u);
            consider(root_between(f, lo, hi, s.direction > 0 ? s.sign : sign, u, p));
            s.done = true;
        } else {
            s.u = u;
            s.p = p;
            if (stepped) settle(s, p);
        }
    }
    if (!best) {
        if (const auto u = touching_root(f, u0)) consider(*u);
    }
    return best;
}

// Every rate in [lo, hi] (lo > -1) at which f is zero, ascending: sign changes on a grid with
// steps of at most 0.001 in ln(1 + rate) (at most 20,000 steps), refined; a grid point where |f|
// has a local minimum is also tried for a touching root.
template <class Npv>
std::vector<double> find_all_rates(const Npv& f, const npv_limits& limits, double lo, double hi) {
    std::vector<double> roots;
    if (limits.sign_changes == 0) return roots;
    const double ulo = std::log1p(lo), uhi = std::log1p(hi);
    const double width = uhi - ulo;
    const auto steps = static_cast<std::size_t>(std::clamp(std::ceil(width / 1e-3), 1.0, 20000.0));
    std::vector<double> us;
    us.reserve(steps + 2);
    for (std::size_t i = 0; i <= steps; ++i) {
        const double u = i == steps ? uhi : ulo + width * static_cast<double>(i) / static_cast<double>(steps);
        if (!us.empty() && us.back() < 0.0 && u > 0.0) us.push_back(0.0);
        us.push_back(u);
    }
    std::vector<npv_point> ps(us.size());
    for (std::size_t i = 0; i < us.size(); ++i) ps[i] = f.at(us[i]);
    for (std::size_t i = 0; i < us.size(); ++i) {
        const int s = sign_of(ps[i].value);
        if (s == 0) {
            roots.push_back(us[i]);
            continue;
        }
        if (i + 1 < us.size()) {
            const int t = sign_of(ps[i + 1].value);
            if (t != 0 && t != s) roots.push_back(root_between(f, us[i], us[i + 1], s, us[i], ps[i]));
        }
        if (i > 0 && i + 1 < us.size() && sign_of(ps[i - 1].value) == s && sign_of(ps[i + 1].value) == s &&
            std::abs(ps[i].value) < std::abs(ps[i - 1].value) && std::abs(ps[i].value) < std::abs(ps[i + 1].value)) {
            if (const auto u = touching_root(f, us[i], us[i - 1], us[i + 1])) roots.push_back(*u);
        }
    }
    std::vector<double> rates;
    std::sort(roots.begin(), roots.end());
    for (const double u : roots) {
        const double r = std::expm1(u);
        if (r < lo || r > hi) continue;
        if (!rates.empty() && std::abs(r - rates.back()) <= 1e-12 * std::max(1.0, std::abs(r))) continue;
        rates.push_back(r);
    }
    return rates;
}

}  // namespace socinv::detail
