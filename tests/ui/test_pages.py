"""Pages of the main window against the real store: accounts, audit log, settings, roles."""

from __future__ import annotations

from reviewdesk.audit import chain
from reviewdesk.services import settings, users
from reviewdesk.services.audit import AuditFilter, AuditReport
from reviewdesk.workspace import Workspace
from tests.conftest import ADMIN, USER_PW
from tests.ui.conftest import type_chinese
from ui import i18n
from ui.dialogs.accounts import AddUserDialog, SetPasswordDialog
from ui.i18n import error_text
from ui.models.audit import AuditModel
from ui.models.campaigns import CampaignsModel
from ui.models.users import UsersModel
from ui.pages.users import UsersPage
from ui.qt import QApplication, QDate, QDialogButtonBox, QMessageBox, Qt

LEFT = Qt.MouseButton.LeftButton


def _ok(dialog) -> None:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _message_box(parent) -> QMessageBox:
    boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


# -- accounts ---------------------------------------------------------------------------------------------
def test_admin_adds_an_account_who_can_then_log_in(qtbot, admin_ws, ws_folder, main_window):
    main = main_window(admin_ws)
    main.show_page("users")
    qtbot.waitUntil(lambda: not main.pages["users"].is_loading())
    page = main.pages["users"]
    assert page.model.rowCount() == 1  # the admin

    qtbot.mouseClick(page.add_button, LEFT)
    dialog = page.findChild(AddUserDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.username, "zhanghua")
    type_chinese(dialog.display_name, "张华")
    dialog.role.setCurrentIndex(dialog.role.findData("expert"))
    qtbot.keyClicks(dialog.password, USER_PW)
    qtbot.keyClicks(dialog.repeat, USER_PW)
    qtbot.mouseClick(_ok(dialog), LEFT)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15000)
    assert "已添加" in page.message.text()
    assert page.selected().username == "zhanghua"
    row = page.model.row_of("zhanghua")
    assert page.model.index(row, 2).data() == "评查专家"

    with Workspace(ws_folder).open("zhanghua", USER_PW) as ws:
        assert ws.actor.display_name == "张华" and ws.actor.role.value == "expert"


def test_add_account_refusal_stays_in_the_dialog(qtbot, admin_ws, main_window):
    main = main_window(admin_ws)
    main.show_page("users")
    qtbot.waitUntil(lambda: not main.pages["users"].is_loading())
    page = main.pages["users"]
    qtbot.mouseClick(page.add_button, LEFT)
    dialog = page.findChild(AddUserDialog)
    qtbot.keyClicks(dialog.username, ADMIN)  # exists already
    qtbot.keyClicks(dialog.password, USER_PW)
    qtbot.keyClicks(dialog.repeat, USER_PW)
    qtbot.mouseClick(_ok(dialog), LEFT)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=15000)
    assert "已存在" in dialog.message.text()
    assert dialog.isVisible()

    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "x")  # too short
    qtbot.mouseClick(_ok(dialog), LEFT)
    qtbot.waitUntil(lambda: "用户名" in dialog.message.text(), timeout=15000)
    assert "username" not in dialog.message.text()


def test_disable_asks_first_then_enable_with_new_password(qtbot, admin_ws, ws_folder, main_window):
    users.add_user(admin_ws, "liming", "李明", "expert", USER_PW)
    main = main_window(admin_ws)
    main.show_page("users")
    qtbot.waitUntil(lambda: not main.pages["users"].is_loading())
    page = main.pages["users"]
    page.refresh(select="liming")
    qtbot.waitUntil(lambda: not page.is_loading())
    assert page.disable_button.isEnabled() and not page.enable_button.isEnabled()

    qtbot.mouseClick(page.disable_button, LEFT)
    box = _message_box(page)
    assert "停用" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), LEFT)  # changed my mind
    assert not page.model.row_at(page.model.row_of("liming")).disabled

    qtbot.mouseClick(page.disable_button, LEFT)
    box = _message_box(page)
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(yes, LEFT)
    qtbot.waitUntil(lambda: page.model.row_at(page.model.row_of("liming")).disabled, timeout=15000)
    assert page.enable_button.isEnabled() and not page.reset_button.isEnabled()
    assert page.model.index(page.model.row_of("liming"), 3).data() == "已停用"

    qtbot.mouseClick(page.enable_button, LEFT)
    dialog = page.findChild(SetPasswordDialog)
    qtbot.keyClicks(dialog.new, "liming-new-2026")
    qtbot.keyClicks(dialog.repeat, "liming-new-2026")
    qtbot.mouseClick(_ok(dialog), LEFT)
    qtbot.waitUntil(lambda: not page.model.row_at(page.model.row_of("liming")).disabled, timeout=15000)
    Workspace(ws_folder).open("liming", "liming-new-2026").close()


