"""The newer surfaces under arbitrary input (#20): configuration, user catalogues, catalogue import,
drafts. Each ends in its own located error or a correct result, never another exception.

Bounded in CI; HYPOTHESIS_PROFILE=long searches fifty times longer (see conftest.examples).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CONFORMING, examples
from sbsguide.loader import read_yaml


def bounded(count: int) -> settings:
    """Settings of a property: ``count`` examples in CI, fifty times more for the long profile."""
    return settings(
        max_examples=examples(count),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


_CONFIG_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=20),
    st.lists(st.text(max_size=20), max_size=4),
    st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=3),
    st.sampled_from(["dates", "schema", "placeholder", "error", "info", "zh", "en", "是", "否"]),
)
_KEYS = st.sampled_from(
    ["select", "ignore", "strict", "lang", "severity", "catalogues", "selct", "x"]
)


def _yaml(data: Any) -> str:
    from ruamel.yaml import YAML

    buffer = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, buffer)
    return buffer.getvalue()


@bounded(120)
@given(st.dictionaries(_KEYS, _CONFIG_VALUES, max_size=5) | st.text(max_size=200))
def test_any_configuration_loads_or_is_a_located_config_error(
    tmp_path_factory: Any, content: Any
) -> None:
    from sbsguide import config

    folder = tmp_path_factory.mktemp("config")
    path = folder / "config.yaml"
    path.write_text(content if isinstance(content, str) else _yaml(content), encoding="utf-8")
    config.load.cache_clear()
    try:
        loaded = config.load(path)
    except config.ConfigError as error:
        for lang in ("zh", "en"):
            assert error.render(lang).startswith(str(path))  # type: ignore[arg-type]
        return
    assert loaded.path == path


_ENTRY_VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-10, max_value=3000),
    st.text(max_size=15),
    st.lists(st.text(max_size=12), max_size=3),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.sampled_from(["current", "bogus", "high", "support.safety", "2023-02-30", "GB/T 1.1"]),
)
_ENTRY_KEYS = st.sampled_from(
    ["number", "year", "title", "kind", "status", "categories", "fit", "confidence", "source",
     "implemented", "issued", "superseded_by", "replaces", "note", "unknown"]
)  # fmt: skip


@bounded(120)
@given(
    st.lists(
        st.fixed_dictionaries({"number": st.sampled_from(["GB/T 9999", "Q/X 1", "x"])})
        | st.dictionaries(_ENTRY_KEYS, _ENTRY_VALUES, max_size=5),
        max_size=4,
    )
)
def test_any_user_catalogue_is_layered_or_a_located_catalogue_error(
    tmp_path_factory: Any, entries: list[dict[str, Any]]
) -> None:
    from sbsguide.catalogue import CatalogueError, load_catalogue, read_user_catalogue
    from sbsguide.catalogue.view import matches, render_text
    from sbsguide.engine import CheckOptions, check_bytes

    path = tmp_path_factory.mktemp("catalogue") / "c.yaml"
    path.write_text(_yaml({"entries": entries}), encoding="utf-8")
    try:
        read_user_catalogue(path)
    except CatalogueError as error:
        assert error.line >= 1
        return
    day = date(2026, 11, 26)
    catalogue = load_catalogue((str(path),))
    render_text(matches(catalogue, "9999", None, day), catalogue, day, "zh")
    check_bytes(CONFORMING.read_bytes(), CheckOptions(as_of=day, catalogues=(str(path),)))


_CELL = st.one_of(
    st.sampled_from(["GB/T 9999-2020", "GB/T 9999", "Q/X 1-2024", "现行", "废止", "被代替", ""]),
    st.text(max_size=15),
)


@bounded(100)
@given(st.lists(st.lists(_CELL, min_size=2, max_size=8), max_size=10))
def test_catalogue_import_of_any_table_merges_into_a_catalogue_that_loads(
    tmp_path_factory: Any, rows: list[list[str]]
) -> None:
    from sbsguide.catalogue import CatalogueError, read_user_catalogue
    from sbsguide.catalogue.table_import import merge, read_list
    from sbsguide.tables import TableNotReadable

    folder = tmp_path_factory.mktemp("list")
    buffer = io.StringIO()
    header = ["标准号", "标准名称", "状态", "发布日期", "实施日期", "代替标准号", "被代替标准号"]
    csv.writer(buffer).writerows([header, *rows])
    table = folder / "list.csv"
    table.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        result = read_list(table, "list.csv")
    except TableNotReadable:
        return
    if not result.entries:
        return
    target = folder / "c.yaml"
    target.write_text(merge(None, result.entries).text, encoding="utf-8")
    try:
        read_user_catalogue(target)
    except CatalogueError as error:  # what a list may hold that a catalogue may not: said
        assert error.reason in ("value",), (error.reason, error.detail)


_NAME = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=30,
)


@bounded(40)
@given(_NAME, _NAME, _NAME)
def test_drafts_of_any_names_render_and_their_yaml_lines_parse(
    title: str, position: str, service: str
) -> None:
    from sbsguide.documents.write import WRITERS
    from sbsguide.draft import build
    from sbsguide.draft.document import document as as_document
    from sbsguide.engine import CheckOptions, load_stage
    from sbsguide.yamltext import scalar

    text = CONFORMING.read_text(encoding="utf-8")
    text = text.replace("name: 采购管理制度,", f"name: {scalar(title, flow=True)},")
    text = text.replace(
        "    - name: 会计\n",
        f"    - name: {scalar(position, flow=False)}\n      level: general\n    - name: 会计\n",
    )
    text = text.replace(
        "    - {name: 市场开拓, class: 市场策划}\n",
        f"    - {{name: 市场开拓, class: 市场策划}}\n    - {{name: {scalar(service, flow=True)}}}\n",
    )
    loaded = load_stage(text.encode("utf-8"), CheckOptions(as_of=date(2026, 11, 26)))
    if loaded.system is None:
        return  # a name the schema refuses (blank once trimmed): check says so
    for draft in build(loaded.system, "zh"):
        if not ({title, position, service} & {draft.title, *draft.subjects}):
            continue
        WRITERS["docx"](as_document(draft))
        WRITERS["md"](as_document(draft))
        Path(draft.file_stem)  # a usable name
        assert len(draft.file_stem.encode("utf-8")) <= 180
        if draft.proposed:
            document = read_yaml(draft.yaml_line)
            assert not document.problems, draft.yaml_line
