"""The rule list, the guide data, the messages, the docs, the schema and the SPEC cannot drift apart."""

from __future__ import annotations

import json
import re

import pytest

from conftest import AS_OF, CONFORMING, ROOT
from sbsguide import docs, schema
from sbsguide.guide import load_guide
from sbsguide.messages import LANGS, has_message, rule_text
from sbsguide.rules import RULES
from test_rules import CASES

SRC = ROOT / "src" / "sbsguide"

# SPEC §3: rule → default severity (the table is authoritative per rule).
SPEC_SEVERITY = {
    "yaml-syntax": "error",
    "placeholder": "error",
    "schema": "error",
    "file-encoding": "warning",
    "required-subsystem": "error",
    "required-category": "error",
    "not-applicable-reason": "error",
    "layer-placement": "warning",
    "duplicate-standard": "warning",
    "system-code": "error",
    "normative-references": "error",
    "standard-number": "error",
    "superseded-standard": "warning",
    "unknown-standard": "info",
    "title-mismatch": "warning",
    "prefer-public-standards": "warning",
    "working-group": "error",
    "duties-assigned": "error",
    "work-plan": "error",
    "trial-period": "error",
    "implementation-records": "warning",
    "self-evaluation": "error",
    "service-list": "error",
    "key-demands": "warning",
    "service-classification": "error",
    "process-coverage": "warning",
    "quality-core": "error",
    "information-sharing": "warning",
    "listed-content": "warning",
    "post-coverage": "error",
    "post-not-department": "warning",
    "post-level": "error",
    "agency-facts": "info",
    "credit-code": "error",
    "dates": "warning",
    "expired-waiver": "warning",
    "unused-waiver": "info",
}
# The catalogue rules of SPEC §3 land with the standards catalogue (issue 3).
CATALOGUE_RULES = {
    "superseded-standard",
    "unknown-standard",
    "title-mismatch",
    "prefer-public-standards",
}


def test_rule_names_are_unique_kebab_case() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", n) for n in names)


def test_rules_and_severities_are_those_of_the_spec() -> None:
    guide = load_guide()
    assert {r.name: r.default_severity(guide).value for r in RULES} == SPEC_SEVERITY


def test_every_clause_a_rule_names_is_in_the_guide_data() -> None:
    clauses = load_guide().clauses
    for rule in RULES:
        for number in rule.clauses:
            assert number in clauses, (rule.name, number)


def test_every_rule_is_documented_in_both_languages() -> None:
    for rule in RULES:
        for part in ("summary", "checks", "fix"):
            for lang in LANGS:
                assert rule_text(rule.name, part, lang).strip(), (rule.name, part, lang)
        assert (
            rule_text(rule.name, "bad", "zh").strip() and rule_text(rule.name, "good", "zh").strip()
        )


def _message_ids_in_source() -> set[tuple[str, str]]:
    """(rule, message id) pairs the code can report."""
    used: set[tuple[str, str]] = set()
    for path in (SRC / "rules").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for declared, body in re.findall(r'@rule\(\s*"([a-z-]+)"(.*?)(?=\n@rule|\Z)', text, re.S):
            used |= {(declared, m) for m in re.findall(r'Violation\(\s*"([a-z-]+)"', body)}
            used |= {
                (declared, m)
                for m in re.findall(r'Violation\(\s*\n?\s*(?:message=)?"([a-z-]+)"', body)
            }
            used |= {(declared, m) for m in re.findall(r'\breturn "([a-z-]+)"', body)}
    for name in ("loader.py", "yamldata.py", "validate.py", "engine.py"):
        text = (SRC / name).read_text(encoding="utf-8")
        used |= set(re.findall(r'LoadProblem\(\s*"([a-z-]+)",\s*"([a-z-]+)"', text))
        used |= {(r, m) for r, m in re.findall(r'_at\([^,]+, "([a-z-]+)", "([a-z-]+)"', text)}
    return used


def test_every_message_the_code_reports_is_in_the_catalogue() -> None:
    used = _message_ids_in_source()
    assert len(used) > 60
    missing = sorted(pair for pair in used if not has_message(*pair))
    assert missing == []


def test_every_rule_fires_in_some_case() -> None:
    fired = {
        pair[0]
        for case in CASES
        for pair in case.spec["expect"] + case.spec.get("expect_records", [])
    }
    assert {r.name for r in RULES} <= fired


def test_every_case_rule_key_names_a_rule() -> None:
    assert {c.rule for c in CASES} <= {r.name for r in RULES}


def test_framework_has_four_subsystems_in_three_layers_and_23_required_categories() -> None:
    guide = load_guide()
    assert [(s.key, s.layer) for s in guide.subsystems] == [
        ("foundation", 1),
        ("delivery", 2),
        ("support", 2),
        ("posts", 3),
    ]
    assert sum(c.required for c in guide.categories()) == 23
    assert all(c.clause in guide.clauses for c in guide.categories())
    assert len(guide.key_demands) == len(guide.key_demands_en) == 8
    assert len(guide.service_classes) == 9


