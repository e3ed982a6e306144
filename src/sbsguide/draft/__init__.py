"""`sbs draft`: first drafts of the agency's own standards, in the structure of GB/T 1.1-2020.

One draft per agency standard of the system (an enterprise number, or ``drafting``/``revising``),
and one for each position without a post standard and each service without a process standard,
with a proposed number in the agency's own ``Q/`` scheme. What ``system.yaml`` knows goes in (the
agency, the position's duties, the services, the public standards of the same category, the
working group); everything else is a visible 【待填写：…】 placeholder — nothing is invented.
The model here is plain data; ``word.py`` and the Markdown template render it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sbsguide.draft.subject import cited_standards, duties_about, guide_basis, listed_items
from sbsguide.draft.targets import NumberScheme, Target, number_scheme, targets
from sbsguide.messages import Lang
from sbsguide.model import StandardEntry, StandardSystem
from sbsguide.numbers import StandardNumber, parse
from sbsguide.resources import data

KINDS = ("post", "service", "management")


@cache
def words(lang: Lang) -> dict[str, Any]:
    """The draft's words in one language (texts.yaml)."""
    texts: dict[str, Any] = data("sbsguide.draft", "texts.yaml")[lang]
    return texts


@dataclass
class Clause:
    """A numbered clause: its title, its paragraphs, its list items (a), b) …), sub-clauses."""

    number: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    children: list[Clause] = field(default_factory=list)


@dataclass
class Draft:
    """One standard's first draft."""

    kind: str  # post | service | management
    number: str
    title: str
    agency: str
    mark: str  # the enterprise-standard mark of the cover: "Q/KMGX"
    replaces: str
    foreword: list[str]
    references: list[str]  # "GB/T 19001-2016 质量管理体系 要求", as cited in the body
    clauses: list[Clause]
    lang: Lang
    proposed: bool = False  # not yet in system.yaml: the YAML line to add
    yaml_line: str = ""
    where: str = ""  # the category it belongs in (dotted)
    subjects: tuple[str, ...] = ()  # the position or services it governs (for --only)
    cover: tuple[str, ...] = ()  # the cover's English title, issue and implementation lines

    @property
    def placeholders(self) -> int:
        """How many 【待填写：…】 the agency still has to fill in."""
        marker = words(self.lang)["placeholder"].split("{")[0]
        return sum(text.count(marker) for text in self.texts())

    def texts(self) -> list[str]:
        """Every text of the draft, the cover's lines included (what the placeholders count)."""
        found = [*self.cover, *self.foreword, *self.references]

        def walk(clause: Clause) -> None:
            found.extend([clause.title, *clause.paragraphs, *clause.items])
            for child in clause.children:
                walk(child)

        for clause in self.clauses:
            walk(clause)
        return found

    @property
    def file_stem(self) -> str:
        """``<number> <title>`` with characters unsafe in file names replaced (SPEC §6).

        Kept within 180 bytes of UTF-8: file systems allow 255, and a suffix may be added.
        """
        safe = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "_", f"{self.number} {self.title}")
        cut = safe.encode("utf-8")[:FILE_STEM_BYTES].decode("utf-8", "ignore")
        return cut.strip(" .") or "draft"


FILE_STEM_BYTES = 180


def build(system: StandardSystem, lang: Lang) -> list[Draft]:
    """The drafts of a system, in the guide's order."""
    scheme = number_scheme(system)
    return [_draft(system, target, scheme, lang) for target in targets(system)]


def _draft(system: StandardSystem, target: Target, scheme: NumberScheme, lang: Lang) -> Draft:
    w = words(lang)
    agency = system.agency.name

    def fill(what: str) -> str:
        return str(w["placeholder"]).format(what=what)

    entry = target.entry
    proposed = entry is None
    if entry is not None and entry.number:
        number, mark = entry.number, (parse(entry.number) or _fallback(scheme)).code
    else:
        number = scheme.propose("posts" if target.kind == "post" else target.category)
        mark = scheme.code
    title = target.title or _proposed_title(target, lang)
    references = cited_standards(system, target, title)
    clauses = _core(system, target, title, references, w, fill, agency)
    group = system.organization.working_group if system.organization else None
    names = "、".join(m.name for m in group.members) if group and group.members else fill("起草人")
    foreword = [w["drafting_rule"]]
    replaced = entry.replaces if entry is not None and entry.replaces else ""
    if replaced:
        foreword.append(str(w["replaces_sentence"]).format(number=replaced))
    foreword += [
        w["patents"],
        str(w["proposed_by"]).format(agency=agency),
        str(w["managed_by"]).format(agency=agency),
        str(w["drafting_unit"]).format(agency=agency),
        str(w["drafters"]).format(names=names),
    ]
    yaml_line = ""
    if proposed:
        yaml_line = _yaml_line(number, title, target)
    return Draft(
        target.kind,
        number,
        title,
        agency,
        mark,
        replaced,
        foreword,
        [f"{n}\u3000{t}" for n, t in references],
        clauses,
        lang,
        proposed,
        yaml_line,
        target.category,
        tuple([target.position.name] if target.position else [s.name for s in target.services]),
        _cover_lines(entry, w, fill),
    )


