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
    tables = Path(__file__).parent / "corpus-import"
    tables.mkdir(exist_ok=True)
    (tables / "sections.csv").write_bytes(
        "c序号,标准编号,标准名称,实施日期,备注\n服务保障标准体系\n安全与应急标准\n"
        "1,GB/T 29639-2020,生产经营单位生产安全事故应急预案编制导则,2020-11-01,\n"
        "岗位工作标准体系\n2,Q/QJZX 401-2024,主任岗位工作标准,2024.3.1,2023-12-20\n".encode()
    )
    print(f"1 table seed in {tables}")
    # fuzz_surfaces.py: the first byte picks the surface (configuration, user catalogue,
    # standards list, system file to draft from)
    surfaces = Path(__file__).parent / "corpus-surfaces"
    surfaces.mkdir(exist_ok=True)
    seeds = {
        "config": b"\x00select: [dates]\nseverity: {dates: error}\nlang: en\ncatalogues: []\n",
        "catalogue": b"\x01entries:\n  - {number: GB/T 9999, year: 2020, status: current}\n",
        "list": b"\x02c" + "标准号,标准名称,状态\nGB/T 9999-2020,某标准,现行\n".encode(),
        "system": b"\x03" + (ROOT / "examples/qujing-draft/system.yaml").read_bytes(),
    }
    for name, seed in seeds.items():
        (surfaces / name).write_bytes(seed)
    print(f"{len(seeds)} surface seeds in {surfaces}")
