"""The 移送整改 page driven through its widgets on the real store: generate from a concluded case (previewed),
filters, the status steps with their confirmations, referrals, objections and their 复核, a special
rectification, evidence files, papers; the home page's due counts and their links; roles. With
REVIEWDESK_SCREENSHOTS=<folder>, one picture of each tab at 1366×768."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from reviewdesk import clock
from reviewdesk.demo import DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.services import assignment, due, objections, rectification, referrals, special
from reviewdesk.services import rectification_generate as generating
from reviewdesk.workspace import OpenWorkspace
from tests.campaign_world import demo_cases as _cases
from ui.models.followup import ObjectionsModel, RectificationModel, ReferralsModel, SpecialsModel
from ui.pages.followup import FollowupPage
from ui.qt import QApplication, QMessageBox, QPushButton
from ui.widgets.common import select_row

SHOTS = os.environ.get("REVIEWDESK_SCREENSHOTS")


def _external(ws: OpenWorkspace, case_id: int) -> str:
    return next(v.case.external_id for v in assignment.panels(ws, DEMO_CAMPAIGN) if v.case.id == case_id)


def _page(qtbot, ws: OpenWorkspace, tab: str = "rectification") -> FollowupPage:
    page = FollowupPage(ws)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    page.follow_campaign(DEMO_CAMPAIGN)
    register = page.register(tab)
    assert register is not None
    page.tabs.setCurrentWidget(register)
    page.activate()
    _settle(qtbot, page)
    return page


def _settle(qtbot, page: FollowupPage) -> None:
    qtbot.waitUntil(lambda: not page.is_loading() and not page.busy_now(), timeout=20000)


def _click(qtbot, button: QPushButton | None) -> None:
    from ui.qt import Qt

    assert button is not None and button.isVisible() and button.isEnabled(), button and button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _answer(qtbot, parent, yes: bool) -> None:
    """The confirmation box that is open: press its first (the action) button, or Cancel."""
    qtbot.waitUntil(
        lambda: bool([b for b in parent.findChildren(QMessageBox) if b.isVisible()]), timeout=5000
    )
    box = next(b for b in parent.findChildren(QMessageBox) if b.isVisible())
    button = box.buttons()[0] if yes else box.button(QMessageBox.StandardButton.Cancel)
    if yes:
        button = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    button.click()
    QApplication.processEvents()


def _wait_closed(qtbot, dialog) -> None:
    from shiboken6 import isValid

    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=20000)


def _opened(qtbot, tab, attr: str, button: QPushButton | None):
    """Press `button`; the dialog it opens once its rows are read on the worker (kept in `tab.<attr>`)."""
    setattr(tab, attr, None)
    _click(qtbot, button)
    qtbot.waitUntil(lambda: getattr(tab, attr, None) is not None, timeout=20000)
    return getattr(tab, attr)


def _freeze(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    moment = datetime.fromisoformat(f"{day}T10:00:00").astimezone()
    monkeypatch.setattr(clock, "now", lambda: moment)


# -- generate ----------------------------------------------------------------------------------------------------
def test_generate_from_a_concluded_case_previews_then_creates(qtbot, world, qtmodeltester):
    page = _page(qtbot, world)
    tab = page.register("rectification")
    assert tab.model.rowCount() == 0
    dialog = _opened(qtbot, tab, "generate_dialog", tab.generate_button)
    wrong = _external(world, _cases(world)[4])
    dialog.case.setCurrentIndex(dialog.case.findData(wrong))
    assert not dialog.create_button.isEnabled()  # nothing to create before the preview
    _click(qtbot, dialog.preview_button)
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=20000)
    shown = dialog.shown.toPlainText()
    assert "卷1第12页" in shown and shown.count("•") == 3 and "2027-01-15" in shown
    assert rectification.list_items(world, DEMO_CAMPAIGN) == []  # a preview creates nothing
    _click(qtbot, dialog.create_button)
    _wait_closed(qtbot, dialog)
    _settle(qtbot, page)
    assert tab.model.rowCount() == 3
    assert [tab.model.row_at(r).number for r in range(3)] == [
        f"{DEMO_CAMPAIGN}-Z0001",
        f"{DEMO_CAMPAIGN}-Z0002",
        f"{DEMO_CAMPAIGN}-Z0003",
    ]
    qtmodeltester.check(tab.model)
    assert [r.status for r in referrals.list_referrals(world, DEMO_CAMPAIGN)] == ["draft"]

    # Again: the same conclusion gives nothing twice, and the dialog says so.
    dialog = _opened(qtbot, tab, "generate_dialog", tab.generate_button)
    dialog.case.setCurrentIndex(dialog.case.findData(wrong))
    _click(qtbot, dialog.preview_button)
    qtbot.waitUntil(lambda: bool(dialog.summary.text()), timeout=20000)
    assert not dialog.create_button.isEnabled() and "3" in dialog.summary.text()
    dialog.reject()


# -- filters and steps ---------------------------------------------------------------------------------------------
def test_filters_by_unit_status_and_due(qtbot, world, monkeypatch):
    for case_id in _cases(world)[4:6]:
        generating.generate(world, str(case_id), DEMO_CAMPAIGN)
    everything = rectification.list_items(world, DEMO_CAMPAIGN)
    units = sorted({i.unit_code for i in everything})
    page = _page(qtbot, world)
    tab = page.register("rectification")
    assert tab.model.rowCount() == len(everything)
    tab.unit.setCurrentIndex(tab.unit.findData(units[0]))
    _settle(qtbot, page)
    assert tab.model.rowCount() == len([i for i in everything if i.unit_code == units[0]]) > 0
    assert {tab.model.row_at(r).unit_code for r in range(tab.model.rowCount())} == {units[0]}
    tab.unit.setCurrentIndex(0)
    tab.status.setCurrentIndex(tab.status.findData("closed"))
    _settle(qtbot, page)
    assert tab.model.rowCount() == 0
    tab.status.setCurrentIndex(0)
    deadlines = sorted({i.deadline for i in everything})
    _freeze(monkeypatch, "2027-03-01")  # after every deadline
    tab.due.setCurrentIndex(tab.due.findData("overdue"))
    _settle(qtbot, page)
    assert tab.model.rowCount() == len(everything)
    assert tab.model.row_at(0).due == "overdue" and deadlines[-1] < "2027-03-01"
    tab.due.setCurrentIndex(tab.due.findData("due_soon"))
    _settle(qtbot, page)
    assert tab.model.rowCount() == 0


def test_each_status_step_through_its_button_and_the_confirmation(qtbot, world, tmp_path):
    generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    page = _page(qtbot, world)
    tab = page.register("rectification")
    select_row(tab.table, 0)
    item_id = tab.selected_id
    assert tab.report_button.isEnabled() and not tab.close_button.isEnabled()
    assert not tab.verify_button.isEnabled() and not tab.send_back_button.isEnabled()

    _click(qtbot, tab.report_button)
    form = tab.form
    scan = tmp_path / "整改佐证.pdf"
    scan.write_bytes(b"%PDF-1.4 evidence of the fix")
    form.add_paths([scan])
    _click(qtbot, form.save_button)  # no measures: refused, the form stays open
    qtbot.waitUntil(lambda: form.message.isVisible(), timeout=20000)
    assert form.isVisible() and rectification.show_item(world, item_id).status == "open"
    form.fields["measures"].setPlainText("已重新制作并送达法律文书")
    _click(qtbot, form.save_button)
    _wait_closed(qtbot, form)
    _settle(qtbot, page)
    view = rectification.show_item(world, item_id)
    assert view.status == "reported" and view.measures == "已重新制作并送达法律文书"
    assert [e["filename"] for e in view.evidence] == ["整改佐证.pdf"]
    assert tab.selected_id == item_id and tab.verify_button.isEnabled()
    qtbot.waitUntil(lambda: tab.evidence.count() == 1, timeout=20000)

    _click(qtbot, tab.send_back_button)
    form = tab.form
    form.fields["reason"].setPlainText("佐证材料不完整")
    form.fields["deadline"].setText("10个工作日")
    _click(qtbot, form.save_button)
    _wait_closed(qtbot, form)
    _settle(qtbot, page)
    assert rectification.show_item(world, item_id).status == "sent_back"

    rectification.report(world, item_id, "补充材料")
    tab.refresh()
    _settle(qtbot, page)
    _click(qtbot, tab.verify_button)
    form = tab.form
    _click(qtbot, form.save_button)
    _wait_closed(qtbot, form)
    _settle(qtbot, page)
    assert rectification.show_item(world, item_id).status == "verified"

    _click(qtbot, tab.close_button)
    _answer(qtbot, tab, yes=False)  # Cancel: nothing changes
    _settle(qtbot, page)
    assert rectification.show_item(world, item_id).status == "verified"
    _click(qtbot, tab.close_button)
    _answer(qtbot, tab, yes=True)
    _settle(qtbot, page)
    closed = rectification.show_item(world, item_id)
    assert closed.status == "closed" and closed.closed_on
    assert not tab.evidence_button.isEnabled() and not tab.report_button.isEnabled()
    assert "已销号" in tab.model.data(tab.model.index(0, 6)) or tab.model.row_at(0).status == "closed"


def test_evidence_opens_in_the_viewer(qtbot, world, tmp_path):
    from ui.pages.followup_evidence import EvidenceDialog

    generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    item = rectification.list_items(world, DEMO_CAMPAIGN)[0]
    png = tmp_path / "scan.png"
    from ui.qt import QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x3366AA)
    image.save(str(png))
    page = _page(qtbot, world)
    tab = page.register("rectification")
    select_row(tab.table, tab.model.row_of(item.id))
    tab.attach_evidence([png])
    _settle(qtbot, page)
    qtbot.waitUntil(lambda: tab.evidence.count() == 1, timeout=20000)
    tab.view_evidence(tab.evidence.item(0))
    dialog = tab.evidence_dialog
    assert isinstance(dialog, EvidenceDialog)
    qtbot.waitUntil(lambda: dialog.shown, timeout=20000)
    assert dialog.viewer.kind == dialog.viewer.KIND_IMAGE
    dialog.reject()


# -- referrals, objections, specials ------------------------------------------------------------------------------
def test_referral_letter_and_feedback(qtbot, world, qtmodeltester):
    generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    page = _page(qtbot, world, "referral")
    tab = page.register("referral")
    assert tab.model.rowCount() == 1
    qtmodeltester.check(tab.model)
    select_row(tab.table, 0)
    rid = tab.selected_id
    assert tab.letter_button.isEnabled() and not tab.feedback_button.isEnabled()
    _click(qtbot, tab.letter_button)
    form = tab.form
    _click(qtbot, form.save_button)
    _answer(qtbot, form, yes=True)  # the number is issued once: asked first
    _wait_closed(qtbot, form)
    _settle(qtbot, page)
    sent = referrals.show_referral(world, rid)
    assert sent.status == "sent" and sent.letter_number
    assert tab.model.row_at(0).letter_number == sent.letter_number
    _click(qtbot, tab.feedback_button)
    form = tab.form
    form.fields["outcome"].setCurrentIndex(form.fields["outcome"].findData("punished"))
    _click(qtbot, form.save_button)  # which sanction? refused
    qtbot.waitUntil(lambda: form.message.isVisible(), timeout=20000)
    form.fields["detail"].setPlainText("党内警告")
    _click(qtbot, form.save_button)
    _wait_closed(qtbot, form)
    _settle(qtbot, page)
    got = referrals.show_referral(world, rid)
    assert got.status == "feedback" and got.outcome == "punished" and got.outcome_detail == "党内警告"


def test_referral_letter_is_previewed_as_a_draft(qtbot, world, monkeypatch):
    generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    page = _page(qtbot, world, "referral")
    tab = page.register("referral")
    select_row(tab.table, 0)
    tab._paper(tab._letter, tab._letter_title, "preview")
    _settle(qtbot, page)
    qtbot.waitUntil(lambda: getattr(tab, "preview_dialog", None) is not None, timeout=20000)
    assert tab.last_paper.data.startswith(b"%PDF") and tab.last_paper.number is None
    tab.preview_dialog.reject()


def _fill_objection(qtbot, tab, case: int, delivered_on: str):
    """The objection form, opened from its tab and filled in for `case` (the opinion delivered on that day)."""
    _click(qtbot, tab.add_button)
    form = tab.form
    form.fields["case"].setCurrentIndex(form.fields["case"].findData(str(case)))
    form.fields["objector"].setText("兰州市城关区人民法院")
    form.fields["grounds"].setPlainText("认定事实有误")
    form.fields["delivered_on"].setText(delivered_on)
    return form


def test_objection_and_its_recheck_by_the_office(qtbot, world, qtmodeltester):
    case = _cases(world)[5]
    page = _page(qtbot, world, "objection")
    tab = page.register("objection")
    form = _fill_objection(qtbot, tab, case, clock.now().date().isoformat())
    _click(qtbot, form.save_button)
    _wait_closed(qtbot, form)
    _settle(qtbot, page)
    assert tab.model.rowCount() == 1
    qtmodeltester.check(tab.model)
    select_row(tab.table, 0)
    _click(qtbot, tab.decide_button)
    form = tab.form
    form.fields["reason"].setPlainText("经复核，原结论正确")
    _click(qtbot, form.save_button)
    _answer(qtbot, form, yes=True)
    _wait_closed(qtbot, form)
    _settle(qtbot, page)
    assert objections.list_objections(world, DEMO_CAMPAIGN)[0].status == "upheld"
    assert not tab.decide_button.isEnabled()


def test_the_panel_leader_changes_the_conclusion_in_the_recheck(qtbot, world):
    from sqlalchemy import select

    from reviewdesk.services import deliberation
    from reviewdesk.store.models import Expert, PanelMember, User

    case = _cases(world)[4]
    o = objections.add_objection(
        world,
        str(case),
        "兰州市城关区人民法院",
        "处理结果并无错误",
        delivered_on=clock.now().date().isoformat(),
        campaign_id=DEMO_CAMPAIGN,
    )
    with world.read_session() as s:
        leader = s.execute(
            select(User.username)
            .join(Expert, Expert.user_id == User.id)
            .join(PanelMember, PanelMember.expert_id == Expert.id)
            .where(
                PanelMember.campaign_id == DEMO_CAMPAIGN,
                PanelMember.case_id == case,
                PanelMember.role == "leader",
            )
        ).scalar_one()
    with world.workspace.open(leader, DEMO_PASSWORD) as ws:
        page = _page(qtbot, ws, "objection")
        tab = page.register("objection")
        assert tab.model.ids() == [o.id] and not hasattr(tab, "add_button")  # the office records objections
        select_row(tab.table, 0)
        _click(qtbot, tab.decide_button)
        form = tab.form
        assert not form.fields["grade"].isEnabled()  # upheld keeps the conclusion
        form.fields["decision"].setCurrentIndex(form.fields["decision"].findData("changed"))
        assert form.fields["grade"].isEnabled()
        form.fields["outcome"].setCurrentIndex(form.fields["outcome"].findData("flawed"))
        form.fields["grade"].setCurrentIndex(form.fields["grade"].findData("瑕疵"))
        form.fields["reason"].setPlainText("处理结果正确，改评瑕疵")
        _click(qtbot, form.save_button)
        _answer(qtbot, form, yes=True)
        _wait_closed(qtbot, form)
        _settle(qtbot, page)
        page.teardown()
    done = objections.show_objection(world, o.id)
    assert (
        done.status == "changed" and (done.from_version, done.to_version) == (1, 2) and done.reissued_number
    )
    after = deliberation.deliberation(world, str(case), DEMO_CAMPAIGN).conclusion
    assert after is not None and (after.version, after.outcome, after.grade) == (2, "flawed", "瑕疵")
    assert objections.conclusion_versions(world, str(case), DEMO_CAMPAIGN)[0]["grade"] == "不合格"  # kept


def test_special_rectification_from_the_ranking(qtbot, world, qtmodeltester):
    for case_id in _cases(world)[:6]:
        try:
            generating.generate(world, str(case_id), DEMO_CAMPAIGN)
        except Exception:  # a case without a conclusion
            pass
    qualifying = [r for r in special.ranking(world, DEMO_CAMPAIGN) if r.qualifies]
    assert qualifying
    page = _page(qtbot, world, "special")
    tab = page.register("special")
    form = _opened(qtbot, tab, "form", tab.create_button)
    assert form.fields["category"].count() == len(qualifying)
    form.fields["requirement"].setPlainText("全面排查同类问题")
    _click(qtbot, form.save_button)
    _wait_closed(qtbot, form)
    _settle(qtbot, page)
    assert tab.model.rowCount() == 1 and tab.model.row_at(0).category == qualifying[0].category
    qtmodeltester.check(tab.model)


# -- home page ----------------------------------------------------------------------------------------------------
def test_home_counts_what_is_due_and_links_to_the_filtered_tab(qtbot, world, main_window, monkeypatch):
    for case_id in _cases(world)[4:6]:
        generating.generate(world, str(case_id), DEMO_CAMPAIGN)
    _freeze(monkeypatch, "2027-03-01")
    counts = due.due_counts(world, DEMO_CAMPAIGN)
    assert counts["rectification"]["overdue"] > 0
    window, box = _home_due_box(qtbot, main_window(world))
    assert box.count("rectification", "overdue") == counts["rectification"]["overdue"]
    assert box.count("rectification", "due_soon") == counts["rectification"]["due_soon"]
    assert not box.links[("special", "overdue")].isEnabled() or counts["special"]["overdue"]
    _click(qtbot, box.links[("rectification", "overdue")])
    assert window.current_key() == "referrals"
    page = window.pages["referrals"]
    _settle(qtbot, page)
    tab = page.register("rectification")
    assert page.tabs.currentWidget() is tab and tab.due.currentData() == "overdue"
    assert tab.model.ids() == rectification.item_ids(world, DEMO_CAMPAIGN, due="overdue")


def _home_due_box(qtbot, window):
    """The home page's 到期提醒 box on the demo campaign, once the page has read its data."""
    window.set_campaign(DEMO_CAMPAIGN)
    home = window.pages["home"]
    qtbot.waitUntil(lambda: not home.is_loading(), timeout=20000)
    assert home.due_box is not None
    return window, home.due_box


