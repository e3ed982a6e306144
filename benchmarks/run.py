"""The figures of issue 23, each row in one run: sbs against the tools people compare it with.

    pip install ".[bench,dev]"                 # yamllint and check-jsonschema; [dev] for the tests
    python benchmarks/run.py                   # every row; --runs N pairs each (default 7)
    python benchmarks/run.py --no-tests        # without the test-suite row (2-3 minutes)

Files are grown by the shared generator (``../shared/bench/gen_system.py N FILE``, else this
folder's generate.py). Each comparison runs its two commands in interleaved pairs (A, B, A, B …)
so that a busy machine slows both alike, and reports their medians; peak memory is each
process's own (``wait4``). The check-jsonschema yardstick uses the schema `sbs schema` printed on
2026-12-06 (system.schema.2026-12-06.json), not the one of the day. Prints a Markdown table for
docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA = HERE / "system.schema.2026-12-06.json"
SHARED_GENERATOR = ROOT.parent / "shared" / "bench" / "gen_system.py"
KUNMING = ROOT / "examples" / "kunming-hightech" / "system.yaml"


def tool(name: str) -> str | None:
    """A console script beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process, measured on that process alone."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def paired(
    a: list[str], b: list[str], runs: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """(median s, peak MB) of ``a`` and of ``b``, run in interleaved pairs."""
    run_once(a), run_once(b)  # warm the file cache and the bytecode of both
    samples_a, samples_b = [], []
    for _ in range(runs):
        samples_a.append(run_once(a))
        samples_b.append(run_once(b))
    return _summary(samples_a), _summary(samples_b)


def _summary(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s for s, _ in samples), max(m for _, m in samples)


def grow(size: int, target: Path) -> None:
    """The conforming example grown to ``size`` standards, by the shared generator if present."""
    if SHARED_GENERATOR.exists():
        subprocess.run(
            [sys.executable, str(SHARED_GENERATOR), str(size), str(target)],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    else:
        sys.path.insert(0, str(HERE))
        from generate import generate

        target.write_text(generate(size), encoding="utf-8")


def without_codes(source: Path, target: Path) -> None:
    """Every 体系编号 removed: `sbs fix` at its worst, each entry an edit."""
    text = source.read_text(encoding="utf-8")
    target.write_text(re.sub(r"\bcode: [A-Z]{2}\d\d-\d+(, )?", "", text), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-tests", action="store_true")
    args = parser.parse_args()
    sbs = tool("sbs")
    yamllint, jsonschema = tool("yamllint"), tool("check-jsonschema")
    if sbs is None or yamllint is None or jsonschema is None:
        sys.exit("needs sbs, yamllint and check-jsonschema: pip install '.[bench]'")
    print(
        f"{date.today()}: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}\n"
    )
    print("| figure | sbs | yardstick | ratio | target |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        kunming = work / "kunming.yaml"  # the example alone: its records stay in the repository
        shutil.copy(KUNMING, kunming)
        (a, _), (b, _) = paired(
            [sbs, "check", str(kunming)], [yamllint, "-d", "relaxed", str(kunming)], args.runs
        )
        print(f"| `sbs check` kunming vs `yamllint -d relaxed` | {a:.3f} s | {b:.3f} s "
              f"| {a / b:.2f} × | ≤ 1.0 × |")  # fmt: skip
        s10k, s100k, s20k = work / "s10k.yaml", work / "s100k.yaml", work / "s20k.yaml"
        for size, path in ((10_000, s10k), (100_000, s100k), (20_000, s20k)):
            grow(size, path)
        yardstick = [jsonschema, "--schemafile", str(SCHEMA), str(s10k)]
        pairs = max(3, args.runs // 2)  # the yardstick takes 4-5 s a run
        (a, _), (b, _) = paired([sbs, "check", str(s10k), "--format", "json"], yardstick, pairs)
        print(f"| `sbs check` 10,000 vs `check-jsonschema` | {a:.3f} s | {b:.3f} s "
              f"| {a / b:.3f} × | ≤ 0.12 × |")  # fmt: skip
        (a, peak), (b, _) = paired([sbs, "check", str(s100k), "--format", "json"], yardstick, 3)
        print(f"| `sbs check` 100,000 ({peak:.0f} MB) vs `check-jsonschema` 10,000 | {a:.2f} s "
              f"| {b:.2f} s | {a / b:.2f} × | ≤ 6 s, ≤ 400 MB, ≤ 0.8 × |")  # fmt: skip
        uncoded = work / "u20k.yaml"
        without_codes(s20k, uncoded)
        (a, _), (b, _) = paired(
            [sbs, "fix", "--check", str(uncoded)],
            [sbs, "check", str(uncoded)],
            max(3, args.runs // 2),
        )
        print(f"| `sbs fix --check` vs `sbs check`, 20,000 all needing a code | {a:.3f} s "
              f"| {b:.3f} s | {a / b:.2f} × | ≤ 1.3 × |")  # fmt: skip
    if not args.no_tests:
        # the README's command, in the checkout, by this Python (which needs the [dev] extra)
        start = time.perf_counter()
        tests = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        seconds = time.perf_counter() - start
        outcome = "" if tests.returncode == 0 else f" (failed: exit {tests.returncode})"
        print(
            f"| `python -m pytest` ({os.cpu_count()} cores) | {seconds:.0f} s{outcome} "
            "| — | — | ≤ 150 s |"
        )


if __name__ == "__main__":
    main()
