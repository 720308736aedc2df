"""The case screens against the real store: import wizard, case list and filters, detail, document viewer,
teardown, and the lazy model at 100,000 cases. Documents are shown from memory only (checked on disk)."""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert

from reviewdesk.clock import now
from reviewdesk.demo_cases import _pdf
from reviewdesk.errors import PermissionDenied
from reviewdesk.packages import age, minisign
from reviewdesk.services import cases, imports, keys
from reviewdesk.store.models import Campaign, Case, Unit
from reviewdesk.workspace import OpenWorkspace
from tests.packaging import MARKER, Contents, assemble, new_office_key, sample_case, sample_contents
from tests.ui.conftest import type_chinese
from ui.dialogs.import_wizard import ImportWizard, rejection_advice
from ui.models.cases import CaseTableModel, case_type_label, text_status_label
from ui.pages.cases import CasesPage
from ui.qt import QBuffer, QImage, QIODevice, QMessageBox, QPoint, Qt, QTableView
from ui.widgets.document_viewer import DocumentViewer, DocumentViewerDialog
from ui.worker import wait_for_jobs

LEFT = Qt.MouseButton.LeftButton
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# -- fixtures -----------------------------------------------------------------------------------------------
@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TMPDIR points at a folder of the test's own, so we can look at what lands there."""
    folder = tmp_path / "tmpdir"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert tempfile.gettempdir() == str(folder)
    return folder


@pytest.fixture
def office(admin_ws: OpenWorkspace) -> minisign.SigningKey:
    key = new_office_key()
    keys.trust_issuer(admin_ws, key.public_key_text("office key"), "某省委政法委执法监督处")
    return key


@pytest.fixture
def recipient(admin_ws: OpenWorkspace) -> age.Recipient:
    return age.Recipient.from_str(keys.recipient(admin_ws))


@pytest.fixture
def packages(tmp_path: Path) -> Path:
    folder = tmp_path / "packages"
    folder.mkdir()
    return folder


@pytest.fixture
def make_page(qtbot) -> Iterator:
    """Pages built on a workspace and torn down afterwards, as the main window does on lock."""
    made: list[CasesPage] = []

    def make(ws: OpenWorkspace) -> CasesPage:
        page = CasesPage(ws)
        qtbot.addWidget(page)
        made.append(page)
        return page

    yield make
    for page in made:
        page.teardown()


def png_bytes() -> bytes:
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkBlue)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def rich_contents() -> Contents:
    """Three cases of different types, units and flags; case 1 also has a scan, an image and a zip."""
    contents = sample_contents(2, with_marker=True)
    third = sample_case(
        "GS-2026-0003",
        case_type="criminal",
        title="李某涉嫌盗窃案",
        case_number="（2022）甘0502刑初77号",
        handling_unit={
            "code": "TS-QZ-FY",
            "name": "天水市秦州区人民法院",
            "kind": "court",
            "region_code": "620502",
        },
        petition=None,
    )
    contents.manifest["cases"].append(third)
    contents.manifest["cases"][1]["petition"]["flags"] = ["unresolved"]
    contents.add_file(
        "cases/GS-2026-0003/01-判决书.pdf",
        _pdf("判决书", ["被告人李某犯盗窃罪。"]),
        "GS-2026-0003",
        title="判决书",
    )
    contents.add_file(
        "cases/GS-2026-0001/04-扫描件.pdf", _pdf("扫描", [], scanned=True), "GS-2026-0001", title="扫描件"
    )
    contents.add_file("cases/GS-2026-0001/05-照片.png", png_bytes(), "GS-2026-0001", "image/png", "现场照片")
    contents.add_file(
        "cases/GS-2026-0001/06-附件.zip", b"PK\x05\x06" + bytes(18), "GS-2026-0001", "application/zip", "附件"
    )
    return contents


def imported_page(make_page, ws: OpenWorkspace, path: Path) -> CasesPage:
    imports.import_package(ws, path)
    page = make_page(ws)
    page.resize(1100, 720)
    page.show()
    page.activate()
    return page


def wizard_of(qtbot, page: CasesPage) -> ImportWizard:
    qtbot.mouseClick(page.import_button, LEFT)
    wizard = page.wizard
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    return wizard