def _cover_lines(entry: StandardEntry | None, w: dict[str, Any], fill: Any) -> tuple[str, ...]:
    """The cover's English title, and its dates from ``published``/``implemented`` when given."""
    issued = entry.published.isoformat() if entry and entry.published else None
    implemented = entry.implemented.isoformat() if entry and entry.implemented else None
    return (
        fill(w["english_title"]),
        str(w["issued"]).format(date=issued or fill(w["issued_date"])),
        str(w["implemented"]).format(date=implemented or fill(w["implemented_date"])),
    )


def _yaml_line(number: str, title: str, target: Target) -> str:
    """The entry to paste into system.yaml: it parses, and names the values as written."""
    from sbsguide.yamltext import scalar

    def value(text: str) -> str:
        return scalar(text, flow=True)

    fields = [f"number: {value(number)}", f"name: {value(title)}"]
    if target.position:
        fields.append(f"post: {value(target.position.name)}")
    if target.services:
        fields.append(f"services: [{value(target.services[0].name)}]")
    return "- {" + ", ".join([*fields, "status: drafting"]) + "}"


def _fallback(scheme: NumberScheme) -> StandardNumber:
    parsed = parse(f"{scheme.code} 1-{scheme.year}")
    assert parsed is not None
    return parsed


def _proposed_title(target: Target, lang: Lang) -> str:
    if target.position is not None:
        return (
            f"{target.position.name}岗位工作标准"
            if lang == "zh"
            else f"Post standard: {target.position.name}"
        )
    service = target.services[0].name if target.services else ""
    return f"{service}服务规范" if lang == "zh" else f"Service standard: {service}"


def _core(
    system: StandardSystem,
    target: Target,
    title: str,
    references: list[tuple[str, str]],
    w: dict[str, Any],
    fill: Any,
    agency: str,
) -> list[Clause]:
    """1 范围, 2 规范性引用文件, 3 术语和定义, then the core elements of the kind."""
    subject = re.sub(r"(规范|标准|制度|规程|指南|办法)$", "", title) or title
    post = target.position.name if target.position else (target.entry.post if target.entry else "")
    scope_key = {"post": "scope_post", "service": "scope_service"}.get(
        target.kind, "scope_management"
    )
    scope = Clause(
        "1",
        w["scope"],
        [str(w[scope_key]).format(agency=agency, post=post or subject, subject=subject)],
    )
    listed = Clause(
        "2",
        w["references"],
        [w["references_lead"], *(f"{n}\u3000{t}" for n, t in references)]
        if references
        else [w["references_none"]],
    )
    terms = Clause("3", w["terms"], [w["terms_none"]])
    cites = [
        str(w["cite"]).format(subject=_cited_subject(target, w), number=n) for n, _ in references
    ]
    if target.kind == "post":
        duties = [d for d in (target.position.duties if target.position else []) if d.strip()]
        core = [
            Clause(
                "4",
                w["duties"],
                [str(w["duties_lead"]).format(post=post)],
                duties or [fill(w["duties"])],
            ),
            Clause("5", w["qualifications"], [], [fill(q) for q in w["qualification_items"]]),
            Clause(
                "6",
                w["work"],
                cites,
                [],
                [
                    Clause(f"6.{i}", duty, [fill(str(w["work_item"]).format(duty=duty))])
                    for i, duty in enumerate(duties or [fill(w["duties"])], 1)
                ],
            ),
            Clause("7", w["inspection"], [fill(w["inspection_text"])]),
            Clause("8", w["records"], [fill(w["records_text"])]),
        ]
    elif target.kind == "service":
        items = [
            str(w["content_item"]).format(
                service=s.name, kind=s.service_class or fill("DB53/T 1117"), demand=s.demand or "—"
            )
            for s in target.services
        ] or [fill(w["content_none"])]
        core = [
            Clause("4", w["content"], [], items),
            Clause(
                "5",
                w["flow"],
                [],
                [],
                [
                    Clause(f"5.{i}", step, [fill(str(w["flow_step_text"]).format(step=step))])
                    for i, step in enumerate(w["flow_steps"], 1)
                ],
            ),
            Clause("6", w["requirements"], cites, [fill(r) for r in w["requirement_items"]]),
            Clause("7", w["evaluation"], [fill(w["evaluation_text"])]),
            Clause("8", w["records"], [fill(w["records_text"])]),
        ]
    else:
        core = [
            Clause(
                "4",
                w["responsibilities"],
                [fill(w["responsibilities_text"])],
                duties_about(system, target.category, w),
            ),
            Clause(
                "5",
                w["management"],
                [
                    *guide_basis(target.category, w),
                    *cites,
                    fill(str(w["management_text"]).format(subject=subject)),
                ],
                [
                    fill(str(w["listed_item"]).format(item=item))
                    for item in listed_items(target.category, w)
                ],
            ),
            Clause("6", w["inspection"], [fill(w["inspection_text"])]),
            Clause("7", w["records"], [fill(w["records_text"])]),
        ]
    return [scope, listed, terms, *core]


def _cited_subject(target: Target, w: dict[str, Any]) -> str:
    return str(w["the_service"] if target.kind == "service" else w["the_work"])
