"""The self-assessment score sheet (自评计分表): a rubric's items scored from the evaluation.

A rubric is the assessing body's, not ours: sbs ships none (none is published in a form we can
verify, SPEC §7) and reads one the agency is given, as YAML or as a workbook. Each item has its
points and is scored one of three ways:

- bound to an indicator: full points when it reaches the threshold (default 100 %), or points ×
  the indicator's value (``scoring: proportional``); an indicator without a value (no records,
  nothing to count) is left to the assessor, saying why;
- bound to a rule: full points when `sbs check` finds nothing unwaived of that rule (the system
  file and its records), none otherwise, the findings cited;
- manual: listed with the evidence to attach, its score left blank.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, NonNegativeFloat

from sbsguide.evaluate.indicators import KEYS
from sbsguide.evaluate.words import indicator_words, percent
from sbsguide.findings import Finding, Severity
from sbsguide.messages import Lang

_CONFIG = ConfigDict(extra="forbid", defer_build=True, coerce_numbers_to_str=True)

INDICATOR_NAMES = {indicator_words(k, "zh")["name"]: k for k in KEYS}
"""An indicator as a rubric names it: its Chinese name, its English name or its key."""
_BY_ANY_NAME = {
    **{k: indicator_words(k, "zh")["name"] for k in KEYS},
    **{indicator_words(k, "en")["name"]: indicator_words(k, "zh")["name"] for k in KEYS},
}
SCORING = {"达标": "threshold", "按比例": "proportional"}


def _indicator(value: Any) -> Any:
    return _BY_ANY_NAME.get(value.strip(), value.strip()) if isinstance(value, str) else value


def _scoring(value: Any) -> Any:
    return SCORING.get(value.strip(), value.strip()) if isinstance(value, str) else value


def _share(value: Any) -> Any:
    """``90%``, ``0.9`` or ``90`` → 0.9."""
    if isinstance(value, str) and value.strip().endswith(("%", "％")):
        value = value.strip()[:-1]
        try:
            return float(value) / 100
        except ValueError:
            return value
    if isinstance(value, (int, float)) and 1 < value <= 100:
        return value / 100
    return value


def _rule_names() -> Any:
    from sbsguide.rules import RULES

    return Literal[tuple(r.name for r in RULES)]


class RubricItem(BaseModel):
    """One item of the rubric, with how it is scored."""

    model_config = _CONFIG

    id: str | None = Field(None, title="序号")
    item: str = Field(title="评价项目")
    points: NonNegativeFloat = Field(title="分值")
    indicator: Annotated[
        Literal[tuple(INDICATOR_NAMES)] | None,  # type: ignore[valid-type]
        BeforeValidator(_indicator),
    ] = Field(None, title="指标", description="按指标计分：指标名称")
    scoring: Annotated[Literal["threshold", "proportional"], BeforeValidator(_scoring)] = Field(
        "threshold", title="计分方式", description="threshold 达标 | proportional 按比例"
    )
    threshold: Annotated[float, BeforeValidator(_share)] = Field(
        1.0, ge=0, le=1, title="达标值", description="如 90% 或 0.9"
    )
    rule: _rule_names() | None = Field(None, title="规则", description="按检查规则计分")  # type: ignore[valid-type]
    evidence: str | None = Field(None, title="证据", description="人工评分项需附的证据")


class Rubric(BaseModel):
    """自评计分细则 (the assessing body's; sbs ships none)."""

    model_config = _CONFIG

    version: int = Field(1, title="格式版本")
    title: str | None = Field(None, title="名称")
    source: str | None = Field(None, title="来源", description="发布或提供评分细则的机构和文件")
    items: list[RubricItem] = Field(title="评价项目")


@dataclass(frozen=True, slots=True)
class Scored:
    """One item scored: its score (None: the assessor's), how, and the evidence."""

    item: RubricItem
    score: float | None
    how: str
    evidence: str


RUBRIC_ALIASES = {
    "id": ("序号", "编号", "id", "no."),
    "item": ("评价项目", "项目", "评价内容", "内容", "item"),
    "points": ("分值", "分数", "标准分", "满分", "points"),
    "indicator": ("指标", "评价指标", "indicator"),
    "scoring": ("计分方式", "评分方式", "scoring"),
    "threshold": ("达标值", "阈值", "达标要求", "threshold"),
    "rule": ("规则", "检查规则", "rule"),
    "evidence": ("证据", "需附证据", "评分依据", "证明材料", "evidence"),
}


def read_rubric_workbook(raw: bytes) -> Any:
    """A rubric workbook: its first sheet with a header naming 评价项目 and 分值."""
    from sbsguide.evaluate.workbook import (
        ReadWorkbook,
        cells_of,
        header_of,
        rows_as_items,
    )
    from sbsguide.source import SourceMap

    read = ReadWorkbook({}, SourceMap())
    for name, rows in cells_of(raw).items():
        fields = set(header_of(rows, RUBRIC_ALIASES)[1].values())
        if {"item", "points"} <= fields:
            read.sheets["items"] = name
            read.data["items"] = rows_as_items(
                rows, RUBRIC_ALIASES, ("items",), read.source, read.headers
            )
            break
    return read


def load_rubric(raw: bytes, shown_as: str, lang: Lang) -> Any:
    """A rubric file (YAML or workbook) read and validated; its problems are located findings."""
    from sbsguide.evaluate.files import load_as

    return load_as(Rubric, raw, shown_as, lang, read_rubric_workbook)


def score(
    rubric: Rubric,
    indicators: dict[str, Any],
    findings: list[Finding],
    L: dict[str, str],
    lang: Lang,
) -> list[Scored]:
    """Every item scored from the indicators (by key) and the check's findings."""
    scored = []
    for item in rubric.items:
        if item.indicator is not None:
            found = indicators[INDICATOR_NAMES[item.indicator]]
            scored.append(_by_indicator(item, found, L, lang))
        elif item.rule is not None:
            scored.append(_by_rule(item, findings, L, lang))
        else:
            scored.append(Scored(item, None, L["rubric_manual"], item.evidence or ""))
    return scored


def _by_indicator(item: RubricItem, indicator: Any, L: dict[str, str], lang: Lang) -> Scored:
    name = indicator_words(indicator.key, lang)["name"]
    if indicator.value is None:
        why = L["no_records"] if indicator.no_records else L["not_applicable_value"]
        said = f"{name}：{why}" if lang == "zh" else f"{name}: {why}"
        return Scored(item, None, L["rubric_to_assess"], said)
    counted = f"{indicator.numerator}/{indicator.denominator}"
    figure = f"{name} {percent(indicator.value)}" + (
        f"（{counted}）" if lang == "zh" else f" ({counted})"
    )
    if item.scoring == "proportional":
        how = L["rubric_proportional"]
        value = round(item.points * indicator.value, 1)
    else:
        how = L["rubric_threshold"].format(threshold=percent(item.threshold))
        value = item.points if indicator.value >= item.threshold - 1e-9 else 0.0
    return Scored(item, value, how, figure)


def _by_rule(item: RubricItem, findings: list[Finding], L: dict[str, str], lang: Lang) -> Scored:
    """Full points when the check finds nothing unwaived of the rule (an info asks nothing)."""
    from sbsguide.report.plain import problem

    own = [
        f
        for f in findings
        if f.rule == item.rule and not f.waived and f.severity is not Severity.INFO
    ]
    waived = sum(1 for f in findings if f.rule == item.rule and f.waived)
    if not own:
        said = L["rubric_rule_clean"]
        if waived:
            said += L["rubric_rule_waived"].format(n=waived)
        return Scored(item, item.points, L["rubric_rule"], said)
    separator = "；" if lang == "zh" else "; "
    shown = separator.join(problem(f, lang) for f in own[:3])
    more = L["rubric_more"].format(n=len(own) - 3) if len(own) > 3 else ""
    return Scored(
        item, 0.0, L["rubric_rule"], L["rubric_rule_found"].format(n=len(own)) + shown + more
    )