def no_trace(*texts: str) -> None:
    for text in texts:
        assert "Traceback" not in text and 'File "' not in text and ".py" not in text, text


def run_wizard(qtbot, wizard: ImportWizard, path: Path) -> None:
    wizard.path.setText(str(path))  # as Browse… fills it (QTest cannot type the Chinese file names)
    qtbot.mouseClick(wizard.import_button, LEFT)
    qtbot.waitUntil(lambda: not wizard.running, timeout=20000)


# -- the import wizard --------------------------------------------------------------------------------------
def test_wizard_imports_a_package_with_progress(qtbot, make_page, admin_ws, office, recipient, packages):
    path = assemble(sample_contents(2), packages / "城关区.rdpkg", signer=office, recipients=[recipient])
    page = make_page(admin_ws)
    page.show()
    page.activate()
    assert page.model.rowCount() == 0 and page.import_button.isVisible()
    wizard = wizard_of(qtbot, page)
    seen: list[int] = []
    wizard.bar.valueChanged.connect(seen.append)
    run_wizard(qtbot, wizard, path)

    result = wizard.result_value
    assert result is not None and (result.status, result.cases, result.documents) == ("imported", 2, 6)
    assert seen and wizard.bar.value() == wizard.bar.maximum()  # the last report was 100 %
    summary = wizard.summary.text()
    assert wizard.summary.isVisible() and office.key_id_hex() in summary and "6" in summary
    assert wizard.close_button.isVisible() and not wizard.import_button.isVisible()
    # The page re-read the list: the new cases are there.
    assert page.model.rowCount() == 2
    assert page.model.index(0, 0).data() == "GS-2026-0001"
    # The same package again: "already imported", nothing changes.
    qtbot.mouseClick(wizard.close_button, LEFT)
    wizard = wizard_of(qtbot, page)
    run_wizard(qtbot, wizard, path)
    assert wizard.result_value is not None and wizard.result_value.status == "already_imported"
    assert wizard.message.isVisible() and not wizard.summary.isVisible()
    assert page.model.rowCount() == 2


def test_campaign_filter_follows_the_session_and_widens_for_an_import(
    qtbot, make_page, admin_ws, office, recipient, packages
):
    first = sample_contents(2)
    imports.import_package(admin_ws, assemble(first, packages / "一.rdpkg", signer=office, recipients=[recipient]))
    second = sample_contents(0)
    second.manifest["campaign"] = {"id": "2026-ZX-01", "name": "2026年长期未执结案件专项评查"}
    second.manifest["cases"] = [sample_case("GS-2026-0009")]
    page = make_page(admin_ws)
    page.follow_campaign("2026-XF-01")  # as the main window does before the first load
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.campaign.currentData() == "2026-XF-01"
    # Another package, into another campaign, through the wizard: the list widens to every campaign and says so.
    wizard = wizard_of(qtbot, page)
    run_wizard(qtbot, wizard, assemble(second, packages / "二.rdpkg", signer=office, recipients=[recipient]))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.campaign.currentData() is None
    assert "2026-ZX-01" in page.message.text() and "全部评查活动" in page.message.text()
    # The header's campaign changes: the filter moves with it.
    page.follow_campaign("2026-ZX-01")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.campaign.currentData() == "2026-ZX-01" and page.model.index(0, 0).data() == "GS-2026-0009"


def test_cancel_stores_nothing(qtbot, make_page, admin_ws, office, recipient, packages, monkeypatch):
    path = assemble(sample_contents(3), packages / "p.rdpkg", signer=office, recipients=[recipient])
    gate = threading.Event()
    real = imports.import_package

    def held(*args, progress=None, **kwargs):  # hold the worker at its first progress report
        def report(p):
            gate.wait(10)
            progress(p)

        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(imports, "import_package", held)
    page = make_page(admin_ws)
    page.activate()
    wizard = wizard_of(qtbot, page)
    wizard.path.setText(str(path))
    qtbot.mouseClick(wizard.import_button, LEFT)
    assert wizard.running and not wizard.form.isEnabled()
    qtbot.mouseClick(wizard.cancel_button, LEFT)  # Cancel while running stops the import, the dialog stays
    assert wizard.isVisible() and not wizard.cancel_button.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: not wizard.running, timeout=20000)
    assert isinstance(wizard.last_error, imports.ImportCancelled)
    assert wizard.message.text() == wizard.tr("Import cancelled. Nothing was stored.")
    assert cases.case_ids(admin_ws) == [] and page.model.rowCount() == 0
    # Once finished, Cancel closes the dialog.
    qtbot.mouseClick(wizard.cancel_button, LEFT)
    assert not wizard.isVisible()


