"""Keys and trust (administrators only): this workstation's age recipient and signing public key to hand
to other offices, and the issuing offices whose signed packages this workstation accepts.

The same as `reviewdesk keys recipient|signing-pub|trust-issuer|issuers`, without a terminal. The calls are
quick, so they run on the GUI thread. File choosers open window-modal (`open()`, never `exec()`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reviewdesk import file_paths
from ui import file_dialogs
from ui.i18n import error_text
from ui.models.issuers import IssuersModel
from ui.pages.base import Page
from ui.path_messages import path_message
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QGuiApplication,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import MessageLine, fit_columns, heading, note, row_table, select_row

if TYPE_CHECKING:
    from reviewdesk.services.keys import IssuerInfo
    from reviewdesk.workspace import OpenWorkspace

MAX_PUB_BYTES = 64 * 1024  # a minisign .pub is about 120 bytes; anything big is the wrong file


def _save_dialog(
    parent: QWidget, title: str, file_name: str, filters: list[str], on_chosen: Callable[[str], None]
) -> QFileDialog:
    dialog = file_dialogs.build(parent, title, file_dialogs.Mode.SAVE)
    dialog.setNameFilters(filters)
    dialog.setDefaultSuffix(Path(file_name).suffix.lstrip("."))
    dialog.selectFile(file_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(on_chosen)
    dialog.open()
    return dialog


class TrustIssuerDialog(QDialog):
    """Choose an office's .pub file, see its key ID, name the office, confirm. Stays open on refusal."""

    succeeded = Signal(object)  # IssuerInfo

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._text: str | None = None
        self.setWindowTitle(self.tr("Add a trusted issuing office"))
        self.setMinimumWidth(520)

        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("No file chosen"))
        self.browse_button = QPushButton(self.tr("&Choose file…"))
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)

        self.key_id = QLineEdit()
        self.key_id.setReadOnly(True)
        self.key_id.setPlaceholderText(self.tr("Shown after choosing the file"))
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("For example: Municipal Justice Bureau"))
        self.name.textChanged.connect(self._update_ok)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Public key file:"), path_row)
        form.addRow(self.tr("Key ID:"), self.key_id)
        form.addRow(self.tr("Office name:"), self.name)

        self.message = MessageLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Trust this office"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "Choose the public key file (.pub) the organising office gave you, then type the office's "
                    "name. Before confirming, check the key ID with the office by telephone: only packages "
                    "signed with this key will be accepted as coming from them."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update_ok()

    def browse(self) -> None:
        title = self.tr("Choose the office's public key file")
        dialog = file_dialogs.build(self, title, file_dialogs.Mode.OPEN)
        dialog.setNameFilters([self.tr("Public key files (*.pub)"), self.tr("All files (*)")])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.load_file)
        dialog.open()

    def load_file(self, path: str) -> None:
        """Read the chosen .pub file and show its key ID; say so in plain words if it is not a key file."""
        from reviewdesk.packages import minisign

        self._text = None
        self.key_id.clear()
        self.message.clear_message()
        self.path.setText(path)
        bad_file = self.tr(
            "This file is not a valid public key file. Ask the issuing office for their .pub file and "
            "choose it again."
        )
        try:
            data = Path(path).read_bytes()[: MAX_PUB_BYTES + 1]
        except OSError:
            self.message.show_error(
                self.tr("The file could not be read. Check that it still exists and is not open elsewhere.")
            )
            self._update_ok()
            return
        try:
            if len(data) > MAX_PUB_BYTES:
                raise ValueError("too big")
            text = data.decode("utf-8")
            key_id = minisign.PublicKey.from_text(text).key_id_hex()
        except (minisign.SignatureError, ValueError):  # UnicodeDecodeError is a ValueError
            self.message.show_error(bad_file)
            self._update_ok()
            return
        self._text = text
        self.key_id.setText(key_id)
        self._update_ok()
        self.name.setFocus()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self._text is not None and bool(self.name.text().strip()))

    def submit(self) -> None:
        from reviewdesk.errors import ValidationError
        from reviewdesk.services import keys

        if self._text is None or self.ws is None:
            self.message.show_error(self.tr("Choose the office's public key file first."))
            return
        if not self.name.text().strip():
            self.message.show_error(self.tr("Type the name of the issuing office."))
            return
        try:
            info = keys.trust_issuer(self.ws, self._text, self.name.text())
        except ValidationError as err:
            self.message.show_error(
                self.tr("Type the name of the issuing office.") if err.field == "name" else error_text(err)
            )
            return
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self.succeeded.emit(info)
        self.accept()


