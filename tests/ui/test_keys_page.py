"""The Keys and trust page (administrators): this workstation's keys, and adding trusted issuing offices."""

from __future__ import annotations

from pathlib import Path

from reviewdesk.packages import minisign
from reviewdesk.services import keys
from tests.packaging import new_office_key
from tests.ui.conftest import type_chinese
from ui.models.issuers import IssuersModel
from ui.pages.keys import KeysPage, TrustIssuerDialog
from ui.qt import QApplication, Qt

LEFT = Qt.MouseButton.LeftButton


def _open_dialog(qtbot, page: KeysPage) -> TrustIssuerDialog:
    qtbot.mouseClick(page.add_issuer_button, LEFT)
    dialogs = [d for d in page.findChildren(TrustIssuerDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def _pub_file(tmp_path: Path, name: str = "office.pub") -> tuple[Path, str]:
    key = new_office_key()
    path = tmp_path / name
    path.write_text(key.public_key_text("x"), encoding="utf-8")
    return path, key.key_id_hex()


def test_keys_page_shows_this_workstation_keys_and_saves_them(qtbot, admin_ws, main_window, tmp_path):
    main = main_window(admin_ws)
    assert list(main.pages)[-2:] == ["keys", "settings"]
    main.show_page("keys")
    qtbot.waitUntil(lambda: not main.pages["keys"].is_loading())
    page = main.pages["keys"]
    assert isinstance(page, KeysPage)
    assert page.recipient.text().startswith("age1")
    assert page.recipient.isReadOnly()

    qtbot.mouseClick(page.copy_recipient_button, LEFT)
    assert QApplication.clipboard().text() == page.recipient.text()

    page.save_recipient_to(str(tmp_path / "recipient.txt"))
    assert (tmp_path / "recipient.txt").read_text(encoding="utf-8").strip() == page.recipient.text()
    page.save_public_key_to(str(tmp_path / "me.pub"))
    saved = minisign.PublicKey.from_text((tmp_path / "me.pub").read_text(encoding="utf-8"))
    assert saved.key_id_hex() == page.signing_key_id.text()


def test_add_issuer_through_the_dialog(qtbot, admin_ws, main_window, tmp_path):
    main = main_window(admin_ws)
    main.show_page("keys")
    qtbot.waitUntil(lambda: not main.pages["keys"].is_loading())
    page = main.pages["keys"]
    assert page.model.rowCount() == 0
    path, key_id = _pub_file(tmp_path)

    dialog = _open_dialog(qtbot, page)
    assert not dialog.ok_button.isEnabled()
    dialog.load_file(str(path))  # what the file chooser's fileSelected delivers
    assert dialog.key_id.text() == key_id
    assert not dialog.message.isVisible()
    type_chinese(dialog.name, "市司法局")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, LEFT)

    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)  # read again on the worker
    row = page.model.row_of(key_id)
    assert page.model.index(row, IssuersModel.NAME).data() == "市司法局"
    assert page.model.index(row, IssuersModel.KEY_ID).data() == key_id
    assert page.model.index(row, IssuersModel.ADDED_BY).data() == admin_ws.actor.username
    assert page.message.isVisible() and key_id in page.message.text()
    assert [(i.name, i.key_id) for i in keys.list_issuers(admin_ws)] == [("市司法局", key_id)]


def test_bad_pub_file_shows_an_error_and_adds_nothing(qtbot, admin_ws, main_window, tmp_path):
    main = main_window(admin_ws)
    main.show_page("keys")
    qtbot.waitUntil(lambda: not main.pages["keys"].is_loading())
    page = main.pages["keys"]
    bad = tmp_path / "bad.pub"
    bad.write_text("untrusted comment: hello\nnot a key at all\n", encoding="utf-8")

    dialog = _open_dialog(qtbot, page)
    type_chinese(dialog.name, "某单位")
    dialog.load_file(str(bad))
    assert dialog.message.isVisible() and dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    assert dialog.key_id.text() == ""
    assert not dialog.ok_button.isEnabled()
    dialog.submit()  # even if forced, nothing is trusted
    assert dialog.isVisible()

    dialog.load_file(str(tmp_path / "missing.pub"))
    assert dialog.message.isVisible() and not dialog.ok_button.isEnabled()
    assert keys.list_issuers(admin_ws) == []
    assert page.model.rowCount() == 0


def test_same_key_twice_shows_the_conflict(qtbot, admin_ws, main_window, tmp_path):
    main = main_window(admin_ws)
    main.show_page("keys")
    qtbot.waitUntil(lambda: not main.pages["keys"].is_loading())
    page = main.pages["keys"]
    path, key_id = _pub_file(tmp_path)
    keys.trust_issuer(admin_ws, path.read_text(encoding="utf-8"), "第一单位")
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_loading())
    assert page.model.rowCount() == 1

    dialog = _open_dialog(qtbot, page)
    dialog.load_file(str(path))
    type_chinese(dialog.name, "第二单位")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.isVisible()
    assert "已在信任列表中" in dialog.message.text() and key_id in dialog.message.text()
    assert [i.name for i in keys.list_issuers(admin_ws)] == ["第一单位"]


def test_teardown_leaves_no_data(qtbot, admin_ws, tmp_path):
    path, _ = _pub_file(tmp_path)
    keys.trust_issuer(admin_ws, path.read_text(encoding="utf-8"), "某单位")
    page = KeysPage(admin_ws)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: not page.is_loading())
    assert page.holds_data() and page.model.rowCount() == 1 and page.recipient.text()
    dialog = _open_dialog(qtbot, page)
    page.teardown()
    assert not page.holds_data()
    assert not dialog.isVisible()
    assert page.ws is None and page.recipient.text() == "" and page.signing_key_id.text() == ""
    page.activate()  # after the lock nothing comes back
    qtbot.waitUntil(lambda: not page.is_loading())
    assert not page.holds_data()


def test_issuers_model(qtmodeltester, admin_ws, tmp_path):
    for n in range(2):
        path, _ = _pub_file(tmp_path, f"o{n}.pub")
        keys.trust_issuer(admin_ws, path.read_text(encoding="utf-8"), f"单位{n}")
    model = IssuersModel()
    model.set_rows(keys.list_issuers(admin_ws))
    assert model.columnCount() == 4
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_keys_area_is_for_administrators_only(qtbot, login_as, main_window):
    for role in ("expert", "observer", "auditor"):
        window = main_window(login_as(role))
        assert "keys" not in window.pages
