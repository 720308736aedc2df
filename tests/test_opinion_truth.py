"""One truth between an opinion and its score sheets (issue 12): section 五 and 附件1 read back from the files
agree, section 三 counts the file's volumes and pages, the wording follows the data, and a preview is a draft
that issues nothing (issue 13)."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import docx
import pypdfium2
from sqlalchemy import select

from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.documents import opinion
from reviewdesk.documents.blocks import Heading, Para
from reviewdesk.documents.facts import CaseFacts, load_case_facts
from reviewdesk.documents.profile import load_profile
from reviewdesk.services import audit, cases, documents
from reviewdesk.services.base import ADMIN, query
from reviewdesk.store.models import Case, Conclusion, Document
from reviewdesk.workspace import OpenWorkspace

REF = re.compile(r"卷\d+第\d+(?:-\d+)?页")


def _concluded(ws: OpenWorkspace) -> list[tuple[str, CaseFacts]]:
    with query(ws, "test", ADMIN) as s:
        ids = s.execute(select(Conclusion.case_id).order_by(Conclusion.case_id)).scalars().all()
        return [(s.get(Case, i).external_id, load_case_facts(s, DEMO_CAMPAIGN, i)) for i in ids]


def _section(texts: list[str], start: str, end: str) -> list[str]:
    first = texts.index(start)
    return texts[first + 1:texts.index(end, first)]


def _body(f: CaseFacts) -> list[str]:
    doc = opinion.opinion(f, load_profile(), f.verdict.concluded_at)
    return [b.text for b in doc.blocks if isinstance(b, Para | Heading)]


def test_section_five_and_annex_one_agree_in_the_word_file(demo_ws: OpenWorkspace) -> None:
    """Every evidence reference section 五 prints is a deduction's in 附件1; no "no problem" text while 附件1 lists
    deductions; and every demo finding rests on a deduction."""
    checked = 0
    for external_id, f in _concluded(demo_ws):
        word = docx.Document(io.BytesIO(documents.render_opinion(demo_ws, external_id, "docx").data))
        texts = [p.text for p in word.paragraphs]
        five = "\n".join(_section(texts, "五、发现的问题", "六、评查结论"))
        annex = word.tables[0]
        reasons = "\n".join(row.cells[-1].text for row in annex.rows[1:])
        deducted = [row.cells[0].text for row in annex.rows[1:] if row.cells[0].text]
        assert set(REF.findall(five)) <= set(REF.findall(reasons)), external_id
        if deducted:
            assert "未发现" not in five, external_id
        for finding in f.verdict.findings:
            assert finding.basis, (external_id, finding.description)  # the demo's findings rest on deductions
            assert {b.item_code for b in finding.basis} <= set(deducted)
            for b in finding.basis:
                assert f"{b.expert_name}：" in reasons and b.evidence in five
        substantive = [code for s in f.sheets for code in s.marks if s.rubric.items()[code].tag == "实体"]
        assert f.verdict.outcome != "none" or not substantive, external_id  # no 无问题 beside 实体 deductions
        checked += 1
    assert checked == 4


def test_a_finding_whose_evidence_differs_from_its_deduction_fails_the_check(demo_ws: OpenWorkspace) -> None:
    """The check above can fail: a finding that cites its own page, not its deduction's, is caught."""
    _, f = next((e, f) for e, f in _concluded(demo_ws) if f.verdict.findings)
    bad = replace(f.verdict.findings[0], basis=(), evidence_ref="卷9第999页")
    f = replace(f, verdict=replace(f.verdict, findings=(bad, *f.verdict.findings[1:])))
    doc = opinion.opinion(f, load_profile(), f.verdict.concluded_at)
    texts = [b.text for b in doc.blocks if hasattr(b, "text")]
    annex = next(b for b in doc.blocks if hasattr(b, "rows"))
    five = "\n".join(_section(texts, "五、发现的问题", "六、评查结论"))
    assert not set(REF.findall(five)) <= set(REF.findall("\n".join(r[-1] for r in annex.rows)))


def test_section_three_counts_volumes_and_pages(demo_ws: OpenWorkspace) -> None:
    external_id, f = _concluded(demo_ws)[0]
    pages = sum(d.pages or 0 for d in f.documents)
    volumes = len({d.volume for d in f.documents})
    assert volumes == 2 and pages >= 2  # the demo files carry their volume
    three = "\n".join(_section(_body(f), *_three_bounds(f)))
    assert f"调阅了本案卷宗{volumes}卷{pages}页" in three
    unpaged = sum(d.pages is None for d in f.documents)
    assert (f"另有电子文档{unpaged}份" in three) == bool(unpaged)
    # The coordinator moves a document to a third volume: the count follows, audited.
    detail = cases.case_detail(demo_ws, external_id)
    cases.set_document_volume(demo_ws, detail.documents[-1].id, 3)
    with query(demo_ws, "test", ADMIN) as s:
        again = load_case_facts(s, DEMO_CAMPAIGN, f.case_id)
        assert s.get(Document, detail.documents[-1].id).volume == 3
    assert f"调阅了本案卷宗3卷{pages}页" in "\n".join(_body(again))
    assert any(e.action == "document.volume" for e in audit.show(demo_ws, limit=5))


def _three_bounds(f: CaseFacts) -> tuple[str, str]:
    return "三、评查工作开展情况", "四、基本案情及办理经过"


