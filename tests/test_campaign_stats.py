"""Campaign statistics and the campaign report's composition, on crafted records and on the demo workspace.

The demo (conftest's `demo_template`) has 42 selected cases, six scored panels and four conclusions, all "no
problem"; `enrich` makes the admin conclude two more panels (a wrong case with a referral, a flawed case) and
re-conclude a third as flawed, so every table has something to count. The expected figures are computed
independently from the selection and deliberation services.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from reviewdesk.demo import DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.documents.blocks import Chart, Heading, Para, Signatures, Table, Title
from reviewdesk.documents.campaign_report import campaign_report
from reviewdesk.documents.statistics import (
    CampaignRecords,
    CaseRecord,
    ConclusionRecord,
    FindingRecord,
    compute_stats,
)
from reviewdesk.errors import PermissionDenied
from reviewdesk.services import reports
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.campaign_world import Expected

OFFICE = "××省委政法委执法监督处"
HEADINGS = ["一、基本情况", "二、评查结果", "三、按承办单位统计", "四、按案件类型统计", "五、发现的主要问题", "六、处理建议情况"]


@pytest.fixture
def admin(enriched_demo: Path) -> Iterator[OpenWorkspace]:
    with Workspace(enriched_demo).open("admin", DEMO_PASSWORD) as ws:
        yield ws


# -- pure: crafted records -------------------------------------------------------------------------------
def _case(n: int, unit: str, case_type: str, outcome: str | None = None, score: float = 80.0,
          grade: str = "合格", **actions: Any) -> CaseRecord:
    conclusion = None
    if outcome is not None:
        conclusion = ConclusionRecord(score, grade, outcome, actions.get("correction", False),
                                      actions.get("deadline"), actions.get("referral", False), "", date(2026, 3, n))
    return CaseRecord(n, f"C-{n:02d}", f"（2025）案{n}号", f"案件{n}", case_type, unit, f"单位{unit}", "random",
                      "组长", ("甲", "乙"), (("组长", score),), outcome is not None, conclusion, None)


def _records(cases: list[CaseRecord], findings: list[FindingRecord]) -> CampaignRecords:
    return CampaignRecords("C", "测试评查", 2026, ("优秀", "合格", "瑕疵", "不合格"), date(2026, 3, 1),
                           tuple(cases), tuple(findings), ())


def _f(case: int, category: str) -> FindingRecord:
    return FindingRecord(f"C-{case:02d}", "", "", category, "问题", "卷1第1页", None, "")


def test_counts_shares_and_scores_on_crafted_records() -> None:
    cases = [
        _case(1, "U1", "criminal", "wrong", 55.0, "不合格", correction=True, deadline=date(2027, 1, 9), referral=True),
        _case(2, "U1", "criminal", "flawed", 75.0, correction=True, deadline=date(2027, 1, 2)),
        _case(3, "U2", "civil", "none", 92.0, "优秀"),
        _case(4, "U2", "civil", "none", 86.0),
        _case(5, "U3", "civil"),
    ]
    stats = compute_stats(_records(cases, []))
    assert (stats.selected, stats.concluded, stats.scoring, stats.unscored) == (5, 4, 0, 1)
    assert [(g.grade, g.count) for g in stats.by_grade] == [("优秀", 1), ("合格", 2), ("瑕疵", 0), ("不合格", 1)]
    assert [(o.label, o.count, o.share) for o in stats.by_outcome] == [
        ("错案", 1, 0.25), ("瑕疵案", 1, 0.25), ("无问题", 2, 0.5)]
    assert stats.mean_score == 77.0 and stats.median_score == 80.5
    assert [(u.key, u.cases, u.concluded, u.wrong, u.flawed, u.mean_score) for u in stats.by_unit] == [
        ("U1", 2, 2, 1, 1, 65.0), ("U2", 2, 2, 0, 0, 89.0), ("U3", 1, 0, 0, 0, None)]
    assert [(t.label, t.cases) for t in stats.by_type] == [("民事", 3), ("刑事", 2)]
    assert (stats.corrections, stats.referrals) == (2, 1)
    assert (stats.earliest_deadline, stats.latest_deadline) == (date(2027, 1, 2), date(2027, 1, 9))
    assert stats.last_concluded_on == date(2026, 3, 4)


def test_categories_rank_by_distinct_cases_with_deterministic_ties() -> None:
    cases = [_case(n, "U1", "criminal", "flawed") for n in range(1, 6)]
    findings = [
        _f(1, "程序"), _f(1, "程序"), _f(1, "程序"),  # many findings, one case
        _f(1, "实体"), _f(2, "实体"),  # two cases, two findings
        _f(2, "作风"), _f(3, "作风"), _f(3, "作风"),  # two cases, three findings: before 实体
        _f(4, "卷宗归档"), _f(5, "法律文书"),  # one case, one finding each: by text
    ]
    stats = compute_stats(_records(cases, findings))
    ranked = [(c.category, c.cases, c.findings) for c in stats.categories]
    assert ranked == [("作风", 2, 3), ("实体", 2, 2), ("程序", 1, 3)] + sorted(
        [("卷宗归档", 1, 1), ("法律文书", 1, 1)])
    assert stats.categories[0].share == 2 / 5 and stats.findings == len(findings)
    for seed in range(5):  # the order the rows come in never changes the ranking
        shuffled = findings[:]
        random.Random(seed).shuffle(shuffled)
        assert compute_stats(_records(cases, shuffled)).categories == stats.categories


def test_grades_outside_the_bands_are_listed_after_them() -> None:
    cases = [_case(1, "U1", "civil", "none", 95.0, "优质"), _case(2, "U1", "civil", "none", 91.0, "优秀")]
    stats = compute_stats(_records(cases, []))
    assert [g.grade for g in stats.by_grade] == ["优秀", "合格", "瑕疵", "不合格", "优质"]
    assert sum(g.count for g in stats.by_grade) == stats.concluded


def test_empty_campaign() -> None:
    stats = compute_stats(_records([], []))
    assert stats.selected == stats.concluded == 0 and stats.mean_score is None
    assert all(g.count == 0 and g.share == 0 for g in stats.by_grade)
    doc = campaign_report(stats, OFFICE, "2026年3月5日")
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == HEADINGS
    assert not [b for b in doc.blocks if isinstance(b, Chart)]


# -- the demo, through the service -----------------------------------------------------------------------
def test_stats_match_the_service_views(admin: OpenWorkspace) -> None:
    expected = Expected.read(admin)
    stats = reports.campaign_stats(admin, DEMO_CAMPAIGN)
    done = expected.conclusions
    assert stats.selected == len(expected.selected) == 42
    assert stats.concluded == len(done) == 6
    assert stats.drawn + stats.key_cases == stats.selected and stats.key_cases == 2

    assert {g.grade: g.count for g in stats.by_grade if g.count} == Counter(c.grade for c in done.values())
    assert {o.outcome: o.count for o in stats.by_outcome}["wrong"] == 1  # enrich's; the demo has none
    assert {o.outcome: o.count for o in stats.by_outcome if o.count} == Counter(c.outcome for c in done.values())
    assert sum(o.share for o in stats.by_outcome) == pytest.approx(1.0)

    by_unit: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for case in expected.selected:
        c = done.get(case.external_id)
        for row in (by_unit[case.unit_code], by_type[case.case_type]):
            row[0] += 1
            row[1] += c is not None
            row[2] += c is not None and c.outcome == "wrong"
            row[3] += c is not None and c.outcome == "flawed"
    assert {u.key: [u.cases, u.concluded, u.wrong, u.flawed] for u in stats.by_unit} == by_unit
    assert {t.key: [t.cases, t.concluded, t.wrong, t.flawed] for t in stats.by_type} == by_type
    assert [u.cases for u in stats.by_unit] == sorted((u.cases for u in stats.by_unit), reverse=True)

    cases_per: dict[str, set[str]] = defaultdict(set)
    findings_per: Counter[str] = Counter()
    for external_id, c in done.items():
        for f in c.findings:
            cases_per[f.category].add(external_id)
            findings_per[f.category] += 1
    assert {c.category: (c.cases, c.findings) for c in stats.categories} == {
        k: (len(v), findings_per[k]) for k, v in cases_per.items()}
    keys = [(-c.cases, -c.findings, c.category) for c in stats.categories]
    assert keys == sorted(keys)

    assert stats.corrections == sum(c.actions["correction"]["required"] for c in done.values()) >= 3
    assert stats.referrals == sum(c.actions["referral"]["suggested"] for c in done.values()) >= 1
    assert stats.mean_score == pytest.approx(sum(c.score for c in done.values()) / len(done), abs=0.05)
    deadlines = sorted(date.fromisoformat(c.actions["correction"]["deadline"]) for c in done.values()
                       if c.actions["correction"]["required"])
    assert (stats.earliest_deadline, stats.latest_deadline) == (deadlines[0], deadlines[-1])
    assert len(stats.records.sheets) == 18  # six panels of three, all submitted


def test_observer_reads_and_expert_and_auditor_are_refused(enriched_demo: Path) -> None:
    workspace = Workspace(enriched_demo)
    with workspace.open("chenjing", DEMO_PASSWORD) as observer:  # the demo's observer
        assert reports.campaign_stats(observer, DEMO_CAMPAIGN).concluded == 6
    for username in ("zhanghua", "sunli"):  # an expert, the auditor
        with workspace.open(username, DEMO_PASSWORD) as ws, pytest.raises(PermissionDenied):
            reports.campaign_stats(ws, DEMO_CAMPAIGN)


def test_campaign_without_cases(admin: OpenWorkspace) -> None:
    stats = reports.campaign_stats(admin, "2026-ZX-01")
    assert stats.selected == stats.concluded == 0 and not stats.categories


# -- the report's composition ----------------------------------------------------------------------------
def _counts(table: Table, column: int) -> list[int]:
    """The column's numbers in the data rows (the 合计 row left out)."""
    return [int(r[column]) for r in table.rows if r[0] != "合计"]


