"""The cover of every document: the agency, and the document control of a controlled document.

文件编号, 版本, 受控状态, 编制/审核/批准 and the 修订记录 (report/cover.py fills them from
``system.yaml``); where the system is silent the cover leaves lines to be signed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Signature:
    """编制 / 审核 / 批准: blank lines to sign when the system does not say."""

    name: str = ""
    date: str = ""


@dataclass(frozen=True, slots=True)
class RevisionRow:
    version: str
    date: str
    summary: str
    by: str


@dataclass(frozen=True, slots=True)
class Cover:
    agency: str
    credit_code: str
    guide: str
    as_of: date
    version: str  # the sbs version that made the document
    standards: int
    number: str = ""  # 文件编号
    edition: str = ""  # 版本 (A/1)
    controlled: bool | None = None  # None: the system does not say, and the cover does not either
    prepared: Signature = Signature()
    reviewed: Signature = Signature()
    approved: Signature = Signature()
    revisions: tuple[RevisionRow, ...] = ()

    @property
    def prepared_on(self) -> str:
        """编制日期: the date the preparer signed, else the check date (never later than 批准)."""
        return self.prepared.date or self.as_of.isoformat()

    def control_rows(self, L: dict[str, str]) -> list[list[str]]:
        """文件编号, 版本 and, when the system says it, 受控状态 of a controlled document."""
        rows = [[L["doc_number"], self.number], [L["doc_version"], self.edition]]
        if self.controlled is not None:
            state = L["controlled"] if self.controlled else L["uncontrolled"]
            rows.append([L["controlled_state"], state])
        return rows

    def signature_rows(self, L: dict[str, str]) -> list[list[str]]:
        """编制 / 审核 / 批准 with name and date, or blank to be signed by hand."""
        return [
            [L["role"], L["signature"], L["date"]],
            *(
                [L[role], signed.name, signed.date]
                for role, signed in (
                    ("prepared", self.prepared),
                    ("reviewed", self.reviewed),
                    ("approved", self.approved),
                )
            ),
        ]

    def revision_rows(self, L: dict[str, str]) -> list[list[str]]:
        """修订记录: a header and the revisions, or three blank rows to fill in by hand."""
        rows = [[r.version, r.date, r.summary, r.by] for r in self.revisions]
        header = [L["doc_version"], L["date"], L["rev_summary"], L["rev_by"]]
        return [header, *(rows or [["", "", "", ""]] * 3)]
