"""The demo workspace with more conclusions (a wrong case with a referral, flawed cases, a re-concluded one),
and the figures the services show for it: shared by the statistics and ledger tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.services import assignment, deliberation, rubrics, selection
from reviewdesk.workspace import OpenWorkspace


def _categories(ws: OpenWorkspace, case_id: int) -> tuple[str, ...]:
    board = deliberation.deliberation(ws, str(case_id), DEMO_CAMPAIGN)
    assert board.rubric is not None
    code, version = board.rubric.rsplit(" v", 1)
    return rubrics.rubric_detail(ws, code, int(version)).rubric.categories


def _finding(category: str, text: str, page: int) -> deliberation.FindingInput:
    return deliberation.FindingInput(category, text, f"卷1第{page}页", basis_reason="合议时查阅卷宗发现")


def enrich(ws: OpenWorkspace) -> None:
    """As the admin: conclude panels 5 and 6 of the demo and re-conclude panel 1 (all three are fully scored)."""
    views = assignment.panels(ws, DEMO_CAMPAIGN)[:6]
    first, fifth, sixth = views[0].case.id, views[4].case.id, views[5].case.id
    cats = _categories(ws, fifth)
    deliberation.conclude(ws, str(fifth), deliberation.ConclusionInput(
        outcome="wrong", grade="不合格", grade_reason="认定事实的主要证据不足，处理结果错误",
        findings=[_finding(cats[0], "关键证据未予核实即作认定", 12), _finding(cats[0], "处理结果与查明事实不符", 30),
                  _finding(cats[1], "未告知当事人申请回避的权利", 5)],
        majority_view="经合议，评查组认为本案处理结果错误。", minority_view="一名成员认为应评为瑕疵案。",
        correction_required=True, correction_deadline="2027-01-15",
        referral_suggested=True, referral_reason="承办人涉嫌违规办案", referral_findings=(1,),
    ), DEMO_CAMPAIGN)
    cats = _categories(ws, sixth)
    deliberation.conclude(ws, str(sixth), deliberation.ConclusionInput(
        outcome="flawed", findings=[_finding(cats[1], "延长期限未依法办理审批", 44)],
        majority_view="经合议，评查组认为本案存在程序性瑕疵。", minority_view="无",
        correction_required=True, correction_deadline="2027-02-01",
    ), DEMO_CAMPAIGN)
    cats = _categories(ws, first)
    deliberation.conclude(ws, str(first), deliberation.ConclusionInput(
        outcome="flawed", findings=[_finding(cats[1], "未在法定期限内送达法律文书", 8),
                                    _finding(cats[-1], "办案人员接待当事人态度生硬", 61)],
        majority_view="经复核，评查组认为本案存在瑕疵。", minority_view="无",
        correction_required=True, correction_deadline="2027-01-20",
    ), DEMO_CAMPAIGN)


@dataclass
class Expected:
    """The figures as the selection and deliberation services show them, one case at a time."""

    selected: list[selection.SelectedCase]
    conclusions: dict[str, deliberation.ConclusionView]  # by external id

    @classmethod
    def read(cls, ws: OpenWorkspace) -> Expected:
        chosen = selection.selected_cases(ws, DEMO_CAMPAIGN)
        done = {}
        for case in chosen:
            view = deliberation.deliberation(ws, str(case.case_id), DEMO_CAMPAIGN)
            if view.conclusion is not None:
                done[case.external_id] = view.conclusion
        return cls(chosen, done)


def demo_cases(ws: OpenWorkspace) -> list[int]:
    """The store ids of the demo campaign's first six cases, in panel order (the follow-up tests' cases)."""
    from reviewdesk.demo import DEMO_CAMPAIGN
    from reviewdesk.services import assignment

    return [v.case.id for v in assignment.panels(ws, DEMO_CAMPAIGN)[:6]]


@contextmanager
def office_received_results(enriched_demo: Path, demo_template: Path, tmp_path: Path
                            ) -> Iterator[tuple[OpenWorkspace, OpenWorkspace, str]]:
    """A review-room laptop (the enriched demo) and the office (the demo before the last conclusions) that
    trusts it and has imported its results package: (laptop, office, the office's recipient)."""
    import shutil

    from reviewdesk.demo import DEMO_ADMIN, DEMO_PASSWORD
    from reviewdesk.services import keys, results
    from reviewdesk.workspace import Workspace

    shutil.copytree(enriched_demo, tmp_path / "laptop")
    shutil.copytree(demo_template, tmp_path / "office")
    with Workspace(tmp_path / "laptop").open(DEMO_ADMIN, DEMO_PASSWORD) as laptop, \
            Workspace(tmp_path / "office").open(DEMO_ADMIN, DEMO_PASSWORD) as office:
        keys.trust_issuer(office, keys.signing_public_key(laptop), "评查组笔记本 A")
        recipient = keys.recipient(office)
        first = results.export_results(laptop, DEMO_CAMPAIGN, [recipient], tmp_path / "first.rdpkg")
        results.import_results(office, Path(first.files[0]))
        yield laptop, office, recipient
