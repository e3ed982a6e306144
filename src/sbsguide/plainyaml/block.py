"""Block mappings and sequences, a line at a time: indentation opens and closes them."""

from __future__ import annotations

from typing import Any

from sbsguide.plainyaml.flow import FlowReader
from sbsguide.plainyaml.state import Frame
from sbsguide.plainyaml.text import (
    Outside,
    check_key,
    end_of_line,
    key_end,
    plain_text,
    quoted,
    skip_spaces,
)
from sbsguide.source import Span
from sbsguide.yamldata import Document


class BlockReader(FlowReader):
    """Reads a whole text: its block structure here, its flow collections in FlowReader."""

    __slots__ = ()

    def read(self) -> Document:
        """The document, line by line (Outside: the parser reads it; TooMany: refused)."""
        lines = self.lines
        started = False
        while self.row < len(lines):
            line = lines[self.row]
            body = line.lstrip(" ")
            if body and body[0] != "#":
                indent = len(line) - len(body)
                if indent == 0 and (body[0] == "%" or body[:3] in ("---", "...")):
                    if started or body != "---":
                        raise Outside  # a directive, a second document, content after ---
                else:
                    past = self.past
                    self.line(line, indent, body)
                    if past is not None:  # a line read after the one past the limit
                        self.stop_if_past()
                started = True
            self.row += 1
        if self.pending is not None:
            self.settle(None)
        self.stop_if_past()
        if not self.stack:
            raise Outside  # an empty document: the parser says what it is
        while self.stack:
            self.close(self.end)
        return Document(self.root, self.source, [])

    def line(self, line: str, indent: int, body: str) -> None:
        """One line that holds a node: close what its indentation ends, then read what it opens."""
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
            raise Outside  # less indented than the document's first line
        frame = stack[-1]
        if frame.indent != indent:
            raise Outside  # a continued value, or indentation YAML does not allow
        if dash:
            if frame.is_map:
                raise Outside
            self.item(frame, line, indent)
            return
        if not frame.is_map:  # a compact sequence under a key ends at the next key
            self.close(self.offsets[self.row] + indent)
            if not stack or stack[-1].indent != indent or not stack[-1].is_map:
                raise Outside
            frame = stack[-1]
        self.entry(frame, line, indent)

    def open_root(self, indent: int, dash: bool) -> None:
        self.root = [] if dash else {}
        self.source.record((), self.row, indent)
        self.stack.append(
            Frame(indent, self.root, self.source.tree, (), self.offsets[self.row] + indent)
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
        if row < 0 and container is None:
            raise Outside  # a bare ``-`` with nothing under it, a null item: the parser places it
        if container is None:  # an empty scalar, where the key's colon ends
            self.counted(row, after_colon - self.offsets[row])
        else:
            self.nodes += 1
        if row < 0:  # a bare ``-``: its collection is where it starts
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
        self.push(Frame(indent, container, where, (*frame.path, key), start, key_start))

    def item(self, frame: Frame, line: str, indent: int) -> None:
        """``- value``, ``- {…}`` or ``- key: value`` (a mapping opening on the item's line)."""
        column = skip_spaces(line, indent + 1)
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
            colon = key_end(line, column)
            if colon is not None:
                mapping: dict[str, Any] = {}
                frame.container.append(mapping)
                self.nodes += 1
                where = self.branch(frame.where, index, row, column)
                offset = self.offsets[row] + column
                self.push(Frame(column, mapping, where, (*frame.path, index), offset))
                self.entry(self.stack[-1], line, column, colon)
                return
        value, end = self.scalar(line, column)
        end_of_line(line, end)
        self.counted(row, column)
        frame.container.append(value)
        self.place(frame.where, index, row, column)
        if self.spans is not None:
            offset = self.offsets[row]
            self.spans[(*frame.path, index)] = Span(None, offset + column, offset + end)

    def entry(self, frame: Frame, line: str, column: int, colon: int | None = None) -> None:
        """``key: value``, or ``key:`` with its value on the lines that follow."""
        if line[column] in "'\"":
            key, colon = quoted(line, column)
            colon = skip_spaces(line, colon)
            if line[colon : colon + 1] != ":" or line[colon + 1 : colon + 2] not in ("", " "):
                raise Outside
        else:
            if colon is None:
                colon = key_end(line, column)
                if colon is None:
                    raise Outside  # a value where a key belongs
            key = self.scalars.plain(plain_text(line[column:colon].rstrip(" ")))
        check_key(key)
        container = frame.container
        if key in container:
            raise Outside  # the parser's builder reports a duplicate key
        row = self.row
        self.counted(row, column)
        if not container and frame is self.stack[0]:
            self.source.record((), row, column)  # the file: where its first key is
        value_at = skip_spaces(line, colon + 1)
        if value_at == len(line) or line[value_at] == "#":
            if value_at < len(line) and line[value_at - 1] != " ":
                raise Outside
            self.pending = (frame, key, row, column, self.offsets[row] + colon + 1)
            return
        if line[value_at] in "{[":
            container[key] = self.flow(value_at, frame, key, column, column)
            return
        value, end = self.scalar(line, value_at)
        end_of_line(line, end)
        self.counted(row, value_at)
        container[key] = value
        self.place(frame.where, key, row, column)
        if self.spans is not None:
            offset = self.offsets[row]
            self.spans[(*frame.path, key)] = Span(offset + column, offset + value_at, offset + end)

    def scalar(self, line: str, start: int) -> tuple[Any, int]:
        """A block scalar value on its line: its value and where it ends."""
        if line[start] in "'\"":
            return quoted(line, start)
        end = line.find(" #", start)
        if end < 0:
            end = len(line)
        text = plain_text(line[start:end].rstrip(" "))
        if ": " in text or text.endswith(":"):
            raise Outside
        return self.scalars.plain(text), start + len(text)
