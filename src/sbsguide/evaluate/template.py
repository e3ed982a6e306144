"""The records template: the workbook ``实施与评价记录.xlsx``, or the commented ``records.yaml``.

One sheet each for 宣贯培训, 实施检查, 满意度调查 and 问题与改进, with lists to pick from
(符合/基本符合/不符合, 未完成/已完成), date columns, and a reference sheet of the system's 现行
standards (number and title), so a person picks rather than types; A4, titles repeated.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sbsguide.messages import Lang

SHEETS = {
    "zh": {
        "trainings": (
            "宣贯培训",
            ["日期", "主题", "宣贯的标准(编号，以、分隔)", "参加人数", "主讲人"],
        ),
        "inspections": (
            "实施检查",
            ["日期", "检查人", "检查范围", "检查的标准(编号，以、分隔)", "检查结论", "发现的问题"],
        ),
        "surveys": ("满意度调查", ["开始日期", "结束日期", "调查方式", "有效答卷数", "满意数"]),
        "problems": (
            "问题与改进",
            ["编号", "问题", "指南条款", "改进措施", "责任人", "完成时限", "状态", "验证"],
        ),
        "standards": ("标准清单", ["标准编号", "标准名称"]),
    },
    "en": {
        "trainings": (
            "Trainings",
            ["Date", "Topic", "Standards (numbers, comma-separated)", "Participants", "Given by"],
        ),
        "inspections": (
            "Inspections",
            [
                "Date",
                "Inspector",
                "Scope",
                "Standards (numbers, comma-separated)",
                "Result",
                "Problems found",
            ],
        ),
        "surveys": ("Surveys", ["Start", "End", "Method", "Responses", "Satisfied"]),
        "problems": (
            "Problems",
            ["Id", "Problem", "Clause", "Action", "Owner", "Due", "Status", "Verified"],
        ),
        "standards": ("Standards", ["Number", "Title"]),
    },
}
CHOICES = {
    "zh": {"result": "符合,基本符合,不符合", "status": "未完成,已完成"},
    "en": {"result": "conforming,partly,nonconforming", "status": "open,closed"},
}
DATE_COLUMNS = {"trainings": (0,), "inspections": (0,), "surveys": (0, 1), "problems": (5,)}
WIDTHS = {
    "trainings": (12, 30, 50, 10, 12),
    "inspections": (12, 10, 20, 44, 10, 36),
    "surveys": (12, 12, 20, 12, 10),
    "problems": (6, 36, 10, 36, 10, 12, 10, 24),
    "standards": (24, 60),
}


def current_standards(raw: bytes | None, day: date) -> list[tuple[str, str]]:
    """(number, title) of the system's 现行 standards; none when the system does not load."""
    if raw is None:
        return []
    from sbsguide import loader
    from sbsguide.evaluate.indicators import current_standards as current
    from sbsguide.guide import load_guide
    from sbsguide.rules.base import Context
    from sbsguide.validate import validate

    text, _ = loader.decode(raw)
    document = loader.read_yaml(text or "")
    system, _ = (None, None) if document.problems else validate(document.data)
    if system is None:
        return []
    ctx = Context(system, day, load_guide())
    return [(p.number.canonical if p.number else "", p.entry.name) for p in current(ctx).current]


def template_workbook(raw: bytes | None, day: date, lang: Lang) -> bytes:
    from sbsguide.documents.forms import Form, form_xlsx

    names = SHEETS[lang]
    choices = CHOICES[lang]
    standards = names["standards"][0]
    lists = {"inspections": {4: choices["result"]}, "problems": {6: choices["status"]}}
    # a pick from the reference sheet; several standards may be typed, so only a suggestion
    picks = {"trainings": {2: standards}, "inspections": {3: standards}}
    forms = [
        Form(
            title,
            header,
            WIDTHS[key],
            rows=list(current_standards(raw, day)) if key == "standards" else [],
            dates=DATE_COLUMNS.get(key, ()),
            choices=lists.get(key, {}),
            picks=picks.get(key, {}),
        )
        for key, (title, header) in names.items()
    ]
    return form_xlsx(forms)


def template_yaml(raw: bytes | None, day: date, lang: Lang) -> bytes:
    """``records.yaml`` with every block commented, and the 现行 standards to copy from."""
    lines = _YAML[lang].splitlines()
    listed = current_standards(raw, day)
    if listed:
        lines.append("")
        lines.append("# 现行标准(复制编号使用)：" if lang == "zh" else "# Standards in force:")
        lines += [f"#   {number}  {name}" for number, name in listed]
    return ("\n".join(lines) + "\n").encode("utf-8")


_YAML: dict[str, Any] = {
    "zh": """\
# 标准实施与评价记录(指南 5.5；GB/T 24421.4)。与 system.yaml 放在同一目录。
# 标准以编号(可不带年号)或标准名称填写；日期可写 2024-03-05 或 2024年3月5日。
version: 1

trainings: []                          # 宣贯培训记录
#  - {date: 2024-03-05, topic: 标准体系总体宣贯, standards: [GB/T 24421.1-2023],
#     participants: 18, by: 李娜}

inspections: []                        # 实施检查记录
#  - {date: 2024-04-10, inspector: 张强, scope: 企业服务部, standards: [Q/XXX 301-2024],
#     result: 符合, problems: []}      # 符合 | 基本符合 | 不符合

surveys: []                            # 顾客满意度调查
#  - {period: 2024-04-01/2024-06-30, method: 问卷, responses: 120, satisfied: 108}

evaluation:                            # 自我评价 (5.5.1)
  date:                                # 评价日期
  team: []                             # 评价组成员
  methods: []                          # 评价方法，如 查阅文件和记录、现场检查、顾客满意度调查
  problems: []                         # 发现的不足和问题，及改进措施
#    - {id: P1, problem: 采购管理标准缺失, clause: 6.4.2, action: 制定采购管理规定,
#       owner: 李娜, due: 2024-09-30, status: 未完成}      # 未完成 | 已完成
  conclusion: ""                       # 空：由 sbs 根据数据撰写
""",
    "en": """\
# Implementation and evaluation records (guide 5.5; GB/T 24421.4), beside system.yaml.
# Name standards by number (the year may be left out) or by title.
version: 1

trainings: []
#  - {date: 2024-03-05, topic: overview, standards: [GB/T 24421.1-2023],
#     participants: 18, by: Li Na}

inspections: []
#  - {date: 2024-04-10, inspector: Zhang Qiang, scope: service desk, standards: [Q/XXX 301-2024],
#     result: conforming, problems: []}     # conforming | partly | nonconforming

surveys: []
#  - {period: 2024-04-01/2024-06-30, method: questionnaire, responses: 120, satisfied: 108}

evaluation:
  date:
  team: []
  methods: []
  problems: []
#    - {id: P1, problem: no procurement standard, clause: 6.4.2, action: write one,
#       owner: Li Na, due: 2024-09-30, status: open}      # open | closed
  conclusion: ""                       # empty: sbs writes one from the figures
""",
}
