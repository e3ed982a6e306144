"""Copy the bundled examples and test fixtures into fuzz/corpus as the fuzzer's seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "corpus"

if __name__ == "__main__":
    CORPUS.mkdir(exist_ok=True)
    sources = [*ROOT.glob("examples/*/system.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml")]
    for source in sources:
        shutil.copy(source, CORPUS / f"{source.parent.name}-{source.name}")
    print(f"{len(sources)} seeds in {CORPUS}")
