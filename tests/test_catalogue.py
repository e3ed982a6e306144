"""The catalogue: data integrity, status on a date, and `sbs catalog` as a user runs it."""

from __future__ import annotations

import json
from datetime import date

from conftest import run_sbs
from sbsguide.catalogue import load_catalogue
from sbsguide.guide import load_guide
from sbsguide.numbers import levels, parse


def test_every_entry_is_well_formed() -> None:
    catalogue = load_catalogue()
    categories = {c.dotted for c in load_guide().categories()}
    assert len(catalogue.editions) >= 100
    for edition in catalogue.editions:
        assert edition.confidence in {"high", "medium", "low"}, edition
        assert edition.source.strip(), edition
        assert edition.kind in levels(), edition
        assert set(edition.categories) <= categories, edition
        assert edition.status in {"current", "superseded", "withdrawn", "unknown"}, edition
        if edition.kind != "policy":
            assert parse(edition.canonical) is not None, edition
        if edition.superseded_by:
            assert parse(edition.superseded_by) is not None, edition


def test_every_successor_is_itself_in_the_catalogue() -> None:
    catalogue = load_catalogue()
    for edition in catalogue.editions:
        if edition.superseded_by:
            assert catalogue.edition(parse(edition.superseded_by)) is not None, (
                edition.superseded_by
            )  # type: ignore[arg-type]


def test_guide_references_and_db53_t_1117_are_in_it() -> None:
    catalogue = load_catalogue()
    for reference in load_guide().normative_references:
        assert catalogue.editions_of(reference.number), reference.number
    [db53] = catalogue.editions_of("DB53/T 1117")
    assert db53.confidence == "low" and db53.status == "unknown"


def test_status_is_judged_on_a_date() -> None:
    catalogue = load_catalogue()
    old = catalogue.edition(parse("GB/T 22080-2016"))  # type: ignore[arg-type]
    new = catalogue.edition(parse("GB/T 22080-2025"))  # type: ignore[arg-type]
    assert old is not None and new is not None
    assert (old.status_on(date(2025, 12, 31)), old.status_on(date(2026, 1, 1))) == (
        "current",
        "superseded",
    )
    assert (new.status_on(date(2025, 12, 31)), new.status_on(date(2026, 1, 1))) == (
        "upcoming",
        "current",
    )
    assert catalogue.current("GB/T 22080", date(2025, 12, 31)) is old


def test_catalog_24421_lists_the_four_parts_with_their_succession() -> None:
    result = run_sbs("catalog", "24421", "--format", "json", "--as-of", "2026-11-26")
    entries = json.loads(result.stdout)["entries"]
    assert [e["number"] for e in entries] == [
        f"GB/T 24421.{part}-{year}" for part in (1, 2, 3, 4) for year in (2023, 2009)
    ]
    for entry in entries:
        if entry["number"].endswith("2009"):
            assert entry["status"] == "superseded"
            assert entry["successor"] == entry["number"].replace("2009", "2023")
        else:
            assert entry["status"] == "current"
    text = run_sbs("catalog", "24421", "--as-of", "2026-11-26").stdout
    assert "已被代替 → GB/T 24421.2-2023" in text and "置信度 中" in text


def test_catalog_by_title_words_and_by_category() -> None:
    assert "GB/T 29639-2020" in run_sbs("catalog", "应急预案").stdout
    safety = json.loads(
        run_sbs("catalog", "--category", "support.safety", "--format", "json").stdout
    )
    assert all("support.safety" in e["categories"] for e in safety["entries"])
    assert len(safety["entries"]) >= 5


def test_catalog_usage_errors() -> None:
    result = run_sbs("catalog", "--category", "support.nothing")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "没有找到" in run_sbs("catalog", "不存在的标准名称").stdout
