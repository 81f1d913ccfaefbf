"""What the Python layer's classes share: attributes forwarded to their ``_core`` object, the
check of a whole-number argument, MSEK formatting and the merge of a what-if into a section."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Generic, NoReturn, Optional, TypeVar, overload

import numpy as np

T = TypeVar("T")

__all__ = ["MSEK", "forward", "msek", "whole", "with_section"]

MSEK = 1e6


class forward(Generic[T]):
    """A read-only attribute that returns the same-named attribute of the instance's ``_core``
    object, unchanged: ``npv = forward[float](doc="...")`` in a class body replaces a
    ``@property`` that only returns ``self._core.npv``. ``of`` names a core attribute of
    another name. The type argument is what type checkers and the stubs see; ``help()``
    lists it with its docstring as it does a property (a data descriptor that refuses
    assignment with the same AttributeError)."""

    def __init__(self, *, doc: Optional[str] = None, of: Optional[str] = None) -> None:
        self.__doc__ = doc
        self._name = of or ""
        self._of = of

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name
        if self._of is None:
            self._of = name

    @overload
    def __get__(self, instance: None, owner: Optional[type] = None) -> forward[T]: ...

    @overload
    def __get__(self, instance: object, owner: Optional[type] = None) -> T: ...

    def __get__(self, instance: Optional[object], owner: Optional[type] = None) -> Any:
        if instance is None:
            return self
        return getattr(instance._core, self._of)  # type: ignore[attr-defined,arg-type]

    def __set__(self, instance: object, value: Any) -> NoReturn:
        raise AttributeError(f"property {self._name!r} of {type(instance).__name__!r} object has no setter")

    def __delete__(self, instance: object) -> NoReturn:
        raise AttributeError(f"property {self._name!r} of {type(instance).__name__!r} object has no deleter")


def whole(name: str, value: Any) -> int:
    """``value`` as an int when it is an int (or a numpy integer), not a bool or a float:
    a TypeError naming the argument otherwise."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a whole number, not {type(value).__name__}")
    return int(value)


def msek(x: Optional[float]) -> str:
    """SEK as ``"1,234.57 MSEK"``; ``"–"`` for None or NaN."""
    return "–" if x is None or math.isnan(x) else f"{x / MSEK:,.2f} MSEK"


def with_section(document: dict[str, Any], section: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """``document`` with the keys of ``changes`` replacing those of its ``section`` (a section
    that is missing or not an object is started afresh): the what-if of keyword arguments."""
    current = document.get(section)
    document[section] = {**(current if isinstance(current, Mapping) else {}), **changes}
    return document
