"""Audit of issue 16, generate: the items made from a received result are that result's findings (category,
problem, page reference, type, the panel's deadline, grouped by category), and the draft referral its clue; a
conflict between laptops is refused until settled and left out of a whole-campaign run; without a proposed
deadline the campaign's working days count from the day, across the Spring Festival, and a year the calendar
does not know is counted Monday to Friday and said; items generated after a special rectification join it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from reviewdesk.demo import DEMO_ADMIN, DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.errors import Conflict, ValidationError
from reviewdesk.followup.generate import DEFAULT_REQUIREMENT, ConclusionSource
from reviewdesk.followup.rectification import kind_of
from reviewdesk.services import (
    assignment,
    deliberation,
    followup_settings,
    keys,
    rectification,
    referrals,
    results,
    special,
)
from reviewdesk.services import rectification_generate as generating
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.campaign_world import demo_cases as _cases
from tests.campaign_world import office_received_results


def test_items_from_a_received_result_are_its_findings_and_a_conflict_is_refused(
        enriched_demo: Path, demo_template: Path, tmp_path: Path) -> None:
    from tests.test_results_package import resend_from_another_laptop

    with office_received_results(enriched_demo, demo_template, tmp_path) as (laptop, office, recipient):
        wrong = _cases(office)[4]
        external = next(v.case.external_id for v in assignment.panels(office, DEMO_CAMPAIGN) if v.case.id == wrong)
        received = next(c for c in results.received(office, DEMO_CAMPAIGN) if c.case_id == external)
        conclusion = received.result["conclusion"]  # type: ignore[index]
        findings = conclusion["findings"]
        order = list(dict.fromkeys(f["category"] for f in findings))
        expected = sorted(enumerate(findings), key=lambda p: (order.index(p[1]["category"]), p[0]))

        preview = generating.generate(office, str(wrong), DEMO_CAMPAIGN, source="received", apply=False)
        made = generating.generate(office, str(wrong), DEMO_CAMPAIGN, source="received")
        for shown in (preview.items, made.items):
            assert [(i["position"], i["category"], i["description"], i["evidence_ref"], i["kind"]) for i in shown] == [
                (n, f["category"], f["description"], f.get("evidence_ref") or "", kind_of(f["category"]))
                for n, f in expected]
            assert {i["deadline"] for i in shown} == {conclusion["actions"]["correction"]["deadline"]}
        stored = [rectification.show_item(office, i["id"]) for i in made.items]
        assert {(v.source_key, v.status, v.requirement) for v in stored} == {(made.source, "open", DEFAULT_REQUIREMENT)}
        assert made.source == f"received:{received.results[0].digest}"
        assert all(v.responsible_unit and v.responsible_unit != v.unit_code for v in stored)  # the unit's name
        referral = referrals.show_referral(office, made.referral["id"])  # type: ignore[index]
        reason = conclusion["actions"]["referral"]["reason"]
        backing = [findings[n - 1] for n in conclusion["actions"]["referral"]["findings"]]
        assert backing and referral.clue == reason + "：" + "；".join(f["description"] for f in backing)
        assert referral.evidence == [{"title": f["description"], "ref": f["evidence_ref"]} for f in backing]
        assert referral.persons and all(p["name"] and p["unit"] for p in referral.persons)
        assert (referral.status, referral.source_key, referral.letter_number) == ("draft", made.source, None)

        # Another laptop sends a different conclusion for the same case: generate refuses until it is settled.
        board = deliberation.deliberation(laptop, str(wrong), DEMO_CAMPAIGN).conclusion
        assert board is not None
        deliberation.conclude(laptop, str(wrong), deliberation.ConclusionInput(
            outcome="flawed", grade="瑕疵", grade_reason="处理结果正确，但证据核实不充分",
            findings=[deliberation.FindingInput(board.findings[0].category, "证据核实不充分", "卷1第12页",
                                                basis_reason="合议时查阅卷宗发现")],
            majority_view="经再次合议，改为瑕疵案。", minority_view="无",
            correction_required=True, correction_deadline="2027-01-30"), DEMO_CAMPAIGN)
        second = results.export_results(laptop, DEMO_CAMPAIGN, [recipient], tmp_path / "second.rdpkg")
        done = results.import_results(office, resend_from_another_laptop(office, Path(second.files[0]), tmp_path))
        assert done.conflicts == [external]
        before = len(rectification.list_items(office, DEMO_CAMPAIGN))
        with pytest.raises(Conflict) as err:
            generating.generate(office, str(wrong), DEMO_CAMPAIGN)
        assert "冲突" in err.value.message_zh
        with pytest.raises(Conflict):
            generating.generate(office, str(wrong), DEMO_CAMPAIGN, apply=False)
        whole = generating.generate_campaign(office, DEMO_CAMPAIGN)
        assert external not in {r.case_external_id for r in whole}  # left out of the campaign run
        made_now = sum(len(r.items) for r in whole)
        assert len(rectification.list_items(office, DEMO_CAMPAIGN)) == before + made_now
        assert not any(rectification.show_item(office, i["id"]).needs_review for i in made.items)  # not flagged


def test_whole_campaign_generate_from_received_results_matches_case_by_case(
        enriched_demo: Path, plain_demo_template: Path, tmp_path: Path) -> None:
    shutil.copytree(enriched_demo, tmp_path / "laptop")
    shutil.copytree(plain_demo_template, tmp_path / "office")
    with Workspace(tmp_path / "laptop").open(DEMO_ADMIN, DEMO_PASSWORD) as laptop, \
            Workspace(tmp_path / "office").open(DEMO_ADMIN, DEMO_PASSWORD) as office:
        keys.trust_issuer(office, keys.signing_public_key(laptop), "评查组笔记本 A")
        package = results.export_results(laptop, DEMO_CAMPAIGN, [keys.recipient(office)], tmp_path / "r.rdpkg")
        results.import_results(office, Path(package.files[0]))
        wrong = _cases(office)[4]
        one = generating.generate(office, str(wrong), DEMO_CAMPAIGN)
        assert one.source.startswith("received:")
        whole = {r.case_external_id: r for r in generating.generate_campaign(office, DEMO_CAMPAIGN)}
        assert whole[one.case_external_id].items == [] and whole[one.case_external_id].existing == len(one.items)
        items = rectification.list_items(office, DEMO_CAMPAIGN)
        by_case: dict[str, list[str]] = {}
        for item in items:
            by_case.setdefault(item.case_external_id, []).append(item.source_key)
        received = {c.case_id: c for c in results.received(office, DEMO_CAMPAIGN)}
        for ext, keys_seen in by_case.items():
            if ext in received and received[ext].status == "consistent":
                local = deliberation.deliberation(office, ext, DEMO_CAMPAIGN).conclusion
                want = f"local:v{local.version}" if local else f"received:{received[ext].results[0].digest}"
                assert set(keys_seen) == {want}, ext
        assert any(k.startswith("received:") and ext != one.case_external_id
                   for ext, ks in by_case.items() for k in ks)
        again = generating.generate_campaign(office, DEMO_CAMPAIGN)
        assert all(r.items == [] and r.referral is None for r in again)
        assert len(rectification.list_items(office, DEMO_CAMPAIGN)) == len(items)


def test_without_a_proposed_deadline_the_campaign_days_count_from_the_day() -> None:
    """A local conclusion always carries the panel's deadline (deliberation requires it); a received result whose
    correction is not marked required still gives items for a wrong case, with the campaign's rectify_days."""
    from reviewdesk.followup.generate import plan

    source = ConclusionSource.from_result(
        {"version": 1, "outcome": "wrong", "findings": [
            {"category": "证据采信", "description": "关键证据未予核实", "evidence_ref": "卷1第12页"}],
         "actions": {"correction": {"required": False, "deadline": None}, "referral": {"suggested": False}}},
        "0" * 64)
    [draft] = plan(source).items
    assert draft.deadline is None and draft.kind == "实体"
    # 20 working days from Tuesday 2026-02-10: 11–13, 14 (Sat, worked), 24–27, 28 (Sat, worked), 3月2–6, 9–13, 16.
    assert generating._deadline(None, 20, date(2026, 2, 10)) == ("2026-03-16", "")
    # 5 from Monday 2026-12-28 reach into 2027, which the calendar does not know: 29, 30, 31, 1月1日 (a Friday,
    # counted), 4 — and the note says so.
    day, note = generating._deadline(None, 5, date(2026, 12, 28))
    assert day == "2027-01-04" and "2027年" in note and "周一至周五" in note
    assert generating._deadline("2027-02-01", 5, date(2026, 12, 28)) == ("2027-02-01", "")  # the panel's date wins


