"""整改通知书 to one reviewed unit: its cases, each problem with its 卷×第×页, the requirements, the deadline,
how and by when to report, in the GB/T 9704 frame (reviewdesk/documents/frame.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reviewdesk.documents import frame
from reviewdesk.documents.blocks import Document, Heading, Para, Signatures, Table, Title, cn_date, cn_number
from reviewdesk.documents.profile import Profile


@dataclass(frozen=True)
class NoticeItem:
    number: str  # the register's problem number
    kind: str
    description: str
    evidence_ref: str
    requirement: str
    deadline: date


@dataclass(frozen=True)
class NoticeCase:
    case_number: str
    title: str
    outcome: str  # 错案 / 瑕疵案 / …
    items: tuple[NoticeItem, ...]


@dataclass(frozen=True)
class NoticeFacts:
    campaign_name: str
    unit_name: str
    unit_kind: str
    cases: tuple[NoticeCase, ...]
    number: str | None


def _day(d: date) -> str:
    return cn_date(d.year, d.month, d.day)


def rectification_notice(f: NoticeFacts, p: Profile, issued: datetime, draft: bool = False) -> Document:
    doc = Document(kind="rectification_notice", title=f"{f.unit_name}整改通知书", author=p.office_name,
                   dated=issued, draft=draft)
    doc.add(*frame.head(p, f.number))
    doc.add(Title("关于案件评查发现问题的整改通知书"))
    doc.add(Para(f"{f.unit_name}：", indent=False, align="left"))
    items = [i for c in f.cases for i in c.items]
    last = max((i.deadline for i in items), default=issued.date())
    doc.add(Para(f"在{f.campaign_name}中，评查组对你单位办理的{cn_number(len(f.cases))}件案件进行了评查，"
                 f"发现问题{cn_number(len(items))}项。现将问题及整改要求通知如下，请认真组织整改。"))
    doc.add(Heading(1, "一、案件及发现的问题"))
    for n, case in enumerate(f.cases, start=1):
        doc.add(Heading(2, f"（{cn_number(n)}）{case.case_number} {case.title}（{case.outcome}）"))
        doc.add(Table(
            header=("编号", "类型", "问题", "卷宗位置", "整改期限"),
            rows=tuple((i.number, i.kind, i.description, i.evidence_ref or "—", _day(i.deadline)) for i in case.items),
            widths=(30.0, 14.0, 64.0, 24.0, 24.0)))
    doc.add(Heading(1, "二、整改要求"))
    requirements = list(dict.fromkeys(i.requirement for i in items))
    for n, text in enumerate(requirements, start=1):
        doc.add(Para(f"{n}. {text}" if len(requirements) > 1 else text))
    doc.add(Heading(1, "三、整改期限及报告方式"))
    doc.add(Para(f"请于{_day(last)}前完成整改（各项问题的期限见上表），并将整改情况书面报告{p.office_name}，"
                 "报告应逐项说明整改措施和结果，附相关佐证材料（纠正后的法律文书、会议记录、制定的制度等）。"
                 "逾期未完成整改的，应书面说明理由。"))
    doc.add(Signatures(signers=(), office=p.office_name, date_text=_day(issued.date()), note=p.contact))
    doc.add(frame.colophon(p, issued, frame.copy_to(p, f.unit_name, f.unit_kind, referral=False)))
    return doc


def facts_cases(rows: Sequence[tuple[str, str, str, NoticeItem]]) -> tuple[NoticeCase, ...]:
    """(case number, title, outcome, item) rows in register order → the notice's cases, in first-seen order."""
    grouped: dict[tuple[str, str, str], list[NoticeItem]] = {}
    for number, title, outcome, item in rows:
        grouped.setdefault((number, title, outcome), []).append(item)
    return tuple(NoticeCase(n, t, o, tuple(i)) for (n, t, o), i in grouped.items())
