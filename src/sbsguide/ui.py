"""Words of the command line itself (not of rules), in Chinese and English."""

from __future__ import annotations

from typing import Any

from sbsguide.messages import Lang

_TEXT: dict[str, tuple[str, str]] = {
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
    "hint": ("提示：", "hint: "),
    "file-summary": (
        "{path}：{error} 个错误，{warning} 个警告，{info} 条提示{waived}",
        "{path}: {error} errors, {warning} warnings, {info} infos{waived}",
    ),
    "waived-part": ("，{n} 条已豁免", ", {n} waived"),
    "run-summary": (
        "共检查 {files} 个文件(依据 {guide}，检查日期 {as_of})：{error} 个错误，{warning} 个警告，"
        "{info} 条提示，{waived} 条已豁免",
        "Checked {files} file(s) against {guide} as of {as_of}: {error} errors, "
        "{warning} warnings, {info} infos, {waived} waived",
    ),
    "clean": ("{path}：没有发现问题", "{path}: no problems found"),
    "select-and-ignore": (
        "规则“{name}”同时给了 --select 和 --ignore，无法确定是否运行",
        'rule "{name}" is given to both --select and --ignore: whether it runs cannot be told',
    ),
    "stage-checking": ("正在检查 {path}", "checking {path}"),
    "stage-writing": ("正在生成 {name}", "writing {name}"),
    "stage-reading-table": ("正在读取 {path}", "reading {path}"),
    "stage-placing": ("正在归类 {n} 项标准", "placing {n} standards"),
    "run-configurations": ("；配置：{paths}", "; configuration: {paths}"),
    "rules-pending": (
        "    文件的语法或结构有错误，按指南检查的其余规则尚未运行；修正这些错误后还会运行其余规则，"
        "可能发现更多问题。",
        "    The file has syntax or structure errors, so the guide's other rules have not run yet; "
        "once these are fixed they will run and may find more.",
    ),
    "cannot-open": ("{path}：无法打开：{reason}", "{path}: cannot open: {reason}"),
    "not-found": ("路径不存在", "no such file or directory"),
    "bad-limit": (
        "环境变量 SBS_MAX_BYTES 的值“{value}”无效，应为正整数(字节数)",
        'SBS_MAX_BYTES="{value}" is invalid: give a positive whole number of bytes',
    ),
    "too-large": (
        "{path} 超过大小上限 {limit}(环境变量 SBS_MAX_BYTES 可调整)",
        "{path} is larger than the limit of {limit} (SBS_MAX_BYTES sets it)",
    ),
    "config-run": (
        "本次运行的设置(及其来源)：",
        "Settings of this run (and where each comes from):",
    ),
    "config-file": (
        "{path} 使用的配置文件：{config}",
        "{path} is checked with the configuration {config}",
    ),
    "catalog-stale": (
        "自带目录编制于 {built}；以下 {n} 个条目置信度低或中，应先核实：",
        "the shipped catalogue was compiled on {built}; verify these {n} entries first (low or "
        "medium confidence):",
    ),
    "catalog-import-usage": (
        "用法：sbs catalog import 标准清单.xlsx|.csv [--output 文件]",
        "usage: sbs catalog import LIST.xlsx|.csv [--output FILE]",
    ),
    "catalog-import-empty": (
        "{path} 中没有找到标准(需要“标准号”和“标准名称”列)",
        "no standard found in {path} (columns 标准号 and 标准名称 are needed)",
    ),
    "catalog-import-done": (
        "已写入 {path}：新增 {added} 个版本，更新 {changed} 个版本",
        "wrote {path}: {added} editions added, {changed} changed",
    ),
    "catalog-import-successors": (
        "{n} 行标为废止或被代替，其“被代替/替代标准”按代替它的新标准处理",
        "{n} rows marked withdrawn or superseded: their 被代替/替代 is read as the successor",
    ),
    "catalog-import-as-replaced": (
        "{n} 行为现行标准，其“被代替/替代标准”按它所代替的旧标准处理",
        "{n} rows in force: their 被代替/替代 column is read as what the standard replaces",
    ),
    "catalog-import-unreadable-rows": (
        "以下 {n} 行的标准号无法识别，未导入：",
        "{n} rows have a number that cannot be read and were not imported:",
    ),
    "catalog-import-not-catalogue": (
        "{path} 不是标准目录文件(应为带 entries: 列表的 YAML)，未做任何修改；"
        "请用 --output 指定目录文件",
        "{path} is not a catalogue (a YAML file with an entries: list); it was left unchanged — "
        "name a catalogue file with --output",
    ),
    "catalog-import-undated-rows": (
        "以下 {n} 行的标准号没有年代号，已按“年代号未知”导入，无法判断版本；"
        "请补上年代号后重新导入：",
        "{n} rows have a number without a year: imported with the year unknown, so their edition "
        "cannot be judged; add the year and import again:",
    ),
    "catalog-import-next": (
        "在 {config} 中加入下面这一行，sbs check 即使用它(路径相对于该配置文件所在的文件夹)：\n"
        "  {line}",
        "add this line to {config} and sbs check uses it (the path is relative to the folder "
        "holding that file):\n  {line}",
    ),
    "catalog-import-next-item": (
        "在 {config} 的 catalogues 列表中加入下面这一项(路径相对于该配置文件所在的文件夹)：\n"
        "  {line}",
        "add this item to the catalogues list of {config} (the path is relative to the folder "
        "holding that file):\n  {line}",
    ),
    "catalog-import-listed": (
        "{config} 的 catalogues 中已列出该文件，sbs check 会使用它",
        "{config} already lists this file under catalogues: sbs check uses it",
    ),
    "draft-bad-kind": (
        "未知的草稿种类“{value}”(可用：post、service、management)",
        'unknown kind "{value}" (post, service, management)',
    ),
    "draft-none-chosen": ("没有与“{only}”对应的标准", 'no standard matches "{only}"'),
    "draft-skipped": (
        "已存在，未覆盖(用 --force 覆盖)：{path}",
        "exists, left as is (--force overwrites): {path}",
    ),
    "draft-written": (
        "已写入 {path}(待填写 {n} 处)",
        "wrote {path} ({n} places to fill in)",
    ),
    "draft-add": (
        "  该标准尚未列入体系，请在 {where} 中加入：{line}",
        "  not yet in the system: add it under {where}: {line}",
    ),
    "draft-failed": (
        "{n} 个文件无法写入(见上)；其余已写入",
        "{n} files could not be written (see above); the others were",
    ),
    "draft-nothing-to-draft": (
        "体系中还没有要起草的标准：没有本机构标准(Q/…)、制定中或修订中的标准，也没有缺少标准的岗位或服务",
        "nothing to draft yet: no agency standard (Q/…), none being drafted or revised, and no "
        "position or service without a standard",
    ),
    "draft-nothing-written": (
        "没有写入任何草稿(已有的草稿用 --force 覆盖)",
        "no draft was written (--force overwrites the existing ones)",
    ),
    "draft-summary": (
        "共写入 {written} 个文件，{skipped} 个已存在未覆盖",
        "{written} files written, {skipped} left as they were",
    ),
    "aborted": ("已取消，没有写入任何内容", "cancelled; nothing was written"),
    "see-help": ("运行 {command} --help 查看用法", "see {command} --help"),
    "no-such-option": ("没有选项 {option}", "no such option {option}"),
    "missing-parameter": ("缺少参数 {name}", "missing {name}"),
    "bad-parameter": ("参数 {name} 的值无效", "invalid value for {name}"),
    "expected-min": ("：应为不小于 {low} 的整数", ": a whole number of at least {low}"),
    "no-such-command": (
        "没有名为“{name}”的命令(可用的命令：{commands})",
        'there is no command "{name}" (the commands: {commands})',
    ),
    "no-such-command-suggest": (
        "没有名为“{name}”的命令，是否应为“{close}”？",
        'there is no command "{name}"; did you mean "{close}"?',
    ),
    "bad-usage": ("命令行有多余或无法识别的参数", "unexpected or unrecognised arguments"),
    "os-error-path": ("无法使用 {path}：{reason}", "cannot use {path}: {reason}"),
    "cannot-write-stdout": (
        "无法写入标准输出：{reason}",
        "cannot write to standard output: {reason}",
    ),
    "step-summary-failed": (
        "无法写入 GITHUB_STEP_SUMMARY 指向的 {path}：{reason}；汇总表未写入",
        "cannot write the step summary to {path} (GITHUB_STEP_SUMMARY): {reason}; skipped",
    ),
    "no-system-here": (
        "当前目录没有 system.yaml；请指定文件，或运行 sbs init 生成",
        "no system.yaml here; name a file, or run `sbs init` to make one",
    ),
    "no-system-in-dir": (
        "目录中没有 system.yaml 或 *.sbs.yaml 文件",
        "the directory holds no system.yaml or *.sbs.yaml",
    ),
    "unknown-rule": (
        "未知的规则“{name}”(sbs rules 列出所有规则)",
        'unknown rule "{name}" (`sbs rules` lists them)',
    ),
    "bad-period": (
        "评价期间“{value}”无效，应为两个日期以 / 连接，如 2024-03-01/2024-06-30",
        'invalid period "{value}"; use two dates joined by /, e.g. 2024-03-01/2024-06-30',
    ),
    "template-exists": (
        "{path} 已存在，未覆盖；请用 --output 指定另一个文件",
        "{path} exists and was left as is; choose another file with --output",
    ),
    "bad-date": ("日期“{value}”无效，应为 YYYY-MM-DD", 'invalid date "{value}"; use YYYY-MM-DD'),
    "bad-lang": ("语言“{value}”无效，应为 zh 或 en", 'invalid language "{value}"; use zh or en'),
    "unknown-topic": (
        "没有名为“{topic}”的规则或条款(sbs rules 列出规则和条款)",
        'no rule or clause "{topic}" (`sbs rules` lists them)',
    ),
    "unknown-topic-suggest": (
        "没有名为“{topic}”的规则或条款，是否是 {close}？",
        'no rule or clause "{topic}"; did you mean {close}?',
    ),
    "explain-heading": (
        "{number} 下的条款及检查它们的规则：",
        "Clauses under {number}, with their rules:",
    ),
    "explain-heading-more": (
        "用 sbs explain 条款号 查看条文，如 sbs explain {number}",
        "sbs explain NUMBER shows a clause, e.g. sbs explain {number}",
    ),
    "lsp-missing": (
        "语言服务器需要 pygls：请运行 pip install 'sbsguide[lsp]'",
        "the language server needs pygls: run pip install 'sbsguide[lsp]'",
    ),
    "no-c-parser": (
        "未安装 ruamel.yaml.clib(libyaml)，改用纯 Python 解析，检查大文件会明显变慢；"
        "请运行 pip install ruamel.yaml.clib",
        "ruamel.yaml.clib (libyaml) is not installed; parsing falls back to pure Python "
        "and large files check slowly. Run: pip install ruamel.yaml.clib",
    ),
    "unknown-category": (
        "没有类别“{category}”(类别写成 support.safety 这样的形式)",
        'no category "{category}" (write categories as support.safety)',
    ),
    "fix-blocked": (
        "{path} 有语法、格式或编码错误，sbs fix 不修改这样的文件；请先改正上述问题",
        "{path} has syntax, format or encoding errors; sbs fix leaves such a file alone. "
        "Correct them first",
    ),
    "report-default-symlink": (
        "默认输出目录 {path} 是符号链接，sbs 不会跟随它写入；请用 --output 指定输出目录",
        "the default output folder {path} is a symbolic link, which sbs does not follow; "
        "name the folder with --output",
    ),
    "report-too-large-for-word": (
        "体系有 {n} 项标准，Word 文档最多容纳 {limit} 项；请改用 --format html,xlsx,md,csv",
        "the system lists {n} standards and a Word document holds at most {limit}; use "
        "--format html,xlsx,md,csv",
    ),
    "report-symlink": (
        "注意：输出目录 {path} 是符号链接，文件写入 {target}",
        "note: the output folder {path} is a symbolic link; the files go to {target}",
    ),
    "fix-changed": (
        "{path} 在 sbs fix 计算期间被修改，未写入，以免覆盖这些修改；请重新运行 sbs fix",
        "{path} changed while sbs fix was working; nothing was written, so that the edit is "
        "kept. Run sbs fix again",
    ),
    "fix-nothing": ("{path}：无需修改", "{path}: nothing to fix"),
    "fix-done": ("{path}：已完成 {n} 处修改", "{path}: {n} changes made"),
    "fix-refused": (
        "修改后的 {path} 无法通过校验，未写入任何内容。这是 sbs 的缺陷，请报告",
        "the fixed {path} would not load, so nothing was written. This is a bug in sbs; "
        "please report it",
    ),
    "bad-format": (
        "未知的输出格式“{value}”(可用：{formats})",
        'unknown format "{value}" (use {formats})',
    ),
    "format-output-pairs": (
        "--output 与 --format 按顺序一一对应，最多一个格式输出到屏幕",
        "each --output pairs with a --format in order; at most one format goes to stdout",
    ),
    "init-not-a-dir": ("{path} 是一个文件，不是目录", "{path} is a file, not a directory"),
    "init-unwritable": (
        "无法在 {path} 中写入文件(没有写权限)",
        "cannot write into {path} (no permission)",
    ),
    "init-bad-credit-code": (
        "统一社会信用代码“{code}”无效(应为18位并通过 GB 32100 校验)",
        'the credit code "{code}" is invalid (18 characters, GB 32100 check)',
    ),
    "init-agency-placeholder": ("待填写：实施机构名称", "TO FILL: agency name"),
    "init-principal-placeholder": ("待填写：主要负责人", "TO FILL: principal"),
    "init-ask-agency": ("实施机构名称", "Agency name"),
    "init-ask-principal": ("主要负责人(标准化工作组组长)", "Principal (leads the working group)"),
    "init-ask-credit-code": (
        "统一社会信用代码(可直接回车跳过)",
        "Unified social credit code (Enter to skip)",
    ),
    "init-written": ("已写入 {path}", "wrote {path}"),
    "init-skipped": (
        "已存在，未覆盖(用 --force 覆盖)：{path}",
        "exists, left as is (--force overwrites): {path}",
    ),
    "init-nothing": (
        "{path} 中的文件都已存在，没有写入任何文件(用 --force 覆盖)",
        "every file already exists in {path}; nothing was written (--force overwrites)",
    ),
    "init-next": (
        "下一步：按注释填写 {path}，然后运行 sbs check {path}；试运行期间在 records.yaml 中记录"
        "宣贯、检查和满意度调查(或用 sbs evaluate --template 生成 Excel 记录表)",
        "next: fill in {path} as its comments say, then run sbs check {path}; during the trial, "
        "record trainings, inspections and surveys in records.yaml (or in the workbook "
        "sbs evaluate --template writes)",
    ),
    "bad-kind": (
        "未知的报告种类“{value}”(可用：table、gap、all)",
        'unknown report kind "{value}" (table, gap, all)',
    ),
    "report-blocked": (
        "{path} 有语法、格式或编码错误，无法生成报告；请先改正上述问题",
        "{path} has syntax, format or encoding errors, so no report was written; "
        "correct them first",
    ),
    "import-exists": (
        "{path} 已存在；用 --force 覆盖，或用 --output 指定其他文件",
        "{path} exists; --force overwrites it, or choose another --output",
    ),
    "import-kind": ("{path} 不是 .xlsx 或 .csv 文件", "{path} is not an .xlsx or .csv file"),
    "import-encoding": (
        "{path} 既不是 UTF-8 也不是 GB18030 编码",
        "{path} is neither UTF-8 nor GB18030",
    ),
    "import-unreadable": (
        "无法读取 {path}(不是有效的 Excel 文件)",
        "cannot read {path} (not a valid workbook)",
    ),
    "import-unreadable-csv": (
        "无法读取 {path}(不是有效的 CSV 文件)",
        "cannot read {path} (not a valid CSV file)",
    ),
    "import-too-large": (
        "{path} 超过大小上限 {limit}(环境变量 SBS_MAX_BYTES 可调整)",
        "{path} is larger than the limit of {limit} (SBS_MAX_BYTES sets it)",
    ),
    "import-inflated": (
        "{path} 解压后远超大小上限 {limit}，不是正常的标准明细表，未打开",
        "{path} would unpack to far more than the limit of {limit}; not opened",
    ),
    "import-sheet": ("{path} 中没有工作表“{sheet}”", '{path} has no sheet "{sheet}"'),
    "import-no-header": (
        "{path} 中找不到标准明细表的表头(需要“标准名称”及“标准编号”等列)",
        "no standard-table header found in {path} (columns such as 标准名称 and 标准编号)",
    ),
    "import-read": (
        "从工作表“{sheet}”读取 {rows} 项标准(跳过空行、小计和分节标题 {skipped} 行)，按类别：",
        'read {rows} standards from sheet "{sheet}" ({skipped} blank, subtotal or section rows '
        "skipped), by category:",
    ),
    "import-na": ("不适用：{reason}", "not applicable: {reason}"),
    "import-guessed": (
        "以下 {n} 项按推断归类，请核对：",
        "{n} rows placed by inference; please check:",
    ),
    "import-by-catalogue": ("依据标准目录", "from the catalogue"),
    "import-by-code": ("依据体系编号", "from the system code"),
    "import-empty": (
        "{path} 中没有可导入的标准(每行至少要有标准名称)，未写入任何文件",
        "{path} holds no standard to import (a row needs a title); nothing was written",
    ),
    "import-invalid": (
        "导入结果无法通过格式校验，未写入 {path}。这是 sbs 的缺陷，请把表格报告给维护者",
        "the imported system would not load, so {path} was not written. This is a bug in sbs; "
        "please report it with the table",
    ),
    "import-nameless": (
        "以下 {n} 行没有标准名称，未导入(请补上名称后重新导入)：",
        "{n} rows have no title and were not imported (add the title and import again):",
    ),
    "import-unreadable-cells": (
        "以下 {n} 个单元格无法识别(如无效日期)，原文已写入该标准的备注：",
        "{n} cells could not be read (such as invalid dates); their text is kept in the note:",
    ),
    "import-control-characters": (
        "以下 {n} 行的编号或名称含控制字符，已以转义形式写入，请核对：",
        "{n} rows have control characters in their number or name, written escaped; check them:",
    ),
    "import-successors": (
        "{n} 项标准的“替代标准”(代替它的新标准)已写入备注",
        "the successor (替代标准) of {n} standards is kept in their note",
    ),
    "import-unknown-columns": (
        "未使用的列：{columns}",
        "columns not used: {columns}",
    ),
    "import-by-title": ("依据名称中的词", "from words of the title"),
    "import-unplaced": (
        "以下 {n} 项未能归类，已放入“待归类(导入)”类别：",
        '{n} rows could not be placed and are in the "to be placed" category:',
    ),
    "import-written": (
        "已写入 {path}；运行 sbs check {path} 查看还需补充的内容",
        "wrote {path}; run sbs check {path} to see what is still missing",
    ),
    "checking": ("检查中", "checking"),
    "cannot-write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "internal": (
        "sbs 内部错误：{error}。请把命令和文件一起报告给维护者(设置 SBS_DEBUG=1 可显示详细信息)",
        "internal error in sbs: {error}. Please report it with the command and the file "
        "(SBS_DEBUG=1 shows details)",
    ),
    "explain-clause": (
        "条款 {number}({verb}，默认级别：{severity})",
        "Clause {number} ({verb_en}, default severity: {severity})",
    ),
    "explain-no-clause": (
        "不对应指南条款(默认级别：{severity})",
        "no clause of the guide (default severity: {severity})",
    ),
    "explain-checks": ("检查内容", "What it checks"),
    "explain-fix": ("如何修改", "How to fix"),
    "explain-bad": ("不符合的写法", "Bad"),
    "explain-good": ("符合的写法", "Good"),
    "explain-note": ("注", "Note"),
    "rules-name": ("规则", "rule"),
    "rules-clause": ("条款", "clause"),
    "rules-severity": ("级别", "severity"),
    "rules-summary": ("说明", "summary"),
}
VERB_EN = {"应": "shall", "宜": "should", "可": "may"}


def text(key: str, lang: Lang, **args: Any) -> str:
    """A UI string in the run's language, filled in."""
    zh, en = _TEXT[key]
    return (zh if lang == "zh" else en).format(**args)
