"""The validators of the root models, their schemas made when the wheel is built.

pydantic makes a model's validator on first use by walking every field of every nested class in
Python: ≈ 25 ms of each `sbs check`, more than checking a 100-standard file. The wheel's build
(hatch_build.py) does that walk once and ships its result, each root model's core schema, in
``_validators.pickle``; a check then makes the validator from it in a fraction of a millisecond.

The schema is pydantic's own, so what validates and every error are the same (a test compares
the findings of both on every example and rule case). It is used only under the pydantic-core
that made it; in a source checkout or an editable install, or under another pydantic, pydantic
makes the validator as before.
"""

from __future__ import annotations

import pickle
from functools import cache
from typing import Any

from pydantic import BaseModel

from sbsguide.resources import PACKAGE_DIR

FILE = "_validators.pickle"


def roots() -> tuple[type[BaseModel], ...]:
    """The models a file is validated as: the system, and its records."""
    from sbsguide.evaluate.records import Records
    from sbsguide.model import StandardSystem

    return (StandardSystem, Records)


def compile_schemas() -> bytes:
    """Each root's core schema, pickled (hatch_build.py); classes and functions by name."""
    import pydantic_core

    schemas = {}
    for root in roots():
        root.model_rebuild()  # deferred (defer_build) until now
        # each pickled apart: unpickling one imports its own models only (a system file with no
        # records needs nothing of evaluate/)
        schema = _without_metadata(root.__pydantic_core_schema__)
        schemas[_name(root)] = pickle.dumps(schema, protocol=pickle.HIGHEST_PROTOCOL)
    compiled = {"pydantic-core": pydantic_core.__version__, "schemas": schemas}
    return pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)


def validator(root: type[BaseModel]) -> Any:
    """The prebuilt ``SchemaValidator`` of ``root``; None when there is none to use."""
    name = _name(root)
    return _validator(name) if name in _schemas() else None


@cache
def _schemas() -> dict[str, bytes]:
    shipped = PACKAGE_DIR / FILE
    if not shipped.is_file():
        return {}
    return load(shipped.read_bytes())


@cache
def _validator(name: str) -> Any:
    import pydantic_core

    try:
        schema = pickle.loads(_schemas()[name])
    except (pickle.UnpicklingError, AttributeError, ImportError, EOFError, ValueError):
        return None  # a model renamed since: pydantic makes its validator itself
    return pydantic_core.SchemaValidator(schema)


def load(blob: bytes) -> dict[str, bytes]:
    """Each root's pickled schema a compiled blob holds; none if another pydantic-core made it."""
    import pydantic_core

    try:
        compiled = pickle.loads(blob)
    except (pickle.UnpicklingError, EOFError, ValueError):
        return {}
    if not isinstance(compiled, dict) or compiled.get("pydantic-core") != pydantic_core.__version__:
        return {}
    schemas: dict[str, bytes] = compiled["schemas"]
    return schemas


def _name(model: type[BaseModel]) -> str:
    return f"{model.__module__}:{model.__qualname__}"


def _without_metadata(schema: Any) -> Any:
    """The schema without its ``metadata`` (JSON Schema hooks, not read by the validator)."""
    if isinstance(schema, dict):
        return {k: _without_metadata(v) for k, v in schema.items() if k != "metadata"}
    if isinstance(schema, list):
        return [_without_metadata(v) for v in schema]
    return schema
