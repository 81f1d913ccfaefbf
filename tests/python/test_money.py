"""Money: exact conversions and allocation, with known answers and property tests."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import pytest

import socinv
from socinv import money

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def random_ore(rng: random.Random) -> int:
    # Mostly everyday amounts, sometimes anything a 64-bit count of öre can hold.
    choice = rng.random()
    if choice < 0.45:
        return rng.randint(-10**9, 10**9)
    if choice < 0.9:
        return rng.randint(INT64_MIN, INT64_MAX)
    return rng.choice([0, 1, -1, 99, 100, 101, INT64_MIN, INT64_MAX, INT64_MIN + 1, INT64_MAX - 1])


def test_known_answers():
    assert socinv.parse_sek("4 100 000") == Decimal("4100000.00")
    assert socinv.parse_sek("4 100 000,50 kr") == Decimal("4100000.50")
    assert socinv.parse_sek("1.5e6") == Decimal("1500000.00")
    assert socinv.format_sek(Decimal("4100000")) == "4 100 000 kr"
    assert socinv.format_sek("-1234.5") == "-1 234,50 kr"
    assert socinv.format_decimal(4100000) == "4100000.00"
    assert socinv.format_decimal(0.1) == "0.10"
    assert money.to_ore(Decimal("12.34")) == 1234
    assert money.from_ore(-5) == Decimal("-0.05")
    assert socinv.allocate(Decimal("100"), [1, 1, 1]) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert socinv.allocate("0.02", [1, 1, 1]) == [Decimal("0.01"), Decimal("0.01"), Decimal("0.00")]


def test_bad_amounts():
    with pytest.raises(socinv.InputError, match="more than two decimals"):
        socinv.parse_sek("12.345")
    with pytest.raises(socinv.InputError, match="too large"):
        money.to_ore(2**63)
    with pytest.raises(TypeError):
        money.to_ore(True)
    with pytest.raises(ValueError, match="negative"):
        socinv.allocate(100, [1, -1])
    with pytest.raises(ValueError, match="sum to zero"):
        socinv.allocate(100, [0, 0])


def test_allocate_conserves_money_and_is_fair():
    rng = random.Random(20130610)
    for _ in range(2000):
        total = random_ore(rng)
        weights = [rng.choice([0, rng.randint(1, 10), rng.randint(1, 10**6), rng.randint(1, 2**62)])
                   for _ in range(rng.randint(1, 12))]  # fmt: skip
        if sum(weights) == 0:
            weights[rng.randrange(len(weights))] = rng.randint(1, 1000)
        parts = socinv.allocate(money.from_ore(total), weights)
        assert len(parts) == len(weights)
        assert sum(money.to_ore(p) for p in parts) == total
        whole = sum(weights)
        for part, weight in zip(parts, weights):
            exact = Fraction(total, 100) * weight / whole
            assert abs(Fraction(part) - exact) < Fraction(1, 100), (total, weights)


def test_allocate_is_antisymmetric():
    rng = random.Random(7)
    for _ in range(500):
        total = rng.randint(-(10**12), 10**12)
        weights = [rng.randint(1, 1000) for _ in range(rng.randint(1, 6))]
        plus = socinv.allocate(money.from_ore(total), weights)
        minus = socinv.allocate(money.from_ore(-total), weights)
        assert minus == [-p for p in plus]


def test_format_decimal_round_trips():
    rng = random.Random(4100000)
    for _ in range(5000):
        amount = money.from_ore(random_ore(rng))
        assert socinv.parse_sek(socinv.format_decimal(amount)) == amount
        assert socinv.parse_sek(socinv.format_sek(amount)) == amount
