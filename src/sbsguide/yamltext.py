"""Writing YAML scalars by hand (for `sbs fix`'s splices and the `sbs init` scaffold)."""

from __future__ import annotations

import re

_PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`=]|: | #|\s$|^$")
_FLOW_UNSAFE = re.compile(r"[:,\[\]{}#]")
# Plain scalars some YAML reader takes for something other than text: numbers in every YAML 1.1
# and 1.2 form, booleans, null, dates and times (2023-12-20, 12:30).
_RESOLVES = re.compile(
    r"""^(?:[-+]?(?:\d[\d_]*)?(?:\.[\d_]*)?(?:e[-+]?\d+)?
        |[-+]?0x[\da-f_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+
        |[-+]?\.inf|\.nan
        |true|false|null|~|yes|no|on|off|y|n
        |\d{4}-\d\d?-\d\d?(?:[t\s].*)?
        |[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?
        |<<|=)$""",
    re.I | re.X,
)


def scalar(value: str, *, flow: bool, like: str = "") -> str:
    """``value`` quoted as ``like`` was, else plain where YAML (and libyaml) read it back as text.

    In flow context a colon is quoted too: YAML 1.2 allows it, but libyaml-based tools do not.
    """
    if _UNPRINTABLE.search(value):
        return _double_quoted(value)  # only double quotes can escape what YAML may not hold
    if like.startswith("'"):
        return "'" + value.replace("'", "''") + "'"
    if (
        like.startswith('"')
        or _PLAIN_UNSAFE.search(value)
        or _RESOLVES.match(value)
        or (flow and _FLOW_UNSAFE.search(value))
    ):
        return _double_quoted(value)
    return value


# What a YAML stream may not carry as is (YAML 1.2 §5.1), and line breaks and tabs, which a
# one-line scalar may not either.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _double_quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _UNPRINTABLE.sub(_escape, escaped) + '"'


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    named = {0x0A: "\\n", 0x09: "\\t", 0x0D: "\\r"}
    return named.get(code, f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
