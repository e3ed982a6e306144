"""Flow collections (``{number: …, name: …}``, ``[a, b]``), on one line or over several."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from sbsguide import yamldata
from sbsguide.plainyaml.state import Frame, Reader
from sbsguide.plainyaml.text import Outside, check_key, end_of_line, quoted, skip_spaces
from sbsguide.source import LogicalPath, Span

_FLOW_PLAIN_TEXT = (
    r"""(?:[^ \-?:,\[\]{}\#&*!|>'"%@`]|-(?=[^ ,\[\]{}]))"""
    r"""(?:[^ ,\[\]{}:?'"]++|:(?=[^ ,\[\]{}])| ++(?=[^ ,\[\]{}:\#]))*+"""
)
_FLOW_PLAIN = re.compile(_FLOW_PLAIN_TEXT)
"""A plain scalar inside a flow collection: no flow indicator, ``: `` or `` #``; an inner colon
(第1部分:总则) is text, as YAML 1.2 and the masked libyaml read it; no quote inside, which the
mask would not see past, and no ``?``, which ends a plain scalar for libyaml."""
_span = partial(tuple.__new__, Span)
"""A Span made without its Python ``__new__``: `sbs fix` makes one for every entry of a flow
mapping (80,000 at 20,000 standards)."""
_MANY = 10_000
"""Entries a one-line collection is read by the fast route with: a longer one (a hostile file)
goes item by item, keeping no list of matches."""
_ITEM = re.compile(rf" *({_FLOW_PLAIN_TEXT}) *([,\]])")
"""One item of a flow sequence of plain scalars on one line, and what follows it (``duties:
[主持全面工作, 批准标准体系]``)."""
_PAIR = re.compile(rf" *({_FLOW_PLAIN_TEXT}): +({_FLOW_PLAIN_TEXT}) *([,}}])")
"""One entry of a flow mapping of plain keys and values on one line, and what follows it: the
usual entry of a large system file (``{number: GB/T 1.1-2020, …}``), read with one match."""


class FlowReader(Reader):
    """Reads flow collections into the reader's state."""

    __slots__ = ()

    def flow(self, at: int, block: Frame, key: Any, column: int, key_column: int | None) -> Any:
        """A flow collection opening at ``at`` of this line, read to the end of its last line.

        Placed as ``key`` of ``block`` at ``column`` (``key_column``: where its key is, for a
        mapping entry); it may go on over lines indented deeper than ``block``.
        """
        key_start = None if key_column is None else self.offsets[self.row] + key_column
        self.flow_start = (self.row, at)
        value, at = self.flow_collection(
            at, block.indent, block.where, block.path, key, column, key_start, False
        )
        end_of_line(self.lines[self.row], at)
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
            raise Outside  # the parser refuses it, and says why
        line = self.lines[self.row]
        start = self.offsets[self.row] + at
        closer = "}" if line[at] == "{" else "]"
        container: Any = {} if closer == "}" else []
        self.nodes += 1
        node = self.branch(where, key, self.row, column)
        path = (*parent, key)
        if closer == "}":
            end = self.pairs(line, at + 1, container, node, path)
        else:
            end = self.items(line, at + 1, container, node, path)
        if end is None:
            self.stack.append(Frame(-1, container, node))  # counts toward the depth limit
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
                self.stop_if_far_past(at)
                return at + 1
            if mark != ",":
                raise Outside
            self.stop_if_far_past(at)
            at = self.flow_space(at + 1, indent)
            if self.lines[self.row][at : at + 1] in ("]", "}", ","):
                raise Outside  # a trailing or doubled comma

    def stop_if_far_past(self, at: int) -> None:
        """Refuse the file at a comma or closer far enough past the scalar past the limit.

        libyaml reads a flow collection that opens a node to its end before it hands on its
        first scalar (the collection might be a key), but no further than the line and 1,024
        characters: past that, the scalar and the comma after it are all it has looked at.
        """
        if self.past is not None:
            row, column = self.flow_start
            if self.row != row or at > column + 1024:
                self.stop_if_past()

    def flow_space(self, at: int, indent: int) -> int:
        """Past spaces, comments and line ends inside a flow collection: where its next token is.

        A line it goes on to must be indented deeper than the block holding the collection.
        """
        line = self.lines[self.row]
        while True:
            at = skip_spaces(line, at)
            if at < len(line) and (line[at] != "#" or (at and line[at - 1] != " ")):
                return at
            self.row += 1  # the line ends here, or in a comment: the collection goes on below
            if self.row == len(self.lines):
                raise Outside  # never closed: the parser says where
            line = self.lines[self.row]
            body = line.lstrip(" ")
            at = len(line) - len(body)
            if body and at <= indent:
                raise Outside

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
        found: list[re.Match[str]] = []
        while True:
            pair = match(line, at)
            if pair is None:
                return None
            key, text, after = pair.groups()
            if key not in checked:
                check_key(plain(key))
                checked.add(key)
            if key in entries:
                raise Outside
            entries[key] = plain(text) if text[0] in typed else text
            placed.append((key, pair.start(1)))
            found.append(pair)
            at = pair.end()
            if after == "}":
                break
            if len(found) > _MANY:
                return None
        if self.nodes + 2 * len(found) > self.limit and self.past is None:
            within = max(0, self.limit - self.nodes)  # the mapping's scalars within the limit
            pair = found[within // 2]
            self.past = (self.row, pair.start(1) if within % 2 == 0 else pair.start(2))
        self.nodes += 2 * len(found)
        container.update(entries)
        self.source.place_line(node, self.row, placed)
        if self.spans is not None:
            spans, offset = self.spans, self.offsets[self.row]
            for pair in found:
                (key_start, _), (value_start, value_end) = pair.span(1), pair.span(2)
                spans[(*path, pair[1])] = _span(
                    (offset + key_start, offset + value_start, offset + value_end, False, True)
                )
        return at

    def items(self, line: str, at: int, container: Any, node: Any, path: LogicalPath) -> int | None:
        """A flow sequence of plain scalars closed on its line, read item by item.

        Where it ends; None, with nothing taken, if it is not all such items.
        """
        typed, plain, match = self.scalars.typed_starts, self.scalars.plain, _ITEM.match
        found: list[re.Match[str]] = []
        while True:
            item = match(line, at)
            if item is None:
                return None
            found.append(item)
            at = item.end()
            if item[2] == "]":
                break
            if len(found) > _MANY:
                return None
        start = len(container)
        for item in found:
            text = item[1]
            container.append(plain(text) if text[0] in typed else text)
        if self.nodes + len(found) > self.limit and self.past is None:
            self.past = (self.row, found[max(0, self.limit - self.nodes)].start(1))
        self.nodes += len(found)
        row, place = self.row, self.place
        for index, item in enumerate(found, start):
            place(node, index, row, item.start(1))
        if self.spans is not None:
            offset = self.offsets[row]
            for index, item in enumerate(found, start):
                value_start, value_end = item.span(1)
                self.spans[(*path, index)] = _span(
                    (None, offset + value_start, offset + value_end, False, True)
                )
        return at

    def flow_entry(self, at: int, indent: int, container: Any, node: Any, path: LogicalPath) -> int:
        row = self.row
        key, end = self.flow_scalar(at)
        check_key(key)
        if key in container:
            raise Outside
        self.counted(row, at)
        line = self.lines[row]
        if line[end : end + 2] != ": ":
            raise Outside  # {a}, {a:b} or {"a":b}: the parser reads what those mean
        offset = self.offsets[row]
        value_at = skip_spaces(line, end + 2)
        start = line[value_at : value_at + 1]
        if start in ("{", "["):
            container[key], end = self.flow_collection(
                value_at, indent, node, path, key, at, offset + at, True
            )
            return end
        if start in (",", "}"):
            value: Any = None  # {not_applicable: }: an empty value, where the next token is
            end = value_at
        else:
            value, end = self.flow_scalar(value_at)
        self.counted(row, value_at)
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
            after = skip_spaces(line, end)
            if line[after : after + 1] == ":":
                raise Outside  # [a: b], a single-pair mapping
            self.counted(self.row, at)
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
            return quoted(line, at)
        match = _FLOW_PLAIN.match(line, at)
        if match is None:
            raise Outside
        return self.scalars.plain(match.group()), match.end()
