"""`sbs lsp` end to end: a real client (pytest-lsp) talking to the server over stdio."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import CONFORMING, EXAMPLES, run_sbs

AS_OF = "2026-11-26"
QUJING = EXAMPLES / "qujing-draft" / "system.yaml"
pytestmark = pytest.mark.asyncio


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "sbsguide", "lsp"])
)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            locale="zh-cn",
            initialization_options={"asOf": AS_OF},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def _open(
    client: LanguageClient, path: Path, text: str | None = None
) -> list[types.Diagnostic]:
    uri = path.resolve().as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(
                uri, "yaml", 1, text if text is not None else path.read_text(encoding="utf-8")
            )
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])


def _utf16(line: str, column: int) -> int:
    return len(line[: column - 1].encode("utf-16-le")) // 2


def _check_json(path: Path) -> list[tuple[str, int, int, str]]:
    """What `sbs check --format json` says of a file: (rule, line, UTF-16 column, message)."""
    result = run_sbs("check", str(path), "--format", "json", "--as-of", AS_OF)
    [first, *_] = json.loads(result.stdout)["files"]
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted(
        (f["rule"], f["line"] - 1, _utf16(lines[f["line"] - 1], f["column"]), f["message"])
        for f in first["findings"]
    )


def _shown(diagnostics: list[types.Diagnostic]) -> list[tuple[str, int, int, str]]:
    return sorted(
        (str(d.code), d.range.start.line, d.range.start.character, d.message) for d in diagnostics
    )


@pytest.mark.parametrize("example", [CONFORMING, QUJING], ids=["kunming", "qujing"])
async def test_diagnostics_are_the_findings_of_sbs_check(
    client: LanguageClient, example: Path
) -> None:
    diagnostics = await _open(client, example)
    assert _shown(diagnostics) == _check_json(example)
    assert all(d.source == "sbs" and d.code_description for d in diagnostics)
    waived = [d for d in diagnostics if d.severity == types.DiagnosticSeverity.Hint]
    if example == CONFORMING:  # the example's one waiver: shown as a hint with its reason
        [hint] = waived
        assert hint.related_information and "已豁免" in hint.related_information[0].message


async def test_an_edit_that_breaks_the_trial_is_found_at_its_utf16_position(
    client: LanguageClient, tmp_path: Path
) -> None:
    system = tmp_path / "system.yaml"
    shutil.copy(CONFORMING, system)
    text = system.read_text(encoding="utf-8")
    await _open(client, system, text)
    broken = text.replace("  end: 2024-06-30\n", "  end: 2024-04-30\n")
    uri = system.resolve().as_uri()
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [types.TextDocumentContentChangeWholeDocument(broken)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    [trial] = [d for d in client.diagnostics[uri] if d.code == "trial-period"]
    line = broken.splitlines().index("  end: 2024-04-30")
    assert (trial.range.start.line, trial.range.start.character) == (line, 2)
    assert trial.severity == types.DiagnosticSeverity.Error and "不足3个月" in trial.message


async def test_positions_count_utf16_code_units(client: LanguageClient, tmp_path: Path) -> None:
    """A key after Chinese text (and a character outside the BMP) is placed where editors put it."""
    system = tmp_path / "system.yaml"
    text = CONFORMING.read_text(encoding="utf-8").replace(
        "  name: 昆明高新区中小企业公共服务中心\n",
        "  name: 昆明高新区中小企业公共服务中心𠀀\n  bogus: 1\n",
    )
    system.write_text(text, encoding="utf-8")
    diagnostics = await _open(client, system, text)
    assert _shown(diagnostics) == _check_json(system)


async def test_hover_on_procurement_shows_clause_6_4_2(client: LanguageClient) -> None:
    text = CONFORMING.read_text(encoding="utf-8")
    await _open(client, CONFORMING, text)
    line = text.splitlines().index("    procurement:")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(CONFORMING.resolve().as_uri()), types.Position(line, 6)
        )
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert "6.4.2" in hover.contents.value and "采购管理标准" in hover.contents.value


async def test_hover_on_a_standard_number_and_a_rule(client: LanguageClient) -> None:
    text = CONFORMING.read_text(encoding="utf-8")
    await _open(client, CONFORMING, text)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "GB/T 19001-2016" in line)
    uri = CONFORMING.resolve().as_uri()
    hover = await client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(at, lines[at].index("19001"))
        )
    )
    assert hover is not None and "GB/T 19001" in str(hover.contents)
    rule = next(i for i, line in enumerate(lines) if "rule: prefer-public-standards" in line)
    column = lines[rule].index("prefer") + 3
    explained = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(rule, column))
    )
    assert explained is not None and "4.4" in str(explained.contents)


async def test_the_quick_fix_of_a_superseded_standard_makes_a_file_sbs_accepts(
    client: LanguageClient, tmp_path: Path
) -> None:
    system = tmp_path / "system.yaml"
    text = CONFORMING.read_text(encoding="utf-8").replace(
        "number: GB/T 19001-2016", "number: GB/T 19001-2008"
    )
    system.write_text(text, encoding="utf-8")
    diagnostics = await _open(client, system, text)
    [superseded] = [d for d in diagnostics if d.code == "superseded-standard"]
    uri = system.resolve().as_uri()
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            superseded.range,
            types.CodeActionContext([superseded]),
        )
    )
    assert actions is not None
    [replace] = [a for a in actions if isinstance(a, types.CodeAction) and a.is_preferred]
    assert replace.edit is not None and replace.edit.changes is not None
    [edit] = replace.edit.changes[uri]
    lines = text.splitlines(keepends=True)
    line = lines[edit.range.start.line]
    start, end = (
        len(line.encode("utf-16-le")[: 2 * p.character].decode("utf-16-le"))
        for p in (edit.range.start, edit.range.end)
    )
    lines[edit.range.start.line] = line[:start] + edit.new_text + line[end:]
    system.write_text("".join(lines), encoding="utf-8")
    assert "GB/T 19001-2016" in lines[edit.range.start.line]
    result = run_sbs("check", str(system), "--as-of", AS_OF)
    assert result.returncode == 0, result.stdout
    titles = [a.title for a in actions if isinstance(a, types.CodeAction)]
    assert any("豁免" in t for t in titles)


async def test_completion_offers_categories_with_their_names(client: LanguageClient) -> None:
    text = CONFORMING.read_text(encoding="utf-8")
    await _open(client, CONFORMING, text)
    line = text.splitlines().index("    procurement:")
    result = await client.text_document_completion_async(
        types.CompletionParams(
            types.TextDocumentIdentifier(CONFORMING.resolve().as_uri()), types.Position(line, 4)
        )
    )
    assert result is not None
    items = result.items if isinstance(result, types.CompletionList) else result
    labels = {i.label: i.detail for i in items}
    assert labels["procurement"] == "6.4.2 采购管理标准" and "safety" in labels


async def test_a_broken_or_huge_buffer_gives_diagnostics_and_the_server_lives(
    client: LanguageClient, tmp_path: Path
) -> None:
    for text in ("agency: [\n", "\x00\x01\x02 binary", "version: 1\n" + "x" * (21 * 2**20)):
        path = tmp_path / f"system{len(text)}.yaml"
        diagnostics = await _open(client, path, text)
        assert diagnostics and all(d.source == "sbs" for d in diagnostics)
    still = await _open(client, CONFORMING)  # the server still answers
    assert _shown(still) == _check_json(CONFORMING)


async def test_the_sbs_fix_edit_of_a_finding_and_fix_all(
    client: LanguageClient, tmp_path: Path
) -> None:
    """A number in a variant form (full-width space, em dash): fix's own rewrite of that line."""
    system = tmp_path / "system.yaml"
    text = CONFORMING.read_text(encoding="utf-8").replace(
        "number: GB/T 13016-2018", "number: GB/T\u300013016—2018"
    )
    system.write_text(text, encoding="utf-8")
    diagnostics = await _open(client, system, text)
    [variant] = [d for d in diagnostics if d.code == "standard-number"]
    uri = system.resolve().as_uri()
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=variant.range,
            context=types.CodeActionContext(diagnostics=[variant]),
        )
    )
    assert actions is not None
    by_title = {a.title: a for a in actions if isinstance(a, types.CodeAction)}
    line_fix = by_title["sbs fix：修改此行"]
    assert line_fix.edit is not None and line_fix.edit.changes is not None
    [edit] = line_fix.edit.changes[uri]
    assert "GB/T 13016-2018" in edit.new_text and edit.range.start.line == variant.range.start.line
    whole = by_title["sbs fix：应用全部安全修改"]
    assert whole.edit is not None and whole.edit.changes is not None
    [everything] = whole.edit.changes[uri]
    system.write_text(everything.new_text, encoding="utf-8")
    assert run_sbs("check", str(system), "--as-of", AS_OF).returncode == 0


async def test_a_configuration_s_language_wins_over_the_client_locale(
    client: LanguageClient, tmp_path: Path
) -> None:
    """The client says zh-cn; the project's .sbs/config.yaml says en: the messages are English."""
    (tmp_path / ".sbs").mkdir()
    (tmp_path / ".sbs" / "config.yaml").write_text("lang: en\n", encoding="utf-8")
    system = tmp_path / "system.yaml"
    text = CONFORMING.read_text(encoding="utf-8").replace(
        "  end: 2024-06-30\n", "  end: 2024-04-30\n"
    )
    system.write_text(text, encoding="utf-8")
    diagnostics = await _open(client, system, text)
    [trial] = [d for d in diagnostics if d.code == "trial-period"]
    assert "shorter than three months" in trial.message
