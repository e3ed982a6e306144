"""统一社会信用代码 (GB 32100—2015, amendment No.1 2016): form and check character.

18 characters from a 31-character set (digits and capitals without I, O, S, V, Z); the 18th is a
check character: weights 3^(i-1) mod 31, C18 = (31 - Σ mod 31) mod 31 (domain.md §4.5; the
standard's own example 91350100M000100Y43 is valid).
"""

from __future__ import annotations

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(CHARSET)}
_WEIGHTS = [pow(3, i, 31) for i in range(17)]


def check_character(first17: str) -> str:
    """The check character for the first 17 characters (all from :data:`CHARSET`)."""
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def problem(code: str) -> str | None:
    """None for a valid code, else why not: ``length``, ``charset`` or ``checksum``."""
    if len(code) != 18:
        return "length"
    if any(c not in _VALUE for c in code):
        return "charset"
    if check_character(code[:17]) != code[17]:
        return "checksum"
    return None