class KeysPage(Page):
    key = "keys"
    help_anchor = "keys"

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self._loaded = False
        self._public_key = ""  # the minisign .pub text, kept for "Save as file"

        # -- this workstation's age recipient ------------------------------------------------------------
        self.recipient = QLineEdit()
        self.recipient.setReadOnly(True)
        self.recipient.setAccessibleName(self.tr("Encryption key of this computer"))
        self.copy_recipient_button = QPushButton(self.tr("&Copy"))
        self.save_recipient_button = QPushButton(self.tr("&Save as file…"))
        self.copy_recipient_button.clicked.connect(self.copy_recipient)
        self.save_recipient_button.clicked.connect(self.choose_recipient_file)
        row = QHBoxLayout()
        row.addWidget(self.recipient, 1)
        row.addWidget(self.copy_recipient_button)
        row.addWidget(self.save_recipient_button)
        recipient_box = QGroupBox(self.tr("Encryption key of this computer (for receiving case packages)"))
        box_layout = QVBoxLayout(recipient_box)
        box_layout.addWidget(
            note(
                self.tr(
                    "Give this key to the organising office. They use it to encrypt case packages so that only "
                    "this computer can open them. It is not secret: you can send it by e-mail or on a USB stick."
                )
            )
        )
        box_layout.addLayout(row)

        # -- this workstation's signing public key -------------------------------------------------------
        self.signing_key_id = QLineEdit()
        self.signing_key_id.setReadOnly(True)
        self.signing_key_id.setAccessibleName(self.tr("Key ID of this computer's signing key"))
        self.save_public_key_button = QPushButton(self.tr("Save &public key as file…"))
        self.save_public_key_button.clicked.connect(self.choose_public_key_file)
        row = QHBoxLayout()
        row.addWidget(note(self.tr("Key ID:")))
        row.addWidget(self.signing_key_id, 1)
        row.addWidget(self.save_public_key_button)
        signing_box = QGroupBox(self.tr("Signing key of this computer (for sending results)"))
        box_layout = QVBoxLayout(signing_box)
        box_layout.addWidget(
            note(
                self.tr(
                    "Results packages made on this computer are signed. Give the public key file (.pub) to the "
                    "offices that receive them: they use it to check that the results really come from this "
                    "computer and were not changed on the way."
                )
            )
        )
        box_layout.addLayout(row)

        # -- trusted issuers -----------------------------------------------------------------------------
        self.model = IssuersModel(self)
        self.table = row_table(self.model)
        self.table.setMinimumHeight(160)
        self.add_issuer_button = QPushButton(self.tr("&Add a trusted issuing office…"))
        self.add_issuer_button.clicked.connect(self.add_issuer)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_issuer_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        issuers_box = QGroupBox(self.tr("Trusted issuing offices"))
        box_layout = QVBoxLayout(issuers_box)
        box_layout.addWidget(
            note(
                self.tr(
                    "Case packages signed by these offices are accepted as genuine when imported. Add an office "
                    "only with the public key file it gave you, and check the key ID with it by telephone."
                )
            )
        )
        box_layout.addLayout(buttons)
        box_layout.addWidget(self.table, 1)

        self.message = MessageLine()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading(self.tr("Keys and trust"), 1.4))
        layout.addWidget(self.message)
        layout.addWidget(recipient_box)
        layout.addWidget(signing_box)
        layout.addWidget(issuers_box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._update_buttons()

    # -- data --------------------------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        if self.ws is None:
            return
        from reviewdesk.packages import minisign
        from reviewdesk.services import keys

        def fetch(ws: OpenWorkspace) -> tuple[str, str, str, list[IssuerInfo]]:
            public_key = keys.signing_public_key(ws)
            key_id = minisign.PublicKey.from_text(public_key).key_id_hex()
            return keys.recipient(ws), public_key, key_id, keys.list_issuers(ws)

        self.load_in_background(
            fetch, lambda found: self._show_keys(found, select), self._failed, kind="keys"
        )

    def _failed(self, err: BaseException) -> None:
        self.message.show_error(error_text(err))
        self._update_buttons()

    def _show_keys(self, found: tuple[str, str, str, list[IssuerInfo]], select: str | None) -> None:
        recipient, self._public_key, key_id, issuers = found
        self.recipient.setText(recipient)
        self.signing_key_id.setText(key_id)
        self.model.set_rows(issuers)
        self._loaded = True
        fit_columns(self.table)
        if select:
            select_row(self.table, self.model.row_of(select))
        self._update_buttons()

    def _update_buttons(self) -> None:
        have_recipient = bool(self.recipient.text())
        self.copy_recipient_button.setEnabled(have_recipient)
        self.save_recipient_button.setEnabled(have_recipient)
        self.save_public_key_button.setEnabled(bool(self._public_key))
        self.add_issuer_button.setEnabled(self.ws is not None)

    def teardown(self) -> None:
        self.model.clear()
        self.recipient.clear()
        self.signing_key_id.clear()
        self._public_key = ""
        self._loaded = False
        self.message.clear_message()
        for dialog in self.findChildren(TrustIssuerDialog):
            dialog.ws = None
            dialog.reject()
        super().teardown()
        self._update_buttons()

    def holds_data(self) -> bool:
        return (
            super().holds_data()
            or self.model.rowCount() > 0
            or bool(self.recipient.text())
            or bool(self.signing_key_id.text())
            or bool(self._public_key)
        )

    # -- this workstation's keys -------------------------------------------------------------------------
    def copy_recipient(self) -> None:
        if not self.recipient.text():
            return
        QGuiApplication.clipboard().setText(self.recipient.text())
        self.message.show_ok(
            self.tr("The encryption key was copied. Paste it into your message to the organising office.")
        )

    def choose_recipient_file(self) -> None:
        if self.recipient.text():
            _save_dialog(
                self,
                self.tr("Save the encryption key"),
                "reviewdesk-recipient.txt",
                [self.tr("Text files (*.txt)"), self.tr("All files (*)")],
                self.save_recipient_to,
            )

    def save_recipient_to(self, path: str) -> None:
        if self.recipient.text():
            self._write(path, self.recipient.text() + "\n")

    def choose_public_key_file(self) -> None:
        if self._public_key:
            _save_dialog(
                self,
                self.tr("Save the public key"),
                "reviewdesk-signing.pub",
                [self.tr("Public key files (*.pub)"), self.tr("All files (*)")],
                self.save_public_key_to,
            )

    def save_public_key_to(self, path: str) -> None:
        if self._public_key:
            text = self._public_key if self._public_key.endswith("\n") else self._public_key + "\n"
            self._write(path, text)

    def _write(self, path: str, text: str) -> None:
        if not path:
            return
        check = file_paths.output_file(path, overwrite=True)
        if check.path is None:
            self.message.show_error(path_message(check))
            return
        try:
            check.path.write_text(text, encoding="utf-8", newline="\n")
        except OSError:
            self.message.show_error(
                self.tr(
                    "The file could not be saved to {path}. Choose another folder (for example the desktop) "
                    "and try again."
                ).format(path=path)
            )
            return
        self.message.show_ok(self.tr("Saved to {path}.").format(path=path))

    # -- trusted issuers ---------------------------------------------------------------------------------
    def add_issuer(self) -> None:
        if self.ws is None:
            return
        dialog = TrustIssuerDialog(self.ws, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.succeeded.connect(self._issuer_added)
        dialog.open()

    def _issuer_added(self, info: object) -> None:
        self.refresh(select=getattr(info, "key_id", None))
        self.message.show_ok(
            self.tr("{name} (key ID {key}) is now trusted.").format(
                name=getattr(info, "name", ""), key=getattr(info, "key_id", "")
            )
        )
