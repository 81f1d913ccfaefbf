"""The layers run one way (docs/architecture.md): the model and the domain layers include no JSON."""

from __future__ import annotations

import re
from pathlib import Path

INCLUDE = Path(__file__).resolve().parents[2] / "include" / "socinv"
DOMAIN_LAYERS = ["core", "detail", "application", "rules", "economics", "outcomes", "transfer"]
# What each layer may include, besides itself and the standard and Boost headers.
ALLOWED = {
    "core": {"core", "detail"},
    "detail": {"core", "detail"},
    "economics": {"core", "detail", "economics"},
    "transfer": {"core", "detail", "economics", "transfer"},
    "outcomes": {"core", "detail", "economics", "outcomes"},
    "application": {"core", "detail", "economics", "transfer", "outcomes", "application"},
    "rules": {"core", "detail", "economics", "transfer", "outcomes", "application", "rules"},
}


def _includes(header: Path) -> list[str]:
    return re.findall(r'^\s*#\s*include\s*[<"]([^">]+)[">]', header.read_text(encoding="utf-8"), re.M)


def test_domain_layers_include_no_json_and_no_io():
    offenders = []
    for layer in DOMAIN_LAYERS:
        for header in sorted((INCLUDE / layer).glob("*.hpp")):
            for inc in _includes(header):
                if inc.startswith(("nlohmann/", "simdjson")) or inc.startswith("socinv/io/"):
                    offenders.append(f"{header.relative_to(INCLUDE)} includes {inc}")
    assert offenders == [], "\n".join(offenders)


def test_layers_include_only_layers_below_them():
    offenders = []
    for layer, allowed in ALLOWED.items():
        for header in sorted((INCLUDE / layer).glob("*.hpp")):
            for inc in _includes(header):
                if not inc.startswith("socinv/"):
                    continue
                target = inc.split("/")[1]
                if target not in allowed:
                    offenders.append(f"{header.relative_to(INCLUDE)} includes {inc}")
    assert offenders == [], "\n".join(offenders)