def test_committed_schema_is_the_generated_one() -> None:
    committed = (ROOT / "schemas" / "system.schema.json").read_text(encoding="utf-8")
    assert committed == schema.render(), "run: sbs schema > schemas/system.schema.json"


def test_committed_rules_doc_is_the_generated_one() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == docs.render(), "run: python -m sbsguide.docs > docs/rules.md"


def test_examples_validate_against_the_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from sbsguide.loader import decode, read_yaml

    validator = jsonschema.Draft202012Validator(json.loads(schema.render()))
    for path in (ROOT / "examples").glob("*/system.yaml"):
        text, _ = decode(path.read_bytes())
        data = json.loads(json.dumps(read_yaml(text or "").data, default=str))
        if path.parent.name == "kunming-hightech":
            assert list(validator.iter_errors(data)) == [], path


def test_ci_runs_the_readme_test_command_on_a_non_editable_install() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install ".[dev]" && python -m pytest' in readme
    assert 'pip install --quiet ".[dev]"' in ci and "python -m pytest" in ci
    assert "-e " not in ci and "--editable" not in ci
    assert "sbs check examples/kunming-hightech" in readme


def test_explain_works_for_every_rule_and_clause() -> None:
    from sbsguide.explain import explain_text

    for rule in RULES:
        for lang in LANGS:
            assert rule.name in (explain_text(rule.name, lang) or "")
    for number in load_guide().clauses:
        assert explain_text(number, "zh") is not None
    assert explain_text("no-such-rule", "zh") is None


def test_clause_texts_come_from_the_guide() -> None:
    guide_text = next((ROOT.parent / "shared" / "guide").glob("*.txt"), None)
    if guide_text is None:
        pytest.skip("the guide's text is not beside this checkout")
    raw = re.sub(r"\s", "", guide_text.read_text(encoding="utf-8"))
    for clause in load_guide().clauses.values():
        if clause.note is None and clause.number not in {
            "2",
            "6.2.2",
            "6.3.2",
            "6.4.2",
            "6.5.4",
            "6.3.1",
            "6.5.1",
        }:
            assert re.sub(r"[\s，。]", "", clause.text)[:20] in re.sub(r"[，。,]", "", raw), (
                clause.number
            )


def _as_json(value: object) -> object:
    """YAML data as an editor's YAML language server hands it to JSON Schema: dates as text."""
    import datetime

    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


ACCEPTED_FORMS = [
    ("plan", {"title": "计划", "approved_on": "2024年3月1日"}),
    ("plan", {"title": "计划", "approved_on": "2024/3/1"}),
    ("plan", {"title": "计划", "approved_on": "2024.1.15"}),
    ("plan", {"title": "计划", "approved_on": "2024-01-15"}),
    ("organization", {"positions": [{"name": "主任", "level": "决策层", "duties": ["x"]}]}),
    ("organization", {"working_group": {"members": [{"name": "李娜", "standardization_staff": "是"}]}}),
    ("services", {"published": "否", "items": []}),
]  # fmt: skip


def test_the_schema_accepts_everything_the_check_accepts() -> None:
    """An independent validator (jsonschema) against `sbs schema`: examples and accepted forms."""
    import copy

    import jsonschema

    from sbsguide.engine import CheckOptions, check_bytes
    from sbsguide.loader import decode, read_yaml

    schema = json.loads((ROOT / "schemas" / "system.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    base = read_yaml(CONFORMING.read_text(encoding="utf-8")).data
    for example in sorted((ROOT / "examples").glob("*/system.yaml")):
        text, _ = decode(example.read_bytes())
        assert text is not None
        data = read_yaml(text).data
        assert not list(validator.iter_errors(_as_json(data))), example
    for key, value in ACCEPTED_FORMS:
        data = copy.deepcopy(base)
        data[key] = value
        errors = [e.message for e in validator.iter_errors(_as_json(data))]
        assert not errors, (key, value, errors)
        findings = check_bytes(
            json.dumps(_as_json(data), ensure_ascii=False).encode(),
            CheckOptions(as_of=AS_OF),
        )
        assert not [f for f in findings if f.rule == "schema"], (key, value)


def test_no_flow_mapping_cuts_an_english_text_at_a_comma() -> None:
    """``{zh: …, en: Site, staff…}`` reads en as "Site": every such text must be quoted (#11)."""
    pattern = re.compile(r"\{zh: .*, en: ([^\"'].*,.*)\}\s*$")
    for name in ("src/sbsguide/rules/messages.yaml", "src/sbsguide/report/texts.yaml"):
        for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1):
            assert not pattern.search(line), f"{name}:{number}"
