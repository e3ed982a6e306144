"""Files shipped with the package: guide data, message catalogues, templates and schemas.

Top-level ``templates/`` and ``schemas/`` are put into the wheel as ``sbsguide/_templates`` and
``sbsguide/_schemas`` (pyproject ``force-include``); from a source checkout they are read where
they stand, so tests and an editable install see the same files as a user.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

_CHECKOUT_ROOT = Path(__file__).resolve().parents[2]


def shipped_dir(name: str) -> Traversable:
    """``templates`` or ``schemas``, from the installed wheel or the source checkout."""
    installed = files("sbsguide") / f"_{name}"
    if installed.is_dir():
        return installed
    return _CHECKOUT_ROOT / name


@cache
def data(package: str, name: str) -> Any:
    """A YAML data file shipped inside a sub-package.

    Read by the checker's own event loader: ruamel's Python constructor would cost `sbs check`
    tens of milliseconds of start-up for the message catalogue alone.
    """
    from sbsguide.loader import read_yaml

    document = read_yaml((files(package) / name).read_text(encoding="utf-8"))
    if document.problems:
        raise ValueError(f"{package}/{name}: {document.problems[0]}")
    return document.data
