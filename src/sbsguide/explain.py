"""`sbs rules` and `sbs explain`: the rules and clauses told from the data they are made of."""

from __future__ import annotations

import textwrap

from sbsguide.guide import Clause, load_guide
from sbsguide.messages import Lang, rule_text
from sbsguide.rules import RULES, Rule
from sbsguide.ui import VERB_EN, text


def rules_table(lang: Lang) -> list[list[str]]:
    """A header row and one row per rule: name, clause, severity, summary."""
    guide = load_guide()
    header = [
        text(k, lang) for k in ("rules-name", "rules-clause", "rules-severity", "rules-summary")
    ]
    return [header] + [
        [
            r.name,
            r.clause,
            text(r.default_severity(guide).value, lang),
            rule_text(r.name, "summary", lang),
        ]
        for r in RULES
    ]


def explain_text(topic: str, lang: Lang) -> str | None:
    """The explanation of a rule (by name) or of every rule of a clause; None if neither."""
    guide = load_guide()
    by_name = [r for r in RULES if r.name == topic]
    if by_name:
        return _rule(by_name[0], lang)
    clause = guide.clauses.get(topic.strip())
    if clause is None:
        return _heading(topic.strip(), lang)
    parts = [_clause(clause, lang)]
    parts += [_rule(r, lang, with_clause=False) for r in RULES if clause.number in r.clauses]
    return "\n".join(parts)


def _heading(number: str, lang: Lang) -> str | None:
    """A clause heading (5.5, 6): its sub-clauses, each with the rules that check it."""
    guide = load_guide()
    below = [c for n, c in guide.clauses.items() if n.startswith(f"{number}.")]
    if not number or not below:
        return None
    lines = [text("explain-heading", lang, number=number)]
    for clause in below:
        title = clause.title if lang == "zh" else clause.title_en
        names = ", ".join(r.name for r in RULES if clause.number in r.clauses) or "—"
        lines.append(f"  {clause.number} {title}  ({names})")
    lines.append(text("explain-heading-more", lang, number=below[0].number))
    return "\n".join(lines) + "\n"


def suggestion(topic: str) -> str | None:
    """The rule name or clause number an unknown topic is closest to (trail-period)."""
    import difflib

    known = [r.name for r in RULES] + list(load_guide().clauses)
    close = difflib.get_close_matches(topic.strip(), known, n=1, cutoff=0.75)
    return close[0] if close else None


def _clause(clause: Clause, lang: Lang) -> str:
    title = clause.title if lang == "zh" else clause.title_en
    body = clause.text if lang == "zh" else clause.text_en
    lines = [f"{clause.number} {title}", _indent(body)]
    note = clause.note if lang == "zh" else clause.note_en
    if note:
        lines.append(
            _indent(
                f"{text('explain-note', lang)}：{note}"
                if lang == "zh"
                else f"{text('explain-note', lang)}: {note}"
            )
        )
    return "\n".join(lines) + "\n"


def _rule(rule: Rule, lang: Lang, *, with_clause: bool = True) -> str:
    guide = load_guide()
    severity = text(rule.default_severity(guide).value, lang)
    lines = [f"{rule.name} — {rule_text(rule.name, 'summary', lang)}"]
    if rule.clauses:
        first = guide.clauses[rule.clauses[0]]
        lines.append(
            text(
                "explain-clause",
                lang,
                number=rule.clause,
                verb=first.verb,
                verb_en=VERB_EN[first.verb],
                severity=severity,
            )
        )
        if with_clause:
            lines += [_clause(guide.clauses[number], lang).rstrip() for number in rule.clauses]
    else:
        lines.append(text("explain-no-clause", lang, severity=severity))
    colon = "：" if lang == "zh" else ":"
    for heading, part in (("explain-checks", "checks"), ("explain-fix", "fix")):
        lines += [f"\n{text(heading, lang)}{colon}", _indent(rule_text(rule.name, part, lang))]
    for heading, part in (("explain-bad", "bad"), ("explain-good", "good")):
        example = rule_text(rule.name, part, lang).rstrip("\n")
        lines += [f"\n{text(heading, lang)}{colon}", textwrap.indent(example, "    ")]
    return "\n".join(lines) + "\n"


def _indent(paragraph: str) -> str:
    width = 90 if paragraph.isascii() else 60  # a Chinese character takes two columns
    return textwrap.indent(textwrap.fill(paragraph, width=width, break_long_words=True), "    ")
