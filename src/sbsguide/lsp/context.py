"""Where the cursor is in a system file: the keys above it, the word under it.

Hover and completion need to know that the cursor is on ``procurement`` under
``standards.support``, or after ``status:``. A buffer being typed is often not valid YAML, so
this reads the lines themselves: the keys of the lines above with less indentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:(?:\s|$)")
_WORD = re.compile(r"[\w./\-—〔〕]+")
_NUMBER = re.compile(r"\b[A-Z][A-Za-z\d]*(?:/[A-Za-z]+)?\s+[\dA-Z][\w.]*(?:[-—]\d{4})?")


@dataclass(frozen=True, slots=True)
class Cursor:
    """The keys enclosing a line (outermost first), its own key, and the word under the cursor."""

    parents: tuple[str, ...]
    key: str | None  # the key this line sets, if it sets one
    word: str  # the word under the cursor
    before: str  # the line's text before the cursor


def to_index(line: str, utf16: int) -> int:
    """A UTF-16 column of a line as a Python string index."""
    units = 0
    for index, character in enumerate(line):
        if units >= utf16:
            return index
        units += 2 if ord(character) > 0xFFFF else 1
    return len(line)


def cursor_at(text: str, line: int, utf16: int) -> Cursor:
    """What surrounds position (``line``, ``utf16``) of a buffer (0-based, LSP's units)."""
    lines = text.splitlines()
    if line >= len(lines):
        return Cursor((), None, "", "")
    own = lines[line]
    column = to_index(own, utf16)
    word = ""
    for token in _WORD.finditer(own):
        if token.start() <= column <= token.end():
            word = token.group().strip("-")
            break
    for number in _NUMBER.finditer(own):  # a standard number holds a space: GB/T 1.1-2020
        if number.start() <= column <= number.end():
            word = number.group()
            break
    found = _KEY.match(own)
    indent = _indent(own) + (2 if re.match(r"^\s*-\s", own) else 0)
    parents: list[str] = []
    for above in reversed(lines[:line]):
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        keyed = _KEY.match(above)
        if keyed is None:
            continue
        depth = len(keyed.group(1))
        if depth < indent:
            parents.insert(0, keyed.group(2))
            indent = depth
            if depth == 0:
                break
    return Cursor(tuple(parents), found.group(2) if found else None, word, own[:column])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
