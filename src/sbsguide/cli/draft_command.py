"""`sbs draft`: first drafts of the agency's own standards (GB/T 1.1-2020), as Word and Markdown."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from sbsguide.cli.common import ConfigOption, LangOption, output_folder, write_file
from sbsguide.cli.usage import UsageError, lang_of, read_source
from sbsguide.messages import Lang
from sbsguide.ui import text

FORMATS = ("docx", "md")
DEFAULT_OUTPUT = "sbs-drafts"


def draft(
    path: Annotated[Path, typer.Argument(help="system.yaml(默认 ./system.yaml)")] = Path(
        "system.yaml"
    ),
    output: Annotated[
        Path | None, typer.Option("--output", help="输出目录(默认 ./sbs-drafts)")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="docx,md 中的一个或两个")] = "docx",
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="只起草这些：标准编号、岗位或服务名称(可重复)"),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="post(岗位) | service(服务) | management(管理)")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有的草稿")] = False,
    config_file: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """起草本机构标准的初稿(GB/T 1.1-2020 结构)。Draft the agency's own standards."""
    from sbsguide import config
    from sbsguide import draft as drafting
    from sbsguide.engine import CheckOptions, load_stage
    from sbsguide.output.text_format import finding_line

    found = config_file or config.nearest(path)
    configured = config.load(found) if found else None  # a malformed one is a usage error
    language = lang_of(lang or (configured.lang if configured else None))
    formats = tuple(f.strip() for f in output_format.split(",") if f.strip())
    for name in formats:
        if name not in FORMATS:
            raise UsageError(text("bad-format", language, value=name, formats=",".join(FORMATS)))
    if kind is not None and kind not in drafting.KINDS:
        raise UsageError(text("draft-bad-kind", language, value=kind))
    path, only = _rejoined(path, only)
    folder = output_folder(output, Path(DEFAULT_OUTPUT), language)
    source = path / "system.yaml" if (path / "system.yaml").is_file() else path
    loaded = load_stage(
        read_source(source, language), CheckOptions(as_of=date.today(), lang=language)
    )
    if loaded.system is None:
        for finding in loaded.findings:
            sys.stdout.write(finding_line(str(source), finding, language) + "\n")
        sys.stdout.write(text("report-blocked", language, path=source) + "\n")
        raise typer.Exit(1)
    drafts = [
        d
        for d in drafting.build(loaded.system, language)
        if (kind is None or d.kind == kind) and _chosen(d, only)
    ]
    if only and not drafts:
        raise UsageError(text("draft-none-chosen", language, only="、".join(only)))
    if not drafts:  # no agency standard, position or service to draft yet
        sys.stdout.write(text("draft-nothing-to-draft", language) + "\n")
        raise typer.Exit(1)
    from sbsguide.progress import stages

    with stages() as stage:
        written, failed = _write(drafts, formats, folder, force, language, stage)
    if failed:
        raise typer.Exit(2)  # files that could not be written: listed above
    if written == 0:
        sys.stdout.write(text("draft-nothing-written", language) + "\n")
        raise typer.Exit(1)  # as `sbs init` that writes nothing: the run did not do its job


def _rejoined(path: Path, only: list[str] | None) -> tuple[Path, list[str] | None]:
    """``--only Q/KMGX 214-2024`` typed unquoted: the number's second half is not a path.

    The shell splits it, so the year half arrives as the system path; when that path does not
    exist and the two halves make a standard number, they are read as the one number meant.
    """
    from sbsguide.numbers import parse

    if not only or path.exists():
        return path, only
    joined = f"{only[-1]} {path}"
    if parse(joined) is None:
        return path, only
    return Path("system.yaml"), [*only[:-1], joined]


def _chosen(draft: object, only: list[str] | None) -> bool:
    """--only: a number, a title, a post or a service names the draft."""
    from sbsguide.draft import Draft
    from sbsguide.names import name_key

    assert isinstance(draft, Draft)
    if not only:
        return True
    names = {name_key(n) for n in (draft.number, draft.title, *draft.subjects)}
    return any(name_key(o) in names for o in only)


def _write(
    drafts: Sequence[object],
    formats: tuple[str, ...],
    output: Path,
    force: bool,
    lang: Lang,
    stage: Callable[[str], None],
) -> tuple[int, int]:
    """Write the drafts: (files written, files that could not be written).

    Two drafts whose file names meet once made safe get distinct names, so the count printed
    is the files written; a file that cannot be written is said and the others still are.
    """
    from sbsguide.documents.write import WRITERS
    from sbsguide.draft import Draft
    from sbsguide.draft.document import document

    written = skipped = failed = 0
    out = sys.stdout.write
    stems: set[str] = set()
    for draft in drafts:
        assert isinstance(draft, Draft)
        stem = _unique(draft.file_stem, stems)
        for fmt in formats:
            target = output / f"{stem}.{fmt}"
            if target.exists() and not force:
                out(text("draft-skipped", lang, path=target) + "\n")
                skipped += 1
                continue
            stage(text("stage-writing", lang, name=target.name))
            content = WRITERS[fmt](document(draft))
            stage("")  # the line is cleared before the run's own lines
            try:
                write_file(target, content, lang)
            except UsageError as error:
                out(f"{error}\n")
                failed += 1
                continue
            written += 1
            out(text("draft-written", lang, path=target, n=draft.placeholders) + "\n")
        if draft.proposed:
            out(text("draft-add", lang, where=draft.where, line=draft.yaml_line) + "\n")
    out(text("draft-summary", lang, written=written, skipped=skipped) + "\n")
    if failed:
        out(text("draft-failed", lang, n=failed) + "\n")
    return written, failed


def _unique(stem: str, taken: set[str]) -> str:
    """A file stem no other draft of this run has (case ignored, as some file systems do)."""
    candidate, n = stem, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem} ({n})"
    taken.add(candidate.casefold())
    return candidate
