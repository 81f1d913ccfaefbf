"""Adds keys to locale/en.json and locale/sv.json and writes both back sorted, the way a translator
sees them (UTF-8, two-space indent, the no-break space as \\u00a0).

    python scripts/add_catalogue_keys.py NEW_KEYS.json

NEW_KEYS.json maps each key to {"en": TEXT, "sv": TEXT} (a TEXT is a string or {"one", "other"}).
A key that exists already is replaced."""

from __future__ import annotations

import json
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def write(path: Path, data: dict) -> None:
    text = json.dumps(dict(sorted(data.items())), indent=2, ensure_ascii=False) + "\n"
    for invisible in ("\u00a0", "\u2212"):  # a no-break space and a minus sign look like their ASCII kin
        text = text.replace(invisible, f"\\u{ord(invisible):04x}")
    path.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    new = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    for lang in ("en", "sv"):
        path = LOCALE / f"{lang}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        for key, texts in new.items():
            data[key] = texts[lang]
        write(path, data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
