"""System files as people write them, read line by line instead of through the parser's events.

Nearly every system file is block mappings and sequences whose values fit on their line: plain
or quoted text, and one-line flow collections (``- {number: GB/T 1.1-2020, name: …}``). That
subset is read here straight into the data and source map :func:`sbsguide.yamldata.build` would
make, with none of the million event and mark objects libyaml's events cost through ruamel at
100,000 standards. Whatever lies outside it — block scalars, multi-line values, anchors, tags,
escapes, duplicate keys, tabs, a second document, anything malformed — makes :func:`read` return
None, and the file goes to the parser, which has the last word on YAML and on every syntax
problem. tests/test_plainyaml.py holds both readers to the same result.
"""

from __future__ import annotations

import re
from typing import Any

from sbsguide import yamldata
from sbsguide.source import SourceMap, Unplaced
from sbsguide.yamldata import MASK, Document
from sbsguide.yamlscalars import MERGE, Scalars

_OUTSIDE = re.compile(
    "[\x00-\x08\t\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff" + MASK + "]"
)
"""Characters this reader leaves to the parser: tabs, characters YAML may not hold, line breaks
other than LF and CRLF, a BOM inside the text, and the parser's colon mask."""

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""Characters that cannot begin a plain scalar (YAML 1.2 c-indicator)."""

_FLOW_PLAIN_TEXT = (
    r"""(?:[^ \-?:,\[\]{}\#&*!|>'"%@`]|-(?=[^ ,\[\]{}]))"""
    r"""(?:[^ ,\[\]{}:'"]++|:(?=[^ ,\[\]{}])| ++(?=[^ ,\[\]{}:\#]))*+"""
)
_FLOW_PLAIN = re.compile(_FLOW_PLAIN_TEXT)
"""A plain scalar inside a flow collection: no flow indicator, ``: `` or `` #``; an inner colon
(第1部分:总则) is text, as YAML 1.2 and the masked libyaml read it; no quote inside, which the
mask would not see past."""
_PAIR = re.compile(rf" *({_FLOW_PLAIN_TEXT}): +({_FLOW_PLAIN_TEXT}) *([,}}])")
"""One entry of a flow mapping of plain keys and values on one line, and what follows it: the
usual entry of a large system file (``{number: GB/T 1.1-2020, …}``), read with one match."""


class _Outside(Exception):
    """The text leaves the subset this reader takes: the parser reads it."""


class _Frame:
    """An open block mapping or sequence: its indentation, container and source-map node."""

    __slots__ = ("container", "indent", "is_map", "where")

    def __init__(self, indent: int, container: Any, where: Any) -> None:
        self.indent = indent
        self.container = container
        self.is_map = isinstance(container, dict)
        self.where = where


def read(text: str, scalars: Scalars, *, positions: bool = True) -> Document | None:
    """The document of ``text``, or None when the parser has to read it."""
    if _OUTSIDE.search(text) or scalars.implicit_any:
        return None  # (a resolver that may type text of any first character: none is shipped)
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # one line break, as YAML counts it
        if "\r" in text:
            return None  # a lone CR is a line break too: the parser counts those
    from ruamel.yaml.error import YAMLError

    try:
        return _Reader(text.split("\n"), scalars, positions).read()
    except (_Outside, YAMLError):  # a constructor's own refusal: the parser's path reports it
        return None


class _Reader:
    __slots__ = (
        "branch",
        "keys",
        "lines",
        "nodes",
        "pending",
        "place",
        "root",
        "row",
        "scalars",
        "source",
        "stack",
    )

    def __init__(self, lines: list[str], scalars: Scalars, positions: bool) -> None:
        self.lines = lines
        self.row = 0  # the line being read (0-based); a flow collection may take several
        self.scalars = scalars
        self.source = SourceMap() if positions else Unplaced()
        self.place = self.source.place
        self.branch = self.source.branch
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.nodes = 0
        self.keys: set[str] = set()  # plain keys known to be text (number, name, …)
        # a key whose value is not on its line: (frame, key, line, column), settled by the next
        self.pending: tuple[_Frame, str, int, int] | None = None

    def read(self) -> Document:
        lines = self.lines
        started = False
        while self.row < len(lines):
            line = lines[self.row]
            body = line.lstrip(" ")
            if body and body[0] != "#":
                indent = len(line) - len(body)
                if indent == 0 and (body[0] == "%" or body[:3] in ("---", "...")):
                    if started or body != "---":
                        raise _Outside  # a directive, a second document, content after ---
                else:
                    self.line(line, indent, body)
                started = True
            self.row += 1
        if self.pending is not None:
            self.settle(None)
        if not self.stack:
            raise _Outside  # an empty document: the parser says what it is
        if self.nodes > yamldata.MAX_NODES:
            raise _Outside  # the parser refuses it, and says why
        return Document(self.root, self.source, [])

    def line(self, line: str, indent: int, body: str) -> None:
        dash = body[0] == "-" and (len(body) == 1 or body[1] == " ")
        stack = self.stack
        if not stack:
            self.open_root(indent, dash)
        pending = self.pending
        if pending is not None:
            frame = pending[0]
            if indent > frame.indent or (indent == frame.indent and dash):
                self.settle([] if dash else {}, indent)
            else:
                self.settle(None)
        while stack and stack[-1].indent > indent:
            stack.pop()
        if not stack:
            raise _Outside  # less indented than the document's first line
        frame = stack[-1]
        if frame.indent != indent:
            raise _Outside  # a continued value, or indentation YAML does not allow
        if dash:
            if frame.is_map:
                raise _Outside
            self.item(frame, line, indent)
            return
        if not frame.is_map:  # a compact sequence under a key ends at the next key
            stack.pop()
            if not stack or stack[-1].indent != indent or not stack[-1].is_map:
                raise _Outside
            frame = stack[-1]
        self.entry(frame, line, indent)

    def open_root(self, indent: int, dash: bool) -> None:
        self.root = [] if dash else {}
        self.source.record((), self.row, indent)
        self.stack.append(_Frame(indent, self.root, self.source.tree))
        self.nodes += 1

    def settle(self, container: Any, indent: int = 0) -> None:
        """Give the pending key its value: None, or a block collection opening at ``indent``."""
        assert self.pending is not None
        frame, key, row, column = self.pending
        self.pending = None
        frame.container[key] = container
        self.nodes += 1
        if container is None:
            self.place(frame.where, key, row, column)
            return
        self.push(indent, container, self.branch(frame.where, key, row, column))

    def push(self, indent: int, container: Any, where: Any) -> None:
        if len(self.stack) >= yamldata.MAX_DEPTH:
            raise _Outside  # the parser refuses it, and says why
        self.stack.append(_Frame(indent, container, where))

    def item(self, frame: _Frame, line: str, indent: int) -> None:
        """``- value``, ``- {…}`` or ``- key: value`` (a mapping opening on the item's line)."""
        column = _skip_spaces(line, indent + 1)
        if column == len(line) or line[column] == "#":
            raise _Outside  # the item's value is on the next lines
        index = len(frame.container)
        row = self.row
        start = line[column]
        if start in "{[":
            frame.container.append(self.flow(column, frame, frame.where, index, column))
            return
        if start not in "'\"":
            colon = _key_end(line, column)
            if colon is not None:
                mapping: dict[str, Any] = {}
                frame.container.append(mapping)
                self.nodes += 1
                self.push(column, mapping, self.branch(frame.where, index, row, column))
                self.entry(self.stack[-1], line, column, colon)
                return
        value, end = self.scalar(line, column)
        _end_of_line(line, end)
        frame.container.append(value)
        self.nodes += 1
        self.place(frame.where, index, row, column)

    def entry(self, frame: _Frame, line: str, column: int, colon: int | None = None) -> None:
        """``key: value``, or ``key:`` with its value on the lines that follow."""
        if line[column] in "'\"":
            key, colon = _quoted(line, column)
            colon = _skip_spaces(line, colon)
            if line[colon : colon + 1] != ":" or line[colon + 1 : colon + 2] not in ("", " "):
                raise _Outside
        else:
            if colon is None:
                colon = _key_end(line, column)
                if colon is None:
                    raise _Outside  # a value where a key belongs
            key = self.scalars.plain(_plain(line[column:colon].rstrip(" ")))
        _check_key(key)
        container = frame.container
        if key in container:
            raise _Outside  # the parser's builder reports a duplicate key
        self.nodes += 1  # the key: the parser's builder counts every scalar
        row = self.row
        if not container and frame is self.stack[0]:
            self.source.record((), row, column)  # the file: where its first key is
        value_at = _skip_spaces(line, colon + 1)
        if value_at == len(line) or line[value_at] == "#":
            if value_at < len(line) and line[value_at - 1] != " ":
                raise _Outside
            self.pending = (frame, key, row, column)
            return
        if line[value_at] in "{[":
            container[key] = self.flow(value_at, frame, frame.where, key, column)
            return
        value, end = self.scalar(line, value_at)
        _end_of_line(line, end)
        container[key] = value
        self.nodes += 1
        self.place(frame.where, key, row, column)

    def scalar(self, line: str, start: int) -> tuple[Any, int]:
        """A block scalar value on its line: its value and where it ends."""
        if line[start] in "'\"":
            return _quoted(line, start)
        end = line.find(" #", start)
        if end < 0:
            end = len(line)
        text = _plain(line[start:end].rstrip(" "))
        if ": " in text or text.endswith(":"):
            raise _Outside
        return self.scalars.plain(text), end

    def flow(self, at: int, block: _Frame, where: Any, key: Any, column: int) -> Any:
        """A flow collection opening at ``at`` of this line, read to the end of its last line.

        Placed as ``key`` of ``where`` at ``column``; it may go on over lines indented deeper
        than ``block``.
        """
        value, at = self.flow_collection(at, block.indent, where, key, column)
        _end_of_line(self.lines[self.row], at)
        return value

    def flow_collection(
        self, at: int, indent: int, where: Any, key: Any, column: int
    ) -> tuple[Any, int]:
        if len(self.stack) >= yamldata.MAX_DEPTH:
            raise _Outside  # the parser refuses it, and says why
        line = self.lines[self.row]
        closer = "}" if line[at] == "{" else "]"
        container: Any = {} if closer == "}" else []
        self.nodes += 1
        node = self.branch(where, key, self.row, column)
        if closer == "}":
            end = self.pairs(line, at + 1, container, node)
            if end is not None:
                return container, end
        self.stack.append(_Frame(-1, container, node))  # counts toward the depth limit
        try:
            at = self.flow_space(at + 1, indent)
            if self.lines[self.row][at : at + 1] == closer:
                return container, at + 1
            while True:
                if closer == "}":
                    at = self.flow_entry(at, indent, container, node)
                else:
                    at = self.flow_item(at, indent, container, node)
                at = self.flow_space(at, indent)
                mark = self.lines[self.row][at : at + 1]
                if mark == closer:
                    return container, at + 1
                if mark != ",":
                    raise _Outside
                at = self.flow_space(at + 1, indent)
                if self.lines[self.row][at : at + 1] in ("]", "}", ","):
                    raise _Outside  # a trailing or doubled comma
        finally:
            self.stack.pop()

    def flow_space(self, at: int, indent: int) -> int:
        """Past spaces, comments and line ends inside a flow collection: where its next token is.

        A line it goes on to must be indented deeper than the block holding the collection.
        """
        line = self.lines[self.row]
        while True:
            at = _skip_spaces(line, at)
            if at < len(line) and (line[at] != "#" or (at and line[at - 1] != " ")):
                return at
            self.row += 1  # the line ends here, or in a comment: the collection goes on below
            if self.row == len(self.lines):
                raise _Outside  # never closed: the parser says where
            line = self.lines[self.row]
            at = 0
            if line.strip(" ") and len(line) - len(line.lstrip(" ")) <= indent:
                raise _Outside

    def pairs(self, line: str, at: int, container: Any, node: Any) -> int | None:
        """A flow mapping of plain entries closed on its line, read pair by pair.

        Where it ends; None, with nothing taken, if it is not all such entries.
        """
        typed, plain, checked, match = (
            self.scalars.typed_starts,
            self.scalars.plain,
            self.keys,
            _PAIR.match,
        )
        entries: dict[str, Any] = {}
        placed = []
        while True:
            pair = match(line, at)
            if pair is None:
                return None
            key, text, after = pair.groups()
            if key not in checked:
                _check_key(plain(key))
                checked.add(key)
            if key in entries:
                raise _Outside
            entries[key] = plain(text) if text[0] in typed else text
            placed.append((key, pair.start(1)))
            at = pair.end()
            if after == "}":
                break
        container.update(entries)
        self.source.place_line(node, self.row, placed)
        self.nodes += 2 * len(placed)
        return at

    def flow_entry(self, at: int, indent: int, container: Any, node: Any) -> int:
        row = self.row
        key, end = self.flow_scalar(at)
        _check_key(key)
        if key in container:
            raise _Outside
        self.nodes += 2  # the key and its value
        if self.lines[row][end : end + 2] != ": ":
            raise _Outside  # {a}, {a:b} or {"a":b}: the parser reads what those mean
        value_at = _skip_spaces(self.lines[row], end + 2)
        start = self.lines[row][value_at : value_at + 1]
        if start in ("{", "["):
            self.nodes -= 1  # the collection counts itself
            container[key], end = self.flow_collection(value_at, indent, node, key, at)
            return end
        if start in (",", "}"):
            value: Any = None  # {not_applicable: }
            end = value_at
        else:
            value, end = self.flow_scalar(value_at)
        container[key] = value
        self.place(node, key, row, at)
        return end

    def flow_item(self, at: int, indent: int, container: Any, node: Any) -> int:
        index = len(container)
        line = self.lines[self.row]
        if line[at : at + 1] in ("{", "["):
            value, end = self.flow_collection(at, indent, node, index, at)
        else:
            value, end = self.flow_scalar(at)
            if line[_skip_spaces(line, end) : _skip_spaces(line, end) + 1] == ":":
                raise _Outside  # [a: b], a single-pair mapping
            self.nodes += 1
            self.place(node, index, self.row, at)
        container.append(value)
        return end

    def flow_scalar(self, at: int) -> tuple[Any, int]:
        """A scalar inside a flow collection, on one line: its value and where it ends."""
        line = self.lines[self.row]
        if line[at : at + 1] in ("'", '"'):
            return _quoted(line, at)
        match = _FLOW_PLAIN.match(line, at)
        if match is None:
            raise _Outside
        return self.scalars.plain(match.group()), match.end()


def _check_key(key: Any) -> None:
    """A key this reader takes: text, not the merge key, within libyaml's implicit-key length."""
    if not isinstance(key, str) or key == MERGE or len(key) > 1000 or key.endswith(":"):
        raise _Outside  # 1: or 2024-01-01: (the parser's builder names such keys), <<: …


def _key_end(line: str, start: int) -> int | None:
    """Where the ``:`` of a plain ``key: value`` (or ``key:``) on this line is, if it is one."""
    colon = line.find(": ", start)
    if colon < 0:
        if not line.endswith(":"):
            return None
        colon = len(line) - 1
    return colon if colon > start else None


def _plain(text: str) -> str:
    """A block plain scalar as written, if it is one this reader takes."""
    first = text[:1]
    if not first or (first in _INDICATORS and not (first == "-" and text[1:2] not in ("", " "))):
        raise _Outside  # an indicator: an anchor, alias, tag, block scalar…
    if " #" in text:
        raise _Outside
    return text


def _quoted(line: str, start: int) -> tuple[str, int]:
    """A quoted scalar closed on its line: its text and the index after its closing quote."""
    quote = line[start]
    if quote == '"':
        end = line.find('"', start + 1)
        if end < 0 or "\\" in line[start + 1 : end]:
            raise _Outside  # a multi-line string, or escapes: the parser reads them
        return line[start + 1 : end], end + 1
    at = start + 1
    while True:
        end = line.find("'", at)
        if end < 0:
            raise _Outside
        if line[end + 1 : end + 2] != "'":
            return line[start + 1 : end].replace("''", "'"), end + 1
        at = end + 2


def _skip_spaces(line: str, at: int) -> int:
    while at < len(line) and line[at] == " ":
        at += 1
    return at


def _end_of_line(line: str, end: int) -> None:
    """Only spaces or a comment may follow a value on its line."""
    rest = line[end:]
    stripped = rest.lstrip(" ")
    if stripped and (stripped[0] != "#" or stripped == rest):
        raise _Outside
