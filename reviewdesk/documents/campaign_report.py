"""The campaign summary report (案件评查情况统计报告) composed from `CampaignStats` as printed blocks.

Sections follow what offices publish: basic facts, results by grade and outcome, by handling unit, by case
type, the main problems ranked by the number of cases they appear in, and the follow-up asked for. Every count
table ends with a 合计 row; each chart shows the same numbers as the table above it, largest first.
"""

from __future__ import annotations

from datetime import date

from reviewdesk.documents.blocks import (
    Block,
    Chart,
    Document,
    Heading,
    Para,
    Signatures,
    Table,
    Title,
    cn_date,
    cn_number,
)
from reviewdesk.documents.labels import outcome_zh
from reviewdesk.documents.statistics import CampaignStats, GroupStats
from reviewdesk.followup.referrals import OUTCOMES as REFERRAL_OUTCOMES

TABLE_PT = 12.0  # 小4: a six-column table fits the 156 mm text block


def percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def _day(day: date | None) -> str:
    return "" if day is None else cn_date(day.year, day.month, day.day)


def _wrong_flawed(wrong: int, flawed: int) -> str:
    """"错案1件、瑕疵案2件", naming only what is there."""
    return "、".join(f"{label}{count}件" for label, count in (("错案", wrong), ("瑕疵案", flawed)) if count)


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _chart(title: str, pairs: list[tuple[str, int]]) -> list[Block]:
    """A bar chart largest first (stable: ties keep the table's order); none when every value is zero."""
    ranked = sorted(pairs, key=lambda p: -p[1])
    if not any(v for _label, v in ranked):
        return []
    return [Chart(title, tuple(label for label, _v in ranked), tuple(float(v) for _label, v in ranked))]


class _Numbering:
    """一、二、… for headings; 表1、表2、… and 图1、图2、… for captions, in reading order."""

    def __init__(self) -> None:
        self.heading = self.table = self.chart = 0

    def h(self, text: str) -> Heading:
        self.heading += 1
        return Heading(1, f"{cn_number(self.heading)}、{text}")

    def t(self, text: str) -> str:
        self.table += 1
        return f"表{self.table} {text}"

    def c(self, text: str) -> str:
        self.chart += 1
        return f"图{self.chart} {text}"


def _intro(stats: CampaignStats, date_text: str) -> Para:
    since = f"自{_day(stats.started_on)}开展以来" if stats.started_on else "开展以来"
    return Para(
        f"{stats.campaign_name}{since}，截至{date_text}，共选取案件{stats.selected}件，已完成合议{stats.concluded}件。"
        "现将评查情况报告如下："
    )


def _basics(stats: CampaignStats) -> list[Block]:
    how = ""
    if stats.key_cases:
        how = f"其中随机抽取{stats.drawn}件，作为重点案件选取{stats.key_cases}件"
    elif stats.selected and stats.drawn == stats.selected:
        how = "均为随机抽取"
    text = (
        f"本次评查共选取案件{stats.selected}件" + (f"，{how}" if how else "")
        + f"，涉及承办单位{len(stats.by_unit)}个、案件类型{len(stats.by_type)}类。"
        f"已完成合议{stats.concluded}件，正在评分{stats.scoring}件，尚未评分{stats.unscored}件。"
    )
    if stats.mean_score is not None:
        text += f"已合议案件平均得分{_score(stats.mean_score)}分，中位数{_score(stats.median_score)}分。"
    return [Para(text)]


def _results(stats: CampaignStats, n: _Numbering) -> list[Block]:
    if not stats.concluded:
        return [Para("目前尚无完成合议的案件，评查结果待合议后统计。")]
    # The prose names the non-empty classes; the tables below list every class, zeros included.
    grades = "，".join(f"{g.grade}{g.count}件（{percent(g.share)}）" for g in stats.by_grade if g.count)
    outcomes = "，".join(f"{o.label}{o.count}件（{percent(o.share)}）" for o in stats.by_outcome if o.count)
    blocks: list[Block] = [Para(f"在已合议的{stats.concluded}件案件中，评定{grades}；认定{outcomes}。")]
    blocks.append(Table(
        ("等次", "件数", "占比"),
        tuple((g.grade, str(g.count), percent(g.share)) for g in stats.by_grade)
        + (("合计", str(stats.concluded), percent(1.0)),),
        (3, 2, 2), TABLE_PT, n.t("评查等次分布"),
    ))
    blocks += _chart(n.c("评查等次分布"), [(g.grade, g.count) for g in stats.by_grade])
    blocks.append(Table(
        ("评查结论", "件数", "占比"),
        tuple((o.label, str(o.count), percent(o.share)) for o in stats.by_outcome)
        + (("合计", str(stats.concluded), percent(1.0)),),
        (3, 2, 2), TABLE_PT, n.t("评查结论分布"),
    ))
    return blocks


