"""What a configuration problem says, in Chinese and English (config.py raises them by word)."""

from __future__ import annotations

from sbsguide.messages import Localised

WORDS = {
    "unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
    "encoding": (
        "配置文件不是 UTF-8 或 GB18030 编码",
        "the configuration is neither UTF-8 nor GB18030",
    ),
    "syntax": (
        "配置文件不是有效的 YAML：{detail}",
        "the configuration is not valid YAML: {detail}",
    ),
    "too-large": (
        "配置文件超过大小上限 {limit}",
        "the configuration is larger than the limit of {limit}",
    ),
    "mapping": (
        "配置文件的顶层应为映射(键: 值)",
        "the configuration should be a mapping (key: value)",
    ),
    "unknown-key": ("未知的配置项“{key}”", 'unknown setting "{key}"'),
    "did-you-mean": ("，是否应为“{suggestion}”？", '; did you mean "{suggestion}"?'),
    "select-and-ignore": (
        "规则“{name}”同时列在 select 和 ignore 中，无法确定是否运行",
        'rule "{name}" is both in select and in ignore: whether it runs cannot be told',
    ),
    "summary-mapping": (
        "summary 应为 {{submitter: 报送单位, preparer: 填报人}}",
        "summary should be {{submitter: …, preparer: …}}",
    ),
    "summary-text": ("“{key}”应为一行文本", '"{key}" should be a line of text'),
    "list-of-rules": ("“{key}”应为规则名称的列表", '"{key}" should be a list of rule names'),
    "unknown-rule": ("没有名为“{name}”的规则", 'no rule is named "{name}"'),
    "boolean": ("“{key}”应为 true 或 false", '"{key}" should be true or false'),
    "lang": ("lang 应为 zh 或 en，实际是“{value}”", 'lang should be zh or en, not "{value}"'),
    "mapping-of-severities": (
        "severity 应为“规则: 级别”的映射",
        "severity should map rule names to levels",
    ),
    "level": (
        "级别应为 error、warning 或 info，实际是“{value}”",
        'a level is error, warning or info, not "{value}"',
    ),
    "lowered": (
        "规则“{name}”默认是错误，最多降为 warning，不能降为 info",
        'rule "{name}" is an error by default: it may go down to warning, never to info',
    ),
    "list-of-paths": ("catalogues 应为目录文件路径的列表", "catalogues should be a list of paths"),
    "catalogue-encoding": (
        "{place}：目录文件不是 UTF-8 或 GB18030 编码",
        "{place}: the catalogue is neither UTF-8 nor GB18030",
    ),
    "catalogue-syntax": (
        "{place}：目录文件不是有效的 YAML：{detail}",
        "{place}: the catalogue is not valid YAML: {detail}",
    ),
    "catalogue-too-large": (
        "{place}：目录文件超过大小上限 {detail}",
        "{place}: the catalogue is larger than the limit of {detail}",
    ),
    "catalogue-too-many": (
        "{place}：目录文件的条目超过上限 {detail} 条",
        "{place}: the catalogue holds more than {detail} entries",
    ),
    "catalogue-value": (
        "{place}：目录条目的“{detail}”不对(写的是“{value}”){expected}",
        '{place}: the entry\'s "{detail}" is wrong (it says "{value}"){expected}',
    ),
    "catalogue-no-entries": (
        "{place}：目录文件应有 entries: 列表",
        "{place}: the catalogue needs an entries: list",
    ),
    "catalogue-entry": (
        "{place}：目录条目应为带 number 的映射",
        "{place}: an entry is a mapping with a number",
    ),
    "catalogue-field": (
        "{place}：目录条目有未知的字段“{detail}”",
        '{place}: unknown field "{detail}"',
    ),
}


EXPECTED = {
    field: Localised(f"，应为{zh}", f"; it should be {en}")
    for field, zh, en in (
        ("number", "标准编号文本", "a standard number"),
        ("year", "四位数的年份", "a four-digit year"),
        ("title", "一行文本", "a line of text"),
        ("kind", "codes.yaml 中的级别之一(如 national-recommended)", "a level of codes.yaml"),
        ("status", " current、superseded、withdrawn 或 unknown", " current, superseded, "
         "withdrawn or unknown"),
        ("confidence", " high、medium 或 low", " high, medium or low"),
        ("categories", "指南框架中的类别键的列表(如 support.safety)", "a list of category keys "
         "of the guide (support.safety)"),
        ("fit", "指南框架中的类别键的列表(如 support.safety)", "a list of category keys of the "
         "guide (support.safety)"),
        ("source", "一行文本", "a line of text"),
        ("superseded_by", "标准编号文本", "a standard number"),
        ("superseded_on", "有效的日期(YYYY-MM-DD)", "a valid date (YYYY-MM-DD)"),
        ("issued", "有效的日期(YYYY-MM-DD)", "a valid date (YYYY-MM-DD)"),
        ("implemented", "有效的日期(YYYY-MM-DD)", "a valid date (YYYY-MM-DD)"),
        ("replaces", "标准编号的列表", "a list of standard numbers"),
        ("former_titles", "文本的列表", "a list of texts"),
        ("number_forms", "文本的列表", "a list of texts"),
        ("note", "一行文本", "a line of text"),
    )
}  # fmt: skip
"""What each catalogue field should hold, for the message of a wrong one."""