def test_wording_follows_the_data(demo_ws: OpenWorkspace) -> None:
    _, f = next((e, f) for e, f in _concluded(demo_ws) if f.verdict.findings)
    v = f.verdict
    # No minority: the panel's view once, no "多数意见", unanimity said once.
    one = replace(f, verdict=replace(v, majority_view="经合议，评查组一致认为本案存在瑕疵。", minority_view=""))
    text = "\n".join(_body(one))
    assert "多数意见" not in text and "少数意见" not in text
    assert text.count("一致") == 1
    # A minority: majority and minority, no unanimity.
    split = replace(f, verdict=replace(v, majority_view="评查组认为本案存在瑕疵。", minority_view="一名成员认为无问题。"))
    text = "\n".join(_body(split))
    assert "评查组多数意见" in text and "少数意见：一名成员认为无问题" in text and "意见一致" not in text
    # A referral prints only with the finding that backs it, and names it.
    unbacked = replace(f, verdict=replace(v, referral_suggested=True, referral_reason="涉嫌违规", referral_findings=()))
    assert "纪检监察机关" not in "\n".join(_body(unbacked))
    backed = replace(f, verdict=replace(v, referral_suggested=True, referral_reason="涉嫌违规", referral_findings=(1,)))
    text = "\n".join(_body(backed))
    assert "纪检监察机关" in text and f"“{v.findings[0].description.rstrip('。')}”" in text
    # "Repeated petitions" never beside a single petition.
    once = replace(f, petition_count=1, flags=("repeated",), petition_first_on="2025-03-01")
    text = "\n".join(_body(once))
    assert "信访1次" in text and "重复信访" not in text
    twice = replace(once, petition_count=2)
    assert "重复信访" in "\n".join(_body(twice))


def test_no_problem_with_procedural_deductions_says_so_without_denying_them(demo_ws: OpenWorkspace) -> None:
    _, f = next((e, f) for e, f in _concluded(demo_ws) if f.verdict.outcome == "none")
    five = "\n".join(_section(_body(f), "五、发现的问题", "六、评查结论"))
    count = sum(len(s.marks) for s in f.sheets)
    assert count and f"对{count}处事项予以扣分（见附件1）" in five and "未发现" not in five
    assert f.verdict.outcome_reason and f.verdict.outcome_reason in five


def test_preview_is_a_draft_that_issues_no_number(plain_demo_ws: OpenWorkspace) -> None:
    # Without the demo's follow-up records: its 复核 re-issued an opinion, which took the first number.
    demo_ws = plain_demo_ws
    external_id, _ = _concluded(demo_ws)[0]
    draft = documents.render_opinion(demo_ws, external_id, "pdf", draft=True)
    assert draft.number is None and documents.opinion_number(demo_ws, external_id) is None
    pdf = pypdfium2.PdfDocument(draft.data)
    first = pdf[0].get_textpage().get_text_range()
    assert "草稿" in first and "文号待定" in first
    word = docx.Document(io.BytesIO(documents.render_opinion(demo_ws, external_id, "docx", draft=True).data))
    assert "草稿" in word.sections[0].header.paragraphs[0].text
    assert "文号待定" in [p.text for p in word.paragraphs]
    actions = [e.action for e in audit.show(demo_ws, limit=20)]
    assert actions.count("document.preview") == 2 and "opinion.export" not in actions
    issued = documents.render_opinion(demo_ws, external_id, "pdf")
    assert issued.number and issued.number.endswith("〕1号")  # the first export issues the first number
    text = pypdfium2.PdfDocument(issued.data)[0].get_textpage().get_text_range()
    assert "草稿" not in text and issued.number in text
    # A preview after issuing shows the number, still marked as a draft.
    again = documents.render_opinion(demo_ws, external_id, "pdf", draft=True)
    assert issued.number in pypdfium2.PdfDocument(again.data)[0].get_textpage().get_text_range()


def test_section_three_counts_scanned_pictures_and_recognised_files_in_pages(demo_ws: OpenWorkspace) -> None:
    """Issue 18: a scanned picture is a page, and a file whose page count import could not read is counted
    once OCR has been through it; only Word and text files stay "未计入页数". Read back from the Word file."""
    from reviewdesk.clock import now
    from reviewdesk.store.models import OcrJob
    from tests.case_files import png, store_document

    external_id, f = _concluded(demo_ws)[0]
    pages = sum(d.pages or 0 for d in f.documents)
    unpaged = sum(d.pages is None for d in f.documents)

    def section_three() -> str:
        word = docx.Document(io.BytesIO(documents.render_opinion(demo_ws, external_id, "docx").data))
        return "\n".join(_section([p.text for p in word.paragraphs], *_three_bounds(f)))

    assert f"调阅了本案卷宗2卷{pages}页" in section_three()
    store_document(demo_ws, f.case_id, "cases/zz/91-现场照片.png", "现场照片", "image/png", png(), None)
    scanned = store_document(demo_ws, f.case_id, "cases/zz/92-扫描卷.pdf", "扫描卷", "application/pdf",
                             b"%PDF-1.4 not read at import", None)
    store_document(demo_ws, f.case_id, "cases/zz/93-说明.txt", "说明", "text/plain", "情况说明".encode(), None)
    three = section_three()
    assert f"调阅了本案卷宗2卷{pages + 1}页" in three  # the picture counts; the unread PDF does not yet
    assert f"另有电子文档{unpaged + 2}份，未计入页数" in three
    with demo_ws.write_session() as s, s.begin():  # OCR went through the scan: four pages read
        s.add(OcrJob(document_id=scanned, case_id=f.case_id, state="done", pages=4, pages_done=4, error="",
                     queued_at=now(), finished_at=now()))
    three = section_three()
    assert f"调阅了本案卷宗2卷{pages + 5}页" in three
    assert f"另有电子文档{unpaged + 1}份，未计入页数" in three
