#pragma once
// The rates at which a net present value is zero: bracketing on a grid, then a safeguarded Newton.
//
// A net present value as a function of the rate r is f(r) = Σ a_k (1 + r)^-t_k with t_k ≥ 0.
// The solver works in u = ln(1 + r), where the open interval r ∈ (-1, ∞) becomes the whole real
// line, and evaluates h(u) = f(e^u - 1) · e^{c u}: the positive factor e^{c u} moves no root, and
// with c = latest time for u < 0 and c = 0 for u ≥ 0 no term can overflow, however close the rate
// comes to -100 % or however large it grows.
//
// Policy (shared by xirr and irr):
// - No rate exists when the amounts, in time order with flows at the same time merged and zeros
//   left out, do not change sign (Descartes' rule of signs, which holds for sums of exponentials:
//   there are at most as many roots as sign changes). All-zero, empty and one-flow series have
//   no rate, and neither has a series whose rate would overflow a double (beyond about 1e308) or
//   round to -100 % (within about 1e-16 of it).
// - With exactly one sign change the root is unique and that root is returned.
// - With several sign changes there may be several roots; the one closest to the guess (default
//   0.1) is returned. The solver scans a fixed grid of rates outward from the guess on both sides
//   (finer near 0, geometric towards -100 % and towards large rates, then open-ended), refines the
//   first bracket it meets, and keeps scanning the other side only as far as a closer root could
//   lie. A root of even multiplicity (a touching, not crossing, root) gives no sign change; when
//   the scan finds no bracket, a Newton iteration from the guess is tried and its end point is
//   accepted if the value there is zero to 1e-10 of the size of the terms. all_rates() scans a
//   much finer grid and lists every root in a range.
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
    double magnitude = 0.0;  // Σ |terms|: the scale of the rounding error in value
};

// Flows at arbitrary times t_k ≥ 0 (years).
class timed_npv {
public:
    timed_npv(std::span<const double> times, std::span<const double> amounts) : t_(times), a_(amounts) {
        for (const double t : t_) latest_ = std::max(latest_, t);
    }