def test_the_demo_shows_what_is_due_at_login_and_fills_the_registers(qtbot, demo_ws, main_window):
    """`reviewdesk demo` carries follow-up records (reviewdesk/demo_followup.py): 到期提醒 and 移送整改 are not empty."""
    window, box = _home_due_box(qtbot, main_window(demo_ws))
    assert box.count("rectification", "overdue") == 1 and box.count("referral", "overdue") == 1
    _click(qtbot, box.links[("referral", "overdue")])
    page = window.pages["referrals"]
    _settle(qtbot, page)
    overdue = [r.id for r in referrals.list_referrals(demo_ws, DEMO_CAMPAIGN) if r.due == "overdue"]
    tab = page.register("referral")
    assert page.tabs.currentWidget() is tab and len(overdue) == 1 and tab.model.ids() == overdue
    assert len(page.register("rectification").model.ids()) == len(rectification.list_items(demo_ws, DEMO_CAMPAIGN)) > 3


def _papers(tab, caption: str) -> QPushButton:
    return next(b for b, _when, _row in tab.buttons if b.text() == caption)


def test_every_paper_of_the_registers_from_its_tab(qtbot, demo_ws, tmp_path, monkeypatch):
    """复核决定书, 专项整治通知, the unit's 评查情况反馈意见 and the 回头看情况报告, beside the notice and the letter:
    previewed as drafts (no number), and saved as Word with a number issued once."""
    from docx import Document as Docx

    page = _page(qtbot, demo_ws)
    items = page.register("rectification")
    items.table.clearSelection()
    items.update_buttons()
    feedback, report = _papers(items, "评查情况反馈意见 ▾"), _papers(items, "回头看情况报告 ▾")
    assert report.isEnabled() and not feedback.isEnabled()  # no unit chosen, no row: to whom?
    unit = items.model.row_at(0).unit_code
    items.unit.setCurrentIndex(items.unit.findData(unit))
    _settle(qtbot, page)
    items.table.clearSelection()
    items.update_buttons()
    assert feedback.isEnabled() and items._feedback_unit(None) == unit
    objections_tab, specials_tab = page.register("objection"), page.register("special")
    for tab in (objections_tab, specials_tab):
        page.tabs.setCurrentWidget(tab)
        page.activate()
        _settle(qtbot, page)
    changed = next(n for n in range(objections_tab.model.rowCount()) if objections_tab.model.row_at(n).status == "changed")
    select_row(objections_tab.table, changed)
    select_row(specials_tab.table, 0)
    assert _papers(objections_tab, "复核决定书 ▾").isEnabled() and _papers(specials_tab, "专项整治通知 ▾").isEnabled()
    papers = (
        (items, items._feedback, items._feedback_title, "评查情况反馈意见"),
        (items, items._followup_report, items._followup_report_title, "回头看的报告"),
        (objections_tab, objections_tab._decision, objections_tab._decision_title, "复核决定书"),
        (specials_tab, specials_tab._special_notice, specials_tab._special_title, "专项整治的通知"),
    )
    for n, (tab, make, title, words) in enumerate(papers):
        tab._paper(make, title, "preview")
        qtbot.waitUntil(lambda tab=tab: getattr(tab, "preview_dialog", None) is not None, timeout=20000)
        assert tab.last_paper.data.startswith(b"%PDF") and tab.last_paper.number is None, words
        tab.preview_dialog.reject()
        tab.preview_dialog = None
        target = tmp_path / f"paper{n}.docx"
        monkeypatch.setattr("ui.pages.opinions.ask_save_path", lambda *_a, t=target: (t, ""))
        tab.last_paper = None
        tab._paper(make, title, "docx")
        _settle(qtbot, page)
        # The file is written on the worker before the page hears of it: wait for both.
        qtbot.waitUntil(lambda tab=tab, t=target: t.exists() and tab.last_paper is not None, timeout=20000)
        text = "\n".join(p.text for p in Docx(str(target)).paragraphs)
        assert words in text and tab.last_paper.number and tab.last_paper.number in text, words


