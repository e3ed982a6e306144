"""`sbs init`: a ready-to-fill standard system, built from the guide data and the catalogue.

What goes into the scaffold is decided here (which standards, in which category, in which order);
how it reads is the Jinja templates' business (``templates/init/``). Dates are never invented:
every date is left for the agency to fill in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sbsguide import __version__
from sbsguide.catalogue import Catalogue, Edition, load_catalogue
from sbsguide.guide import Category, Guide, load_guide
from sbsguide.messages import Lang
from sbsguide.numbers import parse
from sbsguide.templating import environment
from sbsguide.yamltext import scalar

SCHEMA_COPY = ".sbs/system.schema.json"
POST_EXAMPLES = {  # one example post standard per level, for the scaffold's comments
    level: f"{{number: Q/XXXX {n}-2025, name: {post}岗位工作标准, post: {post}}}"
    for level, n, post in (
        ("decision", 401, "主任"),
        ("management", 411, "综合管理部部长"),
        ("general", 421, "综合服务专员"),
    )
}


SBS_REPO_PLACEHOLDER = {
    "zh": "待填写：sbs 仓库地址",
    "en": "TO FILL: address of the sbs repository",
}
SYSTEM_FILES_PATTERN = r"(^|/)(system\.ya?ml|[^/]+\.sbs\.yaml)$"
"""The files the hook checks: those a directory scan finds (files.SYSTEM_NAMES, *.sbs.yaml)."""


@dataclass(frozen=True, slots=True)
class ScaffoldOptions:
    """What `sbs init` was told (or asked)."""

    agency: str
    principal: str
    credit_code: str | None = None
    minimal: bool = False
    lang: Lang = "zh"
    as_of: date = field(default_factory=date.today)
    sbs_repo: str = ""  # where the hooks and CI install sbs from (--sbs-repo, or SBS_REPO)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A standard the scaffold puts in a category (as an entry, or as a comment)."""

    code: str
    edition: Edition
    note: str | None = None  # e.g. the undated DB53/T 1117 asks for its year

    @property
    def asks_year(self) -> bool:
        """Whether the entry's edition year is still to be filled in."""
        return self.note == "year"

    def flow(self) -> str:
        """The entry as a flow mapping."""
        pairs = [f"code: {self.code}", f"number: {scalar(self.edition.canonical, flow=True)}"]
        pairs.append(f"name: {scalar(self.edition.title or '', flow=True)}")
        return "{" + ", ".join(pairs) + "}"


def placements(guide: Guide, catalogue: Catalogue, day: date) -> dict[str, list[Edition]]:
    """Each recommended edition in exactly one category, so the scaffold draws no duplicates.

    An edition goes to the first category the catalogue lists for it, unless a later one of its
    categories would otherwise stay empty: then it fills that one (GB/T 15498 企业标准体系
    基础保障 lands in support.personnel rather than among the many guidelines).
    """
    references = {r.number for r in guide.normative_references}
    cited = {d["number"]: d["category"] for d in guide.cited_documents}
    chosen: dict[str, list[Edition]] = {c.dotted: [] for c in guide.categories()}
    for edition in catalogue.editions:
        if edition.base in references or edition.status_on(day) != "current" or not edition.title:
            continue
        if edition.kind == "policy":
            if edition.number in cited:
                chosen[cited[edition.number]].append(edition)
            continue
        if edition.categories and not edition.categories[0].startswith("posts."):
            chosen[edition.categories[0]].append(edition)
    for category, editions in chosen.items():
        if editions or category.startswith("posts."):
            continue
        for offered in chosen.values():
            movable = [e for e in offered if category in e.categories and len(offered) > 1]
            if movable:
                offered.remove(movable[0])
                editions.append(movable[0])
                break
    return {k: sorted(v, key=_number_order) for k, v in chosen.items()}


def _number_order(edition: Edition) -> tuple[int, str, tuple[int, ...]]:
    number = parse(edition.canonical)
    kind_rank = 0 if edition.kind.startswith("national") else 1
    parts = tuple(int(p) for p in (number.sequence if number else "0").split(".") if p.isdigit())
    return (kind_rank, edition.number.split(" ")[0], parts)


def context(options: ScaffoldOptions) -> dict[str, Any]:
    """Everything the templates need, decided here."""
    guide = load_guide()
    catalogue = load_catalogue()
    placed = placements(guide, catalogue, options.as_of)
    subsystems = []
    for subsystem in guide.subsystems:
        categories = []
        for category in subsystem.categories:
            references, sure, unsure = _entries(
                category, placed[category.dotted], guide, catalogue, options
            )
            categories.append(
                {
                    "category": category,
                    "references": references,
                    "entries": [] if options.minimal else sure,
                    "suggestions": sure if options.minimal else [],
                    "unsure": unsure,
                    "not_applicable": None,
                }
            )
        subsystems.append({"subsystem": subsystem, "categories": categories, "extra": []})
    return common_context(options, subsystems)


