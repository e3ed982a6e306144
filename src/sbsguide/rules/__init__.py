"""The rule registry: every rule of SPEC §3, in the order ``sbs rules`` lists them.

Adding a rule: write its check in the module of its clause group, add it here, add its messages to
``messages.yaml`` and its cases to ``tests/rules/``; the meta-tests say what is missing.
"""

from __future__ import annotations

from sbsguide.findings import Severity
from sbsguide.rules import (
    catalogue,
    organization,
    placeholders,
    posts,
    records,
    references,
    services,
    structure,
    trial,
)
from sbsguide.rules.base import Context, Rule, Violation

LOAD_RULES = (
    Rule("yaml-syntax", (), severity=Severity.ERROR, waivable=False),
    Rule("schema", (), severity=Severity.ERROR, waivable=False),
    Rule("file-encoding", (), severity=Severity.WARNING, waivable=False),
)
WAIVER_RULES = (
    Rule("expired-waiver", (), severity=Severity.WARNING),
    Rule("unused-waiver", (), severity=Severity.INFO),
)
MODEL_RULES = (
    # Every block may hold a placeholder: each finding names its block's clause, but the rule
    # belongs to no one clause (the gap report would list it under all of them).
    Rule(
        "placeholder",
        (),
        placeholders.placeholder,
        severity=Severity.ERROR,
        waivable=False,
    ),
    structure.required_subsystem,
    structure.required_category,
    structure.not_applicable_reason,
    structure.layer_placement,
    structure.duplicate_standard,
    structure.system_code,
    references.normative_references,
    references.standard_number,
    catalogue.superseded_standard,
    catalogue.unknown_standard,
    catalogue.title_mismatch,
    catalogue.prefer_public_standards,
    organization.working_group,
    organization.duties_assigned,
    organization.work_plan,
    trial.trial_period,
    trial.self_evaluation,
    records.implementation_records,
    services.service_list,
    services.key_demands,
    services.service_classification,
    services.process_coverage,
    services.quality_core,
    services.information_sharing,
    services.listed_content,
    posts.post_coverage,
    posts.post_not_department,
    posts.post_level,
    organization.agency_facts,
    organization.credit_code,
    trial.dates,
)
RULES: tuple[Rule, ...] = LOAD_RULES + MODEL_RULES + WAIVER_RULES
BY_NAME = {r.name: r for r in RULES}

__all__ = ["BY_NAME", "MODEL_RULES", "RULES", "Context", "Rule", "Violation"]
