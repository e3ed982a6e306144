"""Atheris fuzz target: any bytes as a CSV or an .xlsx table through `sbs import`.

The property: import either says why it cannot read the table (``TableNotReadable``) or writes
a system file that loads without a syntax or schema error. Any exception is a bug.

    pip install atheris
    python fuzz/fuzz_import.py fuzz/corpus-import -max_total_time=1800
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from sbsguide.engine import CheckOptions, load_stage
    from sbsguide.importer import read_table, system_text
    from sbsguide.tables import TableNotReadable

OPTIONS = CheckOptions(as_of=date(2026, 11, 26))
FOLDER = Path(tempfile.mkdtemp(prefix="sbs-fuzz-import-"))


def test_one_input(data: bytes) -> None:
    # The first byte chooses the format: the rest is the file.
    suffix = ".xlsx" if data[:1] == b"x" else ".csv"
    path = FOLDER / f"table{suffix}"
    path.write_bytes(data[1:])
    try:
        result = read_table(path, None)
    except TableNotReadable:
        return
    written = system_text(result, "测试中心", "张三", "zh").encode("utf-8")
    loaded = load_stage(written, OPTIONS)
    if loaded.blocked:
        raise AssertionError([f.message for f in loaded.findings])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
