"""`sbs lsp` latency and memory, measured by a client over stdio (issue 24).

    python benchmarks/lsp.py                  # kunming and 10,000 standards
    python benchmarks/lsp.py --edits 1000     # the memory row: RSS after 1,000 edits of kunming

For each edit (a character typed into a standard's title, then removed), the time from sending
``textDocument/didChange`` to receiving its ``publishDiagnostics``; p50 and p95 over the edits.
The server's resident memory is read from /proc after the edits.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KUNMING = ROOT / "examples" / "kunming-hightech" / "system.yaml"
SHARED_GENERATOR = ROOT.parent / "shared" / "bench" / "gen_system.py"


class Client:
    """A minimal JSON-RPC client: enough to open, edit and wait for diagnostics."""

    def __init__(self) -> None:
        sbs = Path(sys.executable).parent / "sbs"
        command = [str(sbs), "lsp"] if sbs.exists() else [sys.executable, "-m", "sbsguide", "lsp"]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, method: str, params: Any, *, request: bool = False) -> None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while True:
            line = self.process.stdout.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return dict(json.loads(self.process.stdout.read(length)))

    def wait(self, method: str) -> dict[str, Any]:
        while True:
            message = self.receive()
            if message.get("method") == method:
                return message

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
        return kb / 1024

    def close(self) -> None:
        self.send("shutdown", None, request=True)
        self.send("exit", None)
        self.process.wait(timeout=10)


def measure(path: Path, edits: int) -> tuple[float, float, float]:
    """(p50 ms, p95 ms, RSS MB after the edits) of edits to one file."""
    text = path.read_text(encoding="utf-8")
    uri = path.resolve().as_uri()
    client = Client()
    client.send(
        "initialize",
        {"processId": None, "rootUri": None, "capabilities": {}, "locale": "zh-cn"},
        request=True,
    )
    client.receive()
    client.send("initialized", {})
    client.send(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
    )
    client.wait("textDocument/publishDiagnostics")
    anchor = text.index("name: ") + len("name: ")
    samples = []
    for version in range(2, edits + 2):
        edited = text[:anchor] + ("改" if version % 2 else "") + text[anchor:]
        start = time.perf_counter()
        client.send(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": edited}],
            },
        )
        client.wait("textDocument/publishDiagnostics")
        samples.append((time.perf_counter() - start) * 1000)
    rss = client.rss_mb()
    client.close()
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1], rss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=100)
    args = parser.parse_args()
    print("| file | edits | p50 ms | p95 ms | server RSS MB | target |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        kunming = Path(folder) / "kunming" / "system.yaml"
        kunming.parent.mkdir()
        shutil.copy(KUNMING, kunming)
        p50, p95, rss = measure(kunming, args.edits)
        print(f"| kunming (115) | {args.edits} | {p50:.0f} | {p95:.0f} | {rss:.0f} "
              "| p95 ≤ 150 ms; ≤ 150 MB after 1,000 edits |")  # fmt: skip
        large = Path(folder) / "large" / "system.yaml"
        large.parent.mkdir()
        if SHARED_GENERATOR.exists():
            subprocess.run(
                [sys.executable, str(SHARED_GENERATOR), "10000", str(large)],
                cwd=ROOT,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        else:
            sys.path.insert(0, str(HERE))
            from generate import generate

            large.write_text(generate(10_000), encoding="utf-8")
        edits = min(args.edits, 30)
        p50, p95, rss = measure(large, edits)
        print(f"| 10,000 standards | {edits} | {p50:.0f} | {p95:.0f} | {rss:.0f} | p95 ≤ 1.5 s |")


if __name__ == "__main__":
    main()