def test_admin_cannot_disable_own_account_from_the_page(qtbot, admin_ws, main_window):
    main = main_window(admin_ws)
    main.show_page("users")
    qtbot.waitUntil(lambda: not main.pages["users"].is_loading())
    page = main.pages["users"]
    page.refresh(select=ADMIN)
    qtbot.waitUntil(lambda: not page.is_loading())
    assert not page.disable_button.isEnabled()


def test_reset_password(qtbot, admin_ws, ws_folder, main_window):
    users.add_user(admin_ws, "wangfang", "王芳", "observer", USER_PW)
    main = main_window(admin_ws)
    main.show_page("users")
    qtbot.waitUntil(lambda: not main.pages["users"].is_loading())
    page = main.pages["users"]
    page.refresh(select="wangfang")
    qtbot.waitUntil(lambda: not page.is_loading())
    qtbot.mouseClick(page.reset_button, LEFT)
    dialog = page.findChild(SetPasswordDialog)
    qtbot.keyClicks(dialog.new, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    qtbot.mouseClick(_ok(dialog), LEFT)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=15000)
    assert "至少需要 8 位" in dialog.message.text()
    for field in (dialog.new, dialog.repeat):
        field.clear()
        qtbot.keyClicks(field, "wangfang-2027")
    qtbot.mouseClick(_ok(dialog), LEFT)
    qtbot.waitUntil(lambda: "已重置" in page.message.text(), timeout=15000)
    Workspace(ws_folder).open("wangfang", "wangfang-2027").close()


def test_roles_see_only_their_areas(qtbot, login_as, main_window):
    expert = main_window(login_as("expert"))
    assert "users" not in expert.pages and "audit" not in expert.pages
    assert {"home", "cases", "scoring", "settings"} <= set(expert.pages)
    auditor = main_window(login_as("auditor"))
    assert "audit" in auditor.pages and "users" not in auditor.pages and "cases" not in auditor.pages
    observer = main_window(login_as("observer"))
    assert "users" not in observer.pages and "audit" not in observer.pages


