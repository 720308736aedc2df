"""Chinese throughout: with the zh_CN catalogues loaded, no window shows English — every page (admin and expert,
on the demo data), every dialog, and Qt's own dialogs (the file dialog the app uses everywhere, message boxes
with their buttons and details, context menus). Codes, numbers, file patterns, key names and proper names may
be in Latin letters (tests/ui/chinese_walk.py says which)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reviewdesk.demo import DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.workspace import Workspace
from tests.packaging import pdf_bytes
from tests.ui.chinese_walk import english, is_english, visible_texts
from ui import file_dialogs
from ui.qt import QApplication, QLineEdit, QMenu, QMessageBox, QObject, QWidget
from ui.widgets.common import confirm, inform
from ui.worker import wait_for_jobs


def settle(qapp: QApplication, rounds: int = 15) -> None:
    for _ in range(rounds):
        qapp.processEvents()
        wait_for_jobs()
        time.sleep(0.01)


def shown(qtbot, qapp: QApplication, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    settle(qapp)
    return widget


def test_the_rules_tell_english_from_codes() -> None:
    for text in ("Folder", "&Look in:", "count", "Planning", "Show Details...", "Draft saved"):
        assert is_english(text), text
    for text in ("文件夹", "GS-2026-0001", "2026-XF-01", "Ctrl+F", "*.rdpkg", "86.5", "exp-0042", "PDF", "第 3 页",
                 "score.submit", "case_id=7; total=90.0", "age1qyq…", "English", "Excel 工作簿", "100%"):
        assert not is_english(text), text


@pytest.mark.parametrize("user", ["admin", "zhanghua"])
def test_every_page_for_admin_and_expert(qtbot, qapp, demo_folder, main_window, user) -> None:
    ws = Workspace(demo_folder).open(user, DEMO_PASSWORD)
    try:
        window = main_window(ws)
        window.resize(1366, 768)
        seen = {}
        for key in list(window.pages):
            window.show_page(key)
            settle(qapp)
            seen[key] = len(visible_texts(window))
            assert english(window) == [], key
        assert len(seen) >= (10 if user == "admin" else 4) and all(n > 40 for n in seen.values()), seen
    finally:
        ws.close()


def _dialogs(ws, parent: QWidget, tmp_path: Path) -> dict[str, QWidget]:
    """One of each of the app's dialogs and windows, built as the pages build them, on the demo data."""
    from reviewdesk.services import assignment, cases, deliberation, experts
    from ui.dialogs.about import AboutDialog
    from ui.dialogs.accounts import AddUserDialog, ChangePasswordDialog, SetPasswordDialog
    from ui.dialogs.certify import CertifyDialog
    from ui.dialogs.conclusion import ConclusionDialog
    from ui.dialogs.declaration import DeclarationDialog
    from ui.dialogs.expert_import import ExpertImportDialog
    from ui.dialogs.import_wizard import ImportWizard
    from ui.dialogs.interview_editor import InterviewEditor
    from ui.dialogs.reason import ReasonDialog
    from ui.dialogs.recovery import RecoveryDialog
    from ui.dialogs.relations_editor import RelationsEditorDialog
    from ui.dialogs.results_export import ResultsExportDialog
    from ui.dialogs.selection import SelectionDialog
    from ui.pages.keys import TrustIssuerDialog
    from ui.pages.opinions import FormatsDialog
    from ui.widgets.deliberation_view import form_data
    from ui.widgets.document_viewer import DocumentViewerDialog
    from ui.widgets.pdf_preview import PdfPreviewDialog
    from ui.windows.login import LoginWindow
    from ui.windows.setup_wizard import SetupWizard

    panel = assignment.panels(ws, DEMO_CAMPAIGN)[0]
    view = deliberation.deliberation(ws, str(panel.case.id), DEMO_CAMPAIGN)
    data = form_data(ws, view)
    pool = experts.list_experts(ws)
    document = cases.case_detail(ws, str(panel.case.id)).documents[0]
    return {
        "about": AboutDialog(parent),
        "add user": AddUserDialog(ws, parent),
        "change password": ChangePasswordDialog(ws, parent),
        "set password": SetPasswordDialog("重设密码", "为该账户设置新密码。", "设置", lambda _pw: None, parent),
        "certify": CertifyDialog("本人与本案无利害关系。", panel.case.external_id, lambda: None, parent),
        "reason": ReasonDialog("停用账户", "请写明理由。", "停用", lambda _text, _choice: None, parent),
        "conclusion": ConclusionDialog(ws, view, data.bands, data.categories, data.items, parent),
        "declaration": DeclarationDialog(ws, str(panel.case.id), panel.case.external_id, pool, lambda: None, parent),
        "expert import": ExpertImportDialog(ws, parent),
        "import wizard": ImportWizard(ws, parent),
        "interview": InterviewEditor(ws, panel.case.id, DEMO_CAMPAIGN, None, ["张华", "李明"], parent),
        "recovery": RecoveryDialog(tmp_path, "admin", parent),
        "relations": RelationsEditorDialog(ws, experts.expert_detail(ws, pool[0].external_id), parent),
        "results export": ResultsExportDialog(ws, DEMO_CAMPAIGN, "2026年涉法涉诉信访案件集中评查", parent),
        "selection": SelectionDialog(ws, DEMO_CAMPAIGN, parent),
        "trust issuer": TrustIssuerDialog(ws, parent),
        "formats": FormatsDialog(str(tmp_path), parent),
        "document": DocumentViewerDialog(ws, document.id, parent),
        "pdf preview": PdfPreviewDialog(pdf_bytes(["评查意见书（预览）"]), "评查意见书", parent),
        "login": LoginWindow(tmp_path),
        "setup": SetupWizard(tmp_path / "new"),
    }


