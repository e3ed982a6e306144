"""Credit codes, the trial's calendar arithmetic and waivers, at the edges the issue names."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import CONFORMING, check_text
from sbsguide.creditcode import check_character, problem
from sbsguide.rules.trial import add_months


def test_credit_code_vector_of_gb_32100() -> None:
    assert problem("91350100M000100Y43") is None
    assert check_character("91350100M000100Y4") == "3"
    assert problem("91350100M000100Y4Z") == "charset"
    assert problem("91310115MA1H8R7C6D") == "checksum"  # the often-copied wrong example
    assert problem("91350100M000100Y4") == "length"


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 3, 1), 3, date(2024, 6, 1)),
        (date(2024, 1, 31), 3, date(2024, 4, 30)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2023, 12, 15), 3, date(2024, 3, 15)),
    ],
)
def test_calendar_months_clamp_to_the_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def _trial(end: str) -> str:
    text = CONFORMING.read_text(encoding="utf-8")
    return text.replace("  end: 2024-06-30\n", f"  end: {end}\n")


@pytest.mark.parametrize(("end", "fires"), [("2024-06-01", False), ("2024-05-31", True)])
def test_trial_from_march_first(end: str, fires: bool) -> None:
    rules = [f.rule for f in check_text(_trial(end))]
    assert ("trial-period" in rules) is fires


def test_trial_from_january_31_to_april_30_passes() -> None:
    text = _trial("2024-04-30").replace("  start: 2024-03-01\n", "  start: 2024-01-31\n")
    assert "trial-period" not in [f.rule for f in check_text(text)]


WAIVERS = "waivers:                              # 经标准化工作组确认的例外\n"


def with_waiver(text: str, waiver: str) -> str:
    """The example with one more waiver, first in its list."""
    assert text.count(WAIVERS) == 1
    return text.replace(WAIVERS, WAIVERS + waiver)


WAIVED = with_waiver(
    CONFORMING.read_text(encoding="utf-8").replace(
        "    - {name: 市场开拓, class: 市场策划}\n",
        "    - {name: 市场开拓, class: 市场策划}\n    - {name: 知识产权托管, class: 专业技术服务}\n",
    ),
    "  - {rule: process-coverage, reason: 服务规范起草中, until: 2025-12-31}\n",
)


@pytest.mark.parametrize(
    ("as_of", "waived", "expired"),
    [(date(2025, 12, 31), True, False), (date(2026, 1, 1), False, True)],
)
def test_waiver_applies_through_its_until_day(as_of: date, waived: bool, expired: bool) -> None:
    findings = check_text(WAIVED, as_of=as_of)
    coverage = [f for f in findings if f.rule == "process-coverage"]
    assert [f.waived for f in coverage] == [waived]
    assert any(f.rule == "expired-waiver" for f in findings) is expired
    assert not any(f.rule == "unused-waiver" for f in findings)


def test_no_waivers_shows_everything_and_reports_no_waiver_findings() -> None:
    findings = check_text(WAIVED, as_of=date(2025, 6, 1), use_waivers=False)
    assert [(f.rule, f.waived) for f in findings if f.rule.endswith(("coverage", "waiver"))] == [
        ("process-coverage", False)
    ]


def test_waiver_target_narrows_what_is_waived() -> None:
    text = with_waiver(
        CONFORMING.read_text(encoding="utf-8").replace(
            "    - {name: 市场开拓, class: 市场策划}\n",
            "    - {name: 市场开拓, class: 市场策划}\n    - {name: 甲, class: 商务服务}\n"
            "    - {name: 乙, class: 商务服务}\n",
        ),
        "  - {rule: process-coverage, reason: 起草中, target: services.items.11}\n",
    )
    coverage = [(f.path, f.waived) for f in check_text(text) if f.rule == "process-coverage"]
    assert coverage == [("services.items.11", True), ("services.items.12", False)]


def test_a_withdrawn_edition_with_no_replacement_is_an_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from sbsguide.catalogue import Catalogue, load_catalogue
    from sbsguide.rules import base

    real = load_catalogue()
    withdrawn = [
        replace(e, status="withdrawn", confidence="low") if e.canonical == "GB/T 19580-2012" else e
        for e in real.editions
    ]
    monkeypatch.setattr(base, "load_catalogue", lambda *extra: Catalogue(withdrawn))
    [finding] = [
        f
        for f in check_text(CONFORMING.read_text(encoding="utf-8"))
        if f.rule == "superseded-standard"
    ]
    assert finding.severity.value == "error"
    assert "已废止" in finding.message and "置信度低" in finding.message
