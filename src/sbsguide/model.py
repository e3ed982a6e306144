"""Pydantic models of ``system.yaml`` (SPEC §1): key names and types only, no I/O, no positions.

The schema never duplicates a rule: anything with a clause behind it (a missing block, a value
outside a list, a blank N/A reason) is left to the rules, so the user sees the clause. The
``standards`` tree is built from the guide's framework data, so a revised guide needs no code.
Titles and descriptions are Chinese: they become the hover help of the JSON Schema.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    create_model,
)

from sbsguide.guide import load_guide

_CHINESE_DATE = re.compile(r"(\d{4})\s*(?:年|/|\.)\s*(\d{1,2})\s*(?:月|/|\.)\s*(\d{1,2})\s*日?")


def date_forms(value: Any) -> Any:
    """Accept ``2024年3月1日`` and ``2024/3/1`` besides ISO dates (SPEC §1)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        match = _CHINESE_DATE.fullmatch(value.strip())
        if match:
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)  # an impossible date raises: a schema finding
    return value


_DATE_PATTERN = (
    r"^\s*(\d{4}-\d{2}-\d{2}"
    r"|\d{4}\s*(年|/|\.)\s*\d{1,2}\s*(月|/|\.)\s*\d{1,2}\s*日?)\s*$"
)
Date = Annotated[
    date,
    BeforeValidator(date_forms),
    # The schema accepts every form the check accepts (SPEC §6), so an editor underlines none.
    WithJsonSchema({"type": "string", "pattern": _DATE_PATTERN}),
]
NonBlank = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_YES_NO = {"是": True, "否": False}


def _yes_no(value: Any) -> Any:
    """``是``/``否`` as well as true/false (SPEC §6)."""
    return _YES_NO.get(value.strip(), value) if isinstance(value, str) else value


YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["是", "否"]}]}),
]


def _level_key(value: Any) -> Any:
    """``决策层`` as well as ``decision``: the guide's Chinese names of the three levels."""
    if isinstance(value, str):
        names = load_guide().position_level_names
        return next((key for key, name in names.items() if name == value.strip()), value)
    return value


Level = Annotated[str, BeforeValidator(_level_key)]


# defer_build: nested models are validated only as part of StandardSystem, so building a
# validator for each at import time (~0.1 s of `sbs check`'s start-up) would be wasted.
_CONFIG = ConfigDict(extra="forbid", defer_build=True)


class _Block(BaseModel):
    model_config = ConfigDict(**_CONFIG, coerce_numbers_to_str=True, populate_by_name=True)


class Agency(_Block):
    """实施机构 (clause 3.3)."""

    name: str = Field(title="机构名称")
    credit_code: str | None = Field(
        None, title="统一社会信用代码", description="18位，按 GB 32100 校验"
    )
    principal: str = Field(title="主要负责人", description="标准化工作组组长(5.1.1)")
    address: str | None = Field(None, title="地址")
    site_area_m2: float | None = Field(None, title="服务场所面积(平方米)", description="4.1")
    full_time_staff: int | None = Field(None, title="专职服务人员数", description="4.1")
    facilities: list[str] | None = Field(None, title="设施设备", description="4.1")


class Member(_Block):
    """标准化工作组成员."""

    name: str = Field(title="姓名")
    position: str | None = Field(None, title="岗位")
    standardization_staff: YesNo = Field(
        False, title="是否标准化工作人员", description="5.1.1；true/false 或 是/否"
    )


class WorkingGroup(_Block):
    """标准化工作组 (5.1.1)."""

    leader: str | None = Field(None, title="组长", description="应为实施机构主要负责人")
    members: list[Member] = Field(default_factory=list, title="成员")
    duties: list[str] = Field(default_factory=list, title="工作组职能职责", description="5.1.2")


class Position(_Block):
    """岗位: 名称、层级与职责 (5.1.2, 6.5)."""

    name: str = Field(title="岗位名称")
    level: Level | None = Field(
        None, title="岗位层级", description="decision 决策层 / management 管理层 / general 一般人员"
    )
    duties: list[str] = Field(default_factory=list, title="职责")


