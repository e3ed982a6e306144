"""Every rule against its cases in ``rules/cases.yaml``: the exact findings, rule and line."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import AS_OF, CONFORMING
from sbsguide.engine import CheckOptions, RecordsFile, check_bytes, check_system
from sbsguide.findings import Finding

CASES_FILE = Path(__file__).parent / "rules" / "cases.yaml"
EXAMPLE_RECORDS = CONFORMING.parent / "records.yaml"


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    spec: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.rule}/{self.name}"


def load_cases() -> list[Case]:
    raw = YAML(typ="safe", pure=True).load(CASES_FILE.read_text(encoding="utf-8"))
    return [Case(rule, spec["name"], spec) for rule, specs in raw.items() for spec in specs]


def case_bytes(case: Case) -> bytes:
    spec = case.spec
    if "text" in spec:
        return str(spec["text"]).encode("latin-1" if spec.get("raw") else "utf-8")
    text = CONFORMING.read_text(encoding="utf-8")
    for old, new in spec.get("replace", []):
        assert text.count(old) == 1, (
            f"{case.id}: edit target occurs {text.count(old)} times: {old!r}"
        )
        text = text.replace(old, new)
    if "truncate" in spec:
        assert text.count(spec["truncate"]) == 1, f"{case.id}: truncate target not unique"
        text = text[: text.index(spec["truncate"])]
    return text.encode("utf-8")


def case_options(case: Case) -> CheckOptions:
    as_of = case.spec.get("as_of", AS_OF)
    as_of = as_of if isinstance(as_of, date) else date.fromisoformat(str(as_of))
    return CheckOptions(as_of=as_of, **case.spec.get("options", {}))


def baseline(options: CheckOptions) -> set[tuple[str, str, str]]:
    """What the unedited example says on the same date: not the case's doing."""
    findings = check_bytes(CONFORMING.read_bytes(), options)
    return {(f.rule, f.path, f.message) for f in findings}


def case_records(case: Case) -> RecordsFile | None:
    """The case's records file: ``none`` (looked for, none kept), ``example``, or its text."""
    if "records" not in case.spec:
        return None  # not looked for, as on standard input
    records = case.spec["records"]
    if records == "none":
        return RecordsFile(None, "")
    if records == "example":
        return RecordsFile(EXAMPLE_RECORDS.read_bytes(), "records.yaml")
    text = EXAMPLE_RECORDS.read_text(encoding="utf-8")
    for old, new in case.spec.get("records_replace", []):
        assert text.count(old) == 1, (
            f"{case.id}: records edit target occurs {text.count(old)} times"
        )
        text = text.replace(old, new)
    return RecordsFile(str(records if records != "edit" else text).encode("utf-8"), "records.yaml")


def case_checked(case: Case) -> tuple[list[Finding], list[Finding]]:
    """The case's findings beyond the example's own (without records), and its records' ones."""
    options = case_options(case)
    known = baseline(options) if "text" not in case.spec else set()
    checked = check_system(case_bytes(case), options, records=case_records(case))
    own = [f for f in checked.findings if (f.rule, f.path, f.message) not in known]
    return own, checked.records


def case_findings(case: Case) -> list[Finding]:
    return case_checked(case)[0]


CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """Each finding is pinned as [rule, line], [rule, line, waived] or [rule, line, severity].

    ``expect_records`` pins the records file's findings the same way.
    """
    own, records = case_checked(case)
    for expected, found in (
        (case.spec["expect"], own),
        (case.spec.get("expect_records", []), records),
    ):
        actual = [_pinned(f, expected[n] if n < len(expected) else []) for n, f in enumerate(found)]
        assert actual == expected


def _pinned(finding: Finding, expected: list[Any]) -> list[Any]:
    if finding.waived:
        return [finding.rule, finding.line, "waived"]
    if len(expected) == 3 and expected[2] != "waived":
        return [finding.rule, finding.line, finding.severity.value]
    return [finding.rule, finding.line]


def test_a_misplaced_standard_is_judged_by_the_clause_of_its_category() -> None:
    case = next(c for c in CASES if c.id == "layer-placement/known-standard-in-a-foreign-category")
    [finding] = case_findings(case)
    assert (finding.rule, finding.clause) == ("layer-placement", "6.4.2")


def test_messages_quote_names_as_written() -> None:
    text = CONFORMING.read_text(encoding="utf-8").replace(
        "    leader: 王明\n", "    leader: 王　刚\n"
    )
    [finding] = [
        f
        for f in check_bytes(text.encode(), CheckOptions(as_of=AS_OF))
        if f.rule == "working-group"
    ]
    assert "王　刚" in finding.message


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_message_of_a_case_renders_in_english(case: Case) -> None:
    """Each message a case draws has its English text and every argument that text needs."""
    options = replace(case_options(case), lang="en")
    findings = check_bytes(case_bytes(case), options)
    assert all(f.message and f.hint for f in findings)


