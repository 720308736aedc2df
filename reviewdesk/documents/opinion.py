"""The review opinion (评查意见书) of one case, composed from its facts in the order domain.md gives:
source, panel and recusal, work done, the case, problems, conclusion, suggestions, deliberation; then the
annex note, signatures and seal room, and the annexes (score summary, list of interview records)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from reviewdesk import clock
from reviewdesk.documents import frame
from reviewdesk.documents.blocks import (
    Block,
    Document,
    Heading,
    Para,
    Signatures,
    Table,
    Title,
    cn_date,
    cn_number,
)
from reviewdesk.documents.facts import CaseFacts, Finding, Sheet, Verdict
from reviewdesk.documents.labels import INTERVIEWEE_ZH as RELATION_ZH
from reviewdesk.documents.labels import OUTCOME_ZH
from reviewdesk.documents.labels import PANEL_ROLE_ZH as ROLE_ZH
from reviewdesk.documents.labels import PETITION_FLAG_ZH as FLAG_ZH
from reviewdesk.documents.profile import Profile
from reviewdesk.experts.vocab import PROFESSION_ZH

SECTIONS = (
    "案件来源及选案理由",
    "评查组组成及回避情况",
    "评查工作开展情况",
    "基本案情及办理经过",
    "发现的问题",
    "评查结论",
    "处理建议",
    "合议情况",
)


def points(value: float | None) -> str:
    """85.0 → "85", 85.5 → "85.5", None → "—"."""
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def day(value: str | datetime | None) -> str:
    """"2026-03-05" or a datetime → "2026年3月5日"; "" when unknown."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return cn_date(value.year, value.month, value.day)
    y, m, d = (int(p) for p in value.split("-"))
    return cn_date(y, m, d)


def _source(f: CaseFacts, p: Profile) -> list[Block]:
    key = "source_recheck" if f.campaign_kind == "recheck" else ("source_random" if f.how == "random" else "source_key")
    text = p.text(key, campaign_name=f.campaign_name)
    if f.how == "key" and f.how_reason:
        text += f"选案理由：{f.how_reason.rstrip('。')}。"
    out: list[Block] = [Para(text)]
    if f.petition_count:
        # "Repeated" petitioning needs at least two petitions: never print it beside "信访1次".
        shown = [x for x in f.flags if x != "repeated" or f.petition_count >= 2]
        flags = "、".join(FLAG_ZH[x] for x in shown) or "反映诉求未获解决"
        out.append(Para(p.text("petition", first_on=day(f.petition_first_on) or "立案后",
                               count=f.petition_count, flags=f"属于{flags}的情形")))
    return out


def affiliation(unit_name: str, profession: str) -> str:
    """"甘肃省高级人民法院法官": the unit, then the profession where it says something. 其他 (the roster's
    "other") is no profession to print, and a unit that already names it ("…律师事务所律师") is not repeated."""
    if not profession or profession == PROFESSION_ZH["other"] or unit_name.endswith(profession):
        return unit_name
    return f"{unit_name}{profession}"


def _member_text(f: CaseFacts) -> str:
    parts = [f"{m.name}（{ROLE_ZH.get(m.role, m.role)}，{affiliation(m.unit_name, m.profession)}）" for m in f.members]
    return f"评查组由{'、'.join(parts)}共{len(parts)}人组成。" if parts else "评查组成员尚未确定。"


def _panel(f: CaseFacts, p: Profile) -> list[Block]:
    out: list[Block] = [Para(_member_text(f))]
    replaced = [r for r in f.recusals if r.kind == "replaced"]
    declared = [r for r in f.recusals if r.kind != "replaced"]
    out.append(Para(p.text("recusal_clear")))
    for r in replaced:
        out.append(Para(f"评查过程中，{r.expert_name}因{r.note.rstrip('。')}不再参加本案评查，已依规调整评查组成员。"))
    for r in declared:
        out.append(Para(f"{r.expert_name}就本案提出回避事项：{r.note.rstrip('。') or '已记录'}。已依规处理。"))
    return out


def file_count(f: CaseFacts) -> tuple[int, int, int]:
    """(volumes, pages, documents without a page count) of the case file as section 三 counts it."""
    volumes = len({d.volume for d in f.documents})
    return volumes, sum(d.pages or 0 for d in f.documents), sum(d.pages is None for d in f.documents)


def _work(f: CaseFacts, p: Profile) -> list[Block]:
    volumes, pages, unpaged = file_count(f)
    text = p.text("work_files", documents=len(f.documents), volumes=volumes, pages=pages)
    if unpaged:
        text += p.text("work_files_unpaged", count=unpaged)
    out: list[Block] = [Para(text)]
    if not f.interviews:
        out.append(Para(p.text("work_no_interviews")))
    for i in f.interviews:
        who = f"{i.interviewee_name}（{RELATION_ZH.get(i.relation, i.relation)}）"
        out.append(Para(f"{day(i.started_at)}，评查组{'、'.join(i.interviewers)}在{i.place}与{who}进行了谈话，"
                        f"由{i.recorder}记录，制作谈话笔录一份。"))
    return out