def test_a_case_sent_back_for_correction_gives_items_and_a_referral_alone_gives_only_the_referral(
        world: OpenWorkspace) -> None:
    case = _cases(world)[5]
    board = deliberation.deliberation(world, str(case), DEMO_CAMPAIGN).conclusion
    assert board is not None
    category = board.findings[0].category
    deliberation.conclude(world, str(case), deliberation.ConclusionInput(
        outcome="none", grade="合格", grade_reason="无实质问题",
        findings=[deliberation.FindingInput(category, "卷宗装订顺序混乱", "卷1第2页", basis_reason="合议时查阅卷宗发现")],
        majority_view="无实质问题，卷宗须整理。", minority_view="无", outcome_reason="扣分项不影响处理结果",
        correction_required=True, correction_deadline="2027-02-20"), DEMO_CAMPAIGN)
    made = generating.generate(world, str(case), DEMO_CAMPAIGN)
    assert [(i["description"], i["deadline"]) for i in made.items] == [("卷宗装订顺序混乱", "2027-02-20")]
    assert made.referral is None
    deliberation.conclude(world, str(case), deliberation.ConclusionInput(
        outcome="none", grade="合格", grade_reason="无实质问题",
        findings=[deliberation.FindingInput(category, "承办人收受当事人礼品", "卷2第3页", basis_reason="合议时查阅卷宗发现")],
        majority_view="处理结果正确，但发现违纪线索。", minority_view="无", outcome_reason="扣分项不影响处理结果",
        referral_suggested=True, referral_reason="承办人涉嫌违反廉洁纪律", referral_findings=(1,)), DEMO_CAMPAIGN)
    second = generating.generate(world, str(case), DEMO_CAMPAIGN)
    assert second.items == [] and second.referral is not None
    assert second.referral["clue"] == "承办人涉嫌违反廉洁纪律：承办人收受当事人礼品"
    assert second.referral["evidence"] == [{"title": "承办人收受当事人礼品", "ref": "卷2第3页"}]
    assert second.flagged == 1  # the item of the first version
    with pytest.raises(ValidationError) as err:
        generating.generate(world, str(case), DEMO_CAMPAIGN, source="somewhere")
    assert err.value.field == "source"