    npv_point at(double u) const {
        const double c = u < 0.0 ? latest_ : 0.0;
        npv_point p;
        for (std::size_t k = 0; k < t_.size(); ++k) {
            const double e = t_[k] - c;
            const double term = a_[k] * std::exp(-e * u);
            p.value += term;
            p.slope -= e * term;
            p.magnitude += std::abs(term);
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

    npv_point at(double u) const {
        const std::size_t n = a_.size();
        if (n == 0) return {};
        if (u >= 0.0) {  // Σ a_i x^i with x = e^-u; dh/du = -x P'(x)
            const double x = std::exp(-u);
            double p = a_[n - 1], dp = 0.0, m = std::abs(a_[n - 1]);
            for (std::size_t i = n - 1; i-- > 0;) {
                dp = dp * x + p;
                p = p * x + a_[i];
                m = m * x + std::abs(a_[i]);
            }
            return {p, -x * dp, m};
        }
        // Σ a_i y^(n-1-i) with y = e^u; dh/du = y Q'(y)
        const double y = std::exp(u);
        double q = a_[0], dq = 0.0, m = std::abs(a_[0]);
        for (std::size_t i = 1; i < n; ++i) {
            dq = dq * y + q;
            q = q * y + a_[i];
            m = m * y + std::abs(a_[i]);
        }
        return {q, y * dq, m};
    }

private:
    std::span<const double> a_;
};

inline int sign_of(double x) { return (x > 0.0) - (x < 0.0); }

// What the amounts, in time order, say before any evaluation.
//
// Besides Descartes' bound on all roots, the partial sums bound the roots on each side of 0 %:
// for u > 0, h(u) / u is the Laplace transform of the step function of the running sums
// a_1, a_1 + a_2, ... (Abel summation), and a Laplace transform has no more positive zeros than
// its function has sign changes; for u < 0 the same holds for the running sums from the latest
// flow backwards. When those bounds add up to at most one root, the root is unique (or there is
// none) and a Newton iteration needs no scan. Running sums within rounding of zero make the
// bounds uncertain, and then they are not used.
struct npv_limits {
    int sign_changes = 0;    // of the amounts, zeros skipped: at most this many roots
    int near_minus_one = 0;  // sign of the value as the rate approaches -100 %: the latest amount's
    int at_infinity = 0;     // sign of the value as the rate grows without bound: the earliest amount's
    int above_zero = 0;      // sign changes of the running sums: at most this many roots above 0 %
    int below_zero = 0;      // ... of the running sums from the end: at most this many below 0 %
    bool zero_is_root = false;  // the amounts sum to exactly 0
    bool bounds_certain = false;
};

inline npv_limits limits_of(std::span<const double> ordered_amounts) {
    npv_limits l;
    int previous = 0;
    double size = 0.0;
    for (const double a : ordered_amounts) {
        size += std::abs(a);
        const int s = sign_of(a);
        if (s == 0) continue;
        if (previous == 0) l.at_infinity = s;
        else if (s != previous) ++l.sign_changes;
        previous = s;
    }
    l.near_minus_one = previous;
    if (l.sign_changes == 0) return l;
    const double floor = 1e-12 * size;
    bool certain = true;
    const auto count = [&](auto first, auto last) {
        int changes = 0, last_sign = 0;
        double sum = 0.0;
        for (auto it = first; it != last; ++it) {
            if (*it == 0.0) continue;
            sum += *it;
            if (std::abs(sum) <= floor) {
                certain = false;
                continue;
            }
            const int s = sign_of(sum);
            if (last_sign != 0 && s != last_sign) ++changes;
            last_sign = s;
        }
        return std::pair{changes, sum};
    };
    const auto [above, total] = count(ordered_amounts.begin(), ordered_amounts.end());
    l.above_zero = above;
    l.below_zero = count(ordered_amounts.rbegin(), ordered_amounts.rend()).first;
    l.zero_is_root = total == 0.0;
    l.bounds_certain = certain;
    return l;
}

// The scan grid, in rates: fine near 0, geometric towards -100 % and towards large rates.
inline constexpr std::array<double, 84> rate_grid{
    -1 + 1e-12, -1 + 1e-9, -1 + 1e-6, -0.9999, -0.999, -0.995, -0.99, -0.98, -0.97, -0.95, -0.925, -0.9,
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

// The root of h in [a, b] (in u), where h(a) = fa and h(b) = fb have opposite signs: Newton
// steps while they stay in the shrinking bracket and converge fast enough, bisection otherwise.
template <class Npv>
double refine_bracket(const Npv& f, double a, double fa, double b, double fb) {
    constexpr double eps = std::numeric_limits<double>::epsilon();
    if (fa == 0.0) return a;
    if (fb == 0.0) return b;
    const bool a_negative = fa < 0.0;
    double x = a - fa * (b - a) / (fb - fa);  // regula falsi start
    if (!(x > a && x < b)) x = 0.5 * (a + b);
    double step = b - a, previous_step = b - a;
    for (int iteration = 0; iteration < 200; ++iteration) {
        const npv_point p = f.at(x);
        if (p.value == 0.0 || std::abs(p.value) <= eps * p.magnitude) return x;
        if ((p.value < 0.0) == a_negative) a = x;
        else b = x;
        const double newton = x - p.value / p.slope;
        const bool newton_fits = newton > a && newton < b && std::abs(2.0 * p.value) <= std::abs(previous_step * p.slope);
        previous_step = step;
        const double next = newton_fits ? newton : 0.5 * (a + b);
        step = next - x;
        const double tolerance = 2.0 * eps * std::max(std::abs(next), 1e-9);
        if (std::abs(step) <= tolerance || b - a <= tolerance) return next;
        x = next;
    }
    return 0.5 * (a + b);
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

// The one root of h, known to exist and to be unique: Newton from u0 inside the bracket that
// the signs seen so far give (open on one side at first: the root lies where the end has the
// other sign), bisecting once both ends are known and Newton strays or stalls, stepping outward
// while one end is open.
template <class Npv>
double unique_root(const Npv& f, const npv_limits& limits, double u0, npv_point p) {
    constexpr double eps = std::numeric_limits<double>::epsilon();
    constexpr double infinity = std::numeric_limits<double>::infinity();
    const bool low_negative = limits.near_minus_one < 0;  // the sign of h far below the root
    double lo = -infinity, hi = infinity;
    double x = u0, step = infinity, previous_step = infinity;
    for (int iteration = 0; iteration < 300; ++iteration) {
        if (p.value == 0.0 || std::abs(p.value) <= eps * p.magnitude) return x;
        if ((p.value < 0.0) == low_negative) lo = x;
        else hi = x;
        const double newton = x - p.value / p.slope;
        double next;
        if (std::isfinite(lo) && std::isfinite(hi)) {
            const bool fits = newton > lo && newton < hi && std::abs(2.0 * p.value) <= std::abs(previous_step * p.slope);
            next = fits ? newton : 0.5 * (lo + hi);
        } else {
            // One end open: Newton if it heads for the open end by at most a few units of u,
            // else a step outward that doubles.
            const double outward = std::isfinite(lo) ? 1.0 : -1.0;
            const double jump = std::max(1.0, 2.0 * std::abs(x - u0));
            const bool fits = newton > lo && newton < hi && (newton - x) * outward > 0.0 && std::abs(newton - x) <= jump;
            next = fits ? newton : x + outward * jump;
        }
        previous_step = step;
        step = next - x;
        const double tolerance = 2.0 * eps * std::max(std::abs(next), 1e-9);
        if (std::abs(step) <= tolerance || (std::isfinite(lo) && std::isfinite(hi) && hi - lo <= tolerance))
            return next;
        if (std::abs(next) > 1e4) return next;  // far beyond any rate a double holds; the caller rejects it
        x = next;
        p = f.at(x);
    }
    return x;
}

// The rate closest to `guess` (> -1) at which f is zero, by the policy at the top of this file.
template <class Npv>
std::optional<double> find_rate(const Npv& f, const npv_limits& limits, double guess) {
    if (limits.sign_changes == 0) return std::nullopt;
    const auto& u_grid = log_rate_grid();
    const auto n = static_cast<std::ptrdiff_t>(u_grid.size());
    const double u0 = std::log1p(guess);
    const npv_point p0 = f.at(u0);
    if (p0.value == 0.0) return guess;
    const int s0 = sign_of(p0.value);

    if (limits.bounds_certain && limits.above_zero + limits.below_zero + (limits.zero_is_root ? 1 : 0) <= 1) {
        if (limits.near_minus_one == limits.at_infinity) return std::nullopt;  // an even count: none
        const double rate = std::expm1(unique_root(f, limits, u0, p0));
        if (!(std::isfinite(rate) && rate > -1.0)) return std::nullopt;
        return rate;
    }

    struct side {
        int direction;        // -1 towards -100 %, +1 towards large rates
        std::ptrdiff_t next;  // grid index of the next point
        std::ptrdiff_t end;   // one past the last grid index to look at, in the direction
        bool open;            // whether to look beyond the grid, towards the end of the line
        double u;             // the last point evaluated on this side, its value and sign
        double value;
        int sign;
        bool done;
    };
    std::ptrdiff_t first_above = 0;
    while (first_above < n && u_grid[static_cast<std::size_t>(first_above)] <= u0) ++first_above;
    std::ptrdiff_t last_below = first_above - 1;
    while (last_below >= 0 && u_grid[static_cast<std::size_t>(last_below)] >= u0) --last_below;
    side left{-1, last_below, -1, true, u0, p0.value, s0, false};
    side right{+1, first_above, n, true, u0, p0.value, s0, false};
    if (limits.sign_changes == 1) {  // one root: on the side whose end has the other sign
        if (s0 == limits.at_infinity) right.done = true;
        else left.done = true;
    }
    // No roots below (above) 0 %: the scan stops at 0 % on that side.
    if (limits.bounds_certain && !limits.zero_is_root) {
        const auto zero = static_cast<std::ptrdiff_t>(std::find(rate_grid.begin(), rate_grid.end(), 0.0) - rate_grid.begin());
        if (limits.below_zero == 0) {
            left.end = std::min(zero - 1, left.next);
            left.open = false;
        }
        if (limits.above_zero == 0) {
            right.end = std::max(zero + 1, right.next);
            right.open = false;
        }
    }

    constexpr double infinity = std::numeric_limits<double>::infinity();
    const auto in_grid = [&](const side& s) { return s.next != s.end; };
    const auto next_distance = [&](const side& s) {
        return in_grid(s) ? std::abs(rate_grid[static_cast<std::size_t>(s.next)] - guess) : infinity;
    };
    std::optional<double> best;
    double best_distance = infinity;

    while (!left.done || !right.done) {
        side& s = left.done ? right : right.done ? left : next_distance(right) < next_distance(left) ? right : left;
        if (best && std::abs(std::expm1(s.u) - guess) >= best_distance) {
            s.done = true;
            continue;
        }
        double u = 0.0;
        npv_point p;
        if (in_grid(s)) {
            u = u_grid[static_cast<std::size_t>(s.next)];
            p = f.at(u);
            s.next += s.direction;
        } else {  // the open end: only if the sign there differs, then double u until it shows
            s.done = true;
            if (!s.open) continue;
            const int end_sign = s.direction < 0 ? limits.near_minus_one : limits.at_infinity;
            if (end_sign == s.sign) continue;
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
        if (sign == s.sign) {
            s.u = u;
            s.value = p.value;
            continue;
        }
        const double root_u = sign == 0 ? u
                              : s.direction < 0 ? refine_bracket(f, u, p.value, s.u, s.value)
                                                : refine_bracket(f, s.u, s.value, u, p.value);
        const double rate = std::expm1(root_u);
        if (std::abs(rate - guess) < best_distance) {
            best = rate;
            best_distance = std::abs(rate - guess);
        }
        s.done = true;
        if (limits.sign_changes == 1) break;
    }
    if (!best) {
        if (const auto u = touching_root(f, u0)) best = std::expm1(*u);
    }
    // A rate beyond the range of a double, or so close to -100 % that it rounds to it.
    if (best && !(std::isfinite(*best) && *best > -1.0)) return std::nullopt;
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
            if (t != 0 && t != s) roots.push_back(refine_bracket(f, us[i], ps[i].value, us[i + 1], ps[i + 1].value));
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
