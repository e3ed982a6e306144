"""Shared helpers: the repository's files, the real CLI, and checking text in memory."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from sbsguide.engine import CheckOptions, check_bytes
from sbsguide.findings import Finding

# CI runs the same examples every time; locally hypothesis explores (HYPOTHESIS_PROFILE=long
# for a longer search).
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("long", max_examples=2000, deadline=None)
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"


def examples(count: int) -> int:
    """A property test's number of examples: as written in CI, fifty times more for 'long'."""
    return count * 50 if LONG else count


settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CONFORMING = EXAMPLES / "kunming-hightech" / "system.yaml"
AS_OF = date(2026, 11, 26)


def run_sbs(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed `sbs` as a user would (``python -m sbsguide``, same environment)."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    environment.pop("SBS_LANG", None) if "SBS_LANG" not in (env or {}) else None
    result = subprocess.run(
        [sys.executable, "-m", "sbsguide", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        input=None if stdin is None else stdin.decode("utf-8", "surrogateescape"),
        stdin=subprocess.DEVNULL if stdin is None else None,
        timeout=120,
    )
    # No input, in any test, may end in the last-resort message (issue 13)
    assert "内部错误" not in result.stderr and "internal error" not in result.stderr, result.stderr
    return result


def check_text(text: str, **options: object) -> list[Finding]:
    """Findings for a system written as text (as_of fixed for reproducible results)."""
    opts = CheckOptions(**{"as_of": AS_OF, **options})  # type: ignore[arg-type]
    return check_bytes(text.encode("utf-8"), opts)


def pairs(findings: list[Finding]) -> list[tuple[str, int]]:
    """(rule, line) of each finding: what the tests pin."""
    return [(f.rule, f.line) for f in findings]


@pytest.fixture
def conforming_text() -> str:
    return CONFORMING.read_text(encoding="utf-8")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files from the current output (review the diff!)",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Compare text with a file under tests/golden/, or rewrite it with --update-golden."""
    update = request.config.getoption("--update-golden")

    def compare(name: str, actual: str) -> None:
        path = Path(__file__).parent / "golden" / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert actual == path.read_text(encoding="utf-8"), f"golden {name} differs"

    return compare