# -- roles --------------------------------------------------------------------------------------------------------
def test_observer_reads_and_expert_sees_only_objections(qtbot, world):
    generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    with world.workspace.open("chenjing", DEMO_PASSWORD) as observer:
        page = _page(qtbot, observer)
        tab = page.register("rectification")
        assert tab.model.rowCount() == 3 and tab.buttons == []
        assert not hasattr(tab, "generate_button")
        assert set(page.registers) == {"rectification", "referral", "objection", "special", "collision"}
        page.teardown()
        assert not page.holds_data()
    with world.workspace.open("zhanghua", DEMO_PASSWORD) as expert:
        page = _page(qtbot, expert, "objection")
        assert set(page.registers) == {"objection"}  # no referrals, no registers naming persons
        assert page.register("objection").decide_button is not None
        page.teardown()


def test_the_page_replaces_the_placeholder_for_the_roles(qtbot, world, main_window):
    window = main_window(world)
    window.show_page("referrals")
    assert isinstance(window.pages["referrals"], FollowupPage)


# -- models -------------------------------------------------------------------------------------------------------
def test_every_model_passes_the_model_tester(qtbot, world, qtmodeltester):
    generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    items = RectificationModel(lambda ids: rectification.items_by_id(world, ids))
    items.set_ids(rectification.item_ids(world, DEMO_CAMPAIGN))
    assert items.rowCount() == 3
    qtmodeltester.check(items)
    for model, rows in (
        (ReferralsModel(), referrals.list_referrals(world, DEMO_CAMPAIGN)),
        (ObjectionsModel(), []),
        (SpecialsModel(), special.list_specials(world, DEMO_CAMPAIGN)),
    ):
        model.set_rows(rows)
        qtmodeltester.check(model)


