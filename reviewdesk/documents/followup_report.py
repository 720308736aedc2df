"""回头看情况报告 on a campaign: how many rectification items were checked, found fixed / partly / not fixed,
closed off (销号) and sent back, per reviewed unit; GB/T 9704 frame."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reviewdesk.documents import frame
from reviewdesk.documents.blocks import Document, Heading, Para, Signatures, Table, Title, cn_date
from reviewdesk.documents.profile import Profile


@dataclass(frozen=True)
class UnitTally:
    unit_name: str
    items: int
    checked: int
    fixed: int
    partly: int
    not_fixed: int
    closed: int
    sent_back: int


@dataclass(frozen=True)
class ReportFacts:
    campaign_name: str
    units: tuple[UnitTally, ...]
    sent_back: tuple[tuple[str, str, str], ...]  # problem number, unit name, reason
    number: str | None


def _day(d: date) -> str:
    return cn_date(d.year, d.month, d.day)


def followup_report(f: ReportFacts, p: Profile, issued: datetime, draft: bool = False) -> Document:
    doc = Document(kind="followup_report", title=f"{f.campaign_name}回头看情况报告", author=p.office_name,
                   dated=issued, draft=draft)
    doc.add(*frame.head(p, f.number))
    doc.add(Title(f"关于{f.campaign_name}整改情况回头看的报告"))
    total = UnitTally("合计", *(sum(getattr(u, k) for u in f.units) for k in
                               ("items", "checked", "fixed", "partly", "not_fixed", "closed", "sent_back")))
    rate = f"{total.closed / total.items:.1%}" if total.items else "—"
    doc.add(Para(f"在{f.campaign_name}中发现问题{total.items}项，已交有关单位整改。近期，我们对整改情况进行了回头看，"
                 f"核查整改事项{total.checked}项，其中已整改{total.fixed}项、部分整改{total.partly}项、"
                 f"未整改{total.not_fixed}项；已销号{total.closed}项，退回重改{total.sent_back}项，销号率{rate}。"))
    doc.add(Heading(1, "一、各单位整改情况"))
    doc.add(Table(header=("单位", "问题数", "已核查", "已整改", "部分整改", "未整改", "已销号", "退回重改"),
                  rows=tuple((u.unit_name, *(str(getattr(u, k)) for k in
                              ("items", "checked", "fixed", "partly", "not_fixed", "closed", "sent_back")))
                             for u in (*f.units, total)),
                  widths=(44.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0), size=10.5))
    doc.add(Heading(1, "二、退回重改的事项"))
    if f.sent_back:
        doc.add(Table(header=("编号", "单位", "退回理由"), rows=f.sent_back, widths=(34.0, 44.0, 78.0)))
    else:
        doc.add(Para("回头看中没有退回重改的事项。"))
    doc.add(Heading(1, "三、下一步工作"))
    doc.add(Para("对未整改和部分整改的事项，督促有关单位在新的期限内整改到位；对已整改的事项，逐项核实后销号。"))
    doc.add(Signatures(signers=(), office=p.office_name, date_text=_day(issued.date()), note=p.contact))
    doc.add(frame.colophon(p, issued, p.copy_to.always))
    return doc