def _case(f: CaseFacts) -> list[Block]:
    out: list[Block] = [Para(f.summary)] if f.summary.strip() else []
    # Say when the unit took and closed the case, unless the summary already does.
    if f.accepted_on and day(f.accepted_on) not in f.summary:
        closed = f"，于{day(f.closed_on)}办结" if f.closed_on else ""
        out.append(Para(f"{f.unit_name}于{day(f.accepted_on)}受理本案{closed}。"))
    if f.handlers:
        out.append(Para("原承办人员：" + "、".join(f"{name}（{role}）" for role, name in f.handlers) + "。"))
    return out


def deductions(f: CaseFacts) -> list[tuple[str, str]]:
    """Every deduction standing on the submitted sheets, as (member's name, item code): 附件1's rows."""
    return [(s.expert_name, code) for s in f.sheets for code in s.marks]


def _problems(f: CaseFacts, verdict: Verdict, categories: tuple[str, ...], p: Profile) -> list[Block]:
    """The findings, each with the evidence of the deductions it rests on (the references 附件1 prints)."""
    standing = deductions(f)
    if not verdict.findings:
        if not standing:
            return [Para(p.text("findings_none"))]
        reason = f"，理由是：{verdict.outcome_reason.rstrip('。')}" if verdict.outcome_reason.strip() else ""
        return [Para(p.text("findings_deducted_only", count=len(standing), reason=reason))]
    grouped: dict[str, list[str]] = defaultdict(list)
    for finding in verdict.findings:
        refs = finding.evidence()
        evidence = f"（见{'、'.join(refs)}）" if refs else ""
        grouped[finding.category].append(finding.description.rstrip("。") + evidence + "。")
    order = [c for c in categories if c in grouped] + sorted(c for c in grouped if c not in categories)
    out: list[Block] = []
    for n, category in enumerate(order, 1):
        out.append(Heading(2, f"（{cn_number(n)}）{category}方面"))
        out.extend(Para(f"{k}. {text}") for k, text in enumerate(grouped[category], 1))
    used = {(b.expert_name, b.item_code) for finding in verdict.findings for b in finding.basis}
    others = [d for d in standing if d not in used]
    if others:
        out.append(Para(p.text("findings_other_deductions", count=len(others))))
    return out


def _conclusion(verdict: Verdict, p: Profile) -> list[Block]:
    out: list[Block] = [Para(p.text("conclusion", score=points(verdict.score), grade=verdict.grade,
                                    outcome=OUTCOME_ZH.get(verdict.outcome, verdict.outcome)))]
    if verdict.veto_kept:
        out.append(Para("本案存在一票否决情形，直接评定为最低等次。"))
    if verdict.grade != verdict.computed_grade and verdict.grade_reason:
        out.append(Para(f"按综合得分应评定为“{verdict.computed_grade}”，评查组合议调整为“{verdict.grade}”，"
                        f"理由是：{verdict.grade_reason.rstrip('。')}。"))
    return out


def _suggestions(verdict: Verdict, p: Profile) -> list[Block]:
    out: list[Block] = []
    if verdict.correction_required and verdict.correction_deadline:
        out.append(Para(p.text("correction", deadline=day(verdict.correction_deadline), office_name=p.office_name)))
    elif verdict.outcome != "none":
        out.append(Para(p.text("correction_general")))
    backing = referral_backing(verdict)
    if verdict.referral_suggested and backing:  # never a referral without the finding that backs it
        names = "、".join(f"“{finding.description.rstrip('。')}”" for finding in backing)
        out.append(Para(p.text("referral", reason=verdict.referral_reason.rstrip("。") or "有关", findings=names)))
    return out or [Para(p.text("no_action"))]


def referral_backing(verdict: Verdict) -> list[Finding]:
    """The findings a suggested referral rests on (positions the leader named that exist)."""
    return [verdict.findings[n - 1] for n in verdict.referral_findings if 1 <= n <= len(verdict.findings)]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(("。", "！", "？")) else text + "。"


def _deliberation(f: CaseFacts, verdict: Verdict, p: Profile) -> list[Block]:
    """Majority and minority only when there is a minority; otherwise the panel's view, unanimity said once."""
    scores = "、".join(f"{s.expert_name}{points(s.total)}分" for s in f.sheets)
    out: list[Block] = []
    if scores:
        out.append(Para(f"评查组成员独立评分：{scores}。"))
    view, minority = verdict.majority_view.strip(), verdict.minority_view.strip()
    if minority and minority != "无":
        if view:
            out.append(Para(p.text("deliberation_majority", view=view)))
        out.append(Para(p.text("deliberation_minority", view=minority)))
        return out
    if view:
        out.append(Para(_sentence(view)))
    if "一致" not in view:
        out.append(Para(p.text("deliberation_unanimous")))
    return out


