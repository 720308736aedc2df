"""复核决定书 to the unit that objected: its objection, what the panel re-checked, the decision (维持 / 变更) with
its reasons and, when changed, the grade before and after and the re-issued opinion's number; GB/T 9704 frame."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reviewdesk.documents import frame
from reviewdesk.documents.blocks import Document, Heading, Para, Signatures, Table, Title, cn_date
from reviewdesk.documents.profile import Profile


@dataclass(frozen=True)
class RecheckFacts:
    campaign_name: str
    unit_name: str
    unit_kind: str
    case_number: str
    case_title: str
    objector: str
    received_on: date
    grounds: str
    checked: str
    changed: bool
    reason: str
    before: tuple[str, str]  # (grade, outcome) of the conclusion objected to
    after: tuple[str, str] | None  # the new conclusion's, when changed
    original_number: str | None  # the opinion objected to
    reissued_number: str | None  # the opinion that replaces it
    number: str | None


def _day(d: date) -> str:
    return cn_date(d.year, d.month, d.day)


def recheck_decision(f: RecheckFacts, p: Profile, issued: datetime, draft: bool = False) -> Document:
    doc = Document(kind="recheck_decision", title=f"{f.case_number}复核决定书", author=p.office_name, dated=issued,
                   draft=draft)
    doc.add(*frame.head(p, f.number))
    doc.add(Title("案件评查复核决定书"))
    doc.add(Para(f"{f.unit_name}：", indent=False, align="left"))
    opinion = f"（{f.original_number}）" if f.original_number else ""
    doc.add(Para(f"{f.objector}于{_day(f.received_on)}对{f.campaign_name}中{f.case_number}{f.case_title}一案的"
                 f"评查意见{opinion}提出异议。原评查组对异议进行了复核，现将复核决定告知如下。"))
    doc.add(Heading(1, "一、异议的理由"))
    doc.add(Para(f.grounds))
    doc.add(Heading(1, "二、复核情况"))
    doc.add(Para(f.checked or "评查组重新审阅了案件卷宗和评查材料。"))
    doc.add(Heading(1, "三、复核决定"))
    rows = [("原评查结论", *f.before)]
    if f.after is not None:
        rows.append(("复核后结论", *f.after))
    doc.add(Table(header=("", "评查等次", "案件定性"), rows=tuple(rows), widths=(40.0, 58.0, 58.0)))
    if f.changed:
        reissued = f"（{f.reissued_number}）" if f.reissued_number else ""
        doc.add(Para(f"经复核，评查组决定变更原评查结论。理由：{f.reason}原评查意见书{opinion}"
                     f"由重新出具的评查意见书{reissued}代替。"))
    else:
        doc.add(Para(f"经复核，评查组决定维持原评查结论。理由：{f.reason}"))
    doc.add(Para("本决定为复核决定。请你单位按照评查意见及本决定做好整改工作。"))
    doc.add(Signatures(signers=(), office=p.office_name, date_text=_day(issued.date()), note=p.contact))
    doc.add(frame.colophon(p, issued, frame.copy_to(p, f.unit_name, f.unit_kind, referral=False)))
    return doc
