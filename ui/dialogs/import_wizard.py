"""Import a case package (.rdpkg, or its first part .rdpkg.001) sent by a reviewed unit. Administrators only.

The import runs on a worker thread; its progress callbacks arrive on that thread and are passed to the
dialog through a Qt signal (queued to the UI thread). Cancel sets a flag the service checks between chunks;
it then raises ImportCancelled and the store is left exactly as it was.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reviewdesk import file_paths
from reviewdesk.file_paths import PathProblem
from ui import file_dialogs
from ui.path_messages import path_message
from ui.qt import (
    QCheckBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import ERROR_STYLE, MessageLine, PasswordEdit, confirm, heading, inform, note
from ui.widgets.file_places import remember_folder, start_folder

if TYPE_CHECKING:
    from reviewdesk.services.imports import ImportResult, Progress
    from reviewdesk.workspace import OpenWorkspace

PROGRESS_STEPS = 1000  # the bar counts in tenths of a percent: 64-bit byte counts do not fit its int


def rejection_advice(code: str) -> str:
    """What a refusal category means for the coordinator and what to do about it."""
    advice = {
        "age": QCoreApplication.translate(
            "ImportWizard",
            "The package could not be decrypted. It was probably encrypted for another workstation, or the "
            "passphrase is wrong, or a part is missing or damaged. Check the passphrase, or ask the unit to "
            "send it again encrypted for this workstation.",
        ),
        "file": QCoreApplication.translate(
            "ImportWizard",
            "The file or one of its parts could not be found or read. Check that all parts are in the same folder.",
        ),
        "tar": QCoreApplication.translate(
            "ImportWizard", "The package is damaged or incomplete. Ask the unit to send it again."
        ),
        "order": QCoreApplication.translate(
            "ImportWizard",
            "The package was not made by a ReviewDesk packer. Ask the unit to build it again with the packer.",
        ),
        "limit": QCoreApplication.translate(
            "ImportWizard", "The package's table of contents is too large. Ask the unit to split the package."
        ),
        "manifest": QCoreApplication.translate(
            "ImportWizard",
            "The package's list of cases has an error. Send the details below to the unit so it can correct it.",
        ),
        "signature": QCoreApplication.translate(
            "ImportWizard",
            "The signature of the package is not valid: it may have been changed on the way. Do not use it; ask the unit to send it again.",
        ),
        "unsigned": QCoreApplication.translate(
            "ImportWizard",
            "The package is not signed, so its origin cannot be checked. Ask the unit for a signed package. "
            "If you received it in person from the unit, you may tick “Allow an unsigned or untrusted package this once”.",
        ),
        "untrusted": QCoreApplication.translate(
            "ImportWizard",
            "The package is signed with a key this workstation does not trust yet. Add the unit's public key to "
            "the trusted issuers (check its fingerprint with the unit by phone), then import again.",
        ),
        "path": QCoreApplication.translate(
            "ImportWizard",
            "The package contains a file name that is not allowed. Ask the unit to build it again.",
        ),
        "extra": QCoreApplication.translate(
            "ImportWizard",
            "The package contains files that are not in its list. It may have been changed; ask the unit to send it again.",
        ),
        "duplicate": QCoreApplication.translate(
            "ImportWizard", "The package contains a file twice. Ask the unit to build it again."
        ),
        "size": QCoreApplication.translate(
            "ImportWizard",
            "A file in the package does not have the size its list says. It may have been changed; ask the unit to send it again.",
        ),
        "missing": QCoreApplication.translate(
            "ImportWizard",
            "Files listed in the package are missing. Ask the unit to send the complete package.",
        ),
        "hash": QCoreApplication.translate(
            "ImportWizard",
            "A file in the package was changed after it was packed. Do not use it; ask the unit to send it again.",
        ),
        "kind": QCoreApplication.translate(
            "ImportWizard", "This is not a case package. It cannot be imported here."
        ),
    }
    return advice.get(
        code,
        QCoreApplication.translate("ImportWizard", "Ask the unit to check the package and send it again."),
    )


class ImportWizard(QDialog):
    """Pick the package, give its passphrase if it has one, import with progress, then say what happened."""

    imported = Signal(object)  # ImportResult, after a successful import (the case list reloads)

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws: OpenWorkspace | None = ws
        self.setWindowTitle(self.tr("Import case package"))
        self.setMinimumWidth(620)
        self._cancel = threading.Event()
        self._running = False
        self._last_emit = 0.0
        self._last_permille = -1
        self._last_files = -1
        self.result_value: ImportResult | None = None
        self.last_error: BaseException | None = None
        self.box: QMessageBox | None = None  # the last message box opened (tests read it)

        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("e.g. D:\\评查\\城关区法院.rdpkg"))
        self.path.setAccessibleName(self.tr("Package file"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)
        self.passphrase = PasswordEdit()
        self.passphrase.setPlaceholderText(self.tr("only if the unit gave you one"))
        self.allow_unsigned = QCheckBox(self.tr("Allow an unsigned or untrusted package this once"))
        self.unsigned_warning = QLabel(
            self.tr(
                "Warning: the origin of such a package and changes on the way cannot be checked. Only tick "
                "this if you received it in person from the unit. The import is recorded as unsigned in the "
                "audit log."
            )
        )
        self.unsigned_warning.setWordWrap(True)
        self.unsigned_warning.setStyleSheet(ERROR_STYLE)
        self.unsigned_warning.hide()
        self.allow_unsigned.toggled.connect(self._show_unsigned_warning)
        form = QFormLayout()
        form.addRow(self.tr("&Package file:"), path_row)
        form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget().setBuddy(self.path)
        form.addRow(self.tr("Pa&ssphrase:"), self.passphrase)
        form.addRow("", self.allow_unsigned)
        form.addRow("", self.unsigned_warning)
        self.form = QWidget()
        self.form.setLayout(form)

        self.bar = QProgressBar()
        self.bar.setRange(0, PROGRESS_STEPS)
        self.bar.setValue(0)
        self.bar.setFormat("%p%")
        self.bar.hide()
        self.progress_label = QLabel()
        self.progress_label.hide()
        self.message = MessageLine()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.import_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when the warning shows
        layout.addWidget(heading(self.tr("Import case package"), 1.25))
        layout.addWidget(
            note(
                self.tr(
                    "Choose the package file the unit sent (.rdpkg; for a package in several parts choose the "
                    "first part, .rdpkg.001, with the other parts in the same folder). The package is checked "
                    "completely; if anything is wrong, nothing is stored."
                )
            )
        )
        layout.addWidget(self.form)
        layout.addWidget(self.bar)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _show_unsigned_warning(self, on: bool) -> None:
        self.unsigned_warning.setVisible(on)
        self.adjustSize()

    # -- choosing ----------------------------------------------------------------------------------------
    def browse(self) -> None:
        dialog = file_dialogs.build(self, self.tr("Choose the case package"), file_dialogs.Mode.OPEN)
        dialog.setNameFilters(
            [
                self.tr("Case packages (*.rdpkg *.rdpkg.001)"),
                self.tr("All files (*)"),
            ]
        )
        dialog.setDirectory(str(start_folder("incoming")))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda chosen: remember_folder("incoming", Path(chosen)))
        dialog.fileSelected.connect(self.path.setText)
        dialog.open()

    # -- running -----------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._running

    def start(self, update_existing: bool = False) -> None:
        from reviewdesk.services.imports import import_package
        from ui.worker import progress_to, run_job

        if self.ws is None or self._running:
            return
        check = file_paths.input_file(self.path.text())
        if check.path is None:
            self.message.show_error(
                self.tr("Choose the package file first.") if check.problem is PathProblem.EMPTY
                else path_message(check)
            )
            self.path.setFocus()
            return
        path = check.path
        ws = self.ws
        passphrase = self.passphrase.text() or None
        allow_unsigned = self.allow_unsigned.isChecked()
        self._cancel.clear()
        self._last_permille = self._last_files = -1
        self._set_running(True)
        cancel = self._cancel.is_set
        # Made per run, not kept on the dialog: a dialog holding it would be a cycle that outlives its window.
        report = functools.partial(self._report, progress_to(self, self._on_progress))

        def job() -> ImportResult:
            return import_package(
                ws,
                path,
                passphrase=passphrase,
                allow_unsigned=allow_unsigned,
                update_existing=update_existing,
                progress=report,
                cancel=cancel,
            )

        run_job(job, self, self._done, self._failed)

    def _report(self, send: Callable[[Progress], None], progress: Progress) -> None:
        """Worker thread: pass on a change of at least 0.1 % or a finished file, at most ~30 times a second."""
        permille = PROGRESS_STEPS * progress.bytes_done // progress.bytes_total if progress.bytes_total else 0
        now = time.monotonic()
        final = progress.bytes_done >= progress.bytes_total or progress.files_done >= progress.files_total
        if permille == self._last_permille and progress.files_done == self._last_files:
            return
        if not final and now - self._last_emit < 0.03 and progress.files_done == self._last_files:
            return
        self._last_permille, self._last_files, self._last_emit = permille, progress.files_done, now
        send(progress)

    def _on_progress(self, progress: Progress) -> None:
        if not self._running:
            return
        total = progress.bytes_total or 1
        self.bar.setValue(min(PROGRESS_STEPS, PROGRESS_STEPS * progress.bytes_done // total))
        self.progress_label.setText(
            self.tr("{done} of {total} MB read · {files} of {files_total} files stored").format(
                done=f"{progress.bytes_done / 1024 / 1024:,.1f}",
                total=f"{progress.bytes_total / 1024 / 1024:,.1f}",
                files=progress.files_done,
                files_total=progress.files_total,
            )
        )

    def cancel(self) -> None:
        """Ask the running import to stop; the service rolls everything back."""
        if self._running and not self._cancel.is_set():
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling… nothing will be stored."))

    def _set_running(self, on: bool) -> None:
        self._running = on
        self.form.setEnabled(not on)
        self.import_button.setEnabled(not on)
        self.cancel_button.setEnabled(True)
        self.message.clear_message()
        if on:
            self.summary.hide()
            self.bar.setValue(0)
            self.bar.show()
            self.progress_label.setText(self.tr("Checking the package…"))
            self.progress_label.show()

    def _done(self, result: ImportResult) -> None:
        self._set_running(False)
        self.result_value = result
        self.import_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.form.setEnabled(False)
        if result.status == "already_imported":
            self.bar.hide()
            self.progress_label.hide()
            self.message.show_ok(
                self.tr(
                    "This package was imported before; nothing was changed. Its cases are in the case list."
                )
            )
            return
        if result.kind == "roster":
            counts = result.experts or {}
            lines = [
                self.tr("Expert roster imported into the expert pool."),
                self.tr("New experts: {n}").format(n=counts.get("added", 0)),
                self.tr("Changed experts: {n}").format(n=counts.get("changed", 0)),
            ]
        else:
            lines = [
                self.tr("Import finished."),
                self.tr("New cases: {n}").format(n=result.cases),
                self.tr("Updated cases: {n}").format(n=result.updated_cases),
                self.tr("Documents: {n}").format(n=result.documents),
            ]
        if result.signed_by:
            lines.append(self.tr("Signed by the trusted key {key}.").format(key=result.signed_by))
        else:
            lines.append(
                self.tr(
                    "UNSIGNED: imported without a valid signature ({reason}). This is recorded in the audit log."
                ).format(reason=result.unsigned_reason or self.tr("no signature"))
            )
        self.summary.setText("\n".join(lines))
        self.summary.show()
        self.progress_label.hide()
        self.imported.emit(result)

    def _failed(self, err: BaseException) -> None:
        from reviewdesk.errors import Conflict
        from reviewdesk.services.imports import ImportCancelled, PackageRejected
        from ui.i18n import error_detail, error_text

        self._set_running(False)
        self.last_error = err
        self.bar.hide()
        self.progress_label.hide()
        if isinstance(err, ImportCancelled):
            self.message.show_ok(self.tr("Import cancelled. Nothing was stored."))
            return
        if isinstance(err, PackageRejected):
            self.message.show_error(self.tr("The package was refused; nothing was stored."))
            self.box = inform(
                self,
                self.tr("Package refused"),
                rejection_advice(err.reason_code),
                icon=QMessageBox.Icon.Warning,
                detail=error_text(err),
                technical=error_detail(err),
            )
            return
        if isinstance(err, Conflict):
            self.box = confirm(
                self,
                self.tr("Update these cases?"),
                self.tr(
                    "Some cases in this package are already in the store. Update these cases with the data "
                    "of this package? Their parties, handlers and documents are replaced."
                ),
                self.tr("&Update"),
                lambda: self.start(update_existing=True),
                detail=error_text(err),
            )
            self.message.show_error(self.tr("Nothing was imported yet: some cases already exist."))
            return
        self.message.show_error(error_text(err))

    # -- closing -----------------------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel or Esc. While importing this only stops the import: the dialog stays open to say that
        nothing was stored. (On lock the main window also deletes the dialog; the job then ends unheard.)"""
        if self._running:
            self.cancel()
            return
        super().reject()

    def teardown(self) -> None:
        """The app is locking: stop the import, forget the workspace, close."""
        self.cancel()
        self.ws = None
        self.passphrase.clear()
        super().reject()
