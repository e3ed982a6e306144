"""`sbs fix`: only the intended characters change, a second run is a no-op, nothing is lost."""

from __future__ import annotations

import difflib
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AS_OF, CONFORMING, EXAMPLES, check_text, examples, run_sbs
from sbsguide.engine import CheckOptions, check_bytes
from sbsguide.service import plan_fix

FIXTURES = Path(__file__).parent / "fixtures" / "fix"
SOURCES = [*sorted(EXAMPLES.glob("*/system.yaml")), FIXTURES / "commented.yaml"]
CONFORMING_TEXT = CONFORMING.read_text(encoding="utf-8")


def comments(text: str) -> list[str]:
    """The YAML comments of a text (a # inside a quoted scalar is not one)."""
    unquoted = re.sub(r"\"[^\"\n]*\"|'[^'\n]*'", "", text)
    return re.findall(r"(?:^|\s)(#.*)", unquoted, re.M)


def _name(path: Path) -> str:
    return path.parent.name if path.name == "system.yaml" else path.stem


@pytest.mark.parametrize("source", SOURCES, ids=_name)
def test_fix_diff_is_pinned_and_a_second_run_changes_nothing(source: Path, golden) -> None:  # type: ignore[no-untyped-def]
    raw = source.read_bytes()
    plan = plan_fix(raw, AS_OF, "zh")
    diff = "".join(
        difflib.unified_diff(
            plan.original.splitlines(keepends=True),
            plan.fixed.splitlines(keepends=True),
            fromfile=_name(source),
            tofile=f"{_name(source)} (fixed)",
        )
    )
    golden(f"fix/{_name(source)}.diff", diff)
    again = plan_fix(plan.encoded(), AS_OF, "zh")
    assert not again.changed


@pytest.mark.parametrize("source", SOURCES, ids=_name)
def test_after_fix_no_number_or_edition_finding_is_left(source: Path) -> None:
    fixed = plan_fix(source.read_bytes(), AS_OF, "zh").encoded()
    left = [
        f
        for f in check_bytes(fixed, CheckOptions(as_of=AS_OF))
        if f.rule == "superseded-standard"
        or (f.rule == "standard-number" and "规范写法" in f.message)
    ]
    # GB/T 19004 (low confidence) and undated numbers are left for a person to decide
    assert [f.message for f in left] == []


def test_comments_and_untouched_lines_survive_byte_for_byte() -> None:
    source = (FIXTURES / "commented.yaml").read_text(encoding="utf-8")
    fixed = plan_fix(source.encode(), AS_OF, "zh").fixed
    assert comments(source) == comments(fixed)
    assert fixed.count("\n\n") == source.count("\n\n")
    assert "'GB/T 24421.2-2023'" in fixed  # single quotes kept
    assert "GB/T 19004-2020" in fixed  # a low-confidence fact is not applied


def test_gb18030_file_stays_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "system.yaml"
    shutil.copy(EXAMPLES / "baoshan-gbk" / "system.yaml", path)
    result = run_sbs("fix", str(path), "--as-of", "2026-11-26")
    assert result.returncode == 0, result.stdout + result.stderr
    text = path.read_bytes().decode("gb18030")
    assert "code: JC01-001" in text and "保山市隆阳区" in text


def test_fix_refuses_a_file_with_syntax_or_schema_errors(tmp_path: Path) -> None:
    for content in (
        "version: 1\nagency: {name: a\n",
        "version: 1\nagency:\n  nmae: a\n  principal: b\n",
    ):
        path = tmp_path / "system.yaml"
        path.write_text(content, encoding="utf-8")
        result = run_sbs("fix", str(path))
        assert result.returncode == 1
        assert "不修改" in result.stdout
        assert path.read_text(encoding="utf-8") == content


def test_check_mode_prints_a_diff_and_exits_1_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "system.yaml"
    shutil.copy(FIXTURES / "commented.yaml", path)
    before = path.read_bytes()
    result = run_sbs("fix", str(path), "--check", "--as-of", "2026-11-26")
    assert result.returncode == 1
    assert "+        number: GB/T 22080-2025" in result.stdout
    assert path.read_bytes() == before
    run_sbs("fix", str(path), "--as-of", "2026-11-26")
    assert run_sbs("fix", str(path), "--check", "--as-of", "2026-11-26").returncode == 0


