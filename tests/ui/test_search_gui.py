"""Search on the cases page: every hit names its case (number and title), its document and page; opening a hit
opens the viewer at that page with the term marked (PDF text layer) or highlighted in the text (Word, text)."""

from __future__ import annotations

from pathlib import Path

from reviewdesk.services import imports, keys
from reviewdesk.workspace import OpenWorkspace
from tests.packaging import assemble, new_office_key, sample_contents
from tests.test_search_hits import TERM, long_pdf
from ui.pages.cases import CasesPage
from ui.qt import QColor, Qt
from ui.widgets.document_viewer import HIGHLIGHT, DocumentViewer
from ui.worker import wait_for_jobs


def _imported(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    office = new_office_key()
    keys.trust_issuer(admin_ws, office.public_key_text("office key"), "某省委政法委执法监督处")
    recipient = keys.recipient(admin_ws)
    from reviewdesk.packages import age

    contents = sample_contents(2)
    contents.add_file("cases/GS-2026-0002/04-执行笔录.pdf", long_pdf(), "GS-2026-0002", title="执行笔录")
    path = assemble(contents, tmp_path / "p.rdpkg", signer=office, recipients=[age.Recipient.from_str(recipient)])
    imports.import_package(admin_ws, path)


def _open(qtbot, page: CasesPage, row: int):
    before = len(page.viewers)
    page.open_hit(page.results.item(row))
    assert len(page.viewers) == before + 1
    dialog = page.viewers[-1]
    qtbot.addWidget(dialog)
    wait_for_jobs()
    qtbot.waitUntil(lambda: dialog.viewer.info is not None, timeout=10000)
    return dialog


def test_hit_names_case_and_page_and_opens_there(qtbot, admin_ws, tmp_path) -> None:
    _imported(admin_ws, tmp_path)
    page = CasesPage(admin_ws)
    qtbot.addWidget(page)
    page.activate()
    page.search_box.setText(TERM)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.results.count() == 1
    text = page.results.item(0).text()
    assert "（2021）甘0102民初1234号" in text and "张某诉某公司买卖合同纠纷" in text and "执行笔录" in text
    hit_page = page.results.item(0).data(Qt.ItemDataRole.UserRole)[3]
    assert hit_page is not None and hit_page >= 3 and f"第 {hit_page} 页" in text

    dialog = _open(qtbot, page, 0)
    viewer = dialog.viewer
    assert viewer.kind == DocumentViewer.KIND_PDF
    assert viewer.page_index + 1 == hit_page and viewer.page_box.value() == hit_page
    assert viewer.found_pages() == [hit_page]
    assert viewer.notice.isVisible() and TERM in viewer.notice.text()
    # The term is painted: the rendered page holds the highlighter's yellow (multiplied over white paper).
    image = viewer.rendered_image()
    yellow = QColor(HIGHLIGHT)
    assert any(image.pixelColor(x, y) == yellow for y in range(0, image.height(), 2) for x in range(0, image.width(), 8))

    # A Word document and a plain text file: the term highlighted in the text, the cursor on it.
    page.search_box.setText("执行款项")
    page.run_search()
    rows = {page.results.item(i).text().split("\n")[0]: i for i in range(page.results.count())}
    word_row = next(i for head, i in rows.items() if "询问笔录" in head)
    assert "页" not in page.results.item(word_row).text().split("\n")[0]  # Word has no pages
    word = _open(qtbot, page, word_row)
    assert word.viewer.kind == DocumentViewer.KIND_TEXT and word.viewer.highlight_count() == 1
    assert word.viewer.text.textCursor().selectedText() == "执行款项"
    for dialog in list(page.viewers):
        dialog.close()
    page.teardown()
