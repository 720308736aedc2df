"""Audit of issue 16, the 移送整改 tabs through their widgets on the real store: a late objection refused in its
form (nothing stored) then admitted with a reason; a send-back with a past deadline refused in its form; the
letter's confirmation cancelled (nothing issued); the referral and objection tabs' filters; every model filled
from the demo (every state) through the model tester, with overdue rows coloured."""

from __future__ import annotations

from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.services import objections, rectification, referrals
from reviewdesk.services import rectification_generate as generating
from tests.ui.test_followup_gui import _answer, _cases, _click, _fill_objection, _page, _settle, _wait_closed
from ui.models.followup import OVERDUE
from ui.qt import QApplication, QMessageBox, Qt
from ui.widgets.common import select_row


def _refused(qtbot, form) -> str:
    qtbot.waitUntil(lambda: form.message.isVisible() and bool(form.message.text()), timeout=20000)
    assert form.isVisible()
    return form.message.text()


def test_a_late_objection_is_refused_in_its_form_then_admitted_with_a_reason(qtbot, world):
    case = _cases(world)[4]
    page = _page(qtbot, world, "objection")
    tab = page.register("objection")
    # 10 working days from 2026-09-25 end 2026-10-15 (National Day between)
    form = _fill_objection(qtbot, tab, case, "2026-09-25")
    form.fields["received_on"].setText("2026-10-16")
    _click(qtbot, form.save_button)
    said = _refused(qtbot, form)
    assert "2026-10-15" in said and "不予受理" in said  # says why, in Chinese, and what to do
    assert objections.list_objections(world, DEMO_CAMPAIGN) == []
    form.fields["admit_reason"].setPlainText("邮寄延误，有邮戳为证")
    _click(qtbot, form.save_button)
    _wait_closed(qtbot, form)
    _settle(qtbot, page)
    [o] = objections.list_objections(world, DEMO_CAMPAIGN)
    assert o.late and o.admitted_reason == "邮寄延误，有邮戳为证" and o.deadline == "2026-10-15"
    assert tab.model.rowCount() == 1 and tab.model.row_at(0).late
    assert "2026-10-15" in tab.model.data(tab.model.index(0, 4))


def test_a_send_back_to_a_past_deadline_is_refused_in_its_form(qtbot, world):
    made = generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    item = made.items[0]["id"]
    rectification.report(world, item, "已整改")
    page = _page(qtbot, world)
    tab = page.register("rectification")
    select_row(tab.table, tab.model.row_of(item))
    assert tab.send_back_button.isEnabled() and not tab.report_button.isEnabled()
    _click(qtbot, tab.send_back_button)
    form = tab.form
    form.fields["reason"].setPlainText("佐证材料不完整")
    form.fields["deadline"].setText("2020-01-01")
    _click(qtbot, form.save_button)
    assert "早于今天" in _refused(qtbot, form)
    form.fields["deadline"].setText("下周")
    _click(qtbot, form.save_button)
    assert "YYYY-MM-DD" in _refused(qtbot, form)
    shown = rectification.show_item(world, item)
    assert shown.status == "reported" and shown.deadline == "2027-01-15"
    form.reject()


def test_cancelling_the_letter_confirmation_issues_nothing(qtbot, world):
    generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    page = _page(qtbot, world, "referral")
    tab = page.register("referral")
    select_row(tab.table, 0)
    rid = tab.selected_id
    _click(qtbot, tab.letter_button)
    form = tab.form
    _click(qtbot, form.save_button)
    _answer(qtbot, form, yes=False)  # Cancel the "issue the number?" question
    assert form.isVisible()
    shown = referrals.show_referral(world, rid)
    assert shown.status == "draft" and shown.letter_number is None
    form.reject()
    assert not [b for b in tab.findChildren(QMessageBox) if b.isVisible()]


def test_the_referral_and_objection_tabs_filter_their_rows(qtbot, demo_ws):
    every = referrals.list_referrals(demo_ws, DEMO_CAMPAIGN)
    page = _page(qtbot, demo_ws, "referral")
    tab = page.register("referral")
    assert tab.model.ids() == [r.id for r in every]
    for status in ("draft", "sent", "feedback"):
        tab.status.setCurrentIndex(tab.status.findData(status))
        _settle(qtbot, page)
        assert tab.model.ids() == [r.id for r in every if r.status == status], status
    tab.status.setCurrentIndex(0)
    tab.due.setCurrentIndex(tab.due.findData("overdue"))
    _settle(qtbot, page)
    overdue = [r.id for r in every if r.due == "overdue"]
    assert overdue and tab.model.ids() == overdue
    tab.due.setCurrentIndex(0)
    unit = every[0].unit_code
    tab.unit.setCurrentIndex(tab.unit.findData(unit))
    _settle(qtbot, page)
    assert tab.model.ids() == [r.id for r in every if r.unit_code == unit]
    assert tab.count.text() == f"共 {len(tab.model.ids())} 条"

    objection_tab = page.register("objection")
    page.tabs.setCurrentWidget(objection_tab)
    page.activate()
    _settle(qtbot, page)
    [o] = objections.list_objections(demo_ws, DEMO_CAMPAIGN)
    assert objection_tab.model.ids() == [o.id]
    objection_tab.status.setCurrentIndex(objection_tab.status.findData("pending"))
    _settle(qtbot, page)
    assert objection_tab.model.ids() == []
    objection_tab.status.setCurrentIndex(objection_tab.status.findData("changed"))
    _settle(qtbot, page)
    assert objection_tab.model.ids() == [o.id]


