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
from itertools import accumulate
from typing import Any

from sbsguide import yamldata
from sbsguide.source import LogicalPath, SourceMap, Span, Unplaced
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
    r"""(?:[^ ,\[\]{}:?'"]++|:(?=[^ ,\[\]{}])| ++(?=[^ ,\[\]{}:\#]))*+"""
)
_FLOW_PLAIN = re.compile(_FLOW_PLAIN_TEXT)
"""A plain scalar inside a flow collection: no flow indicator, ``: `` or `` #``; an inner colon
(第1部分:总则) is text, as YAML 1.2 and the masked libyaml read it; no quote inside, which the
mask would not see past, and no ``?``, which ends a plain scalar for libyaml."""
_PAIR = re.compile(rf" *({_FLOW_PLAIN_TEXT}): +({_FLOW_PLAIN_TEXT}) *([,}}])")
"""One entry of a flow mapping of plain keys and values on one line, and what follows it: the
usual entry of a large system file (``{number: GB/T 1.1-2020, …}``), read with one match."""


class _Outside(Exception):
    """The text leaves the subset this reader takes: the parser reads it."""


class _Frame:
    """An open mapping or sequence: where it is, its container and source-map node.

    ``indent`` is a block collection's column (-1 for a flow collection, closed on its own);
    ``path``, ``start`` and ``key_start`` serve the spans `sbs fix` asks for.
    """

    __slots__ = ("container", "indent", "is_map", "key_start", "path", "start", "where")

    def __init__(
        self,
        indent: int,
        container: Any,
        where: Any,
        path: LogicalPath = (),
        start: int = 0,
        key_start: int | None = None,
    ) -> None:
        self.indent = indent
        self.container = container
        self.is_map = isinstance(container, dict)
        self.where = where
        self.path = path
        self.start = start
        self.key_start = key_start


def read(
    text: str, scalars: Scalars, *, positions: bool = True, spans: bool = False
) -> Document | None:
    """The document of ``text``, or None when the parser has to read it.

    ``spans`` keeps each node's exact span, as :func:`sbsguide.yamldata.build` does.
    """
    if _OUTSIDE.search(text) or scalars.implicit_any:
        return None  # (a resolver that may type text of any first character: none is shipped)
    if "\r" in text:
        if spans:
            return None  # a span counts the CR of CRLF: the parser's spans count it
        text = text.replace("\r\n", "\n")  # one line break, as YAML counts it
        if "\r" in text:
            return None  # a lone CR is a line break too: the parser counts those
    from ruamel.yaml.error import YAMLError

    try:
        return _Reader(text, scalars, positions, spans).read()
    except (_Outside, YAMLError):  # a constructor's own refusal: the parser's path reports it
        return None


