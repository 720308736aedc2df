"""Search hits say which case they belong to (case number and title) and, in a PDF with a text layer, the
page of the first occurrence; the technical reason of a refusal stays out of the Chinese sentence."""

from __future__ import annotations

from pathlib import Path

from reviewdesk.casefiles import search as fts
from reviewdesk.casefiles.text import normalise_for_index
from reviewdesk.packages import age, minisign
from reviewdesk.services import cases, imports
from reviewdesk.workspace import OpenWorkspace
from tests.packaging import assemble, pdf_bytes, sample_contents

TERM = "查封冻结账户"


def long_pdf() -> bytes:
    """Three pages or more, TERM only on the last one (reportlab turns the page every ~28 lines)."""
    filler = [f"第{i}行：承办人员依法调查取证，情况属实。" for i in range(70)]
    return pdf_bytes([*filler, f"法院于次日{TERM}并通知当事人。"])


def import_with_long_pdf(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient,
                         tmp_path: Path) -> int:
    contents = sample_contents(2)
    contents.add_file("cases/GS-2026-0002/04-执行笔录.pdf", long_pdf(), "GS-2026-0002", title="执行笔录")
    imports.import_package(desk, assemble(contents, tmp_path / "p.rdpkg", signer=office, recipients=[recipient]))
    detail = cases.case_detail(desk, "GS-2026-0002")
    doc = next(d for d in detail.documents if d.title == "执行笔录")
    assert doc.page_count and doc.page_count >= 3
    return doc.page_count


def test_hits_carry_case_number_title_and_page(desk, office, recipient, tmp_path) -> None:
    pages = import_with_long_pdf(desk, office, recipient, tmp_path)
    [hit] = cases.search(desk, TERM)
    assert (hit.kind, hit.title) == ("document", "执行笔录")
    assert hit.case_number == "（2021）甘0102民初1234号" and hit.case_title == "张某诉某公司买卖合同纠纷"
    assert hit.page == pages  # the last page, not 1
    assert hit.to_json()["page"] == pages and hit.to_json()["case_number"] == hit.case_number
    # A one-page PDF is page 1; Word and plain text have no pages.
    by_title = {h.title: h for h in cases.search(desk, "执行款项") if h.case_id == hit.case_id}
    assert by_title["起诉书"].page == 1
    assert by_title["询问笔录"].page is None and by_title["说明"].page is None
    # Short queries (the scan path) carry the same.
    short = [h for h in cases.search(desk, "张某") if h.kind == "case"]
    assert short and all(h.case_number and h.case_title for h in short)


def test_a_hit_shows_the_passage_around_its_first_occurrence_marked(desk, office, recipient, tmp_path) -> None:
    import_with_long_pdf(desk, office, recipient, tmp_path)
    [hit] = cases.search(desk, TERM)  # a text match
    assert hit.snippet.startswith("…") and f"法院于次日【{TERM}】并通知当事人" in hit.snippet
    short = cases.search(desk, "张某")  # a scan
    assert short and all("【张某】" in h.snippet for h in short if h.kind == "document")


def test_the_passage_is_cut_around_the_term() -> None:
    before, after = "甲" * (fts.BEFORE + 5), "乙" * (fts.AFTER + 5)
    body = before + "拖欠货款" + after
    position = len(before) + 1
    window = body[position - 1 - fts.BEFORE : position - 1 + 4 + fts.AFTER]  # what the query cuts
    assert fts.passage(window, position, 4) == f"…{'甲' * fts.BEFORE}【拖欠货款】{'乙' * fts.AFTER}…"
    assert fts.passage("拖欠货款未付", 1, 4) == "【拖欠货款】未付"  # at the start, and the end of the body
    assert fts.passage(f"第一页{fts.PAGE_BREAK}拖欠货款", 5, 4) == "第一页 【拖欠货款】"
    assert fts.passage("只在标题中", 0, 2) == "只在标题中"  # not in the body: its beginning, unmarked


def test_page_breaks_survive_index_normalisation() -> None:
    assert normalise_for_index("第一页末字\f第二页首字") == "第一页末字\f第二页首字"
    assert normalise_for_index("拖欠\n货款") == "拖欠货款"


def test_refusal_keeps_the_technical_reason_out_of_the_chinese_message(desk, tmp_path) -> None:
    bad = tmp_path / "bad.rdpkg"
    bad.write_bytes(b"not an age file at all\n" * 4)
    try:
        imports.import_package(desk, bad)
    except imports.PackageRejected as err:
        assert err.message_zh == "数据包被拒绝：" + imports.REFUSAL_ZH["age"]
        assert err.detail and "age" in err.detail and err.detail not in err.message_zh
        assert err.detail in err.message  # English keeps it in the sentence
    else:
        raise AssertionError("refused package imported")
