"""What one line of a plain YAML file holds: keys, plain and quoted scalars, what may follow."""

from __future__ import annotations

import re
from typing import Any

from sbsguide.yamlscalars import MERGE


class Outside(Exception):
    """The text leaves the subset the line reader takes: the parser reads it."""


class TooMany(Exception):
    """The scalar at (row, column), 0-based, is the one past the node limit (SPEC §7)."""

    def __init__(self, row: int, column: int) -> None:
        super().__init__(row, column)
        self.row = row
        self.column = column


_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""Characters that cannot begin a plain scalar (YAML 1.2 c-indicator)."""


def check_key(key: Any) -> None:
    """A key this reader takes: text, not the merge key, within libyaml's implicit-key length."""
    if not isinstance(key, str) or key == MERGE or len(key) > 1000 or key.endswith(":"):
        raise Outside  # 1: or 2024-01-01: (the parser's builder names such keys), <<: …


def key_end(line: str, start: int) -> int | None:
    """Where the ``:`` of a plain ``key: value`` (or ``key:``) on this line is, if it is one."""
    colon = line.find(": ", start)
    if colon < 0:
        if not line.endswith(":"):
            return None
        colon = len(line) - 1
    return colon if colon > start else None


def plain_text(text: str) -> str:
    """A block plain scalar as written, if it is one this reader takes."""
    first = text[:1]
    if not first or (first in _INDICATORS and not (first == "-" and text[1:2] not in ("", " "))):
        raise Outside  # an indicator: an anchor, alias, tag, block scalar…
    if " #" in text:
        raise Outside
    return text


def quoted(line: str, start: int) -> tuple[str, int]:
    """A quoted scalar closed on its line: its text and the index after its closing quote."""
    quote = line[start]
    if quote == '"':
        end = line.find('"', start + 1)
        if end < 0 or "\\" in line[start + 1 : end]:
            raise Outside  # a multi-line string, or escapes: the parser reads them
        return line[start + 1 : end], end + 1
    at = start + 1
    while True:
        end = line.find("'", at)
        if end < 0:
            raise Outside
        if line[end + 1 : end + 2] != "'":
            return line[start + 1 : end].replace("''", "'"), end + 1
        at = end + 2


_SPACES = re.compile(" *")


def skip_spaces(line: str, at: int) -> int:
    """Where the first character after the spaces at ``at`` is."""
    return _SPACES.match(line, at).end()  # type: ignore[union-attr]  # " *" always matches


def end_of_line(line: str, end: int) -> None:
    """Only spaces or a comment may follow a value on its line."""
    rest = line[end:]
    stripped = rest.lstrip(" ")
    if stripped and (stripped[0] != "#" or stripped == rest):
        raise Outside
