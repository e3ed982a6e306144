"""Code actions: `sbs fix`'s rewrites, a superseded standard's edition in force, a waiver.

A waiver is inserted with its reason and expiry left to fill (the placeholder rule says so).
"""

from __future__ import annotations

from datetime import date

from lsprotocol import types

from sbsguide.messages import Lang


def code_actions(
    text: str, params: types.CodeActionParams, lang: str, today: date
) -> list[types.CodeAction]:
    uri = params.text_document.uri
    found: list[types.CodeAction] = []
    lines = text.splitlines()
    fixed = _fixed(text, lang, today)
    fixed_lines = fixed.splitlines() if fixed is not None else []
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != "sbs":
            continue
        if diagnostic.code == "superseded-standard":
            replaced = _edition_in_force(lines, diagnostic, uri, lang, today)
            if replaced is not None:
                found.append(replaced)
        elif len(fixed_lines) == len(lines):
            line = _line_fix(lines, fixed_lines, diagnostic, uri, lang)
            if line is not None:
                found.append(line)
        found.append(_waive(lines, diagnostic, uri, lang))
    if fixed is not None:
        found.append(_fix_all(text, fixed, uri, lang))
    return found


def _line_fix(
    lines: list[str], fixed: list[str], diagnostic: types.Diagnostic, uri: str, lang: str
) -> types.CodeAction | None:
    """`sbs fix`'s rewrite of the diagnostic's line, when it rewrites that line in place."""
    at = diagnostic.range.start.line
    if at >= len(lines) or lines[at] == fixed[at]:
        return None
    edit = types.TextEdit(
        range=types.Range(
            start=types.Position(line=at, character=0),
            end=types.Position(line=at, character=_utf16(lines[at], len(lines[at]))),
        ),
        new_text=fixed[at],
    )
    title = "sbs fix：修改此行" if lang == "zh" else "sbs fix: rewrite this line"
    return _quick_fix(title, diagnostic, uri, edit, preferred=True)


def _edition_in_force(
    lines: list[str], diagnostic: types.Diagnostic, uri: str, lang: str, today: date
) -> types.CodeAction | None:
    """Replace the superseded number on the diagnostic's line by its successor in force."""
    import re

    from sbsguide.catalogue import load_catalogue
    from sbsguide.numbers import parse

    line = diagnostic.range.start.line
    if line >= len(lines):
        return None
    text = lines[line]
    match = re.search(r"number:\s*([^,}\n#]+)", text)
    if match is None:
        return None
    written = match.group(1).strip()
    number = parse(written)
    if number is None:
        return None
    standing = load_catalogue(()).standing(number, today)
    if standing.successor is None or standing.successor.year is None:
        return None
    successor = f"{standing.successor.number}-{standing.successor.year}"
    start = match.start(1)
    edit = types.TextEdit(
        types.Range(
            types.Position(line, _utf16(text, start)),
            types.Position(line, _utf16(text, start + len(written))),
        ),
        successor,
    )
    title = f"改为现行版本 {successor}" if lang == "zh" else f"Replace with {successor} (in force)"
    return _quick_fix(title, diagnostic, uri, edit, preferred=True)


def _waive(lines: list[str], diagnostic: types.Diagnostic, uri: str, lang: str) -> types.CodeAction:
    """A waiver of this finding, appended to ``waivers:`` (made when the file has none)."""
    data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
    target = data.get("path") or ""
    reason = "待填写：豁免理由和批准人" if lang == "zh" else "TO FILL: reason and approver"
    until = "到期日期" if lang == "zh" else "expiry date"
    entry = f"  - rule: {diagnostic.code}\n"
    if target:
        entry += f"    target: {target}\n"
    entry += f"    reason: {reason}\n    until: 2099-12-31  # {until}\n"
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "waivers:"), None)
    if start is None:
        at = len(lines)
        insert = ("\n" if lines and lines[-1].strip() else "") + "waivers:\n" + entry
    else:
        at = start + 1
        while at < len(lines) and (not lines[at].strip() or lines[at].startswith((" ", "#"))):
            at += 1
        while at > start + 1 and not lines[at - 1].strip():
            at -= 1
        insert = entry
    edit = types.TextEdit(types.Range(types.Position(at, 0), types.Position(at, 0)), insert)
    title = f"豁免此问题({diagnostic.code})" if lang == "zh" else f"Waive this ({diagnostic.code})"
    return _quick_fix(title, diagnostic, uri, edit)


def _fixed(text: str, lang: str, today: date) -> str | None:
    """The buffer with every safe rewrite of `sbs fix`, or None when there is none to make."""
    from sbsguide.service import FixRefused, plan_fix

    language: Lang = "en" if lang == "en" else "zh"
    try:
        plan = plan_fix(text.encode("utf-8"), today, language)
    except FixRefused:
        return None
    return plan.fixed if plan.changed and not plan.blocking else None


def _fix_all(text: str, fixed: str, uri: str, lang: str) -> types.CodeAction:
    """Every safe rewrite of `sbs fix`, as one edit of the whole buffer."""
    lines = text.splitlines(keepends=True)
    end = types.Position(line=len(lines), character=0)
    edit = types.TextEdit(
        range=types.Range(start=types.Position(line=0, character=0), end=end), new_text=fixed
    )
    title = "sbs fix：应用全部安全修改" if lang == "zh" else "sbs fix: apply every safe rewrite"
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.SourceFixAll,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


def _quick_fix(
    title: str,
    diagnostic: types.Diagnostic,
    uri: str,
    edit: types.TextEdit,
    *,
    preferred: bool = False,
) -> types.CodeAction:
    """A quick fix of one diagnostic by one edit (``preferred``: the one an editor applies)."""
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
        is_preferred=preferred or None,
    )


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2
