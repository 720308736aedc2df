"""Cases: filter and sort the case list, search case fields and document text, read a case and its files.

Administrators also import packages here. What a role may see is decided by the services (experts: the
cases of their panels; observers: all, read only); auditors see no case data at all, so this page shows them
only a note and never calls a case service.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ui.i18n import error_text
from ui.models.cases import (
    COLUMNS,
    CaseTableModel,
    case_type_label,
    case_types,
    flag_label,
    media_type_label,
    size_text,
    text_status_label,
)
from ui.pages.base import Page
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRegularExpression,
    QRegularExpressionValidator,
    QShortcut,
    QSplitter,
    Qt,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import MessageLine, heading, note

if TYPE_CHECKING:
    from reviewdesk.casefiles.search import Hit
    from reviewdesk.services.cases import CaseDetail, CaseFilter
    from reviewdesk.services.imports import ImportResult
    from reviewdesk.workspace import OpenWorkspace
    from ui.dialogs.import_wizard import ImportWizard
    from ui.widgets.document_viewer import DocumentViewerDialog

FLAGS = ("unenforced", "unresolved", "repeated", "petition")


def stage_label(stage: str) -> str:
    labels = {
        "filing": QCoreApplication.translate("CaseLabels", "Filing"),
        "investigation": QCoreApplication.translate("CaseLabels", "Investigation"),
        "prosecution": QCoreApplication.translate("CaseLabels", "Prosecution"),
        "trial": QCoreApplication.translate("CaseLabels", "Trial"),
        "enforcement": QCoreApplication.translate("CaseLabels", "Enforcement"),
        "closed": QCoreApplication.translate("CaseLabels", "Closed"),
    }
    return labels.get(stage, stage)


def party_kind_label(kind: str) -> str:
    labels = {
        "person": QCoreApplication.translate("CaseLabels", "person"),
        "organization": QCoreApplication.translate("CaseLabels", "organisation"),
    }
    return labels.get(kind, kind)


def masked_id(number: object) -> str:
    """Identity numbers on screen show region and the last four only (the full number stays in the store)."""
    if not number:
        return ""
    text = str(number)
    return text[:6] + "*" * max(0, len(text) - 10) + text[-4:] if len(text) > 10 else text


class CaseDetailPane(QWidget):
    """One case: its data (read-only text) and its documents (a table; Enter or double-click opens one)."""

    open_document = Signal(int)
    volume_requested = Signal(int)  # a document id: the coordinator sets its volume (卷)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: CaseDetail | None = None
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(self.tr("Case details"))
        self.documents = QTableWidget(0, 6)
        self.documents.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Type"), self.tr("Size"), self.tr("Text"), self.tr("Volume"),
             self.tr("Pages")]
        )
        self.documents.setAccessibleName(self.tr("Documents of the case"))
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents.verticalHeader().hide()
        self.documents.setWordWrap(False)
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3, 4, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.documents.doubleClicked.connect(lambda _index: self.open_selected())
        self.documents.itemSelectionChanged.connect(self._update_buttons)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.documents)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.open_selected)
        self.open_button = QPushButton(self.tr("&Open document"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        self.volume_button = QPushButton(self.tr("Set &volume…"))
        self.volume_button.setToolTip(self.tr("Which volume (卷) of the case file the document belongs to; "
                                              "the opinion counts the file's volumes and pages"))
        self.volume_button.setVisible(False)  # the page shows it to administrators
        self.volume_button.clicked.connect(self._ask_volume)
        self.documents_label = QLabel(self.tr("Documents"))
        font = self.documents_label.font()
        font.setBold(True)
        self.documents_label.setFont(font)
        self.documents_label.setBuddy(self.documents)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.text)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.documents_label, 1)
        row.addWidget(self.volume_button)
        row.addWidget(self.open_button)
        lower_layout.addLayout(row)
        lower_layout.addWidget(self.documents, 1)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.clear()

    def clear(self) -> None:
        self.detail = None
        self.text.setHtml(
            "<p style='color:#666'>{}</p>".format(
                html.escape(self.tr("Select a case in the list to see its data and documents."))
            )
        )
        self.documents.setRowCount(0)
        self.documents_label.setText(self.tr("Documents"))
        self._update_buttons()

    def holds_data(self) -> bool:
        return self.detail is not None or self.documents.rowCount() > 0

    def show_case(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.text.setHtml(self._html(detail))
        self.documents.setRowCount(0)
        self.documents.setRowCount(len(detail.documents))
        for row, doc in enumerate(detail.documents):
            title = QTableWidgetItem(doc.title)
            title.setData(Qt.ItemDataRole.UserRole, doc.id)
            title.setToolTip(doc.path)
            status = text_status_label(doc.text_status)
            cells = [
                title,
                QTableWidgetItem(media_type_label(doc.media_type)),
                QTableWidgetItem(size_text(doc.size)),
                QTableWidgetItem(status),
                QTableWidgetItem(str(doc.volume or 1)),
                QTableWidgetItem("" if doc.page_count is None else str(doc.page_count)),
            ]
            if doc.volume is None:
                cells[4].setToolTip(self.tr("No volume given: counted in volume 1"))
            cells[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if doc.text_status == "scanned":
                cells[3].setToolTip(
                    self.tr(
                        "A scan without a text layer: it can be viewed, but full-text search does not find its words."
                    )
                )
            for col, cell in enumerate(cells):
                self.documents.setItem(row, col, cell)
        self.documents_label.setText(self.tr("Documents ({n})").format(n=len(detail.documents)))
        if detail.documents:
            self.documents.selectRow(0)
        self._update_buttons()

    def select_document(self, document_id: int) -> bool:
        for row in range(self.documents.rowCount()):
            item = self.documents.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == document_id:
                self.documents.selectRow(row)
                return True
        return False

    def selected_document(self) -> int | None:
        rows = self.documents.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.documents.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def open_selected(self) -> None:
        document_id = self.selected_document()
        if document_id is not None:
            self.open_document.emit(document_id)

    def _ask_volume(self) -> None:
        document_id = self.selected_document()
        if document_id is not None:
            self.volume_requested.emit(document_id)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_document() is not None)
        self.volume_button.setEnabled(self.selected_document() is not None)

    def _html(self, d: CaseDetail) -> str:
        e = html.escape
        row = d.row

        def field(label: str, value: object) -> str:
            text = "" if value is None else str(value)
            if not text:
                return ""
            return f"<tr><td style='color:#555; padding-right:12px; white-space:nowrap'>{e(label)}</td><td>{e(text)}</td></tr>"

        unit = f"{row.unit_name}（{d.unit_code}）"
        closed = d.closed_on or self.tr("not closed")
        flags = QCoreApplication.translate("CaseLabels", ", ").join(flag_label(f) for f in row.flags)
        petition = ""
        if row.petition_count:
            petition = self.tr("{count} petitions, first {first}, last {last}").format(
                count=row.petition_count, first=d.petition_first_on or "?", last=d.petition_last_on or "?"
            )
        parts = [
            f"<h3 style='margin-bottom:4px'>{e(row.title)}</h3>",
            "<table cellspacing='0' cellpadding='2'>",
            field(self.tr("Case ID"), row.external_id),
            field(self.tr("Case number"), row.case_number),
            field(self.tr("Type"), case_type_label(row.case_type)),
            field(self.tr("Cause"), d.cause),
            field(self.tr("Stage"), stage_label(d.stage)),
            field(self.tr("Handling unit"), unit),
            field(self.tr("Region"), row.region_code),
            field(self.tr("Accepted"), d.accepted_on),
            field(self.tr("Closed"), closed),
            field(self.tr("Campaign"), row.campaign_id),
            field(self.tr("Petitions"), petition or self.tr("none")),
            field(self.tr("Flags"), flags),
            "</table>",
        ]
        heading_summary = self.tr("Summary")
        heading_parties = self.tr("Parties")
        heading_handlers = self.tr("Handlers")
        if d.summary:
            parts.append(f"<p><b>{e(heading_summary)}</b><br>{e(d.summary)}</p>")
        if d.parties:
            parts.append(f"<p><b>{e(heading_parties)}</b></p><ul style='margin-top:0'>")
            for p in d.parties:
                line = f"{p['name']}（{p['role']}，{party_kind_label(str(p['kind']))}）"
                if p.get("id_number"):
                    line += " " + self.tr("ID {number}").format(number=masked_id(p["id_number"]))
                counsel = p.get("counsel") or []
                if counsel:
                    names = "、".join(
                        f"{c['name']}（{c['firm']}）" if c.get("firm") else str(c["name"]) for c in counsel
                    )
                    line += " — " + self.tr("counsel: {names}").format(names=names)
                parts.append(f"<li>{e(line)}</li>")
            parts.append("</ul>")
        if d.handlers:
            parts.append(f"<p><b>{e(heading_handlers)}</b></p><ul style='margin-top:0'>")
            for h in d.handlers:
                line = f"{h['name']}（{h['role']}）"
                if h.get("id_number"):
                    line += " " + self.tr("ID {number}").format(number=masked_id(h["id_number"]))
                parts.append(f"<li>{e(line)}</li>")
            parts.append("</ul>")
        return "".join(parts)


class CasesPage(Page):
    key = "cases"
    help_anchor = "import"

    def __init__(self, ws: OpenWorkspace | None, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self._loaded = False
        self._session_campaign: str | None = None  # the header's campaign: where the campaign filter starts
        self.role = ws.actor.role.value if ws is not None else ""
        self.can_read = self.role in ("admin", "observer", "expert")
        self.is_admin = self.role == "admin"
        self.model = CaseTableModel(ws if self.can_read else None, self)
        self.model.load_failed.connect(self._show_error)
        self.viewers: list[DocumentViewerDialog] = []
        self.wizard: ImportWizard | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Cases"), 1.4), 1)
        self.import_button = QPushButton(self.tr("&Import package…"))
        self.import_button.setToolTip(self.tr("Import a case package (.rdpkg) sent by a reviewed unit"))
        self.import_button.clicked.connect(self.open_import)
        self.import_button.setVisible(self.is_admin)
        top.addWidget(self.import_button)
        layout.addLayout(top)
        self.message = MessageLine()

        if not self.can_read:
            layout.addWidget(
                note(
                    self.tr(
                        "Auditors check the audit log and do not see case data. Use the Audit log page to "
                        "review what was done with the cases."
                    )
                )
            )
            layout.addStretch(1)
            self._build_widgets()  # present but hidden, so teardown and tests treat every role alike
            return
        self._build_widgets()
        # The count beside the heading, not on a line of its own: the list keeps that line at 150 %.
        top.setStretch(0, 0)
        top.insertSpacing(1, 16)
        top.insertWidget(2, self.count_label, 1)
        layout.addLayout(self._filter_grid())
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([380, 260])
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)

    # -- building ----------------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Case list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CaseTableModel.TITLE, QHeaderView.ResizeMode.Stretch)  # what is left
        header.setMinimumSectionSize(48)
        header.setHighlightSections(False)
        m = CaseTableModel
        widths = {
            m.EXTERNAL_ID: 110,
            m.CASE_NUMBER: 190,
            m.TYPE: 56,
            m.UNIT: 170,
            m.REGION: 66,
            m.PETITIONS: 70,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(CaseTableModel.FLAGS, 120)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.show_case_at(current.row())
        )
        self.table.doubleClicked.connect(lambda _index: self.detail.documents.setFocus())

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("Search names, case numbers and document text (at least 1 character)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Full-text search"))
        self.search_box.returnPressed.connect(self.run_search)
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.clicked.connect(self.run_search)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.itemActivated.connect(self.open_hit)  # double-click or Enter
        self.results_label = QLabel(self.tr("Type a word and press Enter. Double-click a result to open it."))
        results_page = QWidget()
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 4, 0, 0)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.results, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("Case list"))
        self.tabs.addTab(results_page, self.tr("Search results"))
        self.detail = CaseDetailPane()
        self.detail.open_document.connect(self.open_document)
        self.detail.volume_button.setVisible(self.is_admin)
        self.detail.volume_requested.connect(self.set_volume)
        self.count_label = QLabel()

        self.campaign = QComboBox()
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(12)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.case_type = QComboBox()
        self.region = QLineEdit()
        self.region.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self.region))
        self.region.setPlaceholderText(self.tr("e.g. 62 or 6201"))
        self.region.setToolTip(
            self.tr("Start of the region code: 2 digits for a province, 4 for a prefecture, 6 for a county")
        )
        self.region.setMaximumWidth(130)
        self.flag_boxes: dict[str, QCheckBox] = {flag: QCheckBox(flag_label(flag)) for flag in FLAGS}
        self.flag_boxes["petition"].setToolTip(self.tr("Cases with at least one petition"))
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("part of the case number or name"))
        self.text_filter.setClearButtonEnabled(True)
        self.clear_button = QPushButton(self.tr("C&lear filter"))
        self.clear_button.clicked.connect(self.clear_filter)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(350)
        self._debounce.timeout.connect(self.apply_filter)
        for combo in (self.campaign, self.unit, self.case_type):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        for box in self.flag_boxes.values():
            box.toggled.connect(lambda _on: self.apply_filter())
        for edit in (self.region, self.text_filter):
            edit.textChanged.connect(lambda _t: self._debounce.start())
            edit.returnPressed.connect(self.apply_filter)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(lambda: (self.search_box.setFocus(), self.search_box.selectAll()))

    def _filter_grid(self) -> QGridLayout:
        def label(text: str, buddy: QWidget) -> QLabel:
            widget = QLabel(text)
            widget.setBuddy(buddy)
            return widget

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.addWidget(label(self.tr("Campai&gn:"), self.campaign), 0, 0)
        grid.addWidget(self.campaign, 0, 1)
        grid.addWidget(label(self.tr("&Unit:"), self.unit), 0, 2)
        grid.addWidget(self.unit, 0, 3)
        grid.addWidget(label(self.tr("T&ype:"), self.case_type), 0, 4)
        grid.addWidget(self.case_type, 0, 5)
        grid.addWidget(label(self.tr("&Region:"), self.region), 0, 6)
        grid.addWidget(self.region, 0, 7)
        flags = QHBoxLayout()
        for box in self.flag_boxes.values():
            flags.addWidget(box)
        flags.addSpacing(12)
        flags.addWidget(label(self.tr("&Contains:"), self.text_filter))
        flags.addWidget(self.text_filter, 1)
        flags.addWidget(self.clear_button)
        grid.addLayout(flags, 1, 0, 1, 8)
        search = QHBoxLayout()
        search.addWidget(label(self.tr("&Full text:"), self.search_box))
        search.addWidget(self.search_box, 1)
        search.addWidget(self.search_button)
        grid.addLayout(search, 2, 0, 1, 8)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)
        grid.setColumnStretch(5, 1)
        return grid

    # -- loading -----------------------------------------------------------------------------------------
    def activate(self) -> None:
        if self._loaded or self.ws is None or not self.can_read:
            return
        try:
            self._fill_choices()
            self.model.load(self.current_filter())
        except Exception as err:
            self._show_error(error_text(err))
            return
        self._loaded = True
        self._after_load()

    def _fill_choices(self) -> None:
        from reviewdesk.services.campaigns import list_campaigns, list_units

        assert self.ws is not None
        widgets = (self.campaign, self.unit, self.case_type)
        for combo in widgets:
            combo.blockSignals(True)
            combo.clear()
        self.campaign.addItem(self.tr("All campaigns"), None)
        for c in list_campaigns(self.ws):
            self.campaign.addItem(f"{c.name}（{c.year}）", c.id)
        self.unit.addItem(self.tr("All units"), None)
        for u in list_units(self.ws):
            self.unit.addItem(f"{u.name}（{u.region_code}）", u.code)
        self.case_type.addItem(self.tr("All types"), None)
        for code, text in case_types():
            self.case_type.addItem(text, code)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(self._session_campaign)))
        for combo in widgets:
            combo.blockSignals(False)

    def follow_campaign(self, campaign_id: str | None) -> None:
        """The list spans campaigns, so its campaign box stays a filter the user may widen to every campaign;
        it starts on the session's campaign and moves with it when the header's changes."""
        if campaign_id == self._session_campaign:
            return
        self._session_campaign = campaign_id
        if self._loaded and campaign_id is not None and self.campaign.findData(campaign_id) >= 0:
            self.campaign.setCurrentIndex(self.campaign.findData(campaign_id))  # re-filters

    def current_filter(self) -> CaseFilter:
        from reviewdesk.services.cases import CaseFilter

        return CaseFilter(
            campaign_id=self.campaign.currentData(),
            unit_code=self.unit.currentData(),
            case_type=self.case_type.currentData(),
            region_prefix=self.region.text().strip() or None,
            flags=tuple(flag for flag, box in self.flag_boxes.items() if box.isChecked()),
            text=self.text_filter.text().strip() or None,
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        if self.ws is None or not self.can_read or not self._loaded:
            return
        selected = self.selected_case_id()
        try:
            self.model.load(self.current_filter())
        except Exception as err:
            self._show_error(error_text(err))
            return
        self._after_load(selected)

    def reload(self) -> None:
        """After an import: new campaigns and units in the boxes, the list re-read, the selection kept."""
        if self.ws is None or not self.can_read:
            return
        keep = {combo: combo.currentData() for combo in (self.campaign, self.unit, self.case_type)}
        try:
            self._fill_choices()
        except Exception as err:
            self._show_error(error_text(err))
            return
        for combo, data in keep.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(data)))
            combo.blockSignals(False)
        self._loaded = True
        self.apply_filter()

    def clear_filter(self) -> None:
        widgets: list[QWidget] = [self.campaign, self.unit, self.case_type, self.region, self.text_filter]
        widgets += list(self.flag_boxes.values())
        for widget in widgets:
            widget.blockSignals(True)
        self.campaign.setCurrentIndex(0)
        self.unit.setCurrentIndex(0)
        self.case_type.setCurrentIndex(0)
        self.region.clear()
        self.text_filter.clear()
        for box in self.flag_boxes.values():
            box.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filter()

    def _is_filtered(self) -> bool:
        flt = self.current_filter()
        return any((flt.campaign_id, flt.unit_code, flt.case_type, flt.region_prefix, flt.flags, flt.text))

    def _after_load(self, keep: int | None = None) -> None:
        self.message.clear_message()
        count = self.model.rowCount()
        if count:
            self.count_label.setText(self.tr("{count} cases").format(count=f"{count:,}"))
        elif self._is_filtered():
            self.count_label.setText(
                self.tr("No case matches the filter. Press Clear filter to see all cases.")
            )
        elif self.is_admin:
            self.count_label.setText(
                self.tr("No cases yet. Press “Import package…” to import the packages the units sent.")
            )
        elif self.role == "expert":
            self.count_label.setText(
                self.tr("You see the cases of the review panels you sit on. You are on no panel yet.")
            )
        else:
            self.count_label.setText(self.tr("No cases have been imported yet."))
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.detail.clear()

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if not COLUMNS[column].key:  # flags: no order; put the indicator back where the rows are sorted
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.sort_column,
                Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    # -- one case ----------------------------------------------------------------------------------------
    def selected_case_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_id_at(rows[0].row()) if rows else None

    def show_case_at(self, row: int) -> None:
        case_id = self.model.case_id_at(row)
        if case_id is not None:
            self.show_case(case_id)

    def show_case(self, case_id: int) -> None:
        from reviewdesk.services.cases import case_detail

        if self.ws is None or not self.can_read:
            return
        try:
            detail = case_detail(self.ws, case_id)
        except Exception as err:
            self._show_error(error_text(err))
            return
        self.detail.show_case(detail)

    def ask_volume(self, current: int) -> int | None:
        """The volume the coordinator types (None: cancelled). Tests replace this step."""
        from ui.qt import QInputDialog

        value, ok = QInputDialog.getInt(self, self.tr("Volume of the document"),
                                        self.tr("Volume (卷) of the case file:"), current, 1, 9999)
        return value if ok else None

    def set_volume(self, document_id: int) -> None:
        """Set a document's volume through the audited service, then show the case again."""
        from reviewdesk.services.cases import set_document_volume

        detail = self.detail.detail
        if self.ws is None or not self.is_admin or detail is None:
            return
        doc = next((d for d in detail.documents if d.id == document_id), None)
        volume = self.ask_volume(doc.volume or 1 if doc else 1)
        if volume is None:
            return
        try:
            set_document_volume(self.ws, document_id, volume)
        except Exception as err:
            self._show_error(error_text(err))
            return
        self.show_case(detail.row.id)
        self.detail.select_document(document_id)
        self.message.show_ok(self.tr("The document is now in volume {n}.").format(n=volume))

    def open_document(self, document_id: int, *, find: str = "", page: int | None = None) -> None:
        from ui.widgets.document_viewer import DocumentViewerDialog

        if self.ws is None or not self.can_read:
            return
        dialog = DocumentViewerDialog(self.ws, document_id, self, find=find, page=page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(
            lambda _result, d=dialog: self.viewers.remove(d) if d in self.viewers else None
        )
        self.viewers.append(dialog)
        dialog.show()

    # -- full-text search ----------------------------------------------------------------------------------
    def run_search(self) -> None:
        from reviewdesk.services.cases import search

        if self.ws is None or not self.can_read:
            return
        text = self.search_box.text().strip()
        self.results.clear()
        self.tabs.setCurrentIndex(1)
        if not text:
            self.results_label.setText(
                self.tr("Type a word and press Enter. Double-click a result to open it.")
            )
            return
        try:
            hits = search(self.ws, text)
        except Exception as err:
            self._show_error(error_text(err))
            return
        for hit in hits:
            self.results.addItem(self._hit_item(hit, text))
        if hits:
            self.results_label.setText(
                self.tr("{n} results for “{text}” (at most 50). Double-click or press Enter to open.").format(
                    n=len(hits), text=text
                )
            )
            self.results.setCurrentRow(0)
        else:
            self.results_label.setText(
                self.tr(
                    "Nothing found for “{text}”. Scanned documents without a text layer cannot be searched."
                ).format(text=text)
            )

    def _hit_item(self, hit: Hit, query: str) -> QListWidgetItem:
        """Three lines: where (document and page, or the case's own fields), which case, the passage."""
        snippet = " ".join(hit.snippet.split())
        if hit.kind == "case":
            where = self.tr("［Case］ case details")
        elif hit.page:
            where = self.tr("［Document］ {title}, page {page}").format(title=hit.title, page=hit.page)
        else:
            where = self.tr("［Document］ {title}").format(title=hit.title)
        case = f"{hit.case_number}　{hit.case_title}".strip()
        item = QListWidgetItem(f"{where}\n    {case}\n    {snippet}")
        item.setData(Qt.ItemDataRole.UserRole, (hit.kind, hit.ref_id, hit.case_id, hit.page, query))
        item.setToolTip(self.tr("Double-click to open the document at this page, with the words marked")
                        if hit.kind == "document" else self.tr("Double-click to open the case"))
        return item

    def open_hit(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        kind, ref_id, case_id, page, query = data
        self.show_case(int(case_id))
        row = self.model.row_of(int(case_id))
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
        if kind == "document":
            self.detail.select_document(int(ref_id))
            self.open_document(int(ref_id), find=str(query), page=page)

    # -- import (admin) ----------------------------------------------------------------------------------
    def open_import(self) -> None:
        from ui.dialogs.import_wizard import ImportWizard

        if self.ws is None or not self.is_admin:
            return
        if self.wizard is not None:
            self.wizard.raise_()
            self.wizard.activateWindow()
            return
        wizard = ImportWizard(self.ws, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.setWindowModality(Qt.WindowModality.WindowModal)
        wizard.imported.connect(self._imported)
        wizard.finished.connect(lambda _result, w=wizard: self._wizard_closed(w))
        self.wizard = wizard
        wizard.open()

    def _imported(self, result: ImportResult) -> None:
        """The list is re-read; cases just imported into a campaign the filter hides are shown by widening
        the filter to every campaign, and the line says so."""
        self.reload()
        shown = self.campaign.currentData()
        if (result.cases or result.updated_cases) and result.campaign_id and shown not in (None, result.campaign_id):
            self.campaign.setCurrentIndex(0)
            self.message.show_ok(
                self.tr("The package's cases are in campaign {campaign}; the list now shows every campaign.")
                .format(campaign=result.campaign_id)
            )

    def _wizard_closed(self, wizard: ImportWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None

    # -- errors and teardown -----------------------------------------------------------------------------
    def _show_error(self, text: str) -> None:
        self.message.show_error(text)

    def cancel_jobs(self) -> None:
        """Stop a running import (it rolls back), so a pending lock need not wait for it to finish."""
        if self.wizard is not None:
            self.wizard.cancel()

    def teardown(self) -> None:
        self._debounce.stop()
        for viewer in list(self.viewers):
            viewer.teardown()
            viewer.close()
        self.viewers.clear()
        if self.wizard is not None:
            self.wizard.teardown()
            self.wizard = None
        self.model.teardown()
        self.results.clear()
        self.detail.clear()
        self.search_box.clear()
        self.text_filter.clear()
        for combo in (self.campaign, self.unit, self.case_type):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        self.count_label.clear()
        self.message.clear_message()
        self._loaded = False
        super().teardown()

    def holds_data(self) -> bool:
        return (
            super().holds_data()
            or self.model.holds_rows()
            or self.results.count() > 0
            or self.detail.holds_data()
            or any(v.viewer.holds_data() for v in self.viewers)
            or self.unit.count() > 0
            or self.campaign.count() > 0
        )