def test_a_fixed_text_that_would_not_load_is_refused_before_writing_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The proof parse guards a write; --check writes nothing and skips it (issue 23)."""
    from sbsguide import service

    raw = (FIXTURES / "commented.yaml").read_bytes()
    monkeypatch.setattr(service, "_does_not_load", lambda *args: True)  # as if fix had a bug
    with pytest.raises(service.FixRefused):
        plan_fix(raw, AS_OF, "zh")
    assert plan_fix(raw, AS_OF, "zh", prove=False).changed  # the diff --check shows


def test_fix_on_a_missing_file_is_exit_2(tmp_path: Path) -> None:
    result = run_sbs("fix", str(tmp_path / "none.yaml"))
    assert result.returncode == 2 and "Traceback" not in result.stderr


# ---- property: for generated systems, fix never loses a comment or a standard ----------------

NUMBERS = [
    "GB/T 1.1-2020",
    "GB/T　1.1—2020",
    "GBT 13016-2018",
    "GB/T 24421.2-2009",
    "GB/T 22080-2016",
    "GB/T 19004-2020",
    "Q/TEST 101-2024",
    "DB53/T 1117",
    "云工信规【2022】1号",
    "GB/T 4091-2001",
    "GB/T 99999-2020",
]
NAMES = ["标准A", "名称:带冒号", "名称：全角", "带 # 号的名称", "x"]
CATEGORIES = [
    ("foundation", "guidelines"),
    ("foundation", "terms"),
    ("support", "safety"),
    ("delivery", "process"),
    ("posts", "general"),
]

entry = st.fixed_dictionaries(
    {
        "number": st.sampled_from(NUMBERS),
        "name": st.sampled_from(NAMES),
        "code": st.one_of(st.none(), st.sampled_from(["JC01-001", "BZ06-001", "JC01-009"])),
        "implemented": st.one_of(st.none(), st.sampled_from(["2009-11-01", "2020-10-01"])),
        "flow": st.booleans(),
        "comment": st.one_of(st.none(), st.sampled_from(["注释", "note: x"])),
        "quote": st.sampled_from(["", "'", '"']),
    }
)


def _render(entries: list[tuple[tuple[str, str], dict[str, object]]]) -> str:
    lines = ["# 头部注释", "version: 1", "agency: {name: 中心, principal: 张三}", "standards:"]
    by_category: dict[tuple[str, str], list[dict[str, object]]] = {}
    for category, item in entries:
        by_category.setdefault(category, []).append(item)
    current_subsystem = None
    for (subsystem, category), items in sorted(by_category.items()):
        if subsystem != current_subsystem:
            lines.append(f"  {subsystem}:")
            current_subsystem = subsystem
        lines.append(f"    {category}:")
        for item in items:
            q = str(item["quote"])
            name = (
                f'"{item["name"]}"'
                if item["flow"] or "#" in str(item["name"])
                else str(item["name"])
            )
            pairs = (
                ([f"code: {item['code']}"] if item["code"] else [])
                + [f"number: {q}{item['number']}{q}", f"name: {name}"]
                + ([f"implemented: {item['implemented']}"] if item["implemented"] else [])
            )
            comment = f"  # {item['comment']}" if item["comment"] else ""
            if item["flow"]:
                lines.append("      - {" + ", ".join(pairs) + "}" + comment)
            else:
                lines.append(f"      - {pairs[0]}{comment}")
                lines += [f"        {p}" for p in pairs[1:]]
    lines.append("# 尾部注释")
    return "\n".join(lines) + "\n"


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(CATEGORIES), entry), min_size=1, max_size=12))
def test_fix_never_loses_a_comment_or_a_standard(entries) -> None:  # type: ignore[no-untyped-def]
    text = _render(entries)
    blocking = [f for f in check_text(text) if f.rule in ("yaml-syntax", "schema")]
    if blocking:
        return  # not a file fix would touch (e.g. a quoted number with a full-width space)
    plan = plan_fix(text.encode(), date(2026, 11, 26), "zh")
    assert not plan.blocking
    fixed = plan.fixed
    assert comments(text) == comments(fixed)
    assert fixed.count("number:") == text.count("number:") == len(entries)
    assert not [f for f in check_text(fixed) if f.rule in ("yaml-syntax", "schema")]
    assert not plan_fix(plan.encoded(), date(2026, 11, 26), "zh").changed


def test_an_empty_code_is_filled_not_added_twice() -> None:
    source = (EXAMPLES / "kunming-hightech" / "system.yaml").read_text(encoding="utf-8")
    for empty, filled in (
        ("code: , ", "code: BZ01-004, "),
        ("code: null, ", "code: BZ01-004, "),
        ('code: "", ', 'code: "BZ01-004", '),
    ):
        text = source.replace("{code: BZ01-002, ", "{" + empty, 1)
        plan = plan_fix(text.encode(), AS_OF, "zh")
        assert "{" + filled + "number: Q/KMGX 301-2024" in plan.fixed, empty
        assert not [f for f in check_text(plan.fixed) if f.rule in ("yaml-syntax", "schema")], empty


def test_a_flow_mapping_over_several_lines_is_edited_as_flow() -> None:
    text = (
        "version: 1\nagency: {name: a, principal: b}\nstandards:\n  foundation:\n    guidelines:\n"
        "      - {code: JC01-001,\n         number: GB/T 24421.2-2009,\n"
        "         name: 服务业组织标准化工作指南 第2部分：标准体系,\n         implemented: 2009-11-01}\n"
    )
    plan = plan_fix(text.encode(), AS_OF, "zh")
    assert "number: GB/T 24421.2-2023, replaces: GB/T 24421.2-2009," in plan.fixed
    assert "implemented" not in plan.fixed  # the old edition's date went with it
    assert not [f for f in check_text(plan.fixed) if f.rule in ("yaml-syntax", "schema")]


def test_an_older_year_of_a_known_number_is_replaced_by_the_edition_in_force() -> None:
    text = CONFORMING_TEXT.replace(
        "{code: BZ09-001, number: GB/T 19001-2016, name: 质量管理体系 要求}",
        "{code: BZ09-001, number: GB/T 19001-2008, name: 质量管理体系 要求}",
    )
    plan = plan_fix(text.encode(), AS_OF, "zh")
    assert (
        "{code: BZ09-001, number: GB/T 19001-2016, replaces: GB/T 19001-2008, name: 质量管理体系 要求}"
        in plan.fixed
    )


def test_a_low_confidence_older_edition_is_left_for_a_person() -> None:
    # GB/T 19004's current edition is a low-confidence fact: fix must not act on it
    text = CONFORMING_TEXT.replace(
        "{code: BZ09-004, number: Q/KMGX 380-2024, name: 服务质量管理规范, implemented: 2024-02-01}",
        "{code: BZ09-004, number: GB/T 19004-2011, name: 追求组织的持续成功 质量管理方法}",
    )
    assert not plan_fix(text.encode(), AS_OF, "zh").changed


def test_a_misplaced_old_edition_of_a_listed_standard_is_left_and_said() -> None:
    """#22: upgrading it would list GB/T 24421.2-2023 twice; the placement hint names its home."""
    text = CONFORMING_TEXT.replace(
        "      - {code: GW03-006, number: Q/KMGX 426-2024, name: 会计岗位工作标准, post: 会计, implemented: 2024-02-01}\n",
        "      - {code: GW03-006, number: Q/KMGX 426-2024, name: 会计岗位工作标准, post: 会计, implemented: 2024-02-01}\n"
        "      - {code: GW03-007, number: GB/T 24421.2-2009, name: 服务业组织标准化工作指南 第2部分:标准体系}\n",
    )
    plan = plan_fix(text.encode(), AS_OF, "zh")
    assert plan.fixed.count("GB/T 24421.2-2023") == CONFORMING_TEXT.count("GB/T 24421.2-2023")
    [(line, said)] = [(n, what) for n, what in plan.changes if "24421.2-2009" in what]
    assert line == 295 and "第 109 行" in said and "未替换" in said
    placement = [f for f in check_text(text) if f.rule == "layer-placement"]
    [finding] = placement
    assert "foundation.guidelines" in finding.message
    assert "posts.decision" not in finding.message and "posts.management" not in finding.message
