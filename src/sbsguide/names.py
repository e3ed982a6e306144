"""The agency's own names, compared as a reader compares them (SPEC §6 "Names").

People write ``杨　丽华`` (an ideographic space) or ``王  明`` (two spaces to align a two-character
name in a Word table) and mean 杨丽华 and 王明; ``副主任（分管企业服务）`` and
``副主任(分管企业服务)`` are one post. Both sides of every comparison go through these keys;
messages still quote the names as written.
"""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def person_key(name: str) -> str:
    """A person's name for comparison: NFKC, no whitespace at all."""
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", name))


def name_key(name: str) -> str:
    """Any other name (position, service, demand) for comparison: NFKC, spaces collapsed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", name)).strip()
