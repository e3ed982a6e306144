"""Atheris fuzz target: the line reader (plainyaml) reads a text as the parser does, or not at all.

The property (tests/test_plainyaml.py, run long): wherever the line reader takes a text, libyaml
takes it too, with the same values, types, positions and spans.

    pip install atheris
    python fuzz/fuzz_plainyaml.py fuzz/corpus -max_total_time=900
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports():
    from tests.test_plainyaml import same_as_parser

    from sbsguide import loader


def test_one_input(data: bytes) -> None:
    text, _ = loader.decode(data)
    if text is not None:
        same_as_parser(text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
