"""Results packages through the GUI: the export dialog on a review laptop (a demo workspace copy), the 评查结果汇总
page on a second, office workspace — import, consistent cases, a conflict shown field by field, the received
opinion in the preview, and a package from an untrusted laptop refused in words."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.services import audit, deliberation, keys, results
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.test_results_package import resend_from_another_laptop
from ui import file_dialogs
from ui.dialogs.results_export import ResultsExportDialog
from ui.models.results import CONFLICT, ReceivedModel
from ui.pages.opinions import OpinionsPage
from ui.pages.results import ResultsPage
from ui.qt import QApplication, QMessageBox, Qt
from ui.widgets.common import select_row

OFFICE_PW = "office-pass-2026"
SENDER = "第一评查组笔记本"
LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("REVIEWDESK_SHOTS")  # a folder: the tests also save screenshots there


@pytest.fixture
def office_ws(tmp_path: Path) -> Iterator[OpenWorkspace]:
    """The organising office's own workstation (a new workspace, no campaigns yet)."""
    ws, _code = Workspace(tmp_path / "office").create("admin", "办公室", OFFICE_PW)
    yield ws
    ws.close()


def _shot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        widget.grab().save(str(Path(SHOTS) / name))


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_a, **_k: (str(path), ""))


def _open_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: (str(path), ""))


def _results_page(qtbot, ws: OpenWorkspace) -> ResultsPage:
    page = ResultsPage(ws)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    page.activate()
    return page


def _import(qtbot, page: ResultsPage, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    page.last_import = page.last_error = None
    _open_file(monkeypatch, path)
    qtbot.mouseClick(page.import_button, LEFT)
    qtbot.waitUntil(lambda: page.last_import is not None or page.last_error is not None, timeout=60000)
    assert not page.busy_now() and page.progress_dialog is None


def _regrade(laptop: OpenWorkspace, case: str) -> tuple[str, str]:
    """The laptop re-records one conclusion with another grade: a later, different result for the case."""
    c = deliberation.deliberation(laptop, case, DEMO_CAMPAIGN).conclusion
    assert c is not None
    grade = next(g for g in ("优秀", "合格", "瑕疵", "不合格") if g != c.grade)
    corr, ref = c.actions["correction"], c.actions["referral"]
    deliberation.conclude(laptop, case, deliberation.ConclusionInput(
        outcome=c.outcome, grade=grade, grade_reason="复核后调整等次", veto_kept=c.veto_kept,
        findings=[deliberation.FindingInput(f.category, f.description, f.evidence_ref, f.item_code)
                  for f in c.findings],
        majority_view=c.majority_view, minority_view=c.minority_view, correction_required=corr["required"],
        correction_deadline=corr["deadline"], referral_suggested=ref["suggested"], referral_reason=ref["reason"],
    ), DEMO_CAMPAIGN)
    return c.grade, grade


def _export_dialog(qtbot, laptop: OpenWorkspace) -> ResultsExportDialog:
    opinions = OpinionsPage(laptop)
    qtbot.addWidget(opinions)
    opinions.show()
    opinions.activate()
    assert opinions.results_button.isVisible() and opinions.results_button.isEnabled()
    qtbot.mouseClick(opinions.results_button, LEFT)
    dialog = opinions.results_dialog
    assert dialog is not None and dialog.isVisible() and dialog.campaign_id == DEMO_CAMPAIGN
    return dialog


def test_export_dialog_checks_the_form_then_writes_and_reminds_of_the_key(qtbot, demo_ws, office_ws, tmp_path,
                                                                         monkeypatch):
    recipient = keys.recipient(office_ws)
    dialog = _export_dialog(qtbot, demo_ws)
    assert not dialog.export_button.isEnabled()
    assert "密钥与信任" in " ".join(w.text() for w in dialog.findChildren(type(dialog.summary)))

    dialog.recipients.setPlainText("age1notakey")
    assert not dialog.export_button.isEnabled() and "第 1 行" in dialog.recipients_state.text()
    dialog.recipients.setPlainText(recipient + "\n")
    assert "1" in dialog.recipients_state.text() and not dialog.export_button.isEnabled()  # no file yet
    taken = tmp_path / "taken.rdpkg"
    taken.write_bytes(b"")
    _save_to(monkeypatch, taken)
    qtbot.mouseClick(dialog.browse_button, LEFT)
    assert not dialog.export_button.isEnabled() and "已存在" in dialog.out_state.text()
    _save_to(monkeypatch, tmp_path / "结果包")  # typed without the suffix: the dialog adds it
    qtbot.mouseClick(dialog.browse_button, LEFT)
    assert dialog.out.text() == str(tmp_path / "结果包.rdpkg")
    dialog.issuer.setText(SENDER)
    assert dialog.export_button.isEnabled()
    dialog.resize(dialog.sizeHint())
    _shot(dialog, "export-dialog.png")

    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=120000)
    done = dialog.result_value
    assert done.cases == 6 and done.conclusions == 4 and done.opinion_files == 8
    assert (tmp_path / "结果包.rdpkg").exists() and dialog.progress is None
    text = dialog.summary.text()
    assert str(tmp_path / "结果包.rdpkg") in text and "6 个案件" in text and "4 份合议结论" in text
    assert dialog.key_id.text() == done.key_id and dialog.trust_box.isVisible()
    dialog.copy_public_key()
    assert done.key_id in QApplication.clipboard().text()
    _shot(dialog, "export-dialog-done.png")


