"""`sbs draft` (#15): first drafts in the structure of GB/T 1.1-2020, read back as a reader would."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CONFORMING, run_sbs

DRAFTING_RULE = (
    "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。"
)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    result = run_sbs("draft", str(CONFORMING), "--output", str(folder), "--format", "docx,md")
    assert result.returncode == 0, result.stderr
    return folder


def _document(path: Path):  # type: ignore[no-untyped-def]
    from docx import Document

    return Document(str(path))


def _last(texts: list[str], text: str) -> int:
    """Where a heading stands in the body (the contents list it first)."""
    return len(texts) - 1 - texts[::-1].index(text)


def _headings(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def test_one_draft_per_agency_standard(drafts: Path) -> None:
    from sbsguide.loader import read_yaml

    data = read_yaml(CONFORMING.read_text(encoding="utf-8")).data
    own = [
        e["number"]
        for categories in data["standards"].values()
        for value in categories.values()
        if isinstance(value, list)
        for e in value
        if str(e.get("number", "")).startswith("Q/")
    ]
    written = sorted(p.name for p in drafts.glob("*.docx"))
    assert len(written) == len(own) == 48
    assert all(any(p.startswith(n.replace("/", "_")) for p in written) for n in own)


def test_a_post_standard_in_the_order_of_gbt_1_1(drafts: Path) -> None:
    document = _document(drafts / "Q_KMGX 426-2024 会计岗位工作标准.docx")
    assert _headings(document) == [
        "前言", "1 范围", "2 规范性引用文件", "3 术语和定义", "4 岗位职责", "5 任职条件",
        "6 工作内容与要求", "6.1 核算中心收支", "6.2 编制财务报表", "7 检查与考核", "8 记录",
    ]  # fmt: skip
    texts = [p.text for p in document.paragraphs]
    assert DRAFTING_RULE in texts
    assert "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。" in texts
    duties = texts[_last(texts, "4 岗位职责") + 2 : _last(texts, "5 任职条件")]
    assert duties == ["a) 核算中心收支", "b) 编制财务报表"]  # exactly the position's duties
    assert "TOC \\o" in document.element.body.xml
    assert "本文件主要起草人：赵刚、李娜、陈静、杨帆。" in texts
    assert 'w:eastAsia="zh-CN"' in document.styles.element.xml


def test_a_process_standard_names_its_services_and_cites_what_it_lists(drafts: Path) -> None:
    document = _document(drafts / "Q_KMGX 214-2024 生产要素对接服务规范.docx")
    texts = [p.text for p in document.paragraphs]
    assert "a) 生产要素对接(服务类别：商务服务；重点需求：企业生产要素协调)" in texts
    listed_from = _last(texts, "2 规范性引用文件") + 1
    part = texts[listed_from : _last(texts, "3 术语和定义")]
    listed = [t.split("\u3000")[0] for t in part if "\u3000" in t]
    body = "\n".join(texts[_last(texts, "4 服务内容") :])
    assert listed or "本文件没有规范性引用文件。" in part
    for number in listed:
        assert f"应符合 {number} 的规定" in body, number  # every listed document is cited
    assert _headings(document)[4:] == [
        "4 服务内容", "5 服务流程", "5.1 受理", "5.2 需求分析", "5.3 服务实施", "5.4 反馈",
        "5.5 评价", "6 服务要求", "7 服务评价与改进", "8 记录",
    ]  # fmt: skip


def test_placeholders_are_counted_and_nothing_is_invented(drafts: Path) -> None:
    md = (drafts / "Q_KMGX 426-2024 会计岗位工作标准.md").read_text(encoding="utf-8")
    assert md.count("【待填写：") == 10  # the issue date and the English title among them
    assert "已写入" not in md


def test_a_second_run_writes_nothing_force_rewrites_only_selects(tmp_path: Path) -> None:
    first = run_sbs("draft", str(CONFORMING), "--output", str(tmp_path), "--only", "会计")
    assert first.returncode == 0 and "共写入 1 个文件" in first.stdout
    path = tmp_path / "Q_KMGX 426-2024 会计岗位工作标准.docx"
    path.write_bytes(b"edited by the agency")
    again = run_sbs("draft", str(CONFORMING), "--output", str(tmp_path), "--only", "会计")
    assert "共写入 0 个文件，1 个已存在未覆盖" in again.stdout
    assert again.returncode == 1 and "没有写入任何草稿" in again.stdout  # as init (#22)
    assert path.read_bytes() == b"edited by the agency"
    forced = run_sbs(
        "draft", str(CONFORMING), "--output", str(tmp_path), "--only", "Q/KMGX 426-2024", "--force"
    )
    assert "共写入 1 个文件" in forced.stdout and path.read_bytes() != b"edited by the agency"
    kinds = run_sbs("draft", str(CONFORMING), "--output", str(tmp_path / "k"), "--kind", "service")
    assert kinds.returncode == 0 and all(
        "规范" in p.name or "指南" in p.name for p in (tmp_path / "k").iterdir()
    )


def test_positions_and_services_without_a_standard_get_a_proposed_one(tmp_path: Path) -> None:
    text = CONFORMING.read_text(encoding="utf-8")
    text = text.replace(
        "      - {code: GW03-006, number: Q/KMGX 426-2024, name: 会计岗位工作标准, post: 会计, implemented: 2024-02-01}\n",
        "",
    ).replace(
        "    - {name: 市场开拓, class: 市场策划}\n",
        "    - {name: 市场开拓, class: 市场策划}\n    - {name: 法律咨询, class: 专业技术服务}\n",
    )
    system = tmp_path / "system.yaml"
    system.write_text(text, encoding="utf-8")
    result = run_sbs("draft", str(system), "--output", str(tmp_path / "out"), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert (
        "- {number: Q/KMGX 426-2024, name: 会计岗位工作标准, post: 会计, status: drafting}"
        in result.stdout
    )
    assert "法律咨询服务规范" in result.stdout and "delivery.process" in result.stdout
    assert (tmp_path / "out" / "Q_KMGX 426-2024 会计岗位工作标准.md").is_file()


def test_english_drafts(tmp_path: Path) -> None:
    result = run_sbs(
        "draft",
        str(CONFORMING),
        "--output",
        str(tmp_path),
        "--only",
        "会计",
        "--lang",
        "en",
        "--format",
        "md",
    )
    md = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    assert result.returncode == 0 and "## 1 Scope" in md.replace("### ", "## ")
    assert "drafted in accordance with GB/T 1.1-2020" in md and "[TO FILL:" in md


def test_every_draft_renders_in_libreoffice(drafts: Path, tmp_path: Path) -> None:
    missing = shutil.which("soffice") is None or shutil.which("pdftotext") is None
    if missing and not os.environ.get("CI"):
        pytest.skip("needs LibreOffice and poppler")
    sources = sorted(drafts.glob("*.docx"))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, sources)],
        check=True, capture_output=True, timeout=600, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert len(list(tmp_path.glob("*.pdf"))) == len(sources) == 48
    for source in sources:
        pdf = tmp_path / f"{source.stem}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        pages = text.split("\f")[:-1]
        assert 3 <= len(pages) <= 8, (source.name, len(pages))  # the GB/T 1.1 page form (#19)
        number = source.stem.split(" ")[0].replace("Q_", "Q/") + " " + source.stem.split(" ")[1]
        typeset = number.replace("-", "—")
        assert all(typeset in page for page in pages), source.name  # cover, then the header
        assert re.search(r"^I$", pages[1], re.M), source.name  # front matter: I, II …
        assert re.search(r"^\d+$", pages[-1], re.M), source.name  # the body: 1, 2 …
        assert "1 范围" in text and "前言" in text and "Q/KMGX" in text, source.name


def test_the_placeholder_count_printed_is_the_count_in_each_file(tmp_path: Path) -> None:
    """#19 item 13: the cover's dates and English title are counted too; never XXXX-XX-XX."""
    result = run_sbs(
        "draft", str(CONFORMING), "--output", str(tmp_path), "--format", "docx,md",
        "--only", "会计", "--only", "Q/KMGX 214-2024", "--only", "采购管理制度",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout
    said = dict(re.findall(r"已写入 .*/(.+?)\(待填写 (\d+) 处\)", result.stdout))
    assert len(said) == 6
    for name, count in said.items():
        path = tmp_path / name
        if path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
        else:
            document = _document(path)
            cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
            text = "\n".join([p.text for p in document.paragraphs] + cells)
        assert text.count("【待填写") == int(count), name
        assert "XXXX" not in text
    accounting = (tmp_path / "Q_KMGX 426-2024 会计岗位工作标准.md").read_text(encoding="utf-8")
    assert "2024-02-01 实施" in accounting and "【待填写：发布日期】 发布" in accounting


def test_normative_references_are_the_ones_the_draft_cites_written_as_gbt_1_1(
    tmp_path: Path,
) -> None:
    """#19 item 12: "GB/T 29639—2020　标题" lines, no list letters, chosen for the subject."""
    result = run_sbs(
        "draft", str(CONFORMING), "--output", str(tmp_path), "--format", "md",
        "--only", "Q/KMGX 350-2024", "--only", "Q/KMGX 214-2024",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout
    safety = (tmp_path / "Q_KMGX 350-2024 服务场所突发事件应急预案.md").read_text(encoding="utf-8")
    part = safety.split("## 2 ")[1].split("## 3 ")[0]
    listed = re.findall(r"^(\S+ \S+?—\d{4})\u3000(.+)$", part, re.M)
    assert [n for n, _ in listed] == ["GB/T 29639—2020", "GB/T 37228—2018", "GB/T 40054—2021"]
    assert not re.search(r"^[a-z]\) ", part, re.M)  # no list letters
    assert "GB 13495.1" not in part  # a public standard of the category, but not this subject
    for number, _ in listed:
        assert f"应符合 {number} 的规定" in safety
    factors = (tmp_path / "Q_KMGX 214-2024 生产要素对接服务规范.md").read_text(encoding="utf-8")
    assert "本文件没有规范性引用文件。" in factors and "GB/T 32168" not in factors


def test_a_management_draft_carries_its_clause_and_who_does_the_work(tmp_path: Path) -> None:
    """#19 item 14: the category's 6.4.2 subject, the positions whose duties name it."""
    for lang, basis in (("zh", "6.4.2所列的采购管理标准"), ("en", "clause 6.4.2 of the guide")):
        out = tmp_path / lang
        result = run_sbs(
            "draft", str(CONFORMING), "--output", str(out), "--format", "md",
            "--only", "采购管理制度", "--lang", lang,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout
        [md] = out.glob("*.md")
        text = md.read_text(encoding="utf-8")
        assert basis in text
        assert "综合管理部部长" in text and "组织人事、财务、采购和资产管理" in text


def test_a_system_with_nothing_to_draft_says_so(tmp_path: Path) -> None:
    assert (
        run_sbs(
            "init", str(tmp_path / "demo"), "--agency", "某中心", "--principal", "王明"
        ).returncode
        == 0
    )
    result = run_sbs(
        "draft", str(tmp_path / "demo" / "system.yaml"), "--output", str(tmp_path / "d")
    )
    assert result.returncode == 1 and "还没有要起草的标准" in result.stdout
    assert "--force" not in result.stdout and not (tmp_path / "d").exists()
