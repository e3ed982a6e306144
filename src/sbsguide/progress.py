"""What a long command is doing, shown on a terminal once it has taken more than two seconds.

SPEC §7: `report`, `import` and `evaluate` show progress on a terminal past 2 s. A command names
its stages ("生成 标准体系表.xlsx"); a background thread redraws one line on standard error with
the stage and the seconds spent. Nothing is shown when standard error is not a terminal or in CI,
so piped output and logs stay clean.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

SHOWN_AFTER = 2.0
"""Seconds before the line appears: a quick run shows nothing."""


class Stages:
    """The stage a command is at, redrawn on one line of a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.stage = ""
        self.started = time.monotonic()
        self._done = threading.Event()
        self._drawn = False
        self._lock = threading.Lock()

    def __call__(self, stage: str) -> None:
        """Say that the command has moved on to ``stage`` ("": nothing to show, line cleared).

        Clear it before the command prints its own lines, so they never share the line.
        """
        with self._lock:
            self.stage = stage
            if not stage:
                self._clear()

    def _draw(self) -> None:
        while not self._done.wait(0.5):
            elapsed = time.monotonic() - self.started
            with self._lock:
                if elapsed >= SHOWN_AFTER and self.stage:
                    sys.stderr.write(f"\r\x1b[K{self.stage} … {elapsed:.0f} s")
                    sys.stderr.flush()
                    self._drawn = True

    def _clear(self) -> None:
        if self._drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self._drawn = False

    def _finish(self) -> None:
        self._done.set()
        with self._lock:
            self._clear()


@contextmanager
def stages() -> Iterator[Stages]:
    """A stage display for the duration of a command (inert when not on a terminal)."""
    enabled = sys.stderr.isatty() and not os.environ.get("CI")
    shown = Stages(enabled)
    if not enabled:
        yield shown
        return
    drawer = threading.Thread(target=shown._draw, daemon=True)
    drawer.start()
    try:
        yield shown
    finally:
        shown._finish()
        drawer.join(timeout=1)
