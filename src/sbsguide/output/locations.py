"""What the CI formats share: relative paths and stable fingerprints."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from urllib.parse import quote

from sbsguide.findings import Finding
from sbsguide.messages import LINE_MENTION


def relative_uri(path: str) -> str:
    """The path relative to the working directory, with forward slashes (as CI systems want)."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return candidate.as_posix()
    return Path(os.path.normpath(candidate)).as_posix()


def uri_reference(path: str) -> str:
    """:func:`relative_uri` as a URI reference: spaces, Chinese, newlines percent-encoded."""
    return quote(relative_uri(path), safe="/")


def fingerprint(path: str, finding: Finding) -> str:
    """Rule + file + logical path + message: stable when lines move, distinct per finding.

    A message that names other lines ("第 12 行已列出") is taken without them.
    """
    message = LINE_MENTION.sub("", finding.message)
    key = "\x1f".join((finding.rule, relative_uri(path), finding.path, message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
