"""`sbs lsp`: the checker in the editor (Language Server Protocol over stdio, pygls).

- diagnostics on open, change (leading edge: every change is checked at once — a 100-standard
  file takes ≈ 30 ms) and save, from the engine of `sbs check` on the buffer's text;
- hover: a category's clause and the guide's text, a standard's catalogue facts, a rule's
  explanation;
- code actions: replace a superseded standard by the edition in force, apply every `sbs fix`
  rewrite, waive a finding;
- completion: category keys, ``status`` and ``level`` values, rule ids, standard numbers.

A request that fails is answered with an error and the server goes on (pygls answers it); a
buffer that cannot be checked gets one diagnostic saying so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from sbsguide import __version__
from sbsguide.files import RECORDS_NAMES
from sbsguide.lsp import actions, completion, hover
from sbsguide.lsp.diagnostics import check_buffer, diagnostic, rules_page


class SbsServer(LanguageServer):
    """The language server, with the run's language (the client's locale, or configured)."""

    lang = "zh"
    lang_chosen = False  # set by the client (initializationOptions.lang), over the configuration
    as_of: date | None = None  # a fixed check date (tests, reproducible reviews); else today


server = SbsServer("sbs", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)


@server.feature(types.INITIALIZE)
def initialize(ls: SbsServer, params: types.InitializeParams) -> None:
    """The run's language and check date, from what the client says.

    The language: ``initializationOptions.lang``, else the configuration's ``lang`` (per
    document), else the client's locale (zh* → Chinese).
    """
    options = (
        params.initialization_options if isinstance(params.initialization_options, dict) else {}
    )
    asked = str(options.get("lang") or params.locale or "zh")
    ls.lang = "zh" if asked.lower().startswith("zh") else "en"
    ls.lang_chosen = bool(options.get("lang"))
    if options.get("asOf"):
        ls.as_of = date.fromisoformat(str(options["asOf"]))


def path_of(uri: str) -> Path | None:
    """The file of a document, or None for an unsaved buffer."""
    found = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(found) if found else None


def is_records(path: Path | None) -> bool:
    """A records file is judged with its system file, not as a system of its own."""
    return path is not None and any(
        path.name == name or path.name.endswith(f".{name}") for name in RECORDS_NAMES
    )


def publish(ls: SbsServer, uri: str) -> None:
    """Check a document's buffer and publish its diagnostics (and its records file's)."""
    document = ls.workspace.get_text_document(uri)
    path = path_of(uri)
    if is_records(path):
        return
    page = rules_page()
    try:
        checked = check_buffer(document.source, path, ls.lang, ls.as_of, chosen=ls.lang_chosen)
    except Exception as error:  # a crash in a check is said in the document, never fatal
        failed = types.Diagnostic(
            range=types.Range(types.Position(0, 0), types.Position(0, 1)),
            message=f"sbs: {type(error).__name__}: {error}",
            severity=types.DiagnosticSeverity.Error,
            source="sbs",
        )
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, [failed]))
        return
    lines = document.source.splitlines()
    found = [diagnostic(f, lines, uri, page) for f in checked.findings]
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri, found, version=document.version)
    )
    if checked.records_path is not None:
        records_uri = checked.records_path.resolve().as_uri()
        try:
            kept = checked.records_path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            kept = []
        shown = [diagnostic(f, kept, records_uri, page) for f in checked.records]
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(records_uri, shown))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: SbsServer, params: types.DidOpenTextDocumentParams) -> None:
    publish(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: SbsServer, params: types.DidChangeTextDocumentParams) -> None:
    publish(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: SbsServer, params: types.DidSaveTextDocumentParams) -> None:
    publish(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: SbsServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(params.text_document.uri, [])
    )


@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: SbsServer, params: types.HoverParams) -> types.Hover | None:
    document = ls.workspace.get_text_document(params.text_document.uri)
    text = hover.hover_text(document.source, params.position, ls.lang, ls.as_of or date.today())
    if text is None:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def on_code_action(ls: SbsServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    document = ls.workspace.get_text_document(params.text_document.uri)
    return actions.code_actions(document.source, params, ls.lang, ls.as_of or date.today())


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=[":", " ", "-"]),
)
def on_completion(ls: SbsServer, params: types.CompletionParams) -> types.CompletionList:
    document = ls.workspace.get_text_document(params.text_document.uri)
    items = completion.items(document.source, params.position, ls.lang, ls.as_of or date.today())
    return types.CompletionList(is_incomplete=False, items=items)


def run(lang: Any = None) -> None:
    """Serve on standard input and output until the client says exit."""
    if lang:
        server.lang = "en" if lang == "en" else "zh"
    server.start_io()
