"""Print versions of the case's other records: a member's score sheet (评分表), the panel's recusal form
(回避情况表) and an interview record (谈话笔录)."""

from __future__ import annotations

import re

from reviewdesk.documents.blocks import Document, Heading, Para, Signatures, Table, Title
from reviewdesk.documents.facts import CaseFacts, InterviewNote, Sheet
from reviewdesk.documents.labels import INTERVIEWEE_ZH as RELATION_ZH
from reviewdesk.documents.labels import PANEL_ROLE_ZH as ROLE_ZH
from reviewdesk.documents.opinion import day, points
from reviewdesk.documents.profile import Profile

NOTICE_ZH = {
    "identity": "告知评查人员身份",
    "purpose": "告知谈话目的",
    "recusal_right": "告知有申请回避的权利",
    "truth_duty": "告知如实陈述的义务",
}


VETO_MARK = re.compile(r"（一票否决项?）")


def item_label(text: str, veto: bool) -> str:
    """The item's text with one veto mark: the rubric's own ("（一票否决）", "（一票否决，建议移送）") when its
    text carries one, else "（一票否决项）" for a veto item."""
    if "一票否决" in text:
        return VETO_MARK.sub("（一票否决项）", text)
    return text + ("（一票否决项）" if veto else "")


def _case_line(f: CaseFacts) -> Para:
    return Para(f"案件：{f.case_number} {f.title}（{f.unit_name}）", indent=False, align="left")


def score_sheet(f: CaseFacts, sheet: Sheet, p: Profile) -> Document:
    """One member's submitted sheet: every rubric item with its category (实体, 程序…), its maximum, the
    points and the reason; the member's own comment when there is one; the signature kept with the last
    rows (pdf/word keep them together)."""
    rubric = sheet.rubric
    doc = Document("score_sheet", f"{f.external_id} 评分表 {sheet.expert_name}", author=p.office_name,
                   dated=sheet.submitted_at)
    title = rubric.name if rubric.name.endswith("表") else f"{rubric.name}评分表"
    doc.add(Title(title), _case_line(f),
            Para(f"评查人：{sheet.expert_name}（{ROLE_ZH.get(sheet.expert_role, sheet.expert_role)}）　"
                 f"评分标准：第{rubric.version}版", indent=False, align="left"))
    rows: list[tuple[str, ...]] = []
    for part in rubric.parts:
        rows.append(("", part.name, "", points(part.max), "", ""))
        for item in part.items:
            mark = sheet.marks.get(item.code)
            scored = "否决" if mark and mark.veto else (points(mark.points) if mark else "")
            why = f"{mark.reason}（{mark.evidence}）" if mark and mark.reason else ""
            rows.append((item.code, item_label(item.text, item.veto), item.tag, points(item.max), scored, why))
    rows.append(("", "总分", "", points(rubric.total), points(sheet.total), f"等次：{sheet.grade or ''}"))
    doc.add(Table(("编号", "评查内容", "类别", "分值", "扣分", "扣分理由及证据位置（卷×第×页）"), tuple(rows),
                  (1.2, 5.4, 1.3, 1.0, 1.0, 4.3), size=10.5))
    if sheet.comment.strip():
        doc.add(Para(f"评查意见：{sheet.comment.strip()}"))
    doc.add(Signatures(((ROLE_ZH.get(sheet.expert_role, sheet.expert_role), sheet.expert_name),), "",
                       day(sheet.submitted_at), seal_room=False))
    return doc


def recusal_form(f: CaseFacts, p: Profile, statement: str) -> Document:
    """回避情况表: who sat, when each signed the recusal statement, and every recusal matter on the case."""
    doc = Document("recusal", f"{f.external_id} 回避情况表", author=p.office_name, dated=f.issued_at)
    doc.add(Title("评查组成员回避情况表"), _case_line(f))
    rows = tuple(
        (str(n), m.name, ROLE_ZH.get(m.role, m.role), m.unit_name, m.profession,
         day(m.certified_at) if m.certified_at else "未签署", "无")
        for n, m in enumerate(f.members, 1)
    )
    # The date column holds "2026年12月31日" on one line at 小4.
    doc.add(Table(("序号", "姓名", "组内职务", "工作单位", "职业", "签署回避声明日期", "回避事项"), rows,
                  (0.8, 1.4, 1.4, 3.4, 1.2, 3.4, 1.4), size=12))
    # Unnumbered parts: the statement numbers its own 一、二、三、.
    doc.add(Heading(1, "回避声明"))
    lines = [line.strip() for line in statement.splitlines() if line.strip()]
    doc.add(*(Para(line) for line in lines if line != "回避声明"))  # the form gives the heading
    doc.add(Heading(1, "回避及调整情况"))
    if not f.recusals:
        doc.add(Para("本案评查过程中无成员申请或被决定回避，评查组成员未作调整。"))
    for r in f.recusals:
        what = "被调整出评查组" if r.kind == "replaced" else "提出或被认定回避事项"
        doc.add(Para(f"{r.expert_name}{what}，原因：{r.note.rstrip('。') or '已记录'}。"))
    doc.add(Signatures(tuple((ROLE_ZH.get(m.role, m.role), m.name) for m in f.members), p.office_name,
                       day(f.issued_at) if f.issued_at else ""))
    return doc


def interview_record(f: CaseFacts, note: InterviewNote, p: Profile) -> Document:
    """谈话笔录 in the usual form: times, place, people, the notices given, Q&A, confirmation, signatures;
    the interviewee signs every page on the line at its foot."""
    doc = Document("interview", f"{f.external_id} 谈话笔录 {note.interviewee_name}", author=p.office_name,
                   dated=note.ended_at, page_foot="被谈话人签名：")
    start, end = note.started_at, note.ended_at
    when = f"{day(start)}{start.hour}时{start.minute:02d}分至{end.hour}时{end.minute:02d}分"
    lines = (
        f"时间：{when}",
        f"地点：{note.place}",
        f"谈话人：{'、'.join(note.interviewers)}",
        f"记录人：{note.recorder}",
        f"被谈话人：{note.interviewee_name}　单位：{note.interviewee_unit or '无'}　"
        f"与案件关系：{RELATION_ZH.get(note.relation, note.relation)}",
        f"案件：{f.case_number} {f.title}",
    )
    doc.add(Title("谈话笔录"), *(Para(line, indent=False, align="left") for line in lines))
    given = "、".join(text for key, text in NOTICE_ZH.items() if note.notice.get(key))
    doc.add(Para(f"谈话人已向被谈话人{given}。"))
    for q, a in note.qa:
        doc.add(Para(f"问：{q}"), Para(f"答：{a}"))
    if note.confirmation.strip():
        doc.add(Para(note.confirmation.strip()))
    signers = (("被谈话人", note.interviewee_name), *(("谈话人", n) for n in note.interviewers), ("记录人", note.recorder))
    doc.add(Signatures(signers, "", day(end), seal_room=False))
    return doc