def _total(table: Table, column: int) -> int:
    return int(next(r[column] for r in table.rows if r[0] == "合计"))


def _chart_after(doc: list[Any], table: Table) -> Chart:
    chart = doc[doc.index(table) + 1]
    assert isinstance(chart, Chart)
    return chart


def test_report_document(admin: OpenWorkspace) -> None:
    stats = reports.campaign_stats(admin, DEMO_CAMPAIGN)
    doc = campaign_report(stats, OFFICE, "2026年12月31日")
    blocks = doc.blocks
    assert doc.kind == "report" and isinstance(blocks[0], Title) and stats.campaign_name in blocks[0].text
    intro = blocks[1]
    assert isinstance(intro, Para) and "42件" in intro.text and f"已完成合议{stats.concluded}件" in intro.text
    # The demo carries follow-up records (reviewdesk/demo_followup.py), so the report has its seventh section.
    assert stats.followup is not None and not stats.followup.empty
    assert [b.text for b in blocks if isinstance(b, Heading)] == [*HEADINGS, "七、整改及线索移送落实情况"]
    end = blocks[-1]
    assert isinstance(end, Signatures) and end.signers == () and (end.office, end.date_text) == (OFFICE, "2026年12月31日")

    tables = {b.caption.split(" ", 1)[1]: b for b in blocks if isinstance(b, Table)}
    assert list(tables) == ["评查等次分布", "评查结论分布", "按承办单位统计", "按案件类型统计", "评分表扣分按问题类别统计",
                            "合议认定问题按类别统计", "需整改及移送线索案件"]
    assert [b.caption.split(" ")[0] for b in blocks if isinstance(b, Table)] == [f"表{n}" for n in range(1, 8)]
    outcomes = {o.outcome: o.count for o in stats.by_outcome}
    for name in ("评查等次分布", "评查结论分布"):
        assert sum(_counts(tables[name], 1)) == _total(tables[name], 1) == stats.concluded
    for name in ("按承办单位统计", "按案件类型统计"):
        table = tables[name]
        assert sum(_counts(table, 1)) == _total(table, 1) == stats.selected
        assert sum(_counts(table, 2)) == _total(table, 2) == stats.concluded
        assert sum(_counts(table, 3)) == _total(table, 3) == outcomes["wrong"]
        assert sum(_counts(table, 4)) == _total(table, 4) == outcomes["flawed"]
        chart = _chart_after(blocks, table)  # the chart shows the table's 选取件数, largest first
        assert dict(zip(chart.labels, chart.values, strict=True)) == {r[0]: float(r[1]) for r in table.rows[:-1]}
        assert list(chart.values) == sorted(chart.values, reverse=True)

    grades = _chart_after(blocks, tables["评查等次分布"])
    assert sum(grades.values) == stats.concluded
    assert dict(zip(grades.labels, grades.values, strict=True)) == {g.grade: float(g.count) for g in stats.by_grade}

    # The problems as the sheets deducted them (every member's deductions), then the leaders' findings apart.
    deducted = tables["评分表扣分按问题类别统计"]
    marks = [m for s in stats.records.sheets for m in s.marks if m.is_deduction]
    assert sum(int(r[4]) for r in deducted.rows) == stats.deductions == len(marks) > stats.findings
    assert [r[1] for r in deducted.rows] == [c.category for c in stats.deduction_categories]
    chart = _chart_after(blocks, deducted)
    assert list(chart.values) == [float(c.cases) for c in stats.deduction_categories]
    problems = tables["合议认定问题按类别统计"]
    assert [r[1] for r in problems.rows] == [c.category for c in stats.categories]
    assert [r[3] for r in problems.rows] == [f"{c.cases / stats.concluded * 100:.1f}%" for c in stats.categories]
    texts = "\n".join(b.text for b in blocks if isinstance(b, Para))
    assert f"共扣分{stats.deductions}处" in texts and f"认定问题{stats.findings}个" in texts
    # Deadlines are listed per case, never joined into one period across cases.
    assert "整改期限自" not in texts

    actions = tables["需整改及移送线索案件"]
    concluded = [c.conclusion for c in stats.records.cases if c.conclusion is not None]
    assert len(actions.rows) == sum(c.correction_required or c.referral_suggested for c in concluded)
    assert [r[5] for r in actions.rows].count("是") == stats.referrals
    assert "2027年1月15日" in [r[4] for r in actions.rows]


def test_report_service_uses_the_office_profile(admin: OpenWorkspace) -> None:
    doc = reports.campaign_report_document(admin, DEMO_CAMPAIGN, on=date(2026, 3, 5))
    end = doc.blocks[-1]
    assert isinstance(end, Signatures) and end.date_text == "2026年3月5日" and end.office


def test_report_of_crafted_records_only_counts_what_is_there() -> None:
    cases = [_case(1, "U1", "criminal", "none", 95.0, "优秀"), _case(2, "U1", "criminal")]
    stats = compute_stats(_records(cases, []))
    doc = campaign_report(stats, OFFICE, "2026年3月5日")
    texts = [b.text for b in doc.blocks if isinstance(b, Para)]
    assert any("未发现问题" in t for t in texts) and any("暂无需要整改" in t for t in texts)
    assert not any(isinstance(b, Table) and "需整改" in b.caption for b in doc.blocks)
