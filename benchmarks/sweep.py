"""Time whole processes on generated systems: median of several runs and each run's peak memory.

    pip install ".[bench]"            # adds check-jsonschema, the baseline
    python benchmarks/sweep.py        # sizes 100 300 1000 10000 100000
    python benchmarks/sweep.py 300 10000 --runs 3
    python benchmarks/sweep.py 10000 20000 --runs 3   # adds sbs fix on files needing every code

Compares, side by side on the same files: `sbs check`, `check-jsonschema --schemafile
schemas/system.schema.json` (what a CI engineer would otherwise put in pre-commit), the start-up
floor (`python -c "import pydantic, ruamel.yaml"` and the whole stack), and `sbs report --format
xlsx`. Prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate, generate_uncoded

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schemas" / "system.schema.json"


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process, measured on that process alone."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median seconds and the largest peak RSS over ``runs`` runs."""
    samples = [run_once(command) for _ in range(runs)]
    return statistics.median(s for s, _ in samples), max(m for _, m in samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 300, 1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    baseline = shutil.which("check-jsonschema")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
    print("\n| what | standards | file MB | median s | peak MB |\n|---|---|---|---|---|")
    rows = [
        (
            "python -c 'import pydantic, ruamel.yaml'",
            [python, "-c", "import pydantic, ruamel.yaml"],
        ),
        (
            "python -c 'import typer, pydantic, rich, ruamel.yaml, jinja2'",
            [python, "-c", "import typer, pydantic, rich, ruamel.yaml, jinja2"],
        ),
    ]
    for label, command in rows:
        seconds, peak = measure(command, args.runs)
        print(f"| {label} | — | — | {seconds:.3f} | {peak:.0f} |")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"s{size}.yaml"
            path.write_text(generate(size), encoding="utf-8")
            mb = path.stat().st_size / 2**20
            runs = args.runs if size <= 10000 else max(1, args.runs // 2)
            check = [python, "-m", "sbsguide", "check", str(path), "--as-of", "2026-11-26"]
            seconds, peak = measure(check, runs)
            print(f"| sbs check | {size} | {mb:.1f} | {seconds:.3f} | {peak:.0f} |")
            if baseline:
                seconds, peak = measure([baseline, "--schemafile", str(SCHEMA), str(path)], runs)
                print(f"| check-jsonschema | {size} | {mb:.1f} | {seconds:.3f} | {peak:.0f} |")
            if size in (10000, 20000):
                # sbs fix at its worst: every entry needs a 体系编号, so every one is an edit
                uncoded = Path(folder) / f"u{size}.yaml"
                uncoded.write_text(generate_uncoded(size), encoding="utf-8")
                for label, verb in (("sbs check (uncoded)", "check"), ("sbs fix --check", "fix")):
                    command = [python, "-m", "sbsguide", verb, str(uncoded)]
                    command += ["--as-of", "2026-11-26"]
                    command += ["--check"] if verb == "fix" else []
                    seconds, peak = measure(command, runs)
                    print(f"| {label} | {size} | — | {seconds:.3f} | {peak:.0f} |")
            if size == 10000:
                out = Path(folder) / "report"
                report = [
                    python,
                    "-m",
                    "sbsguide",
                    "report",
                    str(path),
                    "--format",
                    "xlsx",
                    "--kind",
                    "table",
                    "--output",
                    str(out),
                    "--as-of",
                    "2026-11-26",
                ]
                seconds, peak = measure(report, max(1, runs // 2))
                print(
                    f"| sbs report --format xlsx | {size} | {mb:.1f} | {seconds:.3f} | {peak:.0f} |"
                )


if __name__ == "__main__":
    main()