def test_refused_package_says_why_without_a_trace(qtbot, make_page, admin_ws, office, recipient, packages):
    contents = sample_contents(1)
    target = next(iter(contents.files))
    data = bytearray(contents.files[target])
    data[-10] ^= 0xFF  # same size, other bytes: the SHA-256 in the manifest no longer matches
    contents.files[target] = bytes(data)
    path = assemble(contents, packages / "bad.rdpkg", signer=office, recipients=[recipient])
    page = make_page(admin_ws)
    page.activate()
    wizard = wizard_of(qtbot, page)
    run_wizard(qtbot, wizard, path)

    err = wizard.last_error
    assert isinstance(err, imports.PackageRejected) and err.reason_code == "hash"
    box = wizard.box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == rejection_advice("hash")
    # The sentence is the core's Chinese message alone; the technical reason (naming the file) waits behind
    # the box's details button.
    assert box.informativeText() == err.message_zh and err.detail and err.detail not in box.informativeText()
    assert target in box.detailedText() and err.detail in box.detailedText()
    no_trace(box.text(), box.informativeText(), wizard.message.text())
    assert cases.case_ids(admin_ws) == []
    box.accept()
    # Unsigned: refused with advice; ticking "allow unsigned" imports it, marked as unsigned.
    unsigned = assemble(sample_contents(1), packages / "unsigned.rdpkg", signer=None, recipients=[recipient])
    run_wizard(qtbot, wizard, unsigned)
    assert wizard.box.text() == rejection_advice("unsigned")
    wizard.box.accept()
    qtbot.mouseClick(wizard.allow_unsigned, LEFT)
    assert wizard.unsigned_warning.isVisible()
    run_wizard(qtbot, wizard, unsigned)
    assert wizard.result_value is not None and wizard.result_value.signed_by is None
    assert wizard.result_value.cases == 1


def test_existing_cases_are_updated_after_asking(qtbot, make_page, admin_ws, office, recipient, packages):
    imports.import_package(
        admin_ws, assemble(sample_contents(2), packages / "a.rdpkg", signer=office, recipients=[recipient])
    )
    again = assemble(
        sample_contents(2), packages / "b.rdpkg", signer=office, recipients=[recipient]
    )  # new package id
    page = make_page(admin_ws)
    page.activate()
    wizard = wizard_of(qtbot, page)
    run_wizard(qtbot, wizard, again)
    box = wizard.box
    assert box is not None and box.isVisible() and box.windowTitle() == wizard.tr("Update these cases?")
    update = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(update, LEFT)
    qtbot.waitUntil(lambda: wizard.result_value is not None, timeout=20000)
    assert (wizard.result_value.cases, wizard.result_value.updated_cases) == (0, 2)


