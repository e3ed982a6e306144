"""Files shipped with the package: guide data, message catalogues, templates and schemas.

Top-level ``templates/`` and ``schemas/`` are put into the wheel as ``sbsguide/_templates`` and
``sbsguide/_schemas``, and ``docs/rules.md`` as ``sbsguide/_docs/rules.md`` (pyproject
``force-include``); from a source checkout they are read where they stand, so tests and an
editable install see the same files as a user.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_CHECKOUT_ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = Path(__file__).parent
"""Where the package's own files are: the pickles the wheel's build writes beside its modules.
Read there directly, `sbs check` starts without importlib.resources (and tempfile, shutil)."""


def shipped_dir(name: str) -> Traversable:
    """``templates``, ``schemas`` or ``docs``, from the installed wheel or the checkout."""
    from importlib.resources import files

    installed = files("sbsguide") / f"_{name}"
    if installed.is_dir():
        return installed
    return _CHECKOUT_ROOT / name


COMPILED = "_data.pickle"
"""Every data file, parsed when the wheel is built (hatch_build.py): `sbs check` starts without
parsing YAML (the guide, the catalogue and the messages took ≈ 50 ms of its start-up)."""


@cache
def data(package: str, name: str) -> Any:
    """A YAML data file shipped inside a sub-package: pre-parsed in a wheel, else read.

    Read by the checker's own event loader: ruamel's Python constructor would cost `sbs check`
    tens of milliseconds of start-up for the message catalogue alone.
    """
    compiled = _compiled()
    if compiled is not None and (package, name) in compiled:
        return compiled[package, name]
    return parse_data(package, name)


def parse_data(package: str, name: str) -> Any:
    """A data file read from its YAML (what the wheel's pre-parsed copy is made of)."""
    from importlib.resources import files

    return parse_text((files(package) / name).read_text(encoding="utf-8"), f"{package}/{name}")


def parse_text(text: str, label: str) -> Any:
    """The data of a data file's text; a file that does not parse is a bug of the package."""
    from sbsguide.loader import read_yaml

    document = read_yaml(text)
    if document.problems:
        raise ValueError(f"{label}: {document.problems[0]}")
    return document.data


@cache
def _compiled() -> dict[tuple[str, str], Any] | None:
    """The pre-parsed data of an installed wheel; None in a source checkout or editable install.

    A pickle, written by the wheel's own build from the YAML beside it: it is trusted as the
    package's code is, and never read from anywhere else.
    """
    import pickle

    shipped = PACKAGE_DIR / COMPILED
    if not shipped.is_file():
        return None
    loaded: dict[tuple[str, str], Any] = pickle.loads(shipped.read_bytes())
    return loaded


def data_files(root: Path) -> dict[tuple[str, str], Path]:
    """Every data file under the package folder ``root``, by (package, file name)."""
    return {
        (".".join(("sbsguide", *path.parent.relative_to(root).parts)), path.name): path
        for path in sorted(root.rglob("*.yaml"))
    }