def test_the_not_applicable_hint_is_written_for_its_category() -> None:
    """SPEC §7: the example reason is the category's own, never one sentence for all."""
    hints = {}
    for category in ("assets", "environment"):
        text = re.sub(
            rf"    {category}:\n(      - .*\n)+",
            f"    {category}: {{not_applicable: 不涉及}}\n",
            CONFORMING.read_text(encoding="utf-8"),
        )
        for lang in ("zh", "en"):
            [finding] = [
                f
                for f in check_bytes(text.encode(), CheckOptions(as_of=AS_OF, lang=lang))
                if f.rule == "not-applicable-reason"
            ]
            hints[category, lang] = finding.hint
    assert "资产" in hints["assets", "zh"] and "统计" not in hints["assets", "zh"]
    assert "能源" in hints["environment", "zh"]
    assert "asset" in hints["assets", "en"] and "energy" in hints["environment", "en"]


def test_prefer_public_names_only_fitting_entries_and_says_when_there_are_none() -> None:
    """SPEC §7: fit entries of that very category (GB before GB/T), or 'none catalogued'."""
    by_name = {c.id: c for c in CASES}
    [finance] = case_findings(
        by_name["prefer-public-standards/enterprise-only-warns-even-when-nothing-is-catalogued"]
    )
    assert finance.key == "enterprise-only-none-catalogued"
    assert "暂无" in finance.message and "《" not in finance.message
    safety_case = by_name["prefer-public-standards/safety-only-enterprise"]
    text = (
        case_bytes(safety_case)
        .decode()
        .replace(
            "      - {code: JC03-002, number: GB 2894-2008, name: 安全标志及其使用导则, implemented: 2009-10-01}\n",
            "",
        )
    )
    [safety] = [
        f
        for f in check_bytes(text.encode(), CheckOptions(as_of=AS_OF))
        if f.rule == "prefer-public-standards" and f.path == "standards.support.safety"
    ]
    assert safety.message.index("GB 2894") < safety.message.index("GB/T 29639")
    assert "GB/T 33000" not in safety.message


def test_a_missing_reference_names_its_near_miss() -> None:
    case = next(c for c in CASES if c.id == "normative-references/a-slip-for-a-reference-is-named")
    [finding] = [f for f in case_findings(case) if f.rule == "normative-references"]
    assert "GB/T 14421.2-2023" in finding.message and "第 110 行" in finding.message
    assert "GB/T 24421.2" in finding.message


@pytest.mark.parametrize(
    ("case_id", "key", "words"),
    [
        (
            "duplicate-standard/two-editions-of-one-standard",
            "duplicate-same-category",
            "只保留一条并写现行版本",
        ),
        (
            "duplicate-standard/keep-the-one-in-the-catalogue-category",
            "duplicate-keep-this",
            "support.quality",
        ),
        (
            "duplicate-standard/an-unknown-standard-keeps-the-first",
            "duplicate-unknown",
            "第 231 行",
        ),
    ],
)
def test_duplicate_hint_says_which_to_keep_and_why(case_id: str, key: str, words: str) -> None:
    case = next(c for c in CASES if c.id == case_id)
    [finding] = [f for f in case_findings(case) if f.rule == "duplicate-standard"]
    assert finding.key == key
    assert words in finding.hint


def test_typeset_numbers_are_one_info_per_file_listing_their_lines() -> None:
    """SPEC §7: one standard-number info for every typeset number of a file, in every format."""
    import json

    from sbsguide.findings import CheckResult, FileResult
    from sbsguide.output import json_format

    text = CONFORMING.read_text(encoding="utf-8")
    for number in ("GB/T 13016-2018", "GB/T 13017-2018", "GB/T 24421.1-2023"):
        text = text.replace(f"number: {number}", f"number: {number.replace('-', '—')}")
    findings = [
        f
        for f in check_bytes(text.encode(), CheckOptions(as_of=AS_OF))
        if f.rule == "standard-number"
    ]
    [typeset] = findings
    assert typeset.severity.value == "info" and typeset.lines == (106, 126, 127)
    assert "106、126、127" in typeset.message and "sbs fix" in typeset.hint
    document = json.loads(
        json_format.render(CheckResult([FileResult("system.yaml", findings)], AS_OF, "g", "zh"))
    )
    assert document["files"][0]["findings"][0]["lines"] == [106, 126, 127]
