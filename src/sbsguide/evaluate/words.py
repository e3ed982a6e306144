"""The words of the self-evaluation: labels, indicator names and formulas, how figures print.

Chinese and English from ``texts.yaml``, over the reports' own words (cover, page), so a revised
wording is a data change.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sbsguide.evaluate.indicators import Indicator, Period
from sbsguide.messages import Lang
from sbsguide.resources import data


@cache
def _texts() -> dict[str, Any]:
    texts: dict[str, Any] = data("sbsguide.evaluate", "texts.yaml")
    return texts


def labels(lang: Lang) -> dict[str, str]:
    """The report's words: the reports' own (cover, page) with the evaluation's over them."""
    from sbsguide.report.model import labels as report_labels

    own = {key: value[lang] for key, value in _texts()["labels"].items()}
    return {**report_labels(lang), **own}


def indicator_words(key: str, lang: Lang) -> dict[str, str]:
    """An indicator's name, formula and what its list of missing things is called."""
    words = _texts()["indicators"][key]
    return {
        "name": words[lang],
        "formula": words[f"formula_{lang}"],
        "missing": words[f"missing_{lang}"],
        "name_zh": words["zh"],
        "name_en": words["en"],
    }


def percent(value: float | None) -> str:
    """One decimal, rounded half up, as the statistics table has it."""
    if value is None:
        return ""
    tenths = int(value * 1000 + 0.5)
    return f"{tenths // 10}.{tenths % 10}%"


def shown_value(indicator: Indicator, L: dict[str, str]) -> str:
    if indicator.no_records:
        return L["no_records"]
    if indicator.value is None:
        return L["not_applicable_value"]
    return percent(indicator.value)


def period_text(period: Period, L: dict[str, str]) -> str:
    start = period.start.isoformat() if period.start else "—"
    return L["period_span"].format(start=start, end=period.end.isoformat())