def score_summary(sheets: tuple[Sheet, ...]) -> Table:
    """Annex 1: every item any member deducted from, one column per member, then totals and grades."""
    names = tuple(s.expert_name for s in sheets)
    rubric = sheets[0].rubric if sheets else None
    rows: list[tuple[str, ...]] = []
    if rubric is not None:
        for code, item in rubric.items().items():
            marks = [s.marks.get(code) for s in sheets]
            if not any(marks):
                continue
            cells = tuple("否决" if m and m.veto else (points(m.points) if m else "") for m in marks)
            reasons = "；".join(f"{s.expert_name}：{m.reason}（{m.evidence}）" for s, m in zip(sheets, marks, strict=True)
                               if m and m.reason)
            rows.append((code, item.text, points(item.max), *cells, reasons))
    rows.append(("", "总分", points(rubric.total) if rubric else "100", *(points(s.total) for s in sheets), ""))
    rows.append(("", "等次", "", *((s.grade or "") for s in sheets), ""))
    widths = (1.1, 3.5, 1.1, *(1.4 for _ in names), 3.7)
    return Table(("编号", "评查项目", "分值", *names, "扣分理由及证据位置"), tuple(rows), widths, size=10.5)


def interview_list(f: CaseFacts) -> Table:
    rows = tuple(
        (str(n), day(i.started_at), f"{i.interviewee_name}（{RELATION_ZH.get(i.relation, i.relation)}）",
         i.place, "、".join(i.interviewers), i.recorder)
        for n, i in enumerate(f.interviews, 1)
    )
    return Table(("序号", "谈话日期", "谈话对象", "地点", "谈话人", "记录人"), rows, (0.8, 2.8, 3.0, 2.6, 3.0, 1.6),
                 size=12)


PENDING_NUMBER = "文号待定"
PENDING_DATE = "\u3000\u3000年\u3000\u3000月\u3000\u3000日"


def opinion(f: CaseFacts, p: Profile, issued: datetime | None, *, draft: bool = False) -> Document:
    """The opinion of a concluded case. `issued` dates the signature block (the day its number was given).
    A draft (preview) is marked 草稿 on every page; without an issued number it reads 文号待定 and leaves the
    date blank."""
    verdict = f.verdict
    if verdict is None:
        raise ValueError("an opinion needs the panel's conclusion")
    categories = f.sheets[0].rubric.categories if f.sheets else ()
    doc = Document("opinion", f"{f.external_id} {p.text('opinion_title')}", author=p.office_name, dated=issued,
                   draft=draft)
    doc.add(*frame.head(p, f.number or (PENDING_NUMBER if draft else None)))
    doc.add(Title(p.text("opinion_title")))
    doc.add(Para(p.text("addressee", unit_name=f.unit_name), indent=False, align="left"))
    title = f.title[:-1] if f.title.endswith("案") else f.title  # "…纠纷案" reads "…纠纷一案"
    doc.add(Para(p.text("opinion_intro", campaign_name=f.campaign_name, case_number=f.case_number, title=title,
                        unit_name=f.unit_name)))
    if f.replaces is not None:  # re-issued after a 复核 changed the conclusion
        earlier = f"（{f.replaces}）" if f.replaces else ""
        doc.add(Para(f"本意见书系评查组对异议复核后重新出具，代替原评查意见书{earlier}，原评查意见书同时作废。"))
    bodies = (
        _source(f, p), _panel(f, p), _work(f, p), _case(f), _problems(f, verdict, categories, p),
        _conclusion(verdict, p), _suggestions(verdict, p), _deliberation(f, verdict, p),
    )
    for n, (name, body) in enumerate(zip(SECTIONS, bodies, strict=True), 1):
        doc.add(Heading(1, f"{cn_number(n)}、{name}"), *body)
    annexes: list[tuple[str, list[Block]]] = [
        ("评分汇总表", [score_summary(f.sheets)]),
        ("谈话笔录目录", [interview_list(f)] if f.interviews else [Para("本案未进行谈话。")]),
    ]
    doc.add(frame.annex_note([title for title, _ in annexes]))
    signers = tuple((ROLE_ZH.get(m.role, m.role), m.name) for m in f.members)
    doc.add(Signatures(signers, p.office_name, day(issued) if issued else PENDING_DATE, note=p.contact))
    for n, (title, body) in enumerate(annexes, 1):
        doc.add(frame.annex_head(n, title, len(annexes)), *body)
    copies = frame.copy_to(p, f.unit_name, f.unit_kind, verdict.referral_suggested)
    doc.add(frame.colophon(p, issued or clock.now(), copies))
    return doc
