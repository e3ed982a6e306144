"""Rule texts in the run's language, from ``rules/messages.yaml``."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal, NamedTuple

from sbsguide.resources import data

Lang = Literal["zh", "en"]

LINE_MENTION = re.compile(
    r"[：:]?\s*第\s*\d+(?:、\d+)*(?:\s*等\s*\d+\s*处)?\s*行"
    r"|[：:]?\s*lines\s+\d+(?:,\s*\d+)*(?:\s+and\s+\d+\s+more)?"
    r"|line\s+\d+,?\s*|,?\s*line\s+\d+"
)
"""Where a message names lines of the file ("第 12 行", "lines 3, 5"): the words that move."""
LANGS: tuple[Lang, ...] = ("zh", "en")


class Localised(NamedTuple):
    """A message argument that reads differently in each language."""

    zh: str
    en: str


def _catalogue() -> dict[str, Any]:
    result: dict[str, Any] = data("sbsguide.rules", "messages.yaml")
    return result


def rule_text(rule: str, part: str, lang: Lang) -> str:
    """``summary``, ``checks`` or ``fix`` of a rule; ``bad``/``good`` examples are not localised."""
    value = _catalogue()[rule][part]
    return str(value[lang] if isinstance(value, dict) else value)


def has_message(rule: str, message: str) -> bool:
    """Whether the catalogue has this message id for the rule (a meta-test asks)."""
    return message in _catalogue().get(rule, {}).get("messages", {})


def render(rule: str, message: str, args: dict[str, Any], lang: Lang) -> tuple[str, str]:
    """The message and hint of a finding, filled in."""
    entry = _catalogue()[rule]["messages"][message]
    shown = {key: _shown(value, lang) for key, value in args.items()}
    text = entry["zh" if lang == "zh" else "en"].format_map(shown)
    hint = entry["hint_zh" if lang == "zh" else "hint_en"].format_map(shown)
    return text, hint


def _shown(value: Any, lang: Lang) -> str:
    if isinstance(value, Localised):
        return value.zh if lang == "zh" else value.en
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
