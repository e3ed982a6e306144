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


CATEGORY_LINES = (
    "    guidelines:",
    "    terms:",
    "    symbols:",
    "    units:",
    "    coding:",
    "    elements:",
    "    demands:",
    "    process:",
    "    evaluation:",
    "    personnel:",
    "    procurement:",
    "    assets:",
    "    information:",
    "    safety:",
    "    environment:",
    "    health:",
    "    quality:",
    "    supervision:",
    "    other:",
    "    demands_spare:",
)


def generate_uncoded(size: int, seed: int = 53) -> str:
    """The example grown to ``size`` standards spread over its categories, none with a 体系编号.

    What `sbs fix` meets at its worst: every entry needs a code (each category stays under the
    999 codes a category can number), so every one of them is an edit.
    """
    rng = random.Random(seed)
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    markers = [n for n, line in enumerate(lines) if line.split("  #")[0].rstrip() in CATEGORY_LINES]
    per_category = -(-size // len(markers))
    grown: list[str] = []
    for n, line in enumerate(lines):
        grown.append(line)
        if n in markers:
            grown += [
                f"      - {{number: Q/KMGX {10000 + n * 1000 + i}-2024, "
                f"name: 第{i + 1}号{rng.choice(TITLES)}}}"
                for i in range(min(per_category, 900))
            ]
    return "\n".join(grown) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 300))