# -- list, filters, detail, viewer --------------------------------------------------------------------------
def test_list_filters_detail_and_viewer_leave_nothing_on_disk(
    qtbot, make_page, admin_ws, office, recipient, packages, private_tmp, ws_folder
):
    page = imported_page(
        make_page,
        admin_ws,
        assemble(rich_contents(), packages / "p.rdpkg", signer=office, recipients=[recipient]),
    )
    model = page.model
    assert model.rowCount() == 3
    assert [model.index(r, 0).data() for r in range(3)] == ["GS-2026-0001", "GS-2026-0002", "GS-2026-0003"]
    assert model.index(2, model.TYPE).data() == case_type_label("criminal")

    # Filters: type, unit, region prefix, petition flags, text (typed in Chinese).
    page.case_type.setCurrentIndex(page.case_type.findData("criminal"))
    assert model.rowCount() == 1 and model.index(0, model.TITLE).data() == "李某涉嫌盗窃案"
    page.clear_filter()
    assert model.rowCount() == 3
    page.unit.setCurrentIndex(page.unit.findData("TS-QZ-FY"))
    assert model.rowCount() == 1
    page.clear_filter()
    qtbot.keyClicks(page.region, "620102")
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=3000)  # debounced while typing
    page.clear_filter()
    qtbot.mouseClick(page.flag_boxes["repeated"], LEFT)
    assert model.rowCount() == 1 and model.index(0, 0).data() == "GS-2026-0001"
    qtbot.mouseClick(page.flag_boxes["repeated"], LEFT)
    qtbot.mouseClick(page.flag_boxes["petition"], LEFT)
    assert model.rowCount() == 2
    page.clear_filter()
    type_chinese(page.text_filter, "盗窃")
    qtbot.keyClick(page.text_filter, Qt.Key.Key_Return)
    assert model.rowCount() == 1
    page.clear_filter()
    # Sorting by clicking a header re-queries; clicking again reverses.
    header = page.table.horizontalHeader()

    def click_header(column: int) -> None:
        qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(header.sectionViewportPosition(column) + 8, 8))

    click_header(model.CASE_NUMBER)
    assert model.sort_key == "case_number" and not model.descending
    assert model.index(0, model.CASE_NUMBER).data() == "（2021）甘0102民初1234号"
    click_header(model.CASE_NUMBER)
    assert model.descending and model.index(0, model.CASE_NUMBER).data() == "（2022）甘0502刑初77号"
    click_header(model.FLAGS)  # no order for flags: the rows and the indicator stay
    assert model.sort_key == "case_number" and header.sortIndicatorSection() == model.CASE_NUMBER
    page.table.sortByColumn(model.EXTERNAL_ID, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "GS-2026-0001"

    # Detail: selecting a row shows its data, parties with counsel, handlers and documents.
    page.table.selectRow(0)
    detail = page.detail
    text = detail.text.toPlainText()
    assert "张某诉某公司买卖合同纠纷" in text and "张某" in text and "王某" in text and "某律师事务所" in text
    assert "李某" in text  # handler
    titles = [detail.documents.item(r, 0).text() for r in range(detail.documents.rowCount())]
    assert titles == ["起诉书", "询问笔录", "说明", "扫描件", "现场照片", "附件"]
    statuses = {
        detail.documents.item(r, 0).text(): detail.documents.item(r, 3).text() for r in range(len(titles))
    }
    assert statuses["扫描件"] == text_status_label("scanned") and statuses["起诉书"] == text_status_label(
        "text"
    )

    def open_doc(title: str) -> DocumentViewerDialog:
        detail.documents.selectRow(titles.index(title))
        qtbot.mouseClick(detail.open_button, LEFT)
        dialog = page.viewers[-1]
        qtbot.waitUntil(lambda: dialog.viewer.info is not None or dialog.message.isVisible(), timeout=10000)
        return dialog

    # PDF: the first page is rendered to a real picture; zoom keys change its size.
    pdf = open_doc("起诉书")
    viewer = pdf.viewer
    assert viewer.kind == DocumentViewer.KIND_PDF and viewer.page_count == 1
    image = viewer.rendered_image()
    assert not image.isNull() and image.width() > 100
    dark = sum(
        1
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 10  # text was drawn
    width = image.width()
    viewer.zoom_in()
    assert viewer.rendered_image().width() > width and not viewer.fit_button.isChecked()
    assert pdf.export_button is not None and pdf.export_button.isEnabled()  # admin
    # DOCX as text, with the marker paragraph.
    docx = open_doc("询问笔录")
    assert docx.viewer.kind == DocumentViewer.KIND_TEXT and MARKER in docx.viewer.text.toPlainText()
    txt = open_doc("说明")
    assert MARKER in txt.viewer.text.toPlainText()
    scan = open_doc("扫描件")
    assert scan.viewer.kind == DocumentViewer.KIND_PDF and scan.viewer.notice.isVisible()
    assert not scan.viewer.rendered_image().isNull()
    photo = open_doc("现场照片")
    assert photo.viewer.kind == DocumentViewer.KIND_IMAGE and photo.viewer.rendered_image().width() == 120
    other = open_doc("附件")
    assert other.viewer.kind == DocumentViewer.KIND_UNSUPPORTED and other.viewer.message.text()

    # Full-text search: the marker is in document text; double-click opens the document.
    page.search_box.setText("拖欠货款")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.results.count() >= 1 and "【" in page.results.item(0).text()
    docs_before = len(page.viewers)
    page.open_hit(page.results.item(0))
    assert len(page.viewers) == docs_before + 1
    page.search_box.setText("张某")  # two characters: matched by a scan, marked as a text match is
    page.run_search()
    assert any("【张某】" in page.results.item(i).text() for i in range(page.results.count()))
    wait_for_jobs()
    qtbot.waitUntil(lambda: all(v.viewer.info is not None for v in page.viewers), timeout=10000)

    # Nothing of the documents was written in plain text: not in the workspace, not in the temp folder.
    needles = [MARKER.encode(enc) for enc in ("utf-8", "utf-16-le", "gb18030")]
    for folder in (ws_folder, private_tmp):
        for file in folder.rglob("*"):
            if file.is_file():
                data = file.read_bytes()
                assert not any(n in data for n in needles), file

    # Teardown (the app locks): no rows anywhere, viewers emptied, workspace dropped.
    viewers = list(page.viewers)
    page.teardown()
    assert not page.holds_data()
    assert page.model.rowCount() == 0 and page.results.count() == 0 and page.detail.documents.rowCount() == 0
    assert all(not v.viewer.holds_data() and v.ws is None for v in viewers)
    assert page.unit.count() == 0 and page.campaign.count() == 0


def test_case_model_passes_qtmodeltester(qtbot, qtmodeltester, admin_ws, office, recipient, packages):
    imports.import_package(
        admin_ws, assemble(rich_contents(), packages / "p.rdpkg", signer=office, recipients=[recipient])
    )
    model = CaseTableModel(admin_ws)
    model.load(cases.CaseFilter())
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    model.teardown()
    assert not model.holds_rows() and model.rowCount() == 0


def test_roles_see_what_the_services_allow(qtbot, make_page, admin_ws, login_as, office, recipient, packages):
    imports.import_package(
        admin_ws, assemble(sample_contents(2), packages / "p.rdpkg", signer=office, recipients=[recipient])
    )
    observer = make_page(login_as("observer"))
    observer.activate()
    assert observer.model.rowCount() == 2 and not observer.import_button.isVisibleTo(observer)
    observer.table.selectRow(0)
    assert observer.detail.documents.rowCount() == 3
    observer.detail.documents.selectRow(0)
    observer.detail.open_selected()
    dialog = observer.viewers[-1]
    qtbot.waitUntil(lambda: dialog.viewer.info is not None, timeout=10000)
    assert dialog.export_button is None  # only administrators export
    expert = make_page(login_as("expert"))
    expert.activate()
    assert expert.model.rowCount() == 0 and expert.count_label.text()
    auditor = make_page(login_as("auditor"))
    auditor.show()
    auditor.activate()
    assert not auditor.table.isVisibleTo(auditor) and not auditor.import_button.isVisibleTo(auditor)
    assert auditor.model.rowCount() == 0 and auditor.unit.count() == 0 and not auditor.message.isVisible()
    auditor.teardown()
    assert not auditor.holds_data()


def test_admin_sets_a_documents_volume_and_observers_cannot(qtbot, make_page, admin_ws, login_as, office,
                                                           recipient, packages, monkeypatch):
    from reviewdesk.services import audit

    imports.import_package(
        admin_ws, assemble(sample_contents(1), packages / "p.rdpkg", signer=office, recipients=[recipient])
    )
    page = make_page(admin_ws)
    page.activate()
    page.table.selectRow(0)
    assert page.detail.volume_button.isVisibleTo(page) and page.detail.documents.item(0, 4).text() == "1"
    page.detail.documents.selectRow(1)
    monkeypatch.setattr(page, "ask_volume", lambda current: 2)
    qtbot.mouseClick(page.detail.volume_button, LEFT)
    assert page.detail.documents.item(1, 4).text() == "2" and page.detail.selected_document() is not None
    assert any(e.action == "document.volume" for e in audit.show(admin_ws, limit=5))
    observer = make_page(login_as("observer"))
    observer.activate()
    assert not observer.detail.volume_button.isVisibleTo(observer)


# -- 100,000 cases ------------------------------------------------------------------------------------------
def _fill(ws: OpenWorkspace, count: int) -> None:
    regions = ["620102", "620103", "620502", "620503", "620402", "620422", "620802", "621102"]
    types = ["civil", "criminal", "enforcement"]
    stamp = now()
    with ws.write_session() as session, session.begin():
        session.execute(
            insert(Unit),
            [
                {"code": f"U{i}", "name": f"某法院{i}", "kind": "court", "region_code": r}
                for i, r in enumerate(regions)
            ],
        )
        session.add(
            Campaign(
                id="C1",
                name="评查",
                year=2026,
                cross_region_level="none",
                panel_size=3,
                status="planning",
                created_at=stamp,
            )
        )
        session.flush()
        for start in range(0, count, 10000):
            session.execute(
                insert(Case),
                [
                    {
                        "issuer_key_id": "0000000000000000",
                        "external_id": f"C-{i:06d}",
                        "campaign_id": "C1",
                        "package_id": None,
                        "case_number": f"（2021）甘0102民初{i}号",
                        "title": f"张某{i}诉某公司买卖合同纠纷",
                        "case_type": types[i % 3],
                        "cause": "买卖合同纠纷",
                        "stage": "",
                        "unit_code": f"U{i % len(regions)}",
                        "summary": "",
                        "petition_count": 2 * (i % 2),
                        "flag_unenforced": i % 5 == 0,
                        "flag_unresolved": False,
                        "flag_repeated": i % 3 == 0,
                        "imported_at": stamp,
                    }
                    for i in range(start, min(count, start + 10000))
                ],
            )


@pytest.fixture
def big_ws(admin_ws: OpenWorkspace) -> Iterator[OpenWorkspace]:
    t0 = time.perf_counter()
    _fill(admin_ws, 100_000)
    print(f"\ninserted 100,000 cases in {time.perf_counter() - t0:.1f} s")
    yield admin_ws


def test_100k_cases_open_fast_and_fetch_only_what_is_shown(qtbot, make_page, qtmodeltester, big_ws):
    page = make_page(big_ws)
    page.resize(1100, 700)
    page.show()
    t0 = time.perf_counter()
    page.activate()
    qtbot.wait(1)
    opened = time.perf_counter() - t0
    model = page.model
    assert model.rowCount() == 100_000
    assert model.blocks_fetched == [0]  # only the rows on screen were read
    t0 = time.perf_counter()
    page.case_type.setCurrentIndex(page.case_type.findData("civil"))
    qtbot.keyClicks(page.region, "6201")
    page.apply_filter()
    qtbot.wait(1)
    filtered = time.perf_counter() - t0
    civil_in_6201 = model.rowCount()
    assert 0 < civil_in_6201 < 100_000
    t0 = time.perf_counter()
    page.table.sortByColumn(model.TITLE, Qt.SortOrder.DescendingOrder)
    qtbot.wait(1)
    sorted_ = time.perf_counter() - t0
    page.clear_filter()
    assert model.rowCount() == 100_000
    print(
        f"100k cases: open {opened * 1000:.0f} ms, filter {filtered * 1000:.0f} ms ({civil_in_6201} rows), sort {sorted_ * 1000:.0f} ms"
    )

    # Scrolling to the end reads the last block only; the cache stays small.
    view: QTableView = page.table
    model.blocks_fetched.clear()
    view.scrollToBottom()
    qtbot.wait(20)
    last = (100_000 - 1) // model.BLOCK
    assert model.blocks_fetched and set(model.blocks_fetched) <= {last - 1, last}
    assert model.index(99_999, 0).data() is not None
    for row in range(0, 100_000, 2_500):  # jump around: the cache never grows past its limit
        model.index(row, 0).data()
    assert (
        len(model._blocks) <= model.CACHED_BLOCKS and model.cached_rows() <= model.CACHED_BLOCKS * model.BLOCK
    )

    page.teardown()
    assert not page.holds_data() and model.rowCount() == 0


def test_unreadable_block_says_so_instead_of_raising(qtbot, admin_ws, monkeypatch):
    model = CaseTableModel(admin_ws)
    model.load(cases.CaseFilter())
    errors: list[str] = []
    model.load_failed.connect(errors.append)

    def refuse(_ws, _ids):
        raise PermissionDenied("case.list", "expert")

    monkeypatch.setattr(cases, "case_rows", refuse)
    model._ids = [1, 2, 3]
    assert model.index(0, 0).data() is None and model.index(1, 0).data() is None
    assert len(errors) == 1  # once per block, not once per cell
    no_trace(*errors)
