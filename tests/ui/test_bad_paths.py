"""Every path field refuses a bad path with a Chinese message through the real widgets — never a traceback:
"/" as the results package's name, a folder where a file belongs, a missing folder, the wrong kind of file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewdesk import file_paths
from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.file_paths import PathProblem
from ui.qt import QMessageBox, Qt, QWidget

CHINESE = "的"  # every path message is a Chinese sentence


def test_core_checks_name_the_problem(tmp_path: Path) -> None:
    (tmp_path / "a.rdpkg").write_bytes(b"x")
    cases = {
        "": PathProblem.EMPTY,
        "/": PathProblem.NO_NAME,
        "  \"/\"  ": PathProblem.NO_NAME,
        str(tmp_path): PathProblem.IS_FOLDER,
        str(tmp_path / "nope" / "x"): PathProblem.NO_PARENT,
        str(tmp_path / "a.rdpkg" / "x"): PathProblem.NOT_A_FOLDER,
        str(tmp_path / "a"): PathProblem.EXISTS,  # a → a.rdpkg, which exists
    }
    for text, problem in cases.items():
        assert file_paths.output_file(text, ".rdpkg").problem is problem, text
    ok = file_paths.output_file(str(tmp_path / "新的"), ".rdpkg")
    assert ok.ok and ok.path == tmp_path / "新的.rdpkg"
    assert file_paths.input_file(str(tmp_path / "a.rdpkg"), (".xlsx",)).problem is PathProblem.WRONG_SUFFIX
    assert file_paths.input_file(str(tmp_path / "b.rdpkg")).problem is PathProblem.MISSING
    assert file_paths.input_file("/").problem is PathProblem.IS_FOLDER
    assert file_paths.folder(str(tmp_path / "a.rdpkg")).problem is PathProblem.NOT_A_FOLDER
    assert file_paths.folder(str(tmp_path)).ok


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root may write anywhere")
def test_core_refuses_a_folder_it_may_not_write(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert file_paths.output_file(str(locked / "x.rdpkg")).problem is PathProblem.NOT_WRITABLE


def test_results_package_name_slash_gives_a_message(qtbot, demo_ws, tmp_path: Path) -> None:
    from ui.dialogs.results_export import ResultsExportDialog

    dialog = ResultsExportDialog(demo_ws, DEMO_CAMPAIGN, "2026年涉法涉诉信访案件集中评查")
    qtbot.addWidget(dialog)
    dialog.show()
    for typed, words in (("/", "没有文件名"), (str(tmp_path), "是一个文件夹"),
                         (str(tmp_path / "没有" / "结果"), "不存在")):
        dialog.out.clear()
        qtbot.keyClicks(dialog.out, typed) if typed.isascii() else dialog.out.setText(typed)
        assert dialog.out_state.isVisible() and words in dialog.out_state.text(), typed
        assert not dialog.export_button.isEnabled()
    dialog.start()  # pressing Export anyway (e.g. Enter) does nothing and raises nothing
    assert dialog._job is None
    dialog.out.setText(str(tmp_path / "结果"))
    assert not dialog.out_state.isVisible() and dialog.target() == tmp_path / "结果.rdpkg"


def test_import_sources_refused_with_a_message(qtbot, demo_ws, tmp_path: Path) -> None:
    from ui.dialogs.expert_import import ExpertImportDialog
    from ui.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(demo_ws)
    qtbot.addWidget(wizard)
    wizard.show()
    for typed, words in (("", "选择"), (str(tmp_path), "文件夹"), (str(tmp_path / "无.rdpkg"), "找不到")):
        wizard.path.setText(typed)
        wizard.start()
        assert not wizard.running and words in wizard.message.text(), typed
    roster = ExpertImportDialog(demo_ws)
    qtbot.addWidget(roster)
    roster.show()
    (tmp_path / "名册.txt").write_text("x", encoding="utf-8")
    roster.path.setText(str(tmp_path / "名册.txt"))
    qtbot.mouseClick(roster.check_button, Qt.MouseButton.LeftButton)
    assert ".xlsx" in roster.message.text() and CHINESE in roster.message.text()


def test_export_targets_refused_with_a_message(qtbot, demo_ws, tmp_path: Path) -> None:
    from reviewdesk.services import assignment, cases
    from ui.widgets.document_viewer import DocumentViewerDialog
    from ui.worker import wait_for_jobs

    case_id = assignment.panels(demo_ws, DEMO_CAMPAIGN)[0].case.id
    document = cases.case_detail(demo_ws, str(case_id)).documents[0]
    viewer = DocumentViewerDialog(demo_ws, document.id)
    qtbot.addWidget(viewer)
    wait_for_jobs()
    qtbot.waitUntil(lambda: viewer.viewer.info is not None, timeout=10000)
    viewer.export_to(str(tmp_path))
    assert "文件夹" in viewer.message.text() and not viewer.busy.isVisible()
    viewer.export_to(str(tmp_path / "无此文件夹" / "a.pdf"))
    assert "不存在" in viewer.message.text()
    viewer.done(0)  # forgets the document, as closing the window does



def test_keys_page_target_refused(qtbot, demo_ws, tmp_path: Path) -> None:
    from ui.pages.keys import KeysPage

    page = KeysPage(demo_ws)
    qtbot.addWidget(page)
    page._write(str(tmp_path), "age1…\n")
    assert "文件夹" in page.message.text()
    page.teardown()


def test_save_dialog_target_refused(qtbot, tmp_path: Path) -> None:
    from ui.pages.opinions import with_suffix

    parent = QWidget()
    qtbot.addWidget(parent)
    assert with_suffix(parent, "/", ".docx") is None
    [box] = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    assert "没有文件名" in box.text() and box.windowTitle() == "无法保存到这里"
    box.done(0)
    assert with_suffix(parent, str(tmp_path / "意见书"), ".docx") == tmp_path / "意见书.docx"


def test_blank_roster_is_saved_from_the_dialog(qtbot, demo_ws, tmp_path: Path, monkeypatch) -> None:
    """The roster help no longer quotes a terminal command: the dialog saves the blank workbook itself."""
    from ui import file_dialogs
    from ui.dialogs.expert_import import ExpertImportDialog

    dialog = ExpertImportDialog(demo_ws)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: (str(tmp_path / "名册"), ""))
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "名册.xlsx"
    assert saved.read_bytes()[:2] == b"PK" and str(saved) in dialog.message.text()
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: (str(tmp_path), ""))
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    assert "文件夹" in dialog.message.text()