def test_permission_denied_is_explained_not_raised(qtbot, login_as):
    page = UsersPage(login_as("expert"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_loading())
    assert page.message.isVisible()
    assert "无权" in page.message.text() and "管理员" in page.message.text()
    assert page.model.rowCount() == 0


def test_no_area_is_a_placeholder_any_more(qtbot, admin_ws, main_window):
    from ui.pages.placeholder import PlaceholderPage

    main = main_window(admin_ws)
    main.show_page("referrals")
    assert not any(isinstance(main.pages[key], PlaceholderPage) for key in main.pages)


def test_change_my_password(qtbot, login_as, ws_folder, main_window):
    from ui.dialogs.accounts import ChangePasswordDialog

    ws = login_as("expert")
    main = main_window(ws)
    main.password_action.trigger()
    dialog = main.findChild(ChangePasswordDialog)
    qtbot.keyClicks(dialog.old, "wrong-old-password")
    qtbot.keyClicks(dialog.new, "expert-new-2026")
    qtbot.keyClicks(dialog.repeat, "expert-new-2026")
    qtbot.mouseClick(_ok(dialog), LEFT)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=15000)
    assert "用户名或密码错误" in dialog.message.text()
    dialog.old.clear()
    qtbot.keyClicks(dialog.old, USER_PW)
    qtbot.mouseClick(_ok(dialog), LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    assert "已修改" in _message_box(main).text()
    Workspace(ws_folder).open("expert1", "expert-new-2026").close()


# -- audit log --------------------------------------------------------------------------------------------
def test_audit_page_lists_filters_and_verifies(qtbot, admin_ws, main_window):
    users.add_user(admin_ws, "zhaoqiang", "赵强", "expert", USER_PW)
    settings.set_setting(admin_ws, "idle_lock_minutes", 15)
    main = main_window(admin_ws)
    main.show_page("audit")
    page = main.pages["audit"]
    qtbot.waitUntil(lambda: not page.is_loading())
    total = page.model.rowCount()
    assert total >= 3
    assert page.model.index(0, 0).data() == str(total)  # newest first
    assert "条" in page.count_label.text()

    page.action.setCurrentIndex(page.action.findData("user."))
    qtbot.mouseClick(page.search_button, LEFT)
    qtbot.waitUntil(lambda: not page.is_loading())
    actions = {page.model.entry(r).action for r in range(page.model.rowCount())}
    assert actions == {"user.add"}
    assert page.model.index(0, 3).data() == "添加账户"

    page.clear_filter()
    qtbot.keyClicks(page.text, "zhaoqiang")
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.is_loading())
    assert page.model.rowCount() == 1

    page.clear_filter()
    qtbot.keyClicks(page.actor, "nobody")
    qtbot.mouseClick(page.search_button, LEFT)
    qtbot.waitUntil(lambda: not page.is_loading())
    assert page.model.rowCount() == 0

    page.clear_filter()
    page.use_since.setChecked(True)
    page.since.setDate(QDate.currentDate().addDays(1))
    qtbot.mouseClick(page.search_button, LEFT)
    qtbot.waitUntil(lambda: not page.is_loading())
    assert page.model.rowCount() == 0
    page.since.setDate(QDate.currentDate())
    page.use_until.setChecked(True)
    page.until.setDate(QDate.currentDate())  # "to today" includes today
    qtbot.mouseClick(page.search_button, LEFT)
    qtbot.waitUntil(lambda: not page.is_loading())
    assert page.model.rowCount() == total

    qtbot.mouseClick(page.verify_button, LEFT)
    qtbot.waitUntil(lambda: page.result.isVisible(), timeout=15000)
    assert "完整" in page.result.text()

    qtbot.mouseClick(page.checkpoint_button, LEFT)
    qtbot.waitUntil(lambda: "检查点" in page.result.text(), timeout=15000)
    qtbot.waitUntil(lambda: page.model.rowCount() == total + 1)  # the checkpoint's own entry


def test_audit_page_names_the_first_bad_entry(qtbot, admin_ws, main_window):
    users.add_user(admin_ws, "liming", "李明", "expert", USER_PW)  # entries 1 and 2
    main = main_window(admin_ws)
    main.show_page("audit")
    page = main.pages["audit"]
    qtbot.waitUntil(lambda: not page.is_loading())
    page._verified(AuditReport(False, 3, 0, 2, "entry 2: content does not match its hash (edited)"))
    text = page.result.text()
    assert "第 2 条" in text and "内容被修改" in text
    assert page.table.selectionModel().selectedRows()[0].row() == page.model.row_of(2)


def test_audit_model_fetches_rows_lazily(qtbot, admin_ws, qtmodeltester):
    with admin_ws.write_session() as session, session.begin():
        for i in range(1500):
            chain.append(session, ADMIN, "test.bulk", f"item:{i}", {"n": i})
    model = AuditModel(admin_ws)
    model.load(AuditFilter())
    assert model.rowCount() > 1500 and model.fetches == 0  # ids only
    assert model.index(0, 4).data() == "item:1499"
    assert model.fetches == 1
    for row in range(1, 100):
        model.index(row, 1).data()
    assert model.fetches == 1  # same block
    assert model.index(model.rowCount() - 1, 0).data() == "1"  # numbers need no fetch
    assert model.fetches == 1
    model.index(model.rowCount() - 1, 2).data()
    assert model.fetches == 2
    qtmodeltester.check(model)
    model.clear()
    assert model.rowCount() == 0


