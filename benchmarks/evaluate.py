"""`sbs evaluate` at size (issue 21): the report in every format from many records.

    python benchmarks/evaluate.py            # kunming + 200 records; 10,000 standards + 50,000

Records are generated: trainings and inspections naming the system's standards in turn, dated
within the trial, two surveys, a few problems. Wall time and peak memory of the whole process.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KUNMING = ROOT / "examples" / "kunming-hightech" / "system.yaml"
SHARED_GENERATOR = ROOT.parent / "shared" / "bench" / "gen_system.py"


def records_for(system: Path, count: int, seed: int = 53) -> str:
    """``count`` records naming the system's standards, within its trial (2024-03 … 2024-06)."""
    rng = random.Random(seed)
    numbers = re.findall(r"number: ([^,}\n]+)", system.read_text(encoding="utf-8"))
    lines = ["version: 1", "trainings:"]
    half = count // 2
    for n in range(half):
        day = f"2024-{3 + n % 4:02d}-{1 + n % 28:02d}"
        named = ", ".join(rng.sample(numbers, min(5, len(numbers))))
        lines.append(f"  - {{date: {day}, standards: [{named}], participants: {5 + n % 20}}}")
    lines.append("inspections:")
    for n in range(count - half):
        day = f"2024-{3 + n % 4:02d}-{1 + n % 28:02d}"
        named = ", ".join(rng.sample(numbers, min(3, len(numbers))))
        result = ("符合", "符合", "符合", "基本符合", "不符合")[n % 5]
        entry = f"date: {day}, scope: 服务大厅, result: {result}, standards: [{named}]"
        lines.append(f"  - {{{entry}}}")
    lines += [
        "surveys:",
        "  - {period: 2024-04-01/2024-04-30, responses: 56, satisfied: 49}",
        "  - {period: 2024-05-01/2024-06-30, responses: 64, satisfied: 59}",
        "evaluation:",
        "  date: 2024-07-05",
        "  problems:",
        "    - {id: P1, problem: 台账不全, action: 补齐, owner: 李娜, due: 2024-09-30,",
        "       status: 已完成}",
    ]
    return "\n".join(lines) + "\n"


def run(folder: Path, formats: str) -> tuple[float, float]:
    sbs = Path(sys.executable).parent / "sbs"
    command = [str(sbs) if sbs.exists() else sys.executable]
    command += [] if sbs.exists() else ["-m", "sbsguide"]
    command += ["evaluate", str(folder), "--format", formats, "--output", str(folder / "out")]
    start = time.perf_counter()
    process = subprocess.Popen([*command, "--as-of", "2026-11-26"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    assert status == 0, status
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    print("| system | records | formats | s | peak MB | target |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as work:
        small = Path(work) / "kunming"
        small.mkdir()
        shutil.copy(KUNMING, small / "system.yaml")
        (small / "records.yaml").write_text(records_for(KUNMING, 200), encoding="utf-8")
        seconds, peak = run(small, "docx,xlsx,html,md,json")
        print(f"| kunming (115) | 200 | all five | {seconds:.2f} | {peak:.0f} | ≤ 2 s |")
        large = Path(work) / "large"
        large.mkdir()
        subprocess.run(
            [sys.executable, str(SHARED_GENERATOR), "10000", str(large / "system.yaml")],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (large / "records.yaml").write_text(
            records_for(large / "system.yaml", 50_000), encoding="utf-8"
        )
        seconds, peak = run(large, "docx,xlsx,html,md,json")
        print(f"| 10,000 | 50,000 | all five | {seconds:.2f} | {peak:.0f} | ≤ 20 s, ≤ 1 GB |")


if __name__ == "__main__":
    main()
