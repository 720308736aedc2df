"""The expert pool (专家库): the list with a filter, one expert's detail (relations, former units), and for
administrators the roster import, the relations editor and availability. Observers read only."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from ui import file_dialogs
from ui.i18n import error_text
from ui.models.cases import case_type_label
from ui.models.experts import ExpertsModel
from ui.models.labels import profession_label, relation_label
from ui.pages.base import Page
from ui.qt import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSortFilterProxyModel,
    QSplitter,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.common import MessageLine, confirm, fit_columns, heading, note, row_table
from ui.widgets.file_places import remember_folder, start_folder
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.services.experts import ExpertDetail, ExpertRow
    from reviewdesk.workspace import OpenWorkspace
    from ui.dialogs.expert_import import ExpertImportDialog
    from ui.dialogs.relations_editor import RelationsEditorDialog


class ExpertsPage(Page):
    key = "experts"
    help_anchor = "experts"

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        from reviewdesk.store.models import Role

        self.is_admin = ws.actor.role == Role.ADMIN
        self.detail: ExpertDetail | None = None
        self.import_dialog: ExpertImportDialog | None = None
        self.relations_dialog: RelationsEditorDialog | None = None
        self.model = ExpertsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = row_table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setAccessibleName(self.tr("Experts"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by ID, name, unit, specialty, tag…"))
        self.filter.setAccessibleName(self.tr("Filter experts"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Expert details"))

        self.import_button = QPushButton(self.tr("&Import roster…"))
        self.relations_button = QPushButton(self.tr("Edit &relations…"))
        self.available_button = QPushButton(self.tr("Mark &available"))
        self.unavailable_button = QPushButton(self.tr("Mark &unavailable"))
        self.registry_button = QPushButton(self.tr("Interest re&gistry…"))
        self.registry_button.setToolTip(self.tr("Import the register of companies with their shareholders and officers (registry.xlsx)"))
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.import_button.clicked.connect(self.open_import)
        self.registry_button.clicked.connect(lambda: self.import_registry())
        self.relations_button.clicked.connect(self.edit_relations)
        self.available_button.clicked.connect(lambda: self.set_available(True))
        self.unavailable_button.clicked.connect(lambda: self.set_available(False))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        buttons = QHBoxLayout()
        buttons.addWidget(self.filter, 1)
        for button in (self.import_button, self.registry_button, self.relations_button, self.available_button, self.unavailable_button):
            button.setVisible(self.is_admin)
            buttons.addWidget(button)
        buttons.addWidget(self.refresh_button)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading(self.tr("Expert pool"), 1.4))
        layout.addWidget(note(self.tr(
            "The experts who may sit on review panels, with the relations and former units the recusal check uses."
        ) if self.is_admin else self.tr("The expert pool (read only).")))
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self._loaded = False
        self._update_buttons()

    # -- data --------------------------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        if self.ws is None:
            return
        from reviewdesk.services import experts

        current = select_id or (self.detail.row.id if self.detail else None)
        # A province's pool runs to thousands of experts with their relations: read on the worker.
        self.load_in_background(
            experts.list_experts,
            lambda rows: self._show_rows(rows, current),
            lambda err: self.message.show_error(error_text(err)),
            kind="experts",
        )

    def _show_rows(self, rows: list[ExpertRow], current: int | None) -> None:
        self.model.set_rows(rows)
        self._loaded = True
        fit_columns(self.table)
        if current is not None:
            self.select_expert(current)
        else:
            self._show(None)

    def select_expert(self, expert_id: int) -> None:
        row = self.model.row_of(expert_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.id_at(self.proxy.mapToSource(rows[0]).row())

    def _selection_changed(self) -> None:
        expert_id = self.selected_id()
        if self.ws is None or expert_id is None:
            self._show(None)
            return
        from reviewdesk.services import experts

        try:
            self._show(experts.expert_detail(self.ws, expert_id))
        except Exception as err:
            self.message.show_error(error_text(err))

    def _show(self, detail: ExpertDetail | None) -> None:
        """The expert's record. The identity number is masked as on every other screen (the admin's full copy
        stays for the relations editor, where it is edited)."""
        from reviewdesk.experts.records import mask_identity

        self.detail = detail
        self._update_buttons()
        if detail is None:
            self.text.clear()
            return
        r, e = detail.row, html.escape
        relations_title, former_title = self.tr("Relations"), self.tr("Former units")
        none_declared, none_text = self.tr("None declared."), self.tr("None.")
        left = self.tr("left {date}")
        lines = [
            f"<h3>{e(r.name)} <small>{e(r.external_id)}</small></h3>",
            f"<p>{e(profession_label(r.profession))} · {e(r.unit_name or r.unit_code)} ({e(r.region_code)})</p>",
            "<p>" + e(self.tr("Specialties: {list}").format(list="、".join(case_type_label(s) for s in r.specialties) or "—")) + "<br>"
            + e(self.tr("Tags: {list}").format(list="、".join(r.tags) or "—")) + "<br>"
            + e(self.tr("Available: {yes_no} {note}").format(yes_no=self.tr("Yes") if r.available else self.tr("No"), note=r.availability_note))
            + "<br>" + e(self.tr("Identity number: {number}").format(number=mask_identity(detail.id_number) or "—")) + "<br>"
            + e(self.tr("Linked account: {user}").format(user=detail.account or "—")) + "</p>",
            f"<h4>{e(relations_title)}</h4>",
        ]
        if detail.relations:
            lines.append("<ul>" + "".join(
                f"<li>{e(relation_label(x.kind))}: {e(x.name)}" + (f" ({e(x.unit_code)})" if x.unit_code else "")
                + (f" — {e(x.note)}" if x.note else "") + "</li>" for x in detail.relations) + "</ul>")
        else:
            lines.append(f"<p>{e(none_declared)}</p>")
        lines.append(f"<h4>{e(former_title)}</h4>")
        if detail.former_units:
            lines.append("<ul>" + "".join(
                f"<li>{e(f.unit_name or f.unit_code)} — {e(left.format(date=f.until or '?'))}</li>"
                for f in detail.former_units) + "</ul>")
        else:
            lines.append(f"<p>{e(none_text)}</p>")
        self.text.setHtml("".join(lines))

    def _update_buttons(self) -> None:
        has = self.detail is not None and self.ws is not None
        self.relations_button.setEnabled(has)
        self.available_button.setEnabled(has and not self.detail.row.available)  # type: ignore[union-attr]
        self.unavailable_button.setEnabled(has and self.detail.row.available)  # type: ignore[union-attr]

    def teardown(self) -> None:
        for dialog in (self.import_dialog, self.relations_dialog):
            if dialog is not None:
                dialog.close()
        self.import_dialog = self.relations_dialog = None
        self.model.clear()
        self.detail = None
        self.text.clear()
        self.message.clear_message()
        super().teardown()

    def holds_data(self) -> bool:
        return super().holds_data() or self.model.rowCount() > 0 or self.detail is not None

    # -- actions -----------------------------------------------------------------------------------------
    def open_import(self) -> ExpertImportDialog | None:
        if self.ws is None or not self.is_admin:
            return None
        from ui.dialogs.expert_import import ExpertImportDialog

        self.import_dialog = ExpertImportDialog(self.ws, self)
        self.import_dialog.imported.connect(lambda _report: self.refresh())
        self.import_dialog.open()
        return self.import_dialog

    def import_registry(self, path: str | None = None) -> None:
        """Replace the interest registry from a registry.xlsx the coordinator picks (all or nothing)."""
        if self.ws is None or not self.is_admin:
            return
        if path is None:
            path, _filter = file_dialogs.open_file(
                self, self.tr("Interest registry"), str(start_folder("incoming")), self.tr("Excel workbook (*.xlsx)")
            )
            if not path:
                return
            remember_folder("incoming", Path(path))
        from reviewdesk.services import registry

        ws, chosen = self.ws, Path(path)

        def run() -> object:
            return registry.import_registry(ws, chosen.read_bytes(), chosen.name)

        def done(result: object) -> None:
            self.message.show_ok(
                self.tr("Interest registry replaced: {companies} companies, {holders} shareholders and officers. "
                        "The recusal check uses it from now on.").format(
                    companies=getattr(result, "companies", 0), holders=getattr(result, "holders", 0)
                )
            )

        confirm(
            self, self.tr("Interest registry"),
            self.tr("Replace the interest registry on this computer with {file}?").format(file=chosen.name),
            self.tr("Replace"),
            lambda: run_job(run, self, done, lambda err: self.message.show_error(error_text(err))),
        )

    def edit_relations(self) -> RelationsEditorDialog | None:
        if self.ws is None or self.detail is None or not self.is_admin:
            return None
        from ui.dialogs.relations_editor import RelationsEditorDialog

        self.relations_dialog = RelationsEditorDialog(self.ws, self.detail, self)
        self.relations_dialog.saved.connect(self._relations_saved)
        self.relations_dialog.open()
        return self.relations_dialog

    def _relations_saved(self, detail: ExpertDetail) -> None:
        self._show(detail)
        self.message.show_ok(self.tr("Relations of {id} saved.").format(id=detail.row.external_id))

    def set_available(self, available: bool) -> None:
        if self.ws is None or self.detail is None or not self.is_admin:
            return
        from reviewdesk.services import experts

        ws, expert_id = self.ws, self.detail.row.id
        note_text = "" if available else self.detail.row.availability_note
        run_job(lambda: experts.set_availability(ws, expert_id, available, note_text), self,
                lambda _row: self.refresh(select_id=expert_id), lambda err: self.message.show_error(error_text(err)))
