"""YAML data → :class:`StandardSystem`; each pydantic error becomes a located ``schema`` problem.

A user never sees a pydantic dump: each error type maps to a message id of the ``schema`` rule,
an unknown key gets a "did you mean" (also when the key is the Chinese title of a known one), and
the error's location becomes the logical path of the offending node.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from sbsguide.loader import LoadProblem
from sbsguide.model import CATEGORY_TAGS, StandardSystem
from sbsguide.prebuilt import validator
from sbsguide.source import LogicalPath

Model = TypeVar("Model", bound=BaseModel)

_MESSAGE_BY_TYPE = {
    "missing": "missing",
    "extra_forbidden": "unknown-key",
    "string_type": "text",
    "int_type": "integer",
    "int_parsing": "integer",
    "int_from_float": "integer",
    "float_type": "number",
    "float_parsing": "number",
    "bool_type": "boolean",
    "bool_parsing": "boolean",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "value_error": "date",  # the custom validators are the date forms (and a period's, below)
    "list_type": "list",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "dict_type": "mapping",
    "literal_error": "choice",
    "string_too_short": "blank",
}


def validate(data: Any) -> tuple[StandardSystem | None, list[LoadProblem]]:
    """The model of a YAML document, or the schema problems that stop it."""
    return validate_as(StandardSystem, data)


def validate_as(root: type[Model], data: Any) -> tuple[Model | None, list[LoadProblem]]:
    """``data`` as the model ``root`` (the system, or its records), or the schema problems."""
    if data is None:
        return None, [LoadProblem("schema", "empty")]
    if not isinstance(data, dict):
        return None, [
            LoadProblem("schema", "root-list" if isinstance(data, list) else "root-scalar")
        ]
    prebuilt = validator(root)  # made from the schema the wheel ships (prebuilt.py), if any
    try:
        if prebuilt is not None:
            return prebuilt.validate_python(data), []
        return root.model_validate(data), []
    except ValidationError as error:
        return None, [_problem(e, root) for e in error.errors(include_url=False)]


def _problem(error: Any, root: type[BaseModel]) -> LoadProblem:
    loc = _logical(tuple(error["loc"]))
    kind = error["type"]
    message = _MESSAGE_BY_TYPE.get(kind, "invalid")
    args: dict[str, Any] = {"key": str(loc[-1]) if loc else "", "detail": error.get("msg", "")}
    if kind == "missing":
        return LoadProblem("schema", message, args, loc[:-1])
    if kind == "extra_forbidden":
        args["suggestion"] = did_you_mean(str(loc[-1]), allowed_keys(loc[:-1], root))
        if args["suggestion"]:
            message = "unknown-key-suggest"
    elif kind == "value_error" and loc and loc[-1] == "period":
        message = "period"  # a survey's period: two dates, not one
    elif kind == "literal_error":
        args["expected"] = error.get("ctx", {}).get("expected", "")
    args["value"] = _shown(error.get("input"))
    return LoadProblem("schema", message, args, loc)


def _logical(loc: tuple[Any, ...]) -> LogicalPath:
    """Drop the union tags pydantic puts after a category key (standards.<sub>.<cat>.<tag>)."""
    if len(loc) > 3 and loc[0] == "standards" and loc[2] != "extra" and loc[3] in CATEGORY_TAGS:
        loc = loc[:3] + loc[4:]
    return tuple(loc)


def _shown(value: Any) -> str:
    text = "" if isinstance(value, (dict, list)) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def did_you_mean(key: str, allowed: dict[str, str]) -> str:
    """The known key closest to ``key``: by spelling, or by its Chinese title."""
    for name, title in allowed.items():
        if key == title:
            return name
    close = difflib.get_close_matches(key.lower(), list(allowed), n=1, cutoff=0.6)
    return close[0] if close else ""


def allowed_keys(path: LogicalPath, root: type[BaseModel] = StandardSystem) -> dict[str, str]:
    """The keys allowed at ``path`` (the mapping's own path), each with its Chinese title."""
    model = _model_at(path, root)
    if model is None:
        return {}
    return {(info.alias or name): (info.title or "") for name, info in model.model_fields.items()}


def _model_at(path: LogicalPath, root: type[BaseModel]) -> type[BaseModel] | None:
    current: list[Any] = [root]
    for part in path:
        following: list[Any] = []
        for candidate in _flatten(current):
            if isinstance(part, int) and typing.get_origin(candidate) is list:
                following.extend(typing.get_args(candidate))
            elif isinstance(part, str) and _is_model(candidate):
                for name, info in candidate.model_fields.items():
                    if part in (name, info.alias):
                        following.append(info.annotation)
        current = following
    models = [c for c in _flatten(current) if _is_model(c)]
    return models[0] if models else None


def _flatten(annotations: list[Any]) -> list[Any]:
    """Unwrap Annotated, Optional and unions down to models and list types."""
    flat: list[Any] = []
    for annotation in annotations:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            flat.extend(_flatten([typing.get_args(annotation)[0]]))
        elif origin in (typing.Union, types.UnionType):
            flat.extend(_flatten(list(typing.get_args(annotation))))
        else:
            flat.append(annotation)
    return flat


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)
