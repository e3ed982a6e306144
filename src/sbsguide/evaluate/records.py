"""Pydantic models of the implementation and evaluation records (guide 5.5, SPEC §7).

``records.yaml`` beside ``system.yaml`` (``NAME.records.yaml`` beside ``NAME.sbs.yaml``): the
trainings (宣贯培训), inspections (实施检查), customer surveys (满意度调查) and the
self-evaluation (自我评价) with its problems and improvement actions. Values may be written in
Chinese as elsewhere (符合/基本符合/不符合, 未完成/已完成); dates in the three forms the system
file accepts. Key names and types only: what a clause asks of the records is the
``implementation-records`` rule's business.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, NonNegativeInt, WithJsonSchema

from sbsguide.model import Date, date_forms

_CONFIG = ConfigDict(
    extra="forbid", defer_build=True, coerce_numbers_to_str=True, populate_by_name=True
)

RESULTS = {"符合": "conforming", "基本符合": "partly", "不符合": "nonconforming"}
STATUSES = {"未完成": "open", "已完成": "closed", "未关闭": "open", "已关闭": "closed"}


def _english(words: dict[str, str], value: Any) -> Any:
    """A Chinese word as its English key (符合 → conforming); anything else as it is."""
    return words.get(value.strip(), value.strip()) if isinstance(value, str) else value


# module-level functions, not closures: the wheel ships the validator's schema (prebuilt.py)
def _result(value: Any) -> Any:
    return _english(RESULTS, value)


def _status(value: Any) -> Any:
    return _english(STATUSES, value)


Result = Annotated[
    Literal["conforming", "partly", "nonconforming"],
    BeforeValidator(_result),
    WithJsonSchema({"enum": ["conforming", "partly", "nonconforming", *RESULTS]}),
]
ProblemStatus = Annotated[
    Literal["open", "closed"],
    BeforeValidator(_status),
    WithJsonSchema({"enum": ["open", "closed", *STATUSES]}),
]


def period_dates(text: str) -> tuple[date, date]:
    """Two dates joined by ``/`` (ISO form) or ``至``; ValueError when they are not."""
    result = _period(text)
    if not isinstance(result, tuple):
        raise ValueError(text)
    return result


def _period(value: Any) -> Any:
    """``2024-04-01/2024-06-30`` or ``2024年4月1日至2024年6月30日`` → (start, end)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.count("/") == 1:  # ISO form: two dates joined by /
        parts = text.split("/")
    else:
        parts = [p for p in re.split(r"\s*(?:至|~|～|—)\s*", text) if p]
    if len(parts) != 2:
        raise ValueError("period")
    start, end = (date_forms(p.strip()) for p in parts)
    if isinstance(start, str):
        start = date.fromisoformat(start)
    if isinstance(end, str):
        end = date.fromisoformat(end)
    if end < start:
        raise ValueError("period")
    return (start, end)


Period = Annotated[
    tuple[date, date],
    BeforeValidator(_period),
    WithJsonSchema(
        {
            "type": "string",
            "description": "两个日期以 / 或 至 连接，如 2024-04-01/2024-06-30",
            "pattern": r"^\s*\S.*(/|至|~|～|—).*\S\s*$",
        }
    ),
]


class _Block(BaseModel):
    model_config = _CONFIG


class Training(_Block):
    """宣贯培训记录."""

    date: Date = Field(title="日期")
    standards: list[str] = Field(
        default_factory=list, title="宣贯的标准", description="标准编号或名称"
    )
    topic: str | None = Field(None, title="主题")
    participants: NonNegativeInt | None = Field(None, title="参加人数")
    by: str | None = Field(None, title="主讲人")


class Inspection(_Block):
    """实施检查记录."""

    date: Date = Field(title="日期")
    inspector: str | None = Field(None, title="检查人")
    scope: str | None = Field(None, title="检查范围", description="被检查的部门、岗位或服务")
    standards: list[str] = Field(
        default_factory=list, title="检查的标准", description="标准编号或名称"
    )
    result: Result = Field(title="检查结论", description="符合 | 基本符合 | 不符合")
    problems: list[str] = Field(default_factory=list, title="发现的问题")


class Survey(_Block):
    """顾客满意度调查."""

    period: Period = Field(title="调查期间", description="如 2024-04-01/2024-06-30")
    method: str | None = Field(None, title="调查方式")
    responses: NonNegativeInt = Field(title="有效答卷数")
    satisfied: NonNegativeInt = Field(title="满意数")


class Problem(_Block):
    """发现的不足或问题，及其改进措施."""

    id: str | None = Field(None, title="编号")
    problem: str = Field(title="问题")
    clause: str | None = Field(None, title="指南条款")
    action: str | None = Field(None, title="改进措施")
    owner: str | None = Field(None, title="责任人")
    due: Date | None = Field(None, title="完成时限")
    status: ProblemStatus = Field("open", title="状态", description="open 未完成 / closed 已完成")
    verified: str | None = Field(None, title="验证", description="验证人和验证结果")


class Evaluation(_Block):
    """自我评价 (5.5.1)."""

    date: Date | None = Field(None, title="评价日期")
    team: list[str] = Field(default_factory=list, title="评价组成员")
    methods: list[str] = Field(default_factory=list, title="评价方法")
    problems: list[Problem] = Field(default_factory=list, title="发现的不足和问题")
    conclusion: str | None = Field(None, title="评价结论", description="空则由 sbs 根据数据撰写")


class Records(_Block):
    """标准实施与评价记录 (指南 5.5；GB/T 24421.4)."""

    version: int = Field(1, title="格式版本")
    trainings: list[Training] = Field(default_factory=list, title="宣贯培训记录")
    inspections: list[Inspection] = Field(default_factory=list, title="实施检查记录")
    surveys: list[Survey] = Field(default_factory=list, title="顾客满意度调查")
    evaluation: Evaluation | None = Field(None, title="自我评价")
