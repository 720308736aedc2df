"""线索移送函 to the discipline inspection body: the persons concerned, the clue, the evidence with page
references (the evidence itself goes as an annex), the feedback deadline, in the GB/T 9704 frame."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reviewdesk.documents import frame
from reviewdesk.documents.blocks import Document, Heading, Para, Signatures, Table, Title, cn_date
from reviewdesk.documents.profile import Profile


@dataclass(frozen=True)
class LetterFacts:
    campaign_name: str
    receiving_body: str
    case_number: str
    case_title: str
    unit_name: str
    persons: tuple[tuple[str, str, str], ...]  # name, unit, post
    clue: str
    evidence: tuple[tuple[str, str], ...]  # title, page reference
    feedback_deadline: date | None
    number: str | None


def _day(d: date) -> str:
    return cn_date(d.year, d.month, d.day)


def referral_letter(f: LetterFacts, p: Profile, issued: datetime, draft: bool = False) -> Document:
    doc = Document(kind="referral_letter", title="线索移送函", author=p.office_name, dated=issued, draft=draft)
    doc.add(*frame.head(p, f.number))
    doc.add(Title("关于移送案件评查中发现的问题线索的函"))
    doc.add(Para(f"{f.receiving_body}：", indent=False, align="left"))
    doc.add(Para(f"在{f.campaign_name}中，评查组评查{f.unit_name}办理的{f.case_number}{f.case_title}一案时，"
                 "发现相关人员涉嫌违纪违法的问题线索。根据线索移送有关规定，现将有关情况移送你单位，请依规依纪依法处理。"))
    doc.add(Heading(1, "一、涉及人员"))
    doc.add(Table(header=("序号", "姓名", "单位", "职务"),
                  rows=tuple((str(n), *person) for n, person in enumerate(f.persons, start=1)),
                  widths=(14.0, 30.0, 74.0, 38.0)))
    doc.add(Heading(1, "二、问题线索"))
    doc.add(Para(f.clue))
    doc.add(Heading(1, "三、证据材料"))
    if f.evidence:
        doc.add(Table(header=("序号", "证据名称", "卷宗位置"),
                      rows=tuple((str(n), title, ref or "—") for n, (title, ref) in enumerate(f.evidence, start=1)),
                      widths=(14.0, 102.0, 40.0)))
    else:
        doc.add(Para("证据材料随函附送。"))
    doc.add(Heading(1, "四、反馈要求"))
    when = f"于{_day(f.feedback_deadline)}前" if f.feedback_deadline else "及时"
    doc.add(Para(f"请你单位{when}将线索处置情况（立案审查调查、给予党纪政务处分、不予立案或其他处理）书面反馈"
                 f"{p.office_name}。"))
    doc.add(Signatures(signers=(), office=p.office_name, date_text=_day(issued.date()), note=p.contact))
    doc.add(frame.colophon(p, issued, ()))
    return doc