class _Reader:
    __slots__ = (
        "branch",
        "end",
        "keys",
        "lines",
        "nodes",
        "offsets",
        "pending",
        "place",
        "root",
        "row",
        "scalars",
        "source",
        "spans",
        "stack",
    )

    def __init__(self, text: str, scalars: Scalars, positions: bool, spans: bool) -> None:
        self.lines = text.split("\n")
        self.end = len(text)
        self.row = 0  # the line being read (0-based); a flow collection may take several
        self.scalars = scalars
        self.source = SourceMap() if positions or spans else Unplaced()
        self.place = self.source.place
        self.branch = self.source.branch
        # with spans: each line's offset in the text, and the spans themselves
        self.spans: dict[LogicalPath, Span] | None = self.source.spans if spans else None
        self.offsets = list(accumulate((len(line) + 1 for line in self.lines), initial=0))
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.nodes = 0
        self.keys: set[str] = set()  # plain keys known to be text (number, name, …)
        # a value not on its line, settled by the next line: (frame, key, line, column, offset
        # after the key's colon) of ``key:``, or (frame, index, -1, 0, 0) of a bare ``-``
        self.pending: tuple[_Frame, Any, int, int, int] | None = None

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
        while self.stack:
            self.close(self.end)
        return Document(self.root, self.source, [])

    def line(self, line: str, indent: int, body: str) -> None:
        dash = body[0] == "-" and (len(body) == 1 or body[1] == " ")
        stack = self.stack
        if not stack:
            self.open_root(indent, dash)
        if self.pending is not None:
            frame = self.pending[0]
            if indent > frame.indent or (indent == frame.indent and dash and frame.is_map):
                self.settle([] if dash else {}, indent)
            else:
                self.settle(None)
        if stack[-1].indent > indent:
            here = self.offsets[self.row] + indent  # where the next token starts
            while stack and stack[-1].indent > indent:
                self.close(here)
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
            self.close(self.offsets[self.row] + indent)
            if not stack or stack[-1].indent != indent or not stack[-1].is_map:
                raise _Outside
            frame = stack[-1]
        self.entry(frame, line, indent)

    def open_root(self, indent: int, dash: bool) -> None:
        self.root = [] if dash else {}
        self.source.record((), self.row, indent)
        self.stack.append(
            _Frame(indent, self.root, self.source.tree, (), self.offsets[self.row] + indent)
        )
        self.nodes += 1

    def close(self, end: int) -> None:
        """Close the innermost block collection; ``end``: where the token after it starts."""
        frame = self.stack.pop()
        if self.spans is not None:
            self.spans[frame.path] = Span(frame.key_start, frame.start, end)

    def settle(self, container: Any, indent: int = 0) -> None:
        """Give the pending value: None, or a block collection opening at ``indent``."""
        assert self.pending is not None
        frame, key, row, column, after_colon = self.pending
        self.pending = None
        self.nodes += 1
        if row < 0:  # a bare ``-``: its collection is where it starts
            if container is None:
                raise _Outside  # a null item: the parser places it
            row, column = self.row, indent
            frame.container.append(container)
            key_start = None
        else:
            frame.container[key] = container
            key_start = self.offsets[row] + column
        if container is None:
            self.place(frame.where, key, row, column)
            if self.spans is not None:
                self.spans[(*frame.path, key)] = Span(key_start, after_colon, after_colon)
            return
        where = self.branch(frame.where, key, row, column)
        start = self.offsets[self.row] + indent
        self.push(_Frame(indent, container, where, (*frame.path, key), start, key_start))

    def push(self, frame: _Frame) -> None:
        if len(self.stack) >= yamldata.MAX_DEPTH:
            raise _Outside  # the parser refuses it, and says why
        self.stack.append(frame)

    def item(self, frame: _Frame, line: str, indent: int) -> None:
        """``- value``, ``- {…}`` or ``- key: value`` (a mapping opening on the item's line)."""
        column = _skip_spaces(line, indent + 1)
        index = len(frame.container)
        if column == len(line) or line[column] == "#":
            self.pending = (frame, index, -1, 0, 0)  # the item's value is on the next lines
            return
        row = self.row
        start = line[column]
        if start in "{[":
            frame.container.append(self.flow(column, frame, index, column, None))
            return
        if start not in "'\"":
            colon = _key_end(line, column)
            if colon is not None:
                mapping: dict[str, Any] = {}
                frame.container.append(mapping)
                self.nodes += 1
                where = self.branch(frame.where, index, row, column)
                offset = self.offsets[row] + column
                self.push(_Frame(column, mapping, where, (*frame.path, index), offset))
                self.entry(self.stack[-1], line, column, colon)
                return
        value, end = self.scalar(line, column)
        _end_of_line(line, end)
        frame.container.append(value)
        self.nodes += 1
        self.place(frame.where, index, row, column)
        if self.spans is not None:
            offset = self.offsets[row]
            self.spans[(*frame.path, index)] = Span(None, offset + column, offset + end)

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
            self.pending = (frame, key, row, column, self.offsets[row] + colon + 1)
            return
        if line[value_at] in "{[":
            container[key] = self.flow(value_at, frame, key, column, column)
            return
        value, end = self.scalar(line, value_at)
        _end_of_line(line, end)
        container[key] = value
        self.nodes += 1
        self.place(frame.where, key, row, column)
        if self.spans is not None:
            offset = self.offsets[row]
            self.spans[(*frame.path, key)] = Span(offset + column, offset + value_at, offset + end)

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
        return self.scalars.plain(text), start + len(text)

    def flow(self, at: int, block: _Frame, key: Any, column: int, key_column: int | None) -> Any:
        """A flow collection opening at ``at`` of this line, read to the end of its last line.

        Placed as ``key`` of ``block`` at ``column`` (``key_column``: where its key is, for a
        mapping entry); it may go on over lines indented deeper than ``block``.
        """
        key_start = None if key_column is None else self.offsets[self.row] + key_column
        value, at = self.flow_collection(
            at, block.indent, block.where, block.path, key, column, key_start, False
        )
        _end_of_line(self.lines[self.row], at)
        return value

    def flow_collection(
        self,
        at: int,
        indent: int,
        where: Any,
        parent: LogicalPath,
        key: Any,
        column: int,
        key_start: int | None,
        in_flow: bool,
    ) -> tuple[Any, int]:
        if len(self.stack) >= yamldata.MAX_DEPTH:
            raise _Outside  # the parser refuses it, and says why
        line = self.lines[self.row]
        start = self.offsets[self.row] + at
        closer = "}" if line[at] == "{" else "]"
        container: Any = {} if closer == "}" else []
        self.nodes += 1
        node = self.branch(where, key, self.row, column)
        path = (*parent, key)
        end = self.pairs(line, at + 1, container, node, path) if closer == "}" else None
        if end is None:
            self.stack.append(_Frame(-1, container, node))  # counts toward the depth limit
            try:
                end = self.flow_items(at + 1, indent, closer, container, node, path)
            finally:
                self.stack.pop()
        if self.spans is not None:
            self.spans[path] = Span(key_start, start, self.offsets[self.row] + end, True, in_flow)
        return container, end

    def flow_items(
        self, at: int, indent: int, closer: str, container: Any, node: Any, path: LogicalPath
    ) -> int:
        """The entries or items of a flow collection, up to where its closer ends."""
        at = self.flow_space(at, indent)
        if self.lines[self.row][at : at + 1] == closer:
            return at + 1
        while True:
            if closer == "}":
                at = self.flow_entry(at, indent, container, node, path)
            else:
                at = self.flow_item(at, indent, container, node, path)
            at = self.flow_space(at, indent)
            mark = self.lines[self.row][at : at + 1]
            if mark == closer:
                return at + 1
            if mark != ",":
                raise _Outside
            at = self.flow_space(at + 1, indent)
            if self.lines[self.row][at : at + 1] in ("]", "}", ","):
                raise _Outside  # a trailing or doubled comma

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

    def pairs(self, line: str, at: int, container: Any, node: Any, path: LogicalPath) -> int | None:
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
        if self.spans is not None:
            self.pair_spans(line, placed[0][1], at, path)
        return at

    def pair_spans(self, line: str, start: int, end: int, path: LogicalPath) -> None:
        """The spans of the entries ``pairs`` read (asked for by `sbs fix` only)."""
        assert self.spans is not None
        offset = self.offsets[self.row]
        for pair in _PAIR.finditer(line, start, end):
            key_start, value_start, value_end = pair.start(1), pair.start(2), pair.end(2)
            self.spans[(*path, pair[1])] = Span(
                offset + key_start, offset + value_start, offset + value_end, False, True
            )

    def flow_entry(self, at: int, indent: int, container: Any, node: Any, path: LogicalPath) -> int:
        row = self.row
        key, end = self.flow_scalar(at)
        _check_key(key)
        if key in container:
            raise _Outside
        self.nodes += 2  # the key and its value
        line = self.lines[row]
        if line[end : end + 2] != ": ":
            raise _Outside  # {a}, {a:b} or {"a":b}: the parser reads what those mean
        offset = self.offsets[row]
        value_at = _skip_spaces(line, end + 2)
        start = line[value_at : value_at + 1]
        if start in ("{", "["):
            self.nodes -= 1  # the collection counts itself
            container[key], end = self.flow_collection(
                value_at, indent, node, path, key, at, offset + at, True
            )
            return end
        if start in (",", "}"):
            value: Any = None  # {not_applicable: }: an empty value, where the next token is
            end = value_at
        else:
            value, end = self.flow_scalar(value_at)
        container[key] = value
        self.place(node, key, row, at)
        if self.spans is not None:
            self.spans[(*path, key)] = Span(
                offset + at, offset + value_at, offset + end, False, True
            )
        return end

    def flow_item(self, at: int, indent: int, container: Any, node: Any, path: LogicalPath) -> int:
        index = len(container)
        line = self.lines[self.row]
        if line[at : at + 1] in ("{", "["):
            value, end = self.flow_collection(at, indent, node, path, index, at, None, True)
        else:
            value, end = self.flow_scalar(at)
            if line[_skip_spaces(line, end) : _skip_spaces(line, end) + 1] == ":":
                raise _Outside  # [a: b], a single-pair mapping
            self.nodes += 1
            self.place(node, index, self.row, at)
            if self.spans is not None:
                offset = self.offsets[self.row]
                self.spans[(*path, index)] = Span(None, offset + at, offset + end, False, True)
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