def common_context(options: ScaffoldOptions, subsystems: list[dict[str, Any]]) -> dict[str, Any]:
    """The template context around the standards (shared with `sbs import`)."""
    guide = load_guide()
    return {
        "options": options,
        "agency": scalar(options.agency, flow=False),
        "principal": scalar(options.principal, flow=False),
        "credit_code": scalar(options.credit_code, flow=False) if options.credit_code else None,
        "guide": guide,
        "subsystems": subsystems,
        "schema_path": SCHEMA_COPY,
        "post_examples": POST_EXAMPLES,
        "version": __version__,
        "today": options.as_of.isoformat(),
        "sbs_repo": options.sbs_repo or SBS_REPO_PLACEHOLDER[options.lang],
        "sbs_repo_given": bool(options.sbs_repo),
        "system_files": SYSTEM_FILES_PATTERN,
    }


def _entries(
    category: Category,
    editions: list[Edition],
    guide: Guide,
    catalogue: Catalogue,
    options: ScaffoldOptions,
) -> tuple[list[Suggestion], list[Suggestion], list[Suggestion]]:
    """The normative references (guidelines only), the sure and the low-confidence suggestions.

    They are numbered in that order, so that adopted entries get consecutive codes.
    """
    references: list[tuple[Edition, str | None]] = []
    if category.dotted == "foundation.guidelines":
        for reference in guide.normative_references:
            current = (
                catalogue.current(reference.number, options.as_of)
                or catalogue.editions_of(reference.number)[-1]
            )
            references.append((current, "year" if current.year is None else "reference"))
    sure: list[tuple[Edition, str | None]] = [(e, None) for e in editions if e.confidence != "low"]
    unsure: list[tuple[Edition, str | None]] = [
        (e, None) for e in editions if e.confidence == "low"
    ]
    prefix = f"{guide.subsystem(category.subsystem).code_prefix}{category.number:02d}"  # type: ignore[union-attr]
    numbered = [
        Suggestion(f"{prefix}-{i:03d}", edition, note)
        for i, (edition, note) in enumerate(references + sure + unsure, 1)
    ]
    cut, end = len(references), len(references) + len(sure)
    return numbered[:cut], numbered[cut:end], numbered[end:]


def render_system(data: dict[str, Any], lang: Lang) -> str:
    """``system.yaml`` from a template context (the scaffold's, or an import's)."""
    suffix = "" if lang == "zh" else ".en"
    rendered: str = (
        environment("init", html=False).get_template(f"system.yaml{suffix}.j2").render(data)
    )
    return rendered


def render(options: ScaffoldOptions) -> list[tuple[str, str]]:
    """The files of a scaffold: (path relative to DIR, content)."""
    templates = environment("init", html=False)
    data = context(options)
    suffix = "" if options.lang == "zh" else ".en"
    files = [
        (name, templates.get_template(f"{template}{suffix}.j2").render(data))
        for name, template in (("system.yaml", "system.yaml"), ("README.md", "README.md"))
    ]
    files += [
        (name, templates.get_template(template).render(data))
        for name, template in (
            (".pre-commit-config.yaml", "pre-commit-config.yaml.j2"),
            (".github/workflows/sbs.yml", "github-workflow.yml.j2"),
            (".gitlab-ci.yml", "gitlab-ci.yml.j2"),
            (".sbs/config.yaml", "config.yaml.j2"),
        )
    ]
    from sbsguide.evaluate.template import template_yaml
    from sbsguide.schema import render as render_schema

    # the trial's records (guide 5.5), commented, to fill during the trial or to replace by the
    # workbook `sbs evaluate --template` writes
    files.append(("records.yaml", template_yaml(None, date.today(), options.lang).decode("utf-8")))
    files.append((SCHEMA_COPY, render_schema()))
    return files


@dataclass(slots=True)
class Written:
    """What `sbs init` did with each file."""

    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def write(folder: Path, files: list[tuple[str, str]], *, force: bool) -> Written:
    """Write each file that does not exist yet (or every one with ``force``), atomically."""
    from sbsguide.atomic import write_text

    outcome = Written()
    for name, content in files:
        target = folder / name
        if target.exists() and not force:
            outcome.skipped.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text(target, content)
        outcome.written.append(name)
    return outcome


def writable(folder: Path) -> bool:
    """Whether files can be created in ``folder`` (or in the parent that would hold it)."""
    probe = folder
    while not probe.exists():
        probe = probe.parent
    return probe.is_dir() and os.access(probe, os.W_OK | os.X_OK)