class Organization(_Block):
    """标准化管理机构和职能职责 (5.1)."""

    working_group: WorkingGroup | None = Field(None, title="标准化工作组")
    positions: list[Position] | None = Field(None, title="岗位设置")


class Plan(_Block):
    """标准化工作计划 (5.2)."""

    title: str | None = Field(None, title="计划名称")
    approved_on: Date | None = Field(None, title="批准日期")
    note: str | None = Field(None, title="备注")


class SelfEvaluation(_Block):
    """试运行后的自我评价 (5.5.1)."""

    date: Date | None = Field(None, title="评价日期")
    findings: list[str] = Field(default_factory=list, title="发现的不足和问题")
    actions: list[str] = Field(default_factory=list, title="改进措施")


class TrialRun(_Block):
    """标准体系试运行 (5.5.1): 不少于3个月."""

    start: Date | None = Field(None, title="开始日期")
    end: Date | None = Field(None, title="结束日期", description="试运行进行中可不填")
    self_evaluation: SelfEvaluation | None = Field(None, title="自我评价")


class ServiceItem(_Block):
    """服务清单中的一项服务."""

    name: str = Field(title="服务名称")
    service_class: str | None = Field(
        None, alias="class", title="服务类别", description="DB53/T 1117 的服务分类(4.6)"
    )
    demand: str | None = Field(None, title="重点需求领域", description="6.3.2 所列八类之一")
    note: str | None = Field(None, title="备注")


class Services(_Block):
    """企业公共服务清单 (6.3.2)."""

    published: YesNo = Field(False, title="是否已向中小企业公布", description="true/false 或 是/否")
    published_via: str | None = Field(None, title="公布渠道")
    items: list[ServiceItem] = Field(default_factory=list, title="服务项目")


class Sharing(_Block):
    """实施机构之间的服务信息共享 (4.7)."""

    platform: str | None = Field(None, title="共享平台")
    note: str | None = Field(None, title="备注")


Status = Literal["current", "drafting", "revising", "withdrawn"]


class StandardEntry(_Block):
    """标准明细表中的一条标准."""

    number: str | None = Field(
        None, title="标准编号", description="如 GB/T 24421.1-2023；制定中可不填"
    )
    name: str = Field(title="标准名称")
    code: str | None = Field(None, title="体系编号", description="如 BZ06-002")
    status: Status = Field(
        "current",
        title="状态",
        description="current 现行 / drafting 制定中 / revising 修订中 / withdrawn 废止",
    )
    published: Date | None = Field(None, title="发布日期")
    implemented: Date | None = Field(None, title="实施日期")
    replaces: str | None = Field(None, title="被代替标准号")
    post: str | None = Field(None, title="适用岗位", description="岗位工作标准所规范的岗位")
    services: list[str] = Field(default_factory=list, title="规范的服务项目")
    covers: list[str] = Field(
        default_factory=list,
        title="覆盖的内容",
        description="6.3.2 所列内容，如 设施建设、人员配备、联系规范、服务监测",
    )
    note: str | None = Field(None, title="备注")


class NotApplicable(_Block):
    """声明本类别不适用，并说明理由."""

    not_applicable: str | None = Field(title="不适用理由")


def _category_shape(value: Any) -> str:
    return "not_applicable" if isinstance(value, dict) else "standards"


Category: TypeAlias = Annotated[
    Annotated[list[StandardEntry], Tag("standards")]
    | Annotated[NotApplicable, Tag("not_applicable")],
    Discriminator(_category_shape),
]
"""A category is a list of standards or ``{not_applicable: reason}``."""

CATEGORY_TAGS = frozenset({"standards", "not_applicable"})
"""Union tags that pydantic puts into error locations; they are not keys of the file."""


class ExtraCategory(_Block):
    """实施机构自设的类别."""

    name: str = Field(title="类别名称")
    standards: list[StandardEntry] = Field(default_factory=list, title="标准")


