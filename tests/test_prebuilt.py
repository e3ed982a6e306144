"""The validators the wheel ships (prebuilt.py) validate exactly as pydantic's own: the same
models, the same fields set, the same schema problems, on every example and every rule case."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from conftest import EXAMPLES
from sbsguide import loader, prebuilt
from sbsguide.evaluate.records import Records
from sbsguide.model import StandardSystem
from sbsguide.validate import validate_as
from test_rules import CASES, case_bytes, case_records

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def shipped() -> dict[str, Any]:
    """What an installed wheel would use: validators of the schemas compiled and loaded back."""
    from pydantic_core import SchemaValidator

    schemas = prebuilt.load(prebuilt.compile_schemas())
    return {name: SchemaValidator(pickle.loads(schema)) for name, schema in schemas.items()}


def _data(raw: bytes) -> Any:
    text, _ = loader.decode(raw)
    document = loader.read_yaml(text or "")
    return None if text is None or document.problems else document.data


def _same(a: Any, b: Any) -> None:
    assert type(a) is type(b)
    if isinstance(a, BaseModel):
        assert a.model_fields_set == b.model_fields_set
        for name in type(a).model_fields:
            _same(getattr(a, name), getattr(b, name))
    elif isinstance(a, list):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    else:
        assert a == b


def _compare(
    root: type[BaseModel], data: Any, shipped: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr("sbsguide.validate.validator", lambda model: shipped[prebuilt._name(model)])
        ours, our_problems = validate_as(root, data)
    with monkeypatch.context() as patched:
        patched.setattr("sbsguide.validate.validator", lambda model: None)
        theirs, their_problems = validate_as(root, data)
    assert our_problems == their_problems
    _same(ours, theirs)


def test_both_roots_are_shipped(shipped: dict[str, Any]) -> None:
    assert set(shipped) == {prebuilt._name(StandardSystem), prebuilt._name(Records)}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_rule_case_validates_alike(
    case: Any, shipped: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _data(case_bytes(case))
    if data is not None:
        _compare(StandardSystem, data, shipped, monkeypatch)
    records = case_records(case)
    if records is not None and records.raw is not None:
        records_data = _data(records.raw)
        if records_data is not None:
            _compare(Records, records_data, shipped, monkeypatch)


def test_every_example_and_fixture_validates_alike(
    shipped: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    systems = [*EXAMPLES.glob("*/system.yaml"), *(FIXTURES / "hostile").glob("*.yaml")]
    records = [*EXAMPLES.glob("*/records.yaml"), *(FIXTURES / "records").glob("*.yaml")]
    assert systems and records
    for root, paths in ((StandardSystem, systems), (Records, records)):
        for path in paths:
            data = _data(path.read_bytes())
            if data is not None:
                _compare(root, data, shipped, monkeypatch)


def test_a_blob_of_another_pydantic_core_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    import pydantic_core

    blob = prebuilt.compile_schemas()
    monkeypatch.setattr(pydantic_core, "__version__", "0.0.0")
    assert prebuilt.load(blob) == {}
    assert prebuilt.load(b"not a pickle") == {}


MUTATIONS: tuple[Any, ...] = (
    12345,
    1.5,
    "文本",
    "2024-02-30",
    "2024年3月1日",
    "是",
    [],
    {},
    None,
    True,
)


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        found += _paths(value, (*path, key))
    return found


def _mutated(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    import copy

    copied = copy.deepcopy(data)
    parent = copied
    for key in path[:-1]:
        parent = parent[key]
    if value is _DELETE:
        del parent[path[-1]]
    elif value is _EXTRA:
        if not isinstance(parent[path[-1]], dict):
            return None
        parent[path[-1]]["额外的键"] = 1
    else:
        parent[path[-1]] = value
    return copied


_DELETE, _EXTRA = object(), object()


@pytest.mark.parametrize("root", [StandardSystem, Records], ids=["system", "records"])
def test_every_kind_of_wrong_value_is_said_alike(
    root: type[BaseModel], shipped: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each node of the example in turn given a wrong type, an odd form, taken out or added to:
    the problems (type, place, message) are the same either way."""
    name = "system.yaml" if root is StandardSystem else "records.yaml"
    data = _data((EXAMPLES / "kunming-hightech" / name).read_bytes())
    paths = _paths(data)
    assert len(paths) > 100
    for path in paths[:: max(1, len(paths) // 150)]:  # every kind of node, not all 2,000
        for value in (*MUTATIONS, _DELETE, _EXTRA):
            mutated = _mutated(data, path, value)
            if mutated is not None:
                _compare(root, mutated, shipped, monkeypatch)


def test_an_installed_wheel_ships_the_schemas_pydantic_builds() -> None:
    """In a wheel (CI installs one), the shipped schemas are what pydantic makes of the models."""
    from importlib.resources import files

    shipped = files("sbsguide") / prebuilt.FILE
    if not shipped.is_file():  # a source checkout or an editable install: none is shipped
        return
    assert prebuilt.validator(StandardSystem) is not None  # and a check uses them
    made = prebuilt.load(prebuilt.compile_schemas())
    ours = prebuilt.load(shipped.read_bytes())
    assert set(ours) == set(made)
    for name, schema in ours.items():
        assert _without_ids(pickle.loads(schema)) == _without_ids(pickle.loads(made[name]))


def _without_ids(schema: Any) -> Any:
    """A schema with its references' process-specific suffix (``Records:9391768547``) cut."""
    import re

    if isinstance(schema, dict):
        return {
            k: re.sub(r":\d+$", "", v) if k in ("ref", "schema_ref") else _without_ids(v)
            for k, v in schema.items()
        }
    if isinstance(schema, list):
        return [_without_ids(v) for v in schema]
    return schema
