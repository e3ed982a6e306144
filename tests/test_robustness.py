"""Whatever bytes a user gives, sbs ends with findings or one clear message — never an exception.

Bounded in CI (the "ci" hypothesis profile); HYPOTHESIS_PROFILE=long searches much longer.
Every input goes through `check` in every output format, the reports in every format (for a file
that loads) and `fix`'s planning.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CONFORMING, EXAMPLES, examples
from sbsguide.engine import CheckOptions, check_bytes
from sbsguide.findings import CheckResult, FileResult
from sbsguide.loader import read_yaml
from sbsguide.output import MACHINE_FORMATS, formatter
from sbsguide.output.text_format import render as render_text
from sbsguide.report.build import FORMATS, KINDS, build
from sbsguide.service import plan_fix

AS_OF = date(2026, 11, 26)
OPTIONS = CheckOptions(as_of=AS_OF)
LOAD_RULES = {"yaml-syntax", "schema", "file-encoding"}


def exercise(raw: bytes, *, reports: tuple[str, ...] = ("md", "html")) -> None:
    """Every command path over one input; any exception fails the test."""
    findings = check_bytes(raw, OPTIONS)
    result = CheckResult([FileResult("system.yaml", findings)], AS_OF, "guide", "zh")
    render_text(result)
    for name in MACHINE_FORMATS:
        render = formatter(name)
        document = render(result)
        if name in ("json", "sarif", "gitlab"):
            json.loads(document)
    plan = plan_fix(raw, AS_OF, "zh")
    if plan.changed:
        assert not [
            f
            for f in check_bytes(plan.encoded(), OPTIONS)
            if f.rule in LOAD_RULES and f.severity.value == "error"
        ]
    if reports and not any(f.rule in LOAD_RULES and f.severity.value == "error" for f in findings):
        assert build(raw, KINDS, reports, AS_OF, "zh").files


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(raw: bytes) -> None:
    exercise(raw)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates().map(str),
)
YAML_VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAML_VALUES)
def test_arbitrary_yaml_documents(value: Any) -> None:
    exercise(json.dumps(value, ensure_ascii=False).encode("utf-8"))


BASE = [
    read_yaml(p.read_bytes().decode("utf-8", "replace")).data
    for p in sorted(EXAMPLES.glob("*/system.yaml"))
    if "gbk" not in p.parent.name
]
ODD_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\u202eRTL\u202c",
        "\x00nul",
        "😀🚀",
        "ＦＵＬＬ　ＷＩＤＴＨ",
        "<script>alert(1)</script>",
        "=cmd|' /C calc'!A0",
        "../../etc/passwd",
        "x" * 5000,
        "2024-02-30",
        "2024年2月30日",
        "\t",
        "- a",
        "{a: b}",
    ]
)
ODD_VALUE = st.one_of(
    ODD_TEXT,
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.just([]),
    st.just({}),
    st.lists(ODD_TEXT, max_size=3),
    st.just([[[[[[[[["deep"]]]]]]]]]),
    st.just(["x"] * 3000),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:20]):
            found += _paths(child, (*prefix, index))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        document = document[part]
    return document


@st.composite
def mutated_systems(draw: st.DrawFn) -> bytes:
    document = copy.deepcopy(draw(st.sampled_from(BASE)))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(document) if p]
        path = draw(st.sampled_from(paths))
        parent, key = _parent(document, path), path[-1]
        action = draw(st.sampled_from(["drop", "retype", "misspell", "duplicate", "odd"]))
        if action == "drop":
            del parent[key]
        elif action == "retype" or action == "odd":
            parent[key] = copy.deepcopy(draw(ODD_VALUE))  # st.just shares one object
        elif action == "misspell" and isinstance(key, str):
            parent[key[::-1] or "x"] = parent.pop(key)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
    text = json.dumps(document, ensure_ascii=False, default=str)
    if draw(st.booleans()):  # a duplicate key, which JSON cannot say
        text = text.replace('"version": 1', '"version": 1, "version": 2', 1)
    return text.encode("utf-8")


@settings(
    max_examples=examples(120),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_systems())
def test_structured_mutations_of_real_systems(raw: bytes) -> None:
    exercise(raw)


@settings(
    max_examples=examples(8),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_systems())
def test_mutations_through_the_office_formats(raw: bytes) -> None:
    exercise(raw, reports=FORMATS)


def test_huge_lists_and_long_lines_finish() -> None:
    data = read_yaml(CONFORMING.read_text(encoding="utf-8")).data
    data["services"]["items"] = [{"name": f"服务{i}", "class": "商务服务"} for i in range(20000)]
    data["agency"]["address"] = "长" * 200_000
    exercise(json.dumps(data, ensure_ascii=False, default=str).encode("utf-8"), reports=())


def test_every_bundled_file_and_fixture_goes_through_everything() -> None:
    for path in [
        *EXAMPLES.glob("*/system.yaml"),
        *Path(__file__).parent.glob("fixtures/**/*.yaml"),
    ]:
        exercise(path.read_bytes(), reports=FORMATS)


_CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "序号",
            "标准编号",
            "标准名称",
            "实施日期",
            "备注",
            "体系编号",
            "被代替标准号",
            "服务保障标准体系",
            "安全与应急标准",
            "岗位工作标准体系",
            "小计",
            "合计",
            "1",
            "2",
            "GB/T 29639-2020",
            "Q/QJZX 401-2024",
            "主任岗位工作标准",
            "2023-12-20",
            "2024.3.1",
            "2024年3月1日",
            "2024.13.1",
            "=1+1",
            "@SUM(A1)",
            "-",
            "true",
            "null",
            "~",
            "是",
            "不适用：无采购业务",
            "BZ06-001",
            "JC01-001",
            "12:30",
            "1e3",
            "0x1F",
            "'",
            '"',
            "#",
            "a: b",
            "[x]",
            "{y}",
            "*anchor",
            "&x",
            "!tag",
            "%",
            "|",
            ">",
        ]
    ),
    st.text(max_size=12),
)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_CELLS, max_size=7), max_size=14))
def test_import_of_arbitrary_tables_writes_only_files_that_load(
    tmp_path_factory: Any, rows: list[list[str]]
) -> None:
    """Any CSV: import says why it cannot read it, or writes a file that loads (issues 13, 14)."""
    import csv
    import io

    from sbsguide.importer import read_table, system_text
    from sbsguide.tables import TableNotReadable

    buffer = io.StringIO()
    csv.writer(buffer).writerows([["序号", "标准编号", "标准名称", "实施日期", "备注"], *rows])
    path = tmp_path_factory.mktemp("import") / "table.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        result = read_table(path, None)
    except TableNotReadable:
        return
    written = system_text(result, "测试中心", "张三", "zh").encode("utf-8")
    assert not [
        (f.rule, f.line, f.message)
        for f in check_bytes(written, OPTIONS)
        if f.rule in LOAD_RULES and f.severity.value == "error"
    ]
