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

from sbsguide.plainyaml.block import BlockReader
from sbsguide.plainyaml.text import Outside, TooMany
from sbsguide.source import SourceMap
from sbsguide.yamldata import MASK, Document, LoadProblem
from sbsguide.yamlscalars import safe_scalars

_OUTSIDE = re.compile(
    "[\x00-\x08\t\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff" + MASK + "]"
)
"""Characters this reader leaves to the parser: tabs, characters YAML may not hold, line breaks
other than LF and CRLF, a BOM inside the text, and the parser's colon mask."""


def read(text: str, *, positions: bool = True, spans: bool = False) -> Document | None:
    """The document of ``text``, or None when the parser has to read it.

    ``spans`` keeps each node's exact span, as :func:`sbsguide.yamldata.build` does.
    """
    scalars = safe_scalars()
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
        return BlockReader(text, scalars, positions, spans).read()
    except (Outside, YAMLError):  # a constructor's own refusal: the parser's path reports it
        return None
    except TooMany as past:  # refused here, not read a second time by the parser to be refused
        problem = LoadProblem(
            "yaml-syntax", "too-many-nodes", {}, (), past.row + 1, past.column + 1
        )
        return Document(None, SourceMap(), [problem])
