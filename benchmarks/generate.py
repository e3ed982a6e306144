"""Deterministic generator of realistic system files of a given size.

    python benchmarks/generate.py 300 > /tmp/s300.yaml

The file is the bundled conforming example with its categories grown to ``N`` standards in all,
numbered like real enterprise standards, so every rule has real work to do.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kunming-hightech" / "system.yaml"
TITLES = ["服务规范", "管理制度", "工作指南", "评价规范", "操作规程", "技术要求", "管理办法"]


def generate(size: int, seed: int = 53) -> str:
    """The example grown to ``size`` standards (it already has 108)."""
    rng = random.Random(seed)
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    base = sum("number: " in line for line in lines)
    extra = max(0, size - base)
    marker = lines.index("    procurement:")
    added = []
    for i in range(extra):
        title = f"第{i + 1}号采购与综合保障{rng.choice(TITLES)}"
        added.append(
            f"      - {{code: BZ03-{(i % 997) + 3:03d}, number: Q/KMGX {5000 + i}-2024, "
            f"name: {title}, implemented: 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}}}"
        )
    # system-code uniqueness: beyond 997 codes the sequence repeats, so drop the code there
    added = [
        a if n < 997 else a.replace(f"code: BZ03-{(n % 997) + 3:03d}, ", "")
        for n, a in enumerate(added)
    ]
    return "\n".join(lines[: marker + 1] + added + lines[marker + 1 :]) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 300))
