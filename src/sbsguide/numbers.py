"""Standard numbers (标准编号): parsing, canonical form and level.

The canonical form is the GB/T 22373 metadata form — code, one space, sequence (with part), a
hyphen, the four-digit year: ``GB/T 24421.1-2023`` — with an adopted international number kept
after a slash (``GB/T 10112-2019/ISO 704:2009``). Real documents write the same number with em
dashes, full-width characters, ideographic spaces, OCR's ``一`` for a dash, ``GBT`` for ``GB/T`` and
two-digit years (domain.md §4.2); all parse, and the difference from the canonical form is what
``standard-number`` reports as an info. Policy documents (``云工信规〔2022〕1号``) are recognised as
such: they are not standards and have no edition.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from sbsguide.resources import data

# Dash look-alikes seen in real numbers: — – ― − ‐ ‑ － and the OCR artefact 一 (U+4E00).
_DASHES = re.compile(r"\s*[\u2014\u2013\u2015\u2212\u2010\u2011\uff0d\-]\s*")
_OCR_DASH = re.compile(r"(?<=\d)\s*\u4e00\s*(?=\d)")
_SLASHES = str.maketrans({"\u2215": "/", "\u2044": "/", "\uff0f": "/"})
_GLUED_T = re.compile(r"^(GB|DB\s?\d{2})\s?[-]?\s?([TZ])(?=[\s\d])")

_NUMBER = re.compile(
    r"""^(?P<code>
          GB(?:/[TZ])?
        | DB\s?\d{2}(?:/T)?
        | DB/T
        | [TQ]/[A-Z0-9]+(?:/[JGZ])?(?=\s)
        | [A-Z]{2}(?:/T)?
        )
        \s*/?\s*
        (?P<sequence>\d+(?:\.\d+)*)
        (?:-(?P<year>\d{4}|\d{2}))?
        (?:/(?P<adoption>(?:ISO|IEC).*))?$""",
    re.VERBOSE,
)
_LOCAL_CODE = re.compile(r"DB\d{2}(/T)?")
_PLAIN = re.compile(r"[A-Z][A-Z0-9/]* \d+(?:\.\d+)*(?:-\d{4})?")
"""Already in canonical form: nothing to normalise (the common case, and the fast one)."""
_CANONICAL = re.compile(
    r"(GB(?:/[TZ])?|DB\d{2}(?:/T)?|DB/T|[TQ]/[A-Z0-9]+(?:/[JGZ])?|[A-Z]{2}(?:/T)?)"
    r" (\d+(?:\.\d+)*)(?:-(\d{4}))?"
)
"""The canonical form of a code ``_NUMBER`` knows, in its groups: one match, nothing to redo
(100,000 numbers at 100,000 standards)."""
_POLICY = re.compile(
    r"^(?P<issuer>[\u4e00-\u9fff]+)\s*[〔\[【(（]\s*(?P<year>\d{4})\s*[〕\]】)）]\s*"
    r"(?P<serial>\d+)\s*号$"
)


@dataclass(frozen=True, slots=True)
class StandardNumber:
    """A parsed standard number, or a policy document's number."""

    code: str  # "GB/T", "DB53/T", "Q/KMGX"; for a policy document its issuer "云工信规"
    sequence: str  # "24421.1"
    year: int | None
    kind: str  # a level key of codes.yaml, or "unknown" for an unlisted industry code
    adoption: str | None = None
    # The number without edition: what stays the same from one edition to the next. Made once:
    # the rules ask it of every entry, some several times (800,000 at 100,000 standards).
    base: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        base = self.canonical if self.kind == "policy" else f"{self.code} {self.sequence}"
        object.__setattr__(self, "base", base)

    @property
    def canonical(self) -> str:
        """The GB/T 22373 form, e.g. ``GB/T 24421.1-2023``."""
        if self.kind == "policy":
            return f"{self.code}〔{self.year}〕{self.sequence}号"
        text = self.base if self.year is None else f"{self.base}-{self.year}"
        return f"{text}/{self.adoption}" if self.adoption else text

    @property
    def dated(self) -> bool:
        """Whether the number names an edition."""
        return self.year is not None

    @property
    def is_public(self) -> bool:
        """National, industry or local — what clause 4.4 prefers."""
        return bool(levels().get(self.kind, {}).get("public", False))


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_SLASHES).strip()
    text = _OCR_DASH.sub("-", text)
    text = _DASHES.sub("-", text)
    text = re.sub(r"\s+", " ", text)
    return _GLUED_T.sub(r"\1/\2", text.upper() if text.isascii() else text)


@lru_cache(maxsize=1 << 16)
def parse(text: str) -> StandardNumber | None:
    """The number written in ``text``, or None when it is not a standard or policy number."""
    canonical = _CANONICAL.fullmatch(text)
    if canonical is not None:
        code, sequence, year = canonical.groups()
        return StandardNumber(code, sequence, None if year is None else int(year), _kind(code))
    return parse_written(text)


def parse_written(text: str) -> StandardNumber | None:
    """``parse`` of a number as written: normalised, a policy number, or None."""
    match = _NUMBER.match(text) if _PLAIN.fullmatch(text) else None
    if match is None:
        normal = _normalise(text)
        policy = _POLICY.match(normal)
        if policy:
            return StandardNumber(policy["issuer"], policy["serial"], int(policy["year"]), "policy")
        match = _NUMBER.match(normal)
        if match is None:
            return None
    code = match["code"].replace(" ", "")
    year = match["year"]
    return StandardNumber(
        code=code,
        sequence=match["sequence"],
        year=None if year is None else int(year) if len(year) == 4 else 1900 + int(year),
        kind=kind_of(code),
        adoption=match["adoption"],
    )


def kind_of(code: str) -> str:
    """The level a code denotes (domain.md §4.1); ``DB53/T`` is local, ``DB/T`` industry."""
    if code == "GB":
        return "national-mandatory"
    if code == "GB/T":
        return "national-recommended"
    if code == "GB/Z":
        return "national-guidance"
    if _LOCAL_CODE.fullmatch(code):
        return "local"
    if code.startswith("T/"):
        return "group"
    if code.startswith("Q/"):
        return "enterprise"
    sector = code.removesuffix("/T")
    return "industry" if sector in industry_codes() else "unknown"


_kind = cache(kind_of)


def base_of(text: str) -> str:
    """The edition-free identity of a number; the normalised text if it does not parse."""
    number = parse(text)
    return number.base if number else _normalise(text)


@cache
def levels() -> dict[str, dict[str, object]]:
    """Level key → name, English name, and whether clause 4.4 counts it as public."""
    result: dict[str, dict[str, object]] = data("sbsguide.guide", "codes.yaml")["levels"]
    return result


@cache
def industry_codes() -> dict[str, str]:
    """Industry (sector) code → sector."""
    result: dict[str, str] = data("sbsguide.guide", "codes.yaml")["industry_codes"]
    return result