# -- sizes ------------------------------------------------------------------------------------------------------
def test_every_form_fits_1366x768(qtbot, world):
    from ui.dialogs import followup_forms as forms
    from ui.dialogs.followup_generate import GenerateDialog, concluded_cases
    from ui.pages.followup_evidence import EvidenceDialog
    from ui.widgets.screen_fit import SMALL_SCREEN, screen_room
    from ui.worker import wait_for_jobs

    generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    item = rectification.list_items(world, DEMO_CAMPAIGN)[0]
    made = {
        "generate": lambda: GenerateDialog(world, DEMO_CAMPAIGN, concluded_cases(world, DEMO_CAMPAIGN)),
        "report": lambda: forms.ReportForm(world, item.id, item.number, ""),
        "verify": lambda: forms.VerifyForm(world, item.id, item.number),
        "send back": lambda: forms.SendBackForm(world, item.id, item.number),
        "letter": lambda: forms.LetterForm(world, 1, "纪委监委"),
        "feedback": lambda: forms.FeedbackForm(world, 1),
        "objection": lambda: forms.ObjectionForm(world, DEMO_CAMPAIGN, [(1, "GS-DEMO-0001")]),
        "decide": lambda: forms.DecideForm(world, 1, "GS-DEMO-0001", ("flawed", "合格"), ["优秀", "合格"]),
        "special": lambda: forms.SpecialForm(world, DEMO_CAMPAIGN, special.ranking(world, DEMO_CAMPAIGN)),
        "evidence": lambda: EvidenceDialog(world, 10**6),
    }
    for what, make in made.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        hint, room = dialog.minimumSizeHint(), screen_room(dialog)
        assert hint.width() <= SMALL_SCREEN.width() and hint.height() <= SMALL_SCREEN.height(), what
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), what
        if isinstance(dialog, EvidenceDialog):  # its read must end before the workspace closes
            qtbot.waitUntil(lambda d=dialog: d.message.isVisible(), timeout=20000)
        # Reads a dialog started on the worker deliver to it while it exists, not to a deleted one later.
        wait_for_jobs()
        QApplication.processEvents()
        dialog.hide()