def _group_table(first: str, groups: tuple[GroupStats, ...], stats: CampaignStats, caption: str) -> Table:
    rows = tuple(
        (g.label, str(g.cases), str(g.concluded), str(g.wrong), str(g.flawed), _score(g.mean_score)) for g in groups
    )
    total = ("合计", str(stats.selected), str(stats.concluded), str(sum(g.wrong for g in groups)),
             str(sum(g.flawed for g in groups)), _score(stats.mean_score))
    return Table((first, "选取件数", "已合议", "错案", "瑕疵案", "平均得分"), rows + (total,), (5, 2, 2, 1.5, 1.5, 2),
                 TABLE_PT, caption)


def _groups(stats: CampaignStats, n: _Numbering, groups: tuple[GroupStats, ...], noun: str, lead: str) -> list[Block]:
    """Section 三 or 四: `noun` names the grouping (承办单位 / 案件类型), `lead` opens the paragraph."""
    problem = [g for g in groups if g.wrong or g.flawed]
    text = lead
    if problem:
        listed = "、".join(f"{g.label}（{_wrong_flawed(g.wrong, g.flawed)}）" for g in problem)
        text += f"存在错案或瑕疵案的有：{listed}。"
    else:
        text += "已合议案件中未发现错案或瑕疵案。"
    return [
        Para(text),
        _group_table(noun, groups, stats, n.t(f"按{noun}统计")),
        *_chart(n.c(f"各{noun}被评查案件数"), [(g.label, g.cases) for g in groups]),
    ]


def _deductions(stats: CampaignStats, n: _Numbering) -> list[Block]:
    """What the members' score sheets deducted, by problem category: the campaign's problems as scored."""
    if not stats.deduction_categories:
        return [Para("已提交的评分表中没有扣分事项。" if stats.records.sheets else "目前尚无提交的评分表。")]
    affected = len({s.case_external_id for s in stats.records.sheets if any(m.is_deduction for m in s.marks)})
    top = "；".join(f"{c.category}方面扣分{c.deductions}处、涉及{c.cases}件" for c in stats.deduction_categories[:3])
    return [
        Para(f"评查专家在{stats.scored_cases}件案件的{len(stats.records.sheets)}份评分表中共扣分{stats.deductions}处，"
             f"涉及案件{affected}件。按涉及案件数排列，{top}。"),
        Table(
            ("序号", "问题类别", "涉及案件", "占已评分案件", "扣分处数", "扣减分值"),
            tuple((str(i), c.category, str(c.cases), percent(c.share), str(c.deductions), _score(c.points))
                  for i, c in enumerate(stats.deduction_categories, start=1)),
            (1, 4, 2, 3, 2, 2), TABLE_PT, n.t("评分表扣分按问题类别统计"),
        ),
        *_chart(n.c("各类扣分涉及案件数"), [(c.category, c.cases) for c in stats.deduction_categories]),
    ]


def _problems(stats: CampaignStats, n: _Numbering) -> list[Block]:
    """The sheets' deductions first, then the problems the panel leaders recorded in their conclusions."""
    blocks = _deductions(stats, n)
    if not stats.categories:
        blocks.append(Para("合议认定的问题：已合议案件中未发现问题。" if stats.concluded else "目前尚无完成合议的案件。"))
        return blocks
    affected = len({f.case_external_id for f in stats.records.findings})
    top = "；".join(f"{c.category}问题涉及{c.cases}件（占{percent(c.share)}）" for c in stats.categories[:3])
    blocks.append(Para(
        f"合议认定的问题：各评查组组长在合议结论中认定问题{stats.findings}个，涉及案件{affected}件。按涉及案件数排列，{top}。"
    ))
    blocks.append(Table(
        ("序号", "问题类别", "涉及案件", "占已合议案件", "问题条数"),
        tuple((str(i), c.category, str(c.cases), percent(c.share), str(c.findings))
              for i, c in enumerate(stats.categories, start=1)),
        (1, 4, 2, 3, 2), TABLE_PT, n.t("合议认定问题按类别统计"),
    ))
    return blocks