def test_every_table_model_passes_the_model_tester(qtbot, admin_ws, qtmodeltester):
    from reviewdesk.services import campaigns

    campaigns.add_unit(admin_ws, "GS-ZFW", "甘肃省委政法委执法监督处", "other", "620000")
    campaigns.create_campaign(
        admin_ws,
        "2026-XF-01",
        "2026年信访案件集中评查",
        2026,
        cross_region_level="prefecture",
        organiser_unit="GS-ZFW",
    )
    users.add_user(admin_ws, "chenjing", "陈静", "observer", USER_PW)
    users.disable_user(admin_ws, "chenjing")

    audit_model = AuditModel(admin_ws)
    audit_model.load(AuditFilter())
    qtmodeltester.check(audit_model)

    users_model = UsersModel()
    users_model.set_rows(users.list_users(admin_ws))
    qtmodeltester.check(users_model)

    campaigns_model = CampaignsModel()
    campaigns_model.set_rows(campaigns.list_campaigns(admin_ws))
    assert campaigns_model.index(0, 3).data() == "排除同一地市"
    qtmodeltester.check(campaigns_model)

    for empty in (AuditModel(None), UsersModel(), CampaignsModel()):
        qtmodeltester.check(empty)


# -- settings ---------------------------------------------------------------------------------------------
def test_admin_changes_idle_minutes_and_the_timer_follows(qtbot, admin_ws, ws_folder, make_controller):
    from tests.ui.conftest import log_in

    controller = make_controller(ws_folder, ADMIN)
    log_in(qtbot, controller.start())
    qtbot.waitUntil(lambda: controller.ws is not None, timeout=15000)
    assert controller.idle.interval_ms() == 10 * 60_000
    main = controller.main
    main.show_page("settings")
    page = main.pages["settings"]
    assert page.idle_minutes.value() == 10 and page.idle_minutes.isEnabled()
    page.idle_minutes.setValue(3)
    qtbot.mouseClick(page.save_idle, LEFT)
    qtbot.waitUntil(lambda: page.idle_message.isVisible(), timeout=15000)
    assert "3 分钟" in page.idle_message.text()
    assert controller.idle.interval_ms() == 3 * 60_000
    assert settings.get_settings(admin_ws)["idle_lock_minutes"] == 3
    assert "3 分钟" in main.status_label.text()


def test_non_admin_sees_idle_minutes_read_only(qtbot, login_as, main_window):
    main = main_window(login_as("expert"))
    main.show_page("settings")
    page = main.pages["settings"]
    assert not page.idle_minutes.isEnabled() and not page.save_idle.isVisible()


def test_language_choice_is_stored_and_applies_next_start(qtbot, admin_ws, main_window):
    before = i18n.saved_language()
    main = main_window(admin_ws)
    main.show_page("settings")
    page = main.pages["settings"]
    try:
        page.language.setCurrentIndex(page.language.findData("en"))
        assert i18n.saved_language() == "en"
        assert "重新启动" in page.language_message.text()
        assert i18n.current_language() == "zh_CN"  # not switched under the user's feet
    finally:
        i18n.save_language(before)


# -- messages ---------------------------------------------------------------------------------------------
def test_unexpected_errors_show_no_trace(qapp):
    try:
        raise KeyError("case 2026-001 secret")
    except KeyError as err:
        text = error_text(err)
    assert "KeyError" in text and "secret" not in text and "Traceback" not in text
    assert "系统管理员" in text


def test_english_uses_core_english_messages(qapp):
    from reviewdesk.errors import AuthError, ValidationError

    i18n.remove()
    assert error_text(AuthError()) == "wrong user or password"
    err = ValidationError("password", "must be at least 8 characters", message_zh="密码至少需要 8 位")
    assert error_text(err) == "Password: must be at least 8 characters"
    i18n.install("zh_CN")
    assert error_text(err) == "密码至少需要 8 位"


def test_lock_waits_for_a_running_job(qtbot, admin_ws, ws_folder, make_controller):
    """A background change must finish before the workspace closes under it."""
    import threading

    from tests.ui.conftest import log_in
    from ui.worker import busy_count, run_job

    controller = make_controller(ws_folder, ADMIN)
    log_in(qtbot, controller.start())
    qtbot.waitUntil(lambda: controller.ws is not None, timeout=15000)
    ws = controller.ws
    gate = threading.Event()
    results: list[object] = []

    def slow_change() -> int:
        gate.wait(5)
        return settings.set_setting(ws, "idle_lock_minutes", 12)

    run_job(slow_change, controller, results.append)
    controller.lock("manual")
    assert controller.ws is ws and not ws.closed  # postponed
    gate.set()
    qtbot.waitUntil(lambda: controller.ws is None, timeout=5000)
    assert busy_count() == 0 and ws.closed
    QApplication.processEvents()
    assert settings.get_settings(admin_ws)["idle_lock_minutes"] == 12