def test_the_page_fits_1366x768_for_each_role(qtbot, world):
    from ui.widgets.screen_fit import SMALL_SCREEN

    generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    page = _page(qtbot, world)
    for key in page.registers:
        page.tabs.setCurrentWidget(page.register(key))
        _settle(qtbot, page)
        hint = page.minimumSizeHint()
        assert hint.width() <= SMALL_SCREEN.width() - 240 and hint.height() <= SMALL_SCREEN.height() - 120, (
            key
        )


# -- pictures -----------------------------------------------------------------------------------------------------
@pytest.mark.skipif(not SHOTS, reason="pictures only with REVIEWDESK_SCREENSHOTS")
def test_pictures_of_each_tab_at_1366x768(qtbot, world, main_window):
    from reviewdesk.resources import resources_dir
    from ui.qt import QFont, QFontDatabase

    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / "wqy-microhei.ttc"))
    QApplication.setFont(QFont(QFontDatabase.applicationFontFamilies(font_id)[0], 10))
    for case_id in _cases(world)[:6]:
        try:
            generating.generate(world, str(case_id), DEMO_CAMPAIGN)
        except Exception:
            pass
    first = rectification.list_items(world, DEMO_CAMPAIGN)[0]
    rectification.report(world, first.id, "已整改", evidence=[("佐证.pdf", b"%PDF-1.4")])
    rid = referrals.list_referrals(world, DEMO_CAMPAIGN)[0].id
    referrals.issue_letter(world, rid)
    objections.add_objection(
        world,
        str(_cases(world)[5]),
        "兰州市城关区人民法院",
        "认定事实有误",
        delivered_on=clock.now().date().isoformat(),
        campaign_id=DEMO_CAMPAIGN,
    )
    ranked = next(r for r in special.ranking(world, DEMO_CAMPAIGN) if r.qualifies)
    special.create_special(world, DEMO_CAMPAIGN, ranked.category, "全面排查同类问题", "30个工作日")
    from ui.widgets.screen_fit import SMALL_SCREEN

    window = main_window(world)
    window.set_campaign(DEMO_CAMPAIGN)
    window.resize(SMALL_SCREEN)
    window.show_page("referrals")
    page = window.pages["referrals"]
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for key in ("rectification", "referral", "objection", "special"):
        page.tabs.setCurrentWidget(page.register(key))
        _settle(qtbot, page)
        QApplication.processEvents()
        window.grab().save(str(Path(SHOTS) / f"followup-{key}.png"))
    window.show_page("home")
    qtbot.waitUntil(lambda: not window.pages["home"].is_loading(), timeout=20000)
    window.grab().save(str(Path(SHOTS) / "followup-home.png"))
