"""Shared fixtures for the tests of the Python package."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
APPLICATIONS = ROOT / "examples" / "applications"
RULES = ROOT / "examples" / "rules"


def _read(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


_SOT = _read(APPLICATIONS / "sot.json")


@pytest.fixture
def sot() -> dict:
    """A fresh copy of the SöT application as a dict, to mutate."""
    return copy.deepcopy(_SOT)


@pytest.fixture(scope="session")
def examples() -> dict[str, Path]:
    """Every example application file by its stem."""
    return {p.stem: p for p in sorted(APPLICATIONS.glob("*.json"))}