def test_every_dialog(qtbot, qapp, demo_ws, tmp_path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    problems = {}
    for name, dialog in _dialogs(demo_ws, parent, tmp_path).items():
        shown(qtbot, qapp, dialog)
        assert len(visible_texts(dialog)) > 3, name
        if found := english(dialog):
            problems[name] = found
        if hasattr(dialog, "teardown"):
            dialog.teardown()
        dialog.close()
    assert problems == {}


def test_qt_file_dialogs_in_chinese(qtbot, qapp, tmp_path) -> None:
    for name in ("cases.rdpkg", "experts.xlsx", "意见书.docx", "readme.md"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "U盘").mkdir()
    for mode in file_dialogs.Mode:
        # As every call site builds it: Qt's own dialog (which Qt's catalogue translates), our type names.
        dialog = file_dialogs.build(None, "选择数据包", mode, str(tmp_path), ["评查数据包 (*.rdpkg)", "所有文件 (*)"])
        assert dialog.testOption(dialog.Option.DontUseNativeDialog), mode
        dialog.setViewMode(dialog.ViewMode.Detail)
        shown(qtbot, qapp, dialog)
        settle(qapp, 30)  # the file system model fills in on a thread
        texts = {t[2] for t in visible_texts(dialog)}
        assert {"查找范围(&L)：", "文件类型(&T)：", "文件夹"} <= texts, mode
        assert mode is file_dialogs.Mode.FOLDER or {"评查数据包", "1 字节"} <= texts, mode
        home = Path.home().name  # the side bar names the user's home folder: a proper name
        assert [t for t in english(dialog) if t[2] != home] == [], mode
        dialog.close()


def test_file_dialogs_need_no_app_wide_event_filter(qtbot, qapp, tmp_path) -> None:
    """The helper sets the names on the dialog it builds: nothing watches every event of the app for file dialogs
    (the idle lock's watcher is the one app-wide filter), and no window makes a file dialog any other way."""
    dialog = file_dialogs.build(None, "保存", file_dialogs.Mode.SAVE, str(tmp_path / "意见书.pdf"), "PDF (*.pdf)")
    shown(qtbot, qapp, dialog)
    assert isinstance(dialog.iconProvider(), file_dialogs.FileTypeNames)
    assert dialog.selectedFiles() == [str(tmp_path / "意见书.pdf")]  # the suggested name, as Qt's own did
    dialog.close()
    filters = {type(o).__name__ for o in qapp.findChildren(QObject) if type(o).eventFilter is not QObject.eventFilter}
    assert filters <= {"IdleWatcher"}, filters
    ui = Path(file_dialogs.__file__).parent
    hooks = sorted(str(p.relative_to(ui)) for p in ui.rglob("*.py") if "app.installEventFilter(" in p.read_text("utf-8"))
    assert hooks == ["idle.py"], hooks
    sources = {p.name: p.read_text("utf-8") for p in ui.rglob("*.py") if p.name != "file_dialogs.py"}
    direct = [name for name, text in sources.items() if "QFileDialog(" in text or "QFileDialog.get" in text]
    assert direct == [], direct


def test_message_boxes_buttons_details_and_menus_in_chinese(qtbot, qapp) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = inform(parent, "数据包被拒绝", "无法解密。", icon=QMessageBox.Icon.Warning,
                 technical="cannot decrypt: not an age file (wrong header line)")
    settle(qapp)
    assert box.detailedText().startswith("cannot decrypt")  # the English reason, behind the button only
    assert "cannot" not in box.text() + box.informativeText()
    found = english(box)
    assert not [t for t in found if "cannot decrypt" not in t[2]], found  # the hidden details pane aside
    assert any(t[2].startswith("显示详") for t in visible_texts(box))
    box.close()
    ask = confirm(parent, "删除", "确定删除吗？", "删除(&D)", lambda: None)
    settle(qapp)
    assert english(ask) == [] and any(t[2] == "取消" for t in visible_texts(ask))
    ask.close()
    edit = QLineEdit("文字")
    qtbot.addWidget(edit)
    menu: QMenu = edit.createStandardContextMenu()
    assert [a.text() for a in menu.actions() if a.text() and is_english(a.text())] == []
    menu.deleteLater()


def test_core_field_names_never_lead_a_chinese_message() -> None:
    from reviewdesk.errors import ValidationError
    from ui.i18n import error_text

    assert error_text(ValidationError("count", "must be at least 1", message_zh="至少抽取 1 件")) == "抽取件数：至少抽取 1 件"
    unknown = error_text(ValidationError("consolidation", "bad", message_zh="汇总方式不正确"))
    assert unknown == "汇总方式不正确" and "consolidation" not in unknown


@pytest.mark.parametrize("layout", [("Qt", "translations"), ("translations",)])
def test_qt_catalogue_found_in_the_wheel_and_frozen_layouts(qapp, tmp_path, layout) -> None:
    """A frozen build keeps qtbase_zh_CN.qm under PySide6/ (installer/reviewdesk.spec): in either layout the
    lookup finds it and Qt's own strings load from there."""
    from ui import i18n
    from ui.qt import QTranslator

    real = next(d / "qtbase_zh_CN.qm" for d in i18n.qt_translation_dirs() if (d / "qtbase_zh_CN.qm").exists())
    package = tmp_path / "_internal" / "PySide6"
    folder = package.joinpath(*layout)
    folder.mkdir(parents=True)
    (folder / "qtbase_zh_CN.qm").write_bytes(real.read_bytes())
    assert folder in i18n.qt_translation_dirs(package)
    translator = QTranslator()
    assert translator.load("qtbase_zh_CN", str(folder))
    assert translator.translate("QFileDialog", "Files of type:") == "文件类型："
