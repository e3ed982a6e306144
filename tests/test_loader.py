"""Reading bytes into located data: the edge cases SPEC §1 and §5 name."""

from __future__ import annotations

import codecs
import time

import pytest

from conftest import check_text, pairs
from sbsguide import loader, yamldata
from sbsguide.loader import read_yaml
from sbsguide.source import Position

TITLE = "标准化工作导则 第1部分:标准化文件的结构和起草规则"


def test_flow_mapping_title_with_ascii_colon_loads_with_exact_positions() -> None:
    text = (
        f"a:\n  - {{number: GB/T 1.1-2020, name: {TITLE}}}\n  - {{name: x:y, url: http://a.b/c}}\n"
    )
    document = read_yaml(text)
    assert document.problems == []
    assert document.data["a"][0]["name"] == TITLE
    assert document.data["a"][1] == {"name": "x:y", "url": "http://a.b/c"}
    assert document.source.locate(("a", 0, "name")).column == 29
    pure = yamldata.build(text, pure=True)
    assert pure.data == document.data
    assert pure.source.locate(("a", 0, "name")) == document.source.locate(("a", 0, "name"))


def test_json_style_colon_after_a_quoted_key_keeps_its_meaning() -> None:
    assert read_yaml('a: {"k":1, "t":"x:y"}\n').data == {"a": {"k": 1, "t": "x:y"}}


def test_timestamp_in_a_masked_file_is_still_a_timestamp() -> None:
    data = read_yaml(f"t: 2024-01-01T10:00:00\nu: {{v: {TITLE}}}\n").data
    assert data["t"].hour == 10


def test_positions_are_of_keys_for_mappings_and_of_items_for_sequences() -> None:
    document = read_yaml("top:\n  list:\n    - one\n    -   two\n  key: v\n")
    assert document.source.locate(("top", "list", 1)) == Position(4, 9)
    assert document.source.locate(("top", "key")).line == 5
    assert document.source.locate(("top", "missing", "deeper")).line == 1


def test_duplicate_key_is_a_located_syntax_finding() -> None:
    assert pairs(check_text("version: 1\nagency:\n  name: a\n  name: b\n")) == [("yaml-syntax", 4)]


def test_tab_indentation_is_a_located_syntax_finding() -> None:
    [finding] = check_text("version: 1\nagency:\n\tname: a\n")
    assert (finding.rule, finding.line, "制表符" in finding.message) == ("yaml-syntax", 3, True)


def test_syntax_error_points_at_the_line() -> None:
    [finding] = check_text("version: 1\nagency: {name: a\nplan: x\n")
    assert finding.rule == "yaml-syntax"
    assert finding.line == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "文件为空"),
        ("# only a comment\n", "文件为空"),
        ("- a\n- b\n", "而不是列表"),
        ("just text\n", "而不是单个值"),
    ],
)
def test_empty_list_or_scalar_root_is_a_schema_finding(text: str, message: str) -> None:
    [finding] = check_text(text)
    assert finding.rule == "schema"
    assert message in finding.message


def test_alias_bomb_is_refused_quickly() -> None:
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefgh"):
        prev = "abcdefgh"[i]
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    [finding] = check_text("\n".join(levels) + "\n")
    assert time.perf_counter() - start < 2
    assert finding.rule == "yaml-syntax"
    assert "别名" in finding.message


def test_deep_nesting_is_refused_without_crashing() -> None:
    for text in ("a: " + "[" * 100_000 + "]" * 100_000, "a:\n" + "- " * 5000 + "x\n"):
        [finding] = check_text(text)
        assert finding.rule == "yaml-syntax"


def test_merge_keys_and_small_aliases_are_fine() -> None:
    data = read_yaml("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n").data
    assert data["d"] == {"x": 1, "y": 3}


@pytest.mark.parametrize(
    "raw",
    [codecs.BOM_UTF8 + b"version: 1\n", "version: 1\n".encode("utf-16")],
)
def test_bom_utf8_is_silent_and_utf16_warns(raw: bytes) -> None:
    text, problems = loader.decode(raw)
    assert text is not None and text.strip() == "version: 1"
    assert [p.rule for p in problems] == (
        [] if raw.startswith(codecs.BOM_UTF8) else ["file-encoding"]
    )


def test_gb18030_is_read_with_a_warning() -> None:
    raw = "version: 1\nagency: {name: 测试中心, principal: 张三}\n".encode("gb18030")
    findings = __import__("sbsguide.engine", fromlist=["x"]).check_bytes(
        raw,
        __import__("sbsguide.engine", fromlist=["x"]).CheckOptions(
            as_of=__import__("datetime").date(2026, 1, 1)
        ),
    )
    encoding = [f for f in findings if f.rule == "file-encoding"]
    assert [(f.severity.value, f.line) for f in encoding] == [("warning", 1)]
    assert not any(f.rule == "schema" for f in findings)


@pytest.mark.parametrize(
    "raw", [bytes(range(256)) * 8, b"\x00\x01\x02version: 1", b"\xff\xfe\xfd\xfc" * 100]
)
def test_binary_junk_is_a_finding(raw: bytes) -> None:
    from datetime import date

    from sbsguide.engine import CheckOptions, check_bytes

    findings = check_bytes(raw, CheckOptions(as_of=date(2026, 1, 1)))
    assert findings and findings[0].rule in {"file-encoding", "yaml-syntax", "schema"}


def test_impossible_date_and_chinese_date_forms() -> None:
    base = "version: 1\nagency: {name: a, principal: b}\nplan:\n  title: t\n  approved_on: DATE\n"
    assert pairs(
        [f for f in check_text(base.replace("DATE", "2024-02-30")) if f.rule == "schema"]
    ) == [("schema", 5)]
    for form in ("2024年3月1日", "2024/3/1", "2024-03-01"):
        assert not [f for f in check_text(base.replace("DATE", form)) if f.rule == "schema"], form


def test_file_over_the_size_limit_is_refused(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from sbsguide.engine import CheckOptions, check_file

    monkeypatch.setenv("SBS_MAX_BYTES", "100")
    path = tmp_path / "system.yaml"
    path.write_text("version: 1\n" + "# padding\n" * 20, encoding="utf-8")
    [result] = check_file(path, "system.yaml", CheckOptions(as_of=date(2026, 1, 1)))
    [finding] = result.findings
    assert finding.rule == "yaml-syntax" and "过大" in finding.message
