"""Time whole `sbs check` processes on generated files: median of several runs and peak memory.

    python benchmarks/run.py [SIZES...]        (default: 100 300 1000 10000)

Also times the start-up floor (`python -c "import pydantic, ruamel.yaml"`), so figures can be read
as ratios measured side by side on the same machine. Results go to stdout as a Markdown table.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

RUNS = 5


def measure(command: list[str]) -> tuple[float, float]:
    """Median wall time (s) over RUNS and the peak RSS (MB) of the largest run."""
    times, peaks = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
        peaks.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
    return statistics.median(times), max(peaks) / 1024


def main(sizes: list[int]) -> None:
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print("| what | median s | peak MB |\n|---|---|---|")
    floor = measure([sys.executable, "-c", "import pydantic, ruamel.yaml"])
    print(f"| import pydantic, ruamel.yaml | {floor[0]:.3f} | {floor[1]:.0f} |")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"s{size}.yaml"
            path.write_text(generate(size), encoding="utf-8")
            seconds, peak = measure(
                [sys.executable, "-m", "sbsguide", "check", str(path), "--as-of", "2026-11-26"]
            )
            print(f"| sbs check, {size} standards | {seconds:.3f} | {peak:.0f} |")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 300, 1000, 10000])
