"""JSON text for the C++ core: dicts are dumped with dates and Decimals allowed."""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Union

from socinv import _core

Text = Union[str, bytes]


def _default(value: Any) -> Any:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)  # money fields read text exactly; "1E+3" is fine too
    if isinstance(value, _core.Period):
        return {"start": value.start.isoformat(), "end": value.end.isoformat()}
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def dumps(document: Mapping[str, Any]) -> str:
    """A dict as JSON text; ``datetime.date`` becomes ``"YYYY-MM-DD"`` and Decimal a string."""
    return json.dumps(document, ensure_ascii=False, default=_default)


def looks_like_json(text: str) -> bool:
    return text.lstrip().startswith(("{", "["))


def read_path(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """A file's bytes and the name to report it by (OSError when it cannot be read)."""
    name = os.fsdecode(os.fspath(path))
    with open(name, "rb") as f:
        return f.read(), name
