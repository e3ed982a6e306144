"""The tree's floors (shared/STYLE.md, issue 19 item 15): no import circle, and the document
layer below the documents it prints — report/, draft/ and evaluate/ say what a document holds,
documents/ alone knows Word, Excel, HTML and Markdown, and knows nothing of standards."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "sbsguide"
FORMAT_LIBRARIES = ("docx", "openpyxl", "lxml", "jinja2", "sbsguide.templating")
WRITERS = ("sbsguide.documents.docx", "sbsguide.documents.standard", "sbsguide.documents.drawing")
BUILDERS = ("report", "draft", "evaluate")


def _imports() -> dict[str, set[str]]:
    """Every module of the package → the modules it imports (at its top or inside a function)."""
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    found: dict[str, set[str]] = {}
    for name, path in names.items():
        targets = found.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    inner = f"{node.module}.{alias.name}"
                    targets.add(inner if inner in names else node.module)
    return found


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph[module]:
            if other not in graph:
                continue
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            part = []
            while True:
                top = stack.pop()
                part.append(top)
                if top == module:
                    break
            if len(part) > 1:
                circles.append(sorted(part))

    for module in graph:
        if module not in index:
            visit(module)
    return circles


def test_no_module_imports_itself_round_a_circle() -> None:
    assert _circles(_imports()) == []


def test_the_document_builders_hold_no_format_code() -> None:
    for module, targets in _imports().items():
        if module.startswith(tuple(f"sbsguide.{b}" for b in BUILDERS)):
            wrong = {t for t in targets if t.startswith(FORMAT_LIBRARIES) or t in WRITERS}
            assert not wrong, (module, wrong)


def test_the_document_layer_knows_nothing_of_standards() -> None:
    for module, targets in _imports().items():
        if module.startswith("sbsguide.documents"):
            ours = {t for t in targets if t.startswith("sbsguide.")}
            outside = {
                t for t in ours if not t.startswith(("sbsguide.documents", "sbsguide.templating"))
            }
            assert not outside, (module, outside)
