"""Bytes → text → YAML data with the position of every node.

Decoding (UTF-8, GB18030 with a warning), the size limit, and the choice of reader live here; the
building of data from the parser's events, with its depth and alias bounds, in
:mod:`sbsguide.yamldata`. A file in the plain block style nearly every system file is written in
is read by lines first (:mod:`sbsguide.plainyaml`: the same data and positions, without the
parser's event objects); any other goes to the parser.

The bundled libyaml rejects some valid YAML, notably a plain scalar holding an ASCII colon inside a
flow mapping (``{name: 标准化工作导则 第1部分:标准化文件的结构和起草规则}``), which Chinese titles
produce. A file the C parser rejects is parsed again by it with every such colon — one followed by
neither a space nor a flow indicator, so never a value indicator — masked by a same-length
placeholder that each scalar turns back before its type is resolved: positions and values are
exactly those of the pure parser, at C speed. Only if that fails too does the pure-Python parser
have the last word before anything is called a syntax error (SPEC §1). Round-trip loading is for
the commands that rewrite YAML, not for this module.
"""

from __future__ import annotations

import codecs

from sbsguide import plainyaml
from sbsguide.source import SourceMap
from sbsguide.yamldata import (
    ALIAS_BUDGET,
    INNER_COLON,
    MASK,
    MAX_DEPTH,
    Document,
    LoadProblem,
    Rejected,
    build,
)

__all__ = [
    "ALIAS_BUDGET",
    "MAX_DEPTH",
    "Document",
    "LoadProblem",
    "decode",
    "read_yaml",
]


def has_c_parser() -> bool:
    """Whether ruamel.yaml.clib (libyaml) is installed: without it large files check slowly."""
    try:
        from ruamel.yaml import CParser  # type: ignore[attr-defined]  # noqa: F401
    except ImportError:
        return False
    return True


UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
"""Byte-order marks that name their encoding, longest first."""


def decode(raw: bytes) -> tuple[str | None, list[LoadProblem]]:
    """UTF-8 (a BOM is fine); UTF-32 or UTF-16 with a BOM, or GB18030, with a warning."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    # UTF-32's little-endian BOM begins with UTF-16's: ask for the longer one first
    for bom, encoding, label in UNICODE_BOMS:
        if raw.startswith(bom):
            return _decoded_with_warning(raw, encoding, label)
    return _decoded_with_warning(raw, "gb18030", "GB18030")


def _decoded_with_warning(
    raw: bytes, encoding: str, label: str
) -> tuple[str | None, list[LoadProblem]]:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            LoadProblem(
                "file-encoding",
                "undecodable",
                {"offset": error.start},
                (),
                line,
                1,
                severity="error",
            )
        ]
    return text, [LoadProblem("file-encoding", "not-utf8", {"encoding": label}, (), 1, 1)]


def read_yaml(
    text: str, *, spans: bool = False, masked_first: bool = False, positions: bool = True
) -> Document:
    """Parse one YAML document; syntax problems come back as ``yaml-syntax`` problems.

    With ``spans`` the source map also holds each node's exact character span (for `sbs fix`).
    ``masked_first`` skips the plain libyaml attempt for a text known to need the masked one
    (an edited copy of a text that did). Without ``positions`` the source map stays empty (a
    parse that only has to succeed).
    """
    from ruamel.yaml.error import YAMLError

    # nearly every file: read by lines, without the parser's event objects
    read = plainyaml.read(text, positions=positions, spans=spans)
    if read is not None:
        return read
    if not masked_first:
        try:
            return build(text, pure=False, spans=spans, positions=positions)
        except YAMLError:
            pass  # libyaml rejects some valid YAML: see the module's docstring
        except Rejected as rejected:
            return Document(None, SourceMap(), [rejected.problem])
    if MASK not in text:
        try:
            return build(
                INNER_COLON.sub(MASK, text),
                pure=False,
                masked=True,
                spans=spans,
                positions=positions,
            )
        except (YAMLError, Rejected):
            pass
    try:
        return build(text, pure=True, spans=spans, positions=positions)
    except YAMLError as error:
        return Document(None, SourceMap(), [_syntax_problem(error, text)])
    except Rejected as rejected:
        return Document(None, SourceMap(), [rejected.problem])
    except RecursionError:
        return Document(
            None, SourceMap(), [LoadProblem("yaml-syntax", "too-deep", {"limit": MAX_DEPTH})]
        )


def _syntax_problem(error: Exception, text: str) -> LoadProblem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    else:  # a ReaderError knows only a character offset
        offset = int(getattr(error, "position", 0) or 0)
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    problem = str(getattr(error, "problem", None) or error).splitlines()[0]
    if "\t" in problem or "'\\t'" in problem:
        return LoadProblem("yaml-syntax", "tab", {}, (), line, column)
    return LoadProblem("yaml-syntax", "syntax", {"problem": problem}, (), line, column)
