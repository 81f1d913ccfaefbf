"""Eligibility rule sets: the built-in ones (Örebro 2013 is the default) and your own."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import Any, Optional, Union

from socinv import _core, _html
from socinv._json import dumps, looks_like_json, read_path
from socinv._wrap import forward

__all__ = ["DEFAULT_RULES", "RuleSet", "RulesSource", "builtin_rule_sets", "load_rules"]

#: The rule set used when none is given.
DEFAULT_RULES = "orebro-2013"


class RuleSet:
    """An eligibility rule set (schema/rule-set.schema.json): who may apply, for how long,
    and for how much. Make one with :func:`load_rules`; :meth:`to_dict` shows all of it."""

    __slots__ = ("_core",)

    def __init__(self, core: _core.RuleSet) -> None:
        if not isinstance(core, _core.RuleSet):
            raise TypeError("use socinv.load_rules() to make a RuleSet")
        self._core = core

    name = forward[str]()
    version = forward[str]()
    title = forward[str]()
    source = forward[str](doc="Where the rules come from (a citation), not a file name.")
    min_months = forward[Optional[int]]()
    max_months = forward[Optional[int]]()

    def to_dict(self) -> dict[str, Any]:
        """The rule set as a dict that :func:`load_rules` reads back equal (a new dict each call)."""
        return self._core.to_dict()

    def to_json(self, indent: Optional[int] = None) -> str:
        return self._core.to_json(-1 if indent is None else indent)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # By its text, which load_rules reads back equal (to_dict's promise).
        return (load_rules, (self.to_json(),))

    def __repr__(self) -> str:
        return f"<RuleSet {self.name} ({self.version}): {self.title!r}>"

    def _repr_html_(self) -> str:
        h = _html
        d = self.to_dict()
        alternatives = h.table(
            ["rule", "description", "requires"],
            (
                [
                    f"<b>{h.text(a['id'])}</b>",
                    h.text(a["description"]["en"]),
                    "<br>".join(
                        h.text(f"at least {r['at_least']} × {' or '.join(r['kinds'])}") for r in a["requires"]
                    ),
                ]
                for a in d["eligibility"]["alternatives"]
            ),
        )
        duration = d["duration"]
        months = f"{duration.get('min_months', '–')} to {duration.get('max_months', '–')} months"
        counted = ", ".join(d["eligibility"]["counted_roles"])
        never = ", ".join(d["eligibility"]["never_counted_kinds"]) or "none"
        return (
            f"<div><div><b>{h.text(self.title or self.name)}</b> <code>{h.text(self.name)}</code> "
            f"version {h.text(self.version)}</div>"
            f"<div>Eligible when one of these holds (roles counted: {h.text(counted)}; "
            f"never counted: {h.text(never)}); duration {h.text(months)}.</div>{alternatives}</div>"
        )


@functools.lru_cache(maxsize=None)
def _builtin(name: str) -> RuleSet:
    return RuleSet(_core.builtin_rule_set(name))


def builtin_rule_sets() -> list[RuleSet]:
    """The rule sets that ship with socinv; the first is the default (``orebro-2013``)."""
    return [_builtin(name) for name in _core.builtin_rule_set_names()]


#: What :func:`load_rules` accepts.
RulesSource = Union[RuleSet, Mapping[str, Any], str, bytes, "os.PathLike[str]"]


def load_rules(source: RulesSource = DEFAULT_RULES) -> RuleSet:
    """Load and check a rule set.

    ``source`` is one of:

    - the name of a built-in rule set (``"orebro-2013"``, see :func:`builtin_rule_sets`);
    - a path (``str`` or ``os.PathLike``) of a rule-set JSON file, e.g.
      ``examples/rules/cross-municipal.json``;
    - a ``dict`` in the rule-set format, or its JSON text (``str`` starting with ``{``, or bytes);
    - a :class:`RuleSet`, returned as it is.

    Raises :class:`socinv.InputError` for an unknown name (listing the built-in ones) or a
    rule set that does not follow schema/rule-set.schema.json, and ``OSError`` for a file
    that cannot be read.
    """
    if isinstance(source, RuleSet):
        return source
    if isinstance(source, Mapping):
        return RuleSet(_core.parse_rule_set(dumps(source), ""))
    if isinstance(source, (bytes, bytearray, memoryview)):
        return RuleSet(_core.parse_rule_set(bytes(source), ""))
    if isinstance(source, str):
        if source in _core.builtin_rule_set_names():
            return _builtin(source)
        if looks_like_json(source):
            return RuleSet(_core.parse_rule_set(source, ""))
        if not os.path.exists(source) and "/" not in source and os.sep not in source and "." not in source:
            return RuleSet(_core.builtin_rule_set(source))  # raises InputError listing the names
    if isinstance(source, (str, os.PathLike)):
        data, name = read_path(source)
        return RuleSet(_core.parse_rule_set(data, name))
    raise TypeError(f"load_rules takes a name, a path, a dict or a RuleSet, not {type(source).__name__}")