class Waiver(_Block):
    """经批准的偏离: 在期限内不再报告某规则的问题."""

    rule: str = Field(title="规则名称")
    reason: NonBlank = Field(title="理由")
    target: str | None = Field(
        None, title="适用范围", description="逻辑路径前缀，如 standards.support.procurement"
    )
    approved_by: str | None = Field(None, title="批准人")
    until: Date | None = Field(None, title="有效期至", description="含当日")


class Signature(_Block):
    """编制、审核或批准: 谁，何时."""

    name: str | None = Field(None, title="姓名")
    date: Date | None = Field(None, title="日期")


class Revision(_Block):
    """修订记录中的一次修订."""

    version: str | None = Field(None, title="版本")
    date: Date | None = Field(None, title="日期")
    summary: str | None = Field(None, title="修订内容")
    by: str | None = Field(None, title="修订人")


class DocumentControl(_Block):
    """文件控制 (GB/T 19001 7.5.3 的做法): 印在每份报告的封面上."""

    number: str | None = Field(None, title="文件编号")
    version: str | None = Field(None, title="版本")
    controlled: YesNo = Field(True, title="受控状态", description="true 受控 / false 非受控")
    prepared_by: Signature | None = Field(None, title="编制")
    reviewed_by: Signature | None = Field(None, title="审核")
    approved_by: Signature | None = Field(None, title="批准")
    revisions: list[Revision] = Field(default_factory=list, title="修订记录")


def _subsystem_model(subsystem: Any) -> type[BaseModel]:
    fields: dict[str, Any] = {
        c.key: (Category | None, Field(None, title=c.name, description=f"{c.clause} {c.name_en}"))
        for c in subsystem.categories
    }
    fields["extra"] = (
        list[ExtraCategory],
        Field(default_factory=list, title="自设类别"),
    )
    model = create_model(
        f"Subsystem_{subsystem.key}",
        __config__=_CONFIG,
        __doc__=f"{subsystem.name} ({subsystem.clause})",
        **fields,
    )
    globals()[model.__name__] = model  # found by its name, as the wheel's schemas name it
    return model


def _standards_model() -> type[BaseModel]:
    guide = load_guide()
    fields: dict[str, Any] = {
        s.key: (_subsystem_model(s) | None, Field(None, title=s.name, description=f"第{s.layer}层"))
        for s in guide.subsystems
    }
    return create_model(
        "Standards",
        __config__=_CONFIG,
        __doc__="标准体系的四个子体系 (6.1)",
        **fields,
    )


Standards = _standards_model()


class StandardSystem(_Block):
    """一个实施机构的标准体系 (system.yaml)."""

    version: Literal[1] = Field(title="文件格式版本")
    agency: Agency = Field(title="实施机构")
    organization: Organization | None = Field(None, title="标准化管理机构")
    plan: Plan | None = Field(None, title="标准化工作计划")
    trial_run: TrialRun | None = Field(None, title="试运行")
    services: Services | None = Field(None, title="服务清单")
    sharing: Sharing | None = Field(None, title="信息共享")
    standards: Standards | None = Field(None, title="标准体系")  # type: ignore[valid-type]
    waivers: list[Waiver] = Field(default_factory=list, title="豁免")
    document: DocumentControl | None = Field(None, title="文件控制")

    model_config = ConfigDict(title="中小企业公共服务标准体系", extra="forbid")

    def subsystem(self, key: str) -> BaseModel | None:
        """The block of a sub-system, or None when the file lacks it."""
        if self.standards is None:
            return None
        block: BaseModel | None = getattr(self.standards, key)
        return block

    def category(self, subsystem: str, key: str) -> list[StandardEntry] | NotApplicable | None:
        """A category's standards or N/A declaration; None when absent or left empty."""
        block = self.subsystem(subsystem)
        if block is None:
            return None
        value: list[StandardEntry] | NotApplicable | None = getattr(block, key)
        return value

    def extra_categories(self, subsystem: str) -> list[ExtraCategory]:
        """The agency's own categories of a sub-system."""
        block = self.subsystem(subsystem)
        extra: list[ExtraCategory] = [] if block is None else getattr(block, "extra", [])
        return extra
