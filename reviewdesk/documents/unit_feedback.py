"""评查情况反馈意见 to one reviewed unit (Suzhou's practice): every reviewed case of the unit with its grade and
outcome, the problems common to them, the requirements, as a count only the clues handed over and, when the
campaign ran a data collision screening (数据碰撞排查) on the unit's officers, its result. The case sections
name no person (the referral letter does, and it goes elsewhere); the collision section names the unit's own
officers with a confirmed hit, identity numbers masked, and counts the leads still undecided (cleared leads
are never mentioned). GB/T 9704 frame."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from reviewdesk.documents import frame, style
from reviewdesk.documents.blocks import Document, Heading, Para, Signatures, Table, Title, cn_date, cn_number
from reviewdesk.documents.profile import Profile

if TYPE_CHECKING:
    from reviewdesk.collision.feedback import UnitScreening
    from reviewdesk.collision.results import ConfirmedHit


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
    screening: UnitScreening | None = None  # None: no screening of the unit's officers, no section


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
    if f.screening is not None:
        _collision(doc, f.screening)
    doc.add(Signatures(signers=(), office=p.office_name, date_text=cn_date(issued.year, issued.month, issued.day),
                       note=p.contact))
    doc.add(frame.colophon(p, issued, frame.copy_to(p, f.unit_name, f.unit_kind, referral=False)))
    return doc


HIT_HEADER = ("序号", "姓名", "职务", "身份证号", "企业名称", "身份", "情形")
HIT_PT = 10.5
ID_COLUMN = 3
TEXT_PT = (style.PAGE_WIDTH_MM - style.MARGIN_LEFT_MM - style.MARGIN_RIGHT_MM) / 25.4 * 72
CELL_PAD_PT = 5.0  # left and right inside a cell, in both renderers (pdf.CELL_PAD_H, word.CELL_MARGIN_TWIPS)
SCREENED = "评查期间，评查组将你单位干警名单与市场监管部门提供的企业登记信息进行了数据碰撞排查"


def _collision(doc: Document, screening: UnitScreening) -> None:
    doc.add(Heading(1, "五、数据碰撞排查情况"))
    hits = screening.hits
    later = f"另有{screening.pending}条姓名相同的线索尚待核实，核实后另行反馈。" if screening.pending else ""
    if not hits:
        found = "暂未发现" if screening.pending else "未发现"
        doc.add(Para(f"{SCREENED}，{found}你单位干警存在违规经商办企业、违规参股的情形。{later}"))
        return
    officers = len({(h.officer_name, h.officer_id_masked) for h in hits})
    doc.add(Para(f"{SCREENED}，经核实，发现你单位{officers}名干警在企业任职、持有企业股份或者经营个体工商户的情形"
                 f"共{len(hits)}条，具体如下。"))
    rows = tuple((str(n), h.officer_name, h.officer_post or "—", h.officer_id_masked,
                  f"{h.company}（{h.company_status}）", role_text(h), h.wording) for n, h in enumerate(hits, start=1))
    doc.add(Table(header=HIT_HEADER, rows=rows, widths=_hit_widths(rows), size=HIT_PT))
    doc.add(Para(f"{later}请你单位对上述情形逐一核查，依规依纪处理，并将处理情况随整改情况一并报送。"))


def _hit_widths(rows: tuple[tuple[str, ...], ...]) -> tuple[float, ...]:
    """Relative widths under which a masked identity number stays on one line. The renderers widen short
    columns (names, posts, roles) to fit and shrink the rest, and a number is not short to them: raise the
    number's share until its column, as style.column_widths lays the table out, holds it whole."""
    need = max(style.text_em(r[ID_COLUMN]) for r in rows) * HIT_PT + 2 * CELL_PAD_PT + 2.0  # 2 pt: glyph slack
    widths = [8.0, 14.0, 14.0, 38.0, 30.0, 20.0, 32.0]
    for _ in range(160):
        if style.column_widths(tuple(widths), HIT_HEADER, HIT_PT, TEXT_PT, CELL_PAD_PT, rows)[ID_COLUMN] >= need:
            break
        widths[ID_COLUMN] += 1.0
    return tuple(widths)


def role_text(h: ConfirmedHit) -> str:
    """法定代表人, 股东（12.5%）, 高管, 监事, 经营者 (of the 个体工商户 the wording names): one short line, as a
    forced line break would be stretched by Word's justification."""
    if h.role == "股东" and h.stake is not None:
        return f"股东（{h.stake:g}%）"
    return h.role
