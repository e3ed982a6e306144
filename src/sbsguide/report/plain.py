"""Findings in the words of a document an agency signs (issue 11).

`sbs check` speaks to the person editing ``system.yaml``: keys, line numbers, commands. A report
speaks to an agency head and a provincial reviewer, who know none of those. The problem keeps its
message with the technical parts taken out; the fix comes from ``remedies.yaml``. The technical
detail (file:line, keys, commands) goes into the optional annex.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from sbsguide.findings import Finding
from sbsguide.messages import LINE_MENTION, Lang, Localised
from sbsguide.resources import data

# A dotted key path or a bare snake_case key: standards.support.procurement, organization.positions,
# trial_run, support.safety. Standard numbers (GB/T 1.1) never match: they hold capitals or digits
# before the dot.
_KEY = r"[a-z][a-z_]*(?:\.[a-z0-9_]+)+|[a-z]+_[a-z0-9_]+"
_PARENTHESISED_KEY = re.compile(rf"\s*[(（]\s*(?:{_KEY})\s*(?:[，,]\s*)?([^()（）]*)[)）]")
_QUOTED_KEY = re.compile(rf"[\"“](?:{_KEY})[\"”]\s*")
_LINE = LINE_MENTION


@cache
def _remedies() -> dict[str, Any]:
    remedies: dict[str, Any] = data("sbsguide.report", "remedies.yaml")
    return remedies


def problem(finding: Finding, lang: Lang) -> str:
    """The finding's message without keys, paths and line numbers."""
    remedies = _remedies()
    entry = remedies.get(f"{finding.rule}/{finding.key}") or remedies.get(finding.rule) or {}
    if f"problem_{lang}" in entry:
        shown = {k: _shown(v, lang) for k, v in finding.args.items()}
        return str(entry[f"problem_{lang}"]).format_map(shown)
    text = _PARENTHESISED_KEY.sub(lambda m: f"({m[1]})" if m[1].strip() else "", finding.message)
    text = _QUOTED_KEY.sub("", text)
    text = re.sub(_KEY, lambda m: _name_of(m[0], lang), text)
    return _LINE.sub("", text).replace("()", "").strip()


def remedy(finding: Finding, lang: Lang) -> str:
    """What to do, in plain words, from ``remedies.yaml`` filled with the finding's arguments."""
    remedies = _remedies()
    entry = remedies.get(f"{finding.rule}/{finding.key}") or remedies.get(finding.rule)
    if entry is None:
        return ""
    shown = {k: _shown(v, lang) for k, v in finding.args.items()}
    try:
        return str(entry[lang]).format_map(shown)
    except (KeyError, IndexError, ValueError):
        return str(entry[lang]).split("{")[0].rstrip('“"(（ ') + ("。" if lang == "zh" else ".")


def _shown(value: Any, lang: Lang) -> str:
    if isinstance(value, Localised):
        return value.zh if lang == "zh" else value.en
    return str(value)


def _name_of(key: str, lang: Lang) -> str:
    """A key the document cannot show, as the name a reader knows (a category's, a block's)."""
    names = _key_names(lang)
    return names.get(key, names.get(key.removeprefix("standards."), ""))


BLOCK_NAMES = {
    "organization.positions": ("岗位设置", "the positions"),
    "organization.working_group": ("标准化工作组", "the working group"),
    "trial_run": ("试运行", "the trial run"),
    "trial_run.self_evaluation": ("自我评价", "the self-evaluation"),
    "services": ("服务清单", "the service list"),
    "posts": ("岗位工作标准体系", "post standards"),
}


@cache
def _key_names(lang: Lang) -> dict[str, str]:
    from sbsguide.guide import load_guide

    guide = load_guide()
    names: dict[str, str] = {
        key: zh if lang == "zh" else en for key, (zh, en) in BLOCK_NAMES.items()
    }
    for subsystem in guide.subsystems:
        names[subsystem.key] = subsystem.name if lang == "zh" else subsystem.name_en
        for category in subsystem.categories:
            names[category.dotted] = category.name if lang == "zh" else category.name_en
    return names
