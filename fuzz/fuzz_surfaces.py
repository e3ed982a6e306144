"""Atheris fuzz target: the newer surfaces of #20 under any bytes.

A configuration, a user catalogue, a standards list for `sbs catalog import`, or a system file to
draft from.

The first byte chooses the surface; the rest is the file. The property: each surface ends in its
own located error (``ConfigError``, ``CatalogueError``, ``TableNotReadable``, load findings) or a
correct result — drafts that render and YAML lines that parse. Any other exception is a bug.

    pip install atheris
    python fuzz/fuzz_surfaces.py fuzz/corpus-surfaces -max_total_time=900
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from sbsguide import config
    from sbsguide.catalogue import CatalogueError, _read_user_catalogue, load_catalogue
    from sbsguide.catalogue.table_import import merge, read_list
    from sbsguide.documents.write import WRITERS
    from sbsguide.draft import build
    from sbsguide.draft.document import document
    from sbsguide.engine import CheckOptions, load_stage
    from sbsguide.loader import read_yaml
    from sbsguide.tables import TableNotReadable

OPTIONS = CheckOptions(as_of=date(2026, 11, 26))
FOLDER = Path(tempfile.mkdtemp(prefix="sbs-fuzz-surfaces-"))


def configuration(data: bytes) -> None:
    path = FOLDER / "config.yaml"
    path.write_bytes(data)
    config.load.cache_clear()
    try:
        config.load(path)
    except config.ConfigError as error:
        error.render("zh")
        error.render("en")


def user_catalogue(data: bytes) -> None:
    path = FOLDER / "catalogue.yaml"
    path.write_bytes(data)
    _read_user_catalogue.cache_clear()
    load_catalogue.cache_clear()
    try:
        load_catalogue((str(path),))
    except CatalogueError:
        return


def catalogue_import(data: bytes) -> None:
    path = FOLDER / ("list.xlsx" if data[:1] == b"x" else "list.csv")
    path.write_bytes(data[1:])
    try:
        result = read_list(path, "fuzz")
    except TableNotReadable:
        return
    if result.entries:
        merge(None, result.entries)


def drafts(data: bytes) -> None:
    loaded = load_stage(data, OPTIONS)
    if loaded.system is None:
        return
    for draft in build(loaded.system, "zh"):
        WRITERS["docx"](document(draft))
        WRITERS["md"](document(draft))
        if draft.proposed and read_yaml(draft.yaml_line).problems:
            raise AssertionError(draft.yaml_line)


SURFACES = (configuration, user_catalogue, catalogue_import, drafts)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    SURFACES[data[0] % len(SURFACES)](data[1:])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