def test_every_model_filled_from_the_demo_passes_the_model_tester(qtbot, demo_ws, qtmodeltester):
    page = _page(qtbot, demo_ws)
    for key in ("rectification", "referral", "objection", "special"):
        tab = page.register(key)
        page.tabs.setCurrentWidget(tab)
        page.activate()
        _settle(qtbot, page)
        assert tab.model.rowCount() > 0, key
        qtmodeltester.check(tab.model)
        QApplication.processEvents()
    items = page.register("rectification").model
    overdue = next(r for r in range(items.rowCount()) if items.row_at(r).due == "overdue")
    brush = items.data(items.index(overdue, 0), Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color() == OVERDUE
    fine = next(r for r in range(items.rowCount()) if items.row_at(r).due is None)
    assert items.data(items.index(fine, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert items.data(items.index(overdue, items.columnCount() - 1)) == "已逾期"


# -- a year the calendar does not know: the deadline is counted Monday to Friday, and the UI says so ----------------
def test_deadlines_counted_into_an_unknown_year_are_said_to_be_estimates(qtbot, world, monkeypatch):
    from reviewdesk.followup.workdays import known_year
    from tests.ui.test_followup_gui import _freeze

    assert not known_year(2027)
    made = generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    items = [i["id"] for i in made.items]
    for item in items[:2]:
        rectification.report(world, item, "已整改")
    _freeze(monkeypatch, "2026-12-28")  # a Monday: ten working days reach 2027
    page = _page(qtbot, world)
    tab = page.register("rectification")

    def send_back(item: int, deadline: str) -> str:
        select_row(tab.table, tab.model.row_of(item))
        _click(qtbot, tab.send_back_button)
        form = tab.form
        form.fields["reason"].setPlainText("佐证材料不完整")
        form.fields["deadline"].setText(deadline)
        _click(qtbot, form.save_button)
        _wait_closed(qtbot, form)
        _settle(qtbot, page)
        return page.message.text()

    # 29, 30, 31, 1月1日 (a Friday, counted: 2027 is not known), 4–8, 11.
    said = send_back(items[0], "10个工作日")
    assert rectification.show_item(world, items[0]).deadline == "2027-01-11"
    assert "2027年的法定节假日安排尚未收录" in said and "周一至周五" in said
    said = send_back(items[1], "2027-03-01")  # a date as given: nothing was counted, nothing to say
    assert rectification.show_item(world, items[1]).status == "sent_back" and "尚未收录" not in said

    objection_tab = page.register("objection")
    page.tabs.setCurrentWidget(objection_tab)
    page.activate()
    _settle(qtbot, page)
    form = _fill_objection(qtbot, objection_tab, _cases(world)[4], "2026-12-21")
    _click(qtbot, form.save_button)
    _wait_closed(qtbot, form)
    _settle(qtbot, page)
    assert objections.list_objections(world, DEMO_CAMPAIGN)[0].deadline == "2027-01-04"
    assert "2027年的法定节假日安排尚未收录" in page.message.text()

    referral_tab = page.register("referral")
    page.tabs.setCurrentWidget(referral_tab)
    page.activate()
    _settle(qtbot, page)
    select_row(referral_tab.table, 0)
    _click(qtbot, referral_tab.letter_button)
    form = referral_tab.form
    _click(qtbot, form.save_button)  # the default feedback period, 15 working days from today
    _answer(qtbot, form, yes=True)
    _wait_closed(qtbot, form)
    _settle(qtbot, page)
    assert referrals.list_referrals(world, DEMO_CAMPAIGN)[0].feedback_deadline == "2027-01-18"
    assert "2027年的法定节假日安排尚未收录" in page.message.text()


def test_the_home_due_box_says_when_due_soon_reaches_an_unknown_year_and_not_otherwise(qtbot, demo_ws, main_window, monkeypatch):
    from tests.ui.test_followup_gui import _freeze, _home_due_box

    _freeze(monkeypatch, "2026-12-28")  # five working days reach 2027-01-04
    window, box = _home_due_box(qtbot, main_window(demo_ws))
    qtbot.waitUntil(lambda: box.note.isVisible(), timeout=20000)
    assert "2027年的法定节假日安排尚未收录" in box.note.text()
    assert box.count("rectification", "overdue") >= 1  # the counts are still shown beside it
    _freeze(monkeypatch, "2026-10-15")  # inside 2026, which the calendar knows: nothing to say
    window.pages["home"].load_due()
    qtbot.waitUntil(lambda: not box.note.isVisible(), timeout=20000)
    assert box.note.text() == ""
