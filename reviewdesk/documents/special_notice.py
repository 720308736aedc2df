"""专项整治通知: a problem category found across many cases or units, the cases and units concerned, the
requirement and the deadline, addressed to every unit concerned; GB/T 9704 frame."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reviewdesk.documents import frame
from reviewdesk.documents.blocks import Document, Heading, Para, Signatures, Table, Title, cn_date, cn_number
from reviewdesk.documents.profile import Profile


@dataclass(frozen=True)
class SpecialFacts:
    campaign_name: str
    title: str
    category: str
    units: tuple[str, ...]  # unit names
    cases: tuple[tuple[str, str, str], ...]  # case number, title, unit name
    requirement: str
    deadline: date
    number: str | None


def _day(d: date) -> str:
    return cn_date(d.year, d.month, d.day)


def special_notice(f: SpecialFacts, p: Profile, issued: datetime, draft: bool = False) -> Document:
    doc = Document(kind="special_notice", title=f.title, author=p.office_name, dated=issued, draft=draft)
    doc.add(*frame.head(p, f.number))
    doc.add(Title(f"关于开展{f.title}的通知"))
    doc.add(Para("、".join(f.units) + "：", indent=False, align="left"))
    doc.add(Para(f"在{f.campaign_name}中，评查组发现“{f.category}”类问题在{cn_number(len(f.cases))}件案件、"
                 f"{cn_number(len(f.units))}个单位中反复出现，属于共性问题。为从源头上解决这一问题，决定开展专项整治。"
                 "现将有关事项通知如下。"))
    doc.add(Heading(1, "一、存在问题的案件"))
    doc.add(Table(header=("序号", "案号", "案件名称", "办案单位"),
                  rows=tuple((str(n), *c) for n, c in enumerate(f.cases, start=1)),
                  widths=(14.0, 46.0, 56.0, 40.0)))
    doc.add(Heading(1, "二、整治要求"))
    doc.add(Para(f.requirement))
    doc.add(Heading(1, "三、时间安排"))
    doc.add(Para(f"请于{_day(f.deadline)}前完成专项整治，并将整治情况（查找的原因、采取的措施、建立的制度）"
                 f"书面报告{p.office_name}。"))
    doc.add(Signatures(signers=(), office=p.office_name, date_text=_day(issued.date()), note=p.contact))
    doc.add(frame.colophon(p, issued, p.copy_to.always))
    return doc