def _actions(stats: CampaignStats, n: _Numbering) -> list[Block]:
    outcomes = {o.outcome: o.count for o in stats.by_outcome}
    if not stats.corrections and not stats.referrals:
        return [Para("已合议案件中暂无需要整改或移送线索的案件。")]
    parts = []
    if stats.corrections:
        # Each case has its own deadline: never joined into one period across cases.
        window = ""
        if stats.earliest_deadline and stats.earliest_deadline == stats.latest_deadline:
            window = f"，整改期限均为{_day(stats.earliest_deadline)}"
        elif stats.earliest_deadline:
            window = "，各案整改期限见下表"
        which = _wrong_flawed(outcomes.get("wrong", 0), outcomes.get("flawed", 0))
        parts.append((f"对{which}提出整改要求，" if which else "")
                     + f"共{stats.corrections}件退回承办单位整改{window}")
    if stats.referrals:
        parts.append(f"建议向纪检监察机关移送问题线索{stats.referrals}件")
    rows = []
    for case in stats.records.cases:
        c = case.conclusion
        if c is None or not (c.correction_required or c.referral_suggested):
            continue
        rows.append((str(len(rows) + 1), case.case_number, case.unit_name, outcome_zh(c.outcome),
                     _day(c.correction_deadline) if c.correction_required else "—",
                     "是" if c.referral_suggested else "否"))
    return [
        Para("；".join(parts) + "。"),
        Table(("序号", "案号", "承办单位", "评查结论", "整改期限", "移送线索"), tuple(rows), (1, 5, 5, 2, 3.5, 2),
              TABLE_PT, n.t("需整改及移送线索案件")),
    ]


def _followup(stats: CampaignStats, n: _Numbering) -> list[Block]:
    """整改、移送、异议复核 as they stand today (only when the registers hold something)."""
    f = stats.followup
    assert f is not None
    status = f.by_status
    parts = []
    if f.items:
        parts.append(f"评查发现的问题已形成整改事项{f.items}项，其中已销号{status['closed']}项、回头看已核实{status['verified']}项、"
                     f"已报整改{status['reported']}项、待整改{status['open']}项、退回重改{status['sent_back']}项，"
                     f"整改率{percent(f.rectification_rate)}；逾期未整改{f.items_overdue}项")
    if f.referrals_sent:
        got = "、".join(f"{REFERRAL_OUTCOMES[k]}{v}件" for k, v in f.referral_outcomes.items() if v)
        parts.append(f"已移送问题线索{f.referrals_sent}件，" + (f"收到反馈{got}，" if got else "")
                     + f"待反馈{f.referrals_awaiting}件（其中逾期{f.referrals_overdue}件）")
    if f.objections:
        parts.append(f"被评查单位提出异议{f.objections}件，复核维持{f.upheld}件、变更{f.changed}件、待复核{f.pending}件")
    return [Para("；".join(parts) + "。")]


def report_title(stats: CampaignStats) -> str:
    return f"{stats.campaign_name}情况统计报告"


def campaign_report(stats: CampaignStats, profile_office: str, date_text: str) -> Document:
    """The report as blocks; `date_text` is the GB/T 9704 date printed above the seal (2026年3月5日)."""
    n = _Numbering()
    title = report_title(stats)
    doc = Document(kind="report", title=title, author=profile_office)
    # A title longer than a line breaks where its meaning does, not wherever the line runs out (GB/T 9704).
    shown = title if len(title) <= 20 else f"{stats.campaign_name}\n情况统计报告"
    doc.add(Title(shown), _intro(stats, date_text))
    doc.add(n.h("基本情况"), *_basics(stats))
    doc.add(n.h("评查结果"), *_results(stats, n))
    doc.add(n.h("按承办单位统计"),
            *_groups(stats, n, stats.by_unit, "承办单位", f"本次评查涉及承办单位{len(stats.by_unit)}个，"))
    doc.add(n.h("按案件类型统计"),
            *_groups(stats, n, stats.by_type, "案件类型", f"本次评查涉及{len(stats.by_type)}类案件，"))
    doc.add(n.h("发现的主要问题"), *_problems(stats, n))
    doc.add(n.h("处理建议情况"), *_actions(stats, n))
    if stats.followup is not None and not stats.followup.empty:
        doc.add(n.h("整改及线索移送落实情况"), *_followup(stats, n))
    # No signers: the office's name and the date, with room for the seal (GB/T 9704 成文日期).
    doc.add(Signatures(signers=(), office=profile_office, date_text=date_text))
    return doc