def test_items_generated_after_a_special_rectification_belong_to_it(world: OpenWorkspace) -> None:
    cases = _cases(world)
    generating.generate(world, str(cases[4]), DEMO_CAMPAIGN)
    generating.generate(world, str(cases[5]), DEMO_CAMPAIGN)
    followup_settings.set_setting(world, DEMO_CAMPAIGN, "special_min_cases", "1")
    first = rectification.list_items(world, DEMO_CAMPAIGN)[0]
    made = special.create_special(world, DEMO_CAMPAIGN, first.category, "全面排查", "2027-03-31")
    assert first.id in made.items
    one_by_one = []  # generate case by case (link_open_special), then the rest in one run (generate_campaign)
    for case in cases[:2]:
        one_by_one += generating.generate(world, str(case), DEMO_CAMPAIGN).items
    later = [i for r in generating.generate_campaign(world, DEMO_CAMPAIGN) for i in r.items]
    for made_now in (one_by_one, later):
        joined = [i["id"] for i in made_now if i["category"] == first.category]
        assert joined, "more items of this category are made this way"
        assert all(rectification.show_item(world, i).special_id == made.id for i in joined)
        others = [i["id"] for i in made_now if i["category"] != first.category]
        assert all(rectification.show_item(world, i).special_id is None for i in others)
    assert special.show_special(world, made.id).items == sorted(
        i.id for i in rectification.list_items(world, DEMO_CAMPAIGN) if i.category == first.category)
