"""What a YAML scalar's text means: YAML 1.2's implicit types, as ruamel's safe loader has them.

Shared by the two readers of a system file — the parser's events (:mod:`sbsguide.yamldata`) and
the line reader of plain block files (:mod:`sbsguide.plainyaml`) — so that a value is the same
whichever read it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

STR = "tag:yaml.org,2002:str"
MERGE = "tag:yaml.org,2002:merge"
VALUE = "tag:yaml.org,2002:value"
_INT = "tag:yaml.org,2002:int"
_CONSTRUCTORS = {
    "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float",
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:null": "construct_yaml_null",
    "tag:yaml.org,2002:timestamp": "construct_yaml_timestamp",
}
_UNKNOWN = object()
_TYPED_KEPT = 10_000
"""Typed texts remembered: a system's dates and numbers, not a hostile file's million integers."""


class UnknownTag(Exception):
    """A scalar tag sbs does not construct (``!!python/object/apply:…``): refused by name."""


class Scalars:
    """Types scalars: the implicit table read once, each (tag, text) constructed once."""

    def __init__(self, yaml: Any) -> None:
        self.constructor = yaml.constructor
        # The YAML 1.2 implicit-type table (first character → [(tag, pattern)]), read once:
        # ruamel's own resolve() recomputes the document's version for every scalar.
        # ruamel wraps each pattern in a lazy proxy that costs two Python calls a match: the
        # compiled patterns themselves are used (50,000 matches at 10,000 standards)
        table = yaml.resolver.versioned_resolver
        self.implicit: dict[str | None, list[tuple[str, Any]]] = {
            key: [(str(tag), _compiled(pattern)) for tag, pattern in entries]
            for key, entries in table.items()
        }
        self.implicit_any = self.implicit.get(None, [])
        # the first characters of the plain scalars that may be other than text
        self.typed_starts = frozenset(key for key in self.implicit if key)
        self.constructed: dict[tuple[str, str], Any] = {}
        self.typed: dict[str, Any] = {}  # plain text of such a start → its value

    def plain(self, value: str) -> Any:
        """The value of an untagged plain scalar: text, or a number, date, bool or null."""
        if not self.implicit_any and (value[:1] if value else "") not in self.implicit:
            return value  # most values: text no implicit type starts with (resolve, inlined)
        known = self.typed.get(value, _UNKNOWN)
        if known is _UNKNOWN:  # dates and numbers repeat: resolve and construct each text once
            known = self.tagged(self.resolve(value), value)
            if len(self.typed) < _TYPED_KEPT:
                self.typed[value] = known
        return known

    def tagged(self, tag: str, value: str, mark: Any = None) -> Any:
        """The value of a scalar of a known tag (raises UnknownTag for any other)."""
        if tag in (STR, VALUE):
            return value  # YAML 1.1's "=" value key: in a system file it is only text
        if tag == MERGE:
            return MERGE
        if tag == _INT and value.isascii() and value.isdigit() and value[:1] != "0":
            return int(value)  # plain decimal: what ruamel's constructor makes, without it
        known = self.constructed.get((tag, value), _UNKNOWN)
        if known is not _UNKNOWN:
            return known  # dates and numbers repeat: construct each text once
        method = _CONSTRUCTORS.get(tag)
        if method is None:
            raise UnknownTag(tag)
        from ruamel.yaml.nodes import ScalarNode

        try:
            result = getattr(self.constructor, method)(ScalarNode(tag, value, mark))
        except ValueError:
            result = value  # e.g. 2024-02-30: the schema reports an impossible date
        if len(self.constructed) < _TYPED_KEPT:
            self.constructed[(tag, value)] = result
        return result

    def resolve(self, value: str) -> str:
        """The tag of a plain scalar, as ruamel's YAML 1.2 resolver gives it."""
        candidates = self.implicit.get(value[0] if value else "")
        if candidates is None and not self.implicit_any:
            return STR  # most values: Chinese text, which no implicit type starts with
        for tag, pattern in (candidates or []) + self.implicit_any:
            if pattern.match(value):
                return tag
        return STR


def _compiled(pattern: Any) -> Any:
    """The compiled pattern behind ruamel's ``LazyEval`` proxy (the pattern itself if none)."""
    unwrap = getattr(pattern, "lazy_self", None)
    return unwrap() if callable(unwrap) else pattern


@cache
def safe_scalars() -> Scalars:
    """The scalar typing both readers share, made once a process (its caches have a bound)."""
    from ruamel.yaml import YAML

    return Scalars(YAML(typ="safe", pure=True))
