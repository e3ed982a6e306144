"""What one catalogue entry may say: the model the shipped catalogue and a user's both obey.

A user's catalogue is read with this model (SPEC §7): a wrong field is a located usage error, never
an internal error later in check, report or ``sbs catalog``. The shipped catalogue is held to the
same model by a test, so the two cannot drift.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    field_validator,
)

Kind = Literal[
    "national-mandatory",
    "national-recommended",
    "national-guidance",
    "industry",
    "local",
    "group",
    "enterprise",
    "policy",
    "unknown",
]
Status = Literal["current", "superseded", "withdrawn", "unknown"]
Confidence = Literal["high", "medium", "low"]
Texts = list[StrictStr]


class CatalogueEntry(BaseModel):
    """One edition of a standard or policy document (the fields of ``standards.yaml``)."""

    model_config = ConfigDict(extra="forbid")

    number: StrictStr = Field(min_length=1)
    year: StrictInt | None = Field(default=None, ge=1900, le=2200)
    title: StrictStr | None = None
    kind: Kind
    status: Status = "current"
    categories: Texts = Field(default_factory=list)
    fit: Texts = Field(default_factory=list)
    confidence: Confidence = "medium"
    source: StrictStr
    former_titles: Texts = Field(default_factory=list)
    number_forms: Texts = Field(default_factory=list)
    superseded_by: StrictStr | None = None
    superseded_on: date | None = None
    issued: date | None = None
    implemented: date | None = None
    replaces: Texts = Field(default_factory=list)
    note: StrictStr | None = None

    @field_validator("superseded_on", "issued", "implemented", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        """A date, or a date written as ISO text; a datetime or a number is not one."""
        if value is None or type(value) is date:
            return value
        if isinstance(value, str):
            return date.fromisoformat(value.strip())  # 2023-02-30 raises: an impossible date
        raise ValueError("not a date")

    @field_validator("categories", "fit")
    @classmethod
    def _known_categories(cls, value: list[str]) -> list[str]:
        from sbsguide.guide import load_guide

        known = {c.dotted for c in load_guide().categories()}
        for category in value:
            if category not in known:
                raise ValueError(f"unknown category {category}")
        return value