def test_office_imports_sees_consistent_cases_then_a_conflict(qtbot, demo_ws, office_ws, tmp_path, monkeypatch,
                                                             qtmodeltester):
    keys.trust_issuer(office_ws, keys.signing_public_key(demo_ws), SENDER)
    recipient = keys.recipient(office_ws)
    dialog = _export_dialog(qtbot, demo_ws)
    dialog.recipients.setPlainText(recipient)
    dialog.issuer.setText(SENDER)
    dialog.out.setText(str(tmp_path / "first.rdpkg"))
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=120000)
    first = Path(dialog.result_value.files[0])

    page = _results_page(qtbot, office_ws)
    assert page.model.rowCount() == 0 and page.import_button.isVisible()
    _import(qtbot, page, monkeypatch, first)
    assert page.last_import.status == "imported" and page.campaign_id() == DEMO_CAMPAIGN
    rows = page.model.rows()
    assert len(rows) == 6 and all(r.status == "consistent" for r in rows)
    assert {page.model.index(n, ReceivedModel.STATUS).data() for n in range(6)} == {"一致"}
    concluded = [n for n, r in enumerate(rows) if r.result["conclusion"] is not None]
    assert len(concluded) == 4 and page.model.index(concluded[0], ReceivedModel.GRADE).data()
    assert "6" in page.summary.text() and "导入" in page.message.text()
    qtmodeltester.check(page.model)

    # The same package again: said plainly, nothing changes.
    _import(qtbot, page, monkeypatch, first)
    assert page.last_import.status == "already_imported" and "之前已导入" in page.message.text()

    # A consistent concluded case: its received opinion opens in the preview.
    select_row(page.table, concluded[0])
    assert page.opinion_button.isEnabled() and page.opinion_button.menu() is None
    qtbot.mouseClick(page.opinion_button, LEFT)
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=30000)
    assert page.preview_dialog.page_count() >= 1
    page.preview_dialog.reject()

    # The laptop re-concludes one case with another grade and sends a second package: its own update.
    case = rows[concluded[0]].case_id
    old, new = _regrade(demo_ws, case)
    second = results.export_results(demo_ws, DEMO_CAMPAIGN, [recipient], tmp_path / "second.rdpkg",
                                    issuer_name=SENDER)
    _import(qtbot, page, monkeypatch, Path(second.files[0]))
    assert page.last_import.conflicts == [] and page.last_import.updated == [case]
    assert {r.status for r in page.model.rows()} == {"consistent"} and case in page.message.text()

    # Another laptop sends the first version of that case: the two workstations disagree.
    from_c = resend_from_another_laptop(office_ws, first, tmp_path)
    _import(qtbot, page, monkeypatch, from_c)
    assert page.last_import.conflicts == [case] and case in page.message.text()
    statuses = {r.case_id: r.status for r in page.model.rows()}
    assert statuses.pop(case) == "conflict" and set(statuses.values()) == {"consistent"}
    row = page.model.row_of(case)
    status = page.model.index(row, ReceivedModel.STATUS)
    assert status.data() == "冲突" and status.data(Qt.ItemDataRole.ForegroundRole).color() == CONFLICT
    assert page.model.index(row, ReceivedModel.SOURCES).data() == "2"
    assert page.selected().case_id == case  # the page opens on the new conflict

    fields = {page.conflicts.conflict.fields[n].field: n for n in range(page.conflicts.rowCount())}
    assert "conclusion.grade" in fields
    n = fields["conclusion.grade"]
    assert "等次" in page.conflicts.index(n, 0).data()
    assert sorted(page.conflicts.index(n, c).data() for c in (1, 2)) == sorted([old, new])
    headers = [page.conflicts.headerData(c, Qt.Orientation.Horizontal) for c in (1, 2)]
    assert all(SENDER in h for h in headers) and sum(second.key_id in h for h in headers) == 1
    assert page.conflict_table.isVisible() and "不能在此覆盖" in page.detail_note.text()
    assert page.opinion_button.menu() is not None and len(page.opinion_button.menu().actions()) == 2
    qtmodeltester.check(page.conflicts)
    page.resize(1180, 760)
    _shot(page, "results-conflict.png")


def test_a_package_from_an_untrusted_laptop_is_refused_in_words(qtbot, demo_ws, office_ws, tmp_path,
                                                               monkeypatch):
    done = results.export_results(demo_ws, DEMO_CAMPAIGN, [keys.recipient(office_ws)], tmp_path / "p.rdpkg")
    page = _results_page(qtbot, office_ws)
    _import(qtbot, page, monkeypatch, Path(done.files[0]))
    assert page.last_import is None and page.model.rowCount() == 0
    text = page.message.text()
    assert "密钥与信任" in text and done.key_id in text and "未保存" in text and "Traceback" not in text
    # The admin is offered the contract's one-time exception; taking it imports and the audit log says so.
    box = page.box
    assert box is not None and box.icon() == QMessageBox.Icon.Question and "审计日志" in box.text()
    _shot(page, "results-refused.png")
    page.last_error = None
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    yes.click()
    qtbot.waitUntil(lambda: page.last_import is not None or page.last_error is not None, timeout=60000)
    done_import = page.last_import
    assert done_import is not None and done_import.signed_by is None and done_import.unsigned_reason
    assert page.model.rowCount() == 6
    entry = next(e for e in audit.show(office_ws, limit=10) if e.action == "results.import")
    assert entry.details["signed_by"] is None and entry.details["unsigned_reason"]


def test_observers_read_but_do_not_import(qtbot, login_as, main_window):
    main = main_window(login_as("observer"))
    assert "results" in main.pages
    main.show_page("results")
    page = main.pages["results"]
    assert isinstance(page, ResultsPage) and page.import_button.isHidden()
