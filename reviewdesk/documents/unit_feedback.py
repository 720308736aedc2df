"""评查情况反馈意见 to one reviewed unit (Suzhou's practice): every reviewed case of the unit with its grade and
outcome, the problems common to them, the requirements and, as a count only, the clues handed over. It names
no person (the referral letter does, and it goes elsewhere); GB/T 9704 frame."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reviewdesk.documents import frame
from reviewdesk.documents.blocks import Document, Heading, Para, Signatures, Table, Title, cn_date, cn_number
from reviewdesk.documents.profile import Profile


@dataclass(frozen=True)
class FeedbackFacts:
    campaign_name: str
    unit_name: str
    unit_kind: str
    cases: tuple[tuple[str, str, str, str], ...]  # case number, title, grade, outcome
    common: tuple[tuple[str, int], ...]  # problem category, cases it was found in
    requirements: tuple[str, ...]
    clues: int
    number: str | None


def unit_feedback(f: FeedbackFacts, p: Profile, issued: datetime, draft: bool = False) -> Document:
    doc = Document(kind="unit_feedback", title=f"{f.unit_name}评查情况反馈意见", author=p.office_name, dated=issued,
                   draft=draft)
    doc.add(*frame.head(p, f.number))
    doc.add(Title("案件评查情况反馈意见"))
    doc.add(Para(f"{f.unit_name}：", indent=False, align="left"))
    flawed = sum(1 for c in f.cases if c[3] in ("错案", "瑕疵案"))
    doc.add(Para(f"在{f.campaign_name}中，评查组对你单位办理的{cn_number(len(f.cases))}件案件进行了评查，"
                 f"其中存在问题的案件{flawed}件。现将评查情况反馈如下。"))
    doc.add(Heading(1, "一、评查的案件及结论"))
    doc.add(Table(header=("序号", "案号", "案件名称", "评查等次", "案件定性"),
                  rows=tuple((str(n), *c) for n, c in enumerate(f.cases, start=1)),
                  widths=(14.0, 44.0, 54.0, 22.0, 22.0)))
    doc.add(Heading(1, "二、存在的共性问题"))
    if f.common:
        for n, (category, count) in enumerate(f.common, start=1):
            doc.add(Para(f"{n}. {category}方面的问题，见于{cn_number(count)}件案件。"))
    else:
        doc.add(Para("评查中未发现多件案件共同存在的问题。"))
    doc.add(Heading(1, "三、整改要求"))
    for n, text in enumerate(f.requirements or ("对评查发现的问题认真分析原因，举一反三，完善办案制度。",), start=1):
        doc.add(Para(f"{n}. {text}"))
    doc.add(Heading(1, "四、问题线索移送情况"))
    doc.add(Para(f"评查中发现并依规移送纪检监察机关的问题线索{f.clues}条。" if f.clues
                 else "评查中未发现需要移送纪检监察机关的问题线索。"))
    doc.add(Signatures(signers=(), office=p.office_name, date_text=cn_date(issued.year, issued.month, issued.day),
                       note=p.contact))
    doc.add(frame.colophon(p, issued, frame.copy_to(p, f.unit_name, f.unit_kind, referral=False)))
    return doc
