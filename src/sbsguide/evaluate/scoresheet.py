"""The self-assessment score sheet (自评计分表) as the one document model, and its JSON.

1 计分 (every item: points, score, how, evidence, and the total), 2 人工评分项清单 (a checklist of
the evidence to attach, the score left blank), 3 说明 (which rubric, how the scores were made).
"""

from __future__ import annotations

from typing import Any

from sbsguide.documents.model import Document, Part
from sbsguide.documents.sheets import Row, Sheet
from sbsguide.evaluate.report import Evaluated
from sbsguide.evaluate.rubric import Rubric, Scored
from sbsguide.evaluate.words import labels, period_text

FILE_NAMES = {"zh": "自评计分表", "en": "self-assessment-score"}


def _number(value: float) -> str:
    return f"{value:g}"


def _label(n: int, scored: Scored) -> str:
    return scored.item.id or str(n)


def scoresheet(e: Evaluated, rubric: Rubric, scored: list[Scored]) -> Document:
    L = labels(e.lang)
    header: Row = [
        L["rubric_no"],
        L["rubric_item"],
        L["rubric_points"],
        L["rubric_score"],
        L["rubric_how"],
        L["rubric_evidence"],
    ]
    rows: list[Row] = [header]
    for n, s in enumerate(scored, 1):
        score = "" if s.score is None else _number(s.score)
        rows.append([_label(n, s), s.item.item, _number(s.item.points), score, s.how, s.evidence])
    rows.append(["", L["rubric_total"], _number(total_points(scored)), *_total(scored, L)])
    manual = [(n, s) for n, s in enumerate(scored, 1) if s.score is None]
    checklist: list[Row] = [
        [
            L["rubric_no"],
            L["rubric_item"],
            L["rubric_points"],
            L["rubric_to_attach"],
            L["rubric_attached"],
            L["rubric_score"],
        ],
        *(
            [_label(n, s), s.item.item, _number(s.item.points), s.evidence, "☐", ""]
            for n, s in manual
        ),
    ]
    source = L["rubric_source"].format(source=rubric.source) if rubric.source else ""
    notes = (
        L["rubric_basis"].format(title=rubric.title or L["rubric_untitled"], source=source),
        L["rubric_method"].format(period=period_text(e.period, L)),
    )
    parts = (
        Part(
            f"1 {L['rubric_scores']}",
            (Sheet(L["rubric_scores"], rows, (6, 28, 7, 9, 16, 50), nowrap=frozenset({0, 2, 3})),),
            landscape=True,
        ),
        Part(
            f"2 {L['rubric_manual_part']}",
            (
                Sheet(L["rubric_manual_part"], checklist, (6, 28, 7, 50, 7, 9))
                if manual
                else L["rubric_none"],
            ),
            landscape=True,
        ),
        Part(f"3 {L['rubric_notes']}", notes, landscape=True),
    )
    return Document(
        L["rubric_title"], e.lang, {**L, "title": L["rubric_title"]}, e.table.cover, parts
    )


def total_points(scored: list[Scored]) -> float:
    return sum(s.item.points for s in scored)


def _total(scored: list[Scored], L: dict[str, str]) -> list[str]:
    """The automatic score, and what is still left to the assessor (得分, 计分方式, 依据)."""
    score = _number(round(sum(s.score for s in scored if s.score is not None), 1))
    left = [s for s in scored if s.score is None]
    if not left:
        return [score, "", ""]
    points = _number(sum(s.item.points for s in left))
    return [score, "", L["rubric_left"].format(n=len(left), points=points)]


def as_json(rubric: Rubric, scored: list[Scored]) -> dict[str, Any]:
    """The scores: each item's, the automatic total, and what is left to the assessor."""
    return {
        "rubric": rubric.title,
        "source": rubric.source,
        "points": total_points(scored),
        "score": round(sum(s.score for s in scored if s.score is not None), 1),
        "to_assess": sum(1 for s in scored if s.score is None),
        "items": [
            {
                "id": s.item.id,
                "item": s.item.item,
                "points": s.item.points,
                "score": s.score,
                "how": s.how,
                "evidence": s.evidence,
            }
            for s in scored
        ],
    }
