"""The viewer on recognised pages (issue 18, item 2), real store, real OCR, real widgets: a search term is
highlighted on a scanned page from its OCR line boxes and the viewer opens there; "复制本页文字" copies the text
layer or the recognised text, and is disabled on a page with neither; a picture works the same; the page shown
is the file's own page, the one 卷×第×页 resolves to."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from reviewdesk.ocr import synthetic
from reviewdesk.ocr.term_boxes import term_boxes
from reviewdesk.packages import age, minisign
from reviewdesk.resources import resources_dir
from reviewdesk.services import cases, imports, ocr
from reviewdesk.services import evidence as evidence_service
from reviewdesk.workspace import OpenWorkspace
from tests.packaging import assemble, pdf_bytes, sample_contents
from ui.qt import QApplication, QColor, QImage, QPoint, Qt, QWidget
from ui.widgets.document_viewer import HIGHLIGHT, SELECTED, DocumentViewer, DocumentViewerDialog
from ui.widgets.evidence_links import open_at_page
from ui.worker import wait_for_jobs

TERM = "银行账户"
SCANNED = ["被申请人某公司未履行还款义务", "本院依法查封其银行账户"]  # TERM: the last 4 of line 2's 11 characters
LAYER = "原告张某诉称被告拖欠货款。"
PHOTO = "现场查封银行账户清单"
DPI = 150
LEFT = Qt.MouseButton.LeftButton


def _picture(lines: list[str]) -> Any:
    """A small scanned slip (5 × 2 inches): OCR reads it in about a second on this machine."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (5 * DPI, 2 * DPI), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(resources_dir() / "fonts" / synthetic.FONT), int(14 * DPI / 72))
    for n, line in enumerate(lines):
        draw.text((40, 40 + n * 80), line, fill=(20, 20, 20), font=font)
    return image


def _mixed_pdf() -> bytes:
    """Page 1 with a text layer, page 2 a scan holding TERM, page 3 a blank scan (nothing to read)."""
    import pypdfium2

    scans = synthetic.image_pdf([_picture(SCANNED), _picture([])], DPI)
    out = pypdfium2.PdfDocument.new()
    text, scanned = pypdfium2.PdfDocument(pdf_bytes([LAYER])), pypdfium2.PdfDocument(scans)
    try:
        out.import_pages(text, [0])
        out.import_pages(scanned)
        buffer = io.BytesIO()
        out.save(buffer)
        return buffer.getvalue()
    finally:
        for doc in (text, scanned, out):
            doc.close()


def _png(lines: list[str]) -> bytes:
    buffer = io.BytesIO()
    _picture(lines).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def recognised(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path
               ) -> dict[str, int]:
    """A case whose file is the mixed PDF and a photo, imported (so queued for OCR); document ids by title."""
    contents = sample_contents(1)
    contents.files.clear()  # only these two: a Word file before them would leave 卷×第×页 unresolvable
    contents.manifest["files"].clear()
    contents.add_file("cases/GS-2026-0001/01-查封笔录.pdf", _mixed_pdf(), "GS-2026-0001", title="查封笔录")
    contents.add_file("cases/GS-2026-0001/02-现场照片.png", _png([PHOTO]), "GS-2026-0001", "image/png", "现场照片")
    imports.import_package(desk, assemble(contents, tmp_path / "p.rdpkg", signer=office, recipients=[recipient]))
    documents = cases.case_detail(desk, "GS-2026-0001").documents
    return {d.title: d.id for d in documents}


def _open(qtbot, ws: OpenWorkspace, document_id: int, **kwargs: Any) -> DocumentViewerDialog:
    """The viewer window, loaded (the caller keeps it: qtbot does not)."""
    dialog = DocumentViewerDialog(ws, document_id, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()  # shortcuts work in a shown window only
    wait_for_jobs()
    qtbot.waitUntil(lambda: dialog.viewer.info is not None, timeout=20000)
    return dialog


def _pixels(image: QImage, box: tuple[float, float, float, float]) -> list[QColor]:
    """The colours inside a box given as fractions of the page (1 pixel in from its edges)."""
    x0, y0 = int(box[0] * image.width()) + 1, int(box[1] * image.height()) + 1
    x1, y1 = int(box[2] * image.width()) - 1, int(box[3] * image.height()) - 1
    return [image.pixelColor(x, y) for y in range(y0, y1, 2) for x in range(x0, x1, 2)]


def _marked(colour: QColor) -> bool:
    """The highlighter's yellow, multiplied over paper that is nearly white (a scan's JPEG is not exactly)."""
    pen = QColor(HIGHLIGHT)
    return all(abs(a - b) <= 16 for a, b in zip(colour.getRgb()[:3], pen.getRgb()[:3], strict=True))


def _copy(qtbot, viewer: DocumentViewer) -> str:
    QApplication.clipboard().clear()
    qtbot.mouseClick(viewer.copy_button, Qt.MouseButton.LeftButton)
    return QApplication.clipboard().text()


def test_scanned_page_highlight_copy_and_page_numbers(qtbot, desk: OpenWorkspace, recognised: dict[str, int]
                                                       ) -> None:
    record = recognised["查封笔录"]
    # Before OCR has read it: the scan has no text to copy, the term is not found; page 1's layer copies.
    first = _open(qtbot, desk, record, find=TERM)
    before = first.viewer
    assert before.found_pages() == [] and before.highlight_count() == 0 and "没有找到" in before.notice.text()
    assert before.page_index == 0 and before.copy_button.isVisible() and before.copy_button.isEnabled()
    before.go_to_page(1)
    assert not before.copy_button.isEnabled() and "没有识别文字" in before.copy_button.toolTip()

    result = ocr.run(desk)
    assert (result.documents, result.failed) == (2, [])
    pages = {p.page: p for p in ocr.recognised_pages(desk, record)}
    assert sorted(pages) == [2, 3] and pages[3].text == ""  # page 1 has its layer: not recognised
    assert pages[2].text.replace(" ", "") == "\n".join(SCANNED), pages[2].text  # the test is OCR's too
    [box] = term_boxes(pages[2].lines, TERM)

    # Opened with the term and no page: at the first hit, page 2 of the file, the term painted over its box.
    second = _open(qtbot, desk, record, find=TERM)
    viewer = second.viewer
    assert viewer.found_pages() == [2] and viewer.page_index == 1 and viewer.page_box.value() == 2
    assert viewer.recognised_hit_count() == 1 and viewer.highlight_count() == 1
    assert "识别文字中找到 1 处（第 2 页）" in viewer.notice.text(), viewer.notice.text()
    image = viewer.rendered_image()
    inside = _pixels(image, box)
    assert sum(map(_marked, inside)) > len(inside) // 4  # the paper between the strokes is yellow
    line = pages[2].lines[1].box
    left_of_term = (line[0], line[1], box[0] - 0.01, line[3])  # 本院依法查封其: the same line, not marked
    assert not any(map(_marked, _pixels(image, left_of_term)))

    # Copy: the recognised text of page 2, said so; page 1's text layer; page 3 has nothing to copy.
    assert viewer.copy_button.text() == "复制本页文字" and viewer.copy_button.isEnabled()
    assert _copy(qtbot, viewer) == pages[2].text
    assert viewer.copy_message.isVisible() and viewer.copy_message.text() == "已复制第 2 页文字（识别文字）。"
    viewer.go_to_page(0)
    assert not viewer.copy_message.isVisible()  # it named page 2
    assert LAYER in _copy(qtbot, viewer) and viewer.copy_message.text() == "已复制第 1 页文字。"
    viewer.go_to_page(2)
    assert not viewer.copy_button.isEnabled()
    QApplication.clipboard().setText("剪贴板原有内容")
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.clipboard().text() == "剪贴板原有内容"  # the shortcut copies nothing either
    viewer.go_to_page(1)
    qtbot.keyClick(viewer, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.clipboard().text() == pages[2].text

    # Search finds the recognised page; 卷1第2页 is that page, and the viewer shows it as page 2.
    [hit] = [h for h in cases.search(desk, TERM) if h.ref_id == record]
    assert (hit.page, hit.recognised) == (2, True)
    [place] = evidence_service.check_references(desk, "GS-2026-0001", "卷1第2页")
    assert (place.document_id, place.page) == (record, 2)
    holder = QWidget()
    qtbot.addWidget(holder)
    kept: list[DocumentViewerDialog] = []
    dialog = open_at_page(desk, record, place.page, holder, kept)
    wait_for_jobs()
    qtbot.waitUntil(lambda: dialog.viewer.info is not None, timeout=20000)
    assert dialog.viewer.page_box.value() == 2 and dialog.viewer.copy_button.isEnabled()
    dialog.close()


def test_picture_highlight_and_copy(qtbot, desk: OpenWorkspace, recognised: dict[str, int]) -> None:
    photo = recognised["现场照片"]
    assert ocr.run(desk).failed == []
    [page] = ocr.recognised_pages(desk, photo)
    assert page.text.replace(" ", "") == PHOTO, page.text
    [box] = term_boxes(page.lines, TERM)
    [place] = evidence_service.check_references(desk, "GS-2026-0001", "卷1第4页")  # after the PDF's 3 pages
    assert (place.document_id, place.page) == (photo, 1)

    dialog = _open(qtbot, desk, photo, find=TERM)
    viewer = dialog.viewer
    assert viewer.kind == DocumentViewer.KIND_IMAGE and viewer.found_pages() == [1]
    assert viewer.highlight_count() == 1 and "识别文字中找到 1 处" in viewer.notice.text()
    inside = _pixels(viewer.rendered_image(), box)
    assert sum(map(_marked, inside)) > len(inside) // 4
    assert _copy(qtbot, viewer) == page.text and viewer.copy_message.text() == "已复制图片文字（识别文字）。"
    # Its recognised line is selected with the mouse as on a page (the picture is scaled to the window).
    qtbot.mouseClick(viewer.canvas, LEFT, pos=_on_canvas(viewer, *_middle(page.lines[0].box)))
    assert viewer.selected_text() == page.lines[0].text and viewer.passage_for_mark() == page.lines[0].text


def test_term_split_over_two_recognised_lines_is_found_and_marked(
    qtbot, desk: OpenWorkspace, recognised: dict[str, int]
) -> None:
    record = recognised["查封笔录"]
    split = SCANNED[0][-2:] + SCANNED[1][:2]  # 义务本院: the end of line 1 and the start of line 2
    assert ocr.run(desk).failed == []
    [page] = [p for p in ocr.recognised_pages(desk, record) if p.page == 2]
    assert "\n" in page.text and split not in page.text  # the page's text breaks the term at its line
    tail, head = term_boxes(page.lines, split)
    assert tail[1] == pytest.approx(page.lines[0].box[1]) and tail[2] == pytest.approx(page.lines[0].box[2])
    assert head[0] == pytest.approx(page.lines[1].box[0]) and head[3] == pytest.approx(page.lines[1].box[3])

    # Full-text search sees it (the index joins Chinese text across line breaks) and names the page.
    [hit] = [h for h in cases.search(desk, split) if h.ref_id == record]
    assert (hit.page, hit.recognised) == (2, True)

    dialog = _open(qtbot, desk, record, find=split, page=hit.page)
    viewer = dialog.viewer
    assert viewer.found_pages() == [2] and viewer.page_index == 1
    assert viewer.recognised_hit_count() == 1 and viewer.highlight_count() == 1  # one place, two boxes
    image = viewer.rendered_image()
    for box in (tail, head):
        inside = _pixels(image, box)
        assert sum(map(_marked, inside)) > len(inside) // 4
    dialog.close()


def _on_canvas(viewer: DocumentViewer, fx: float, fy: float) -> QPoint:
    """Where a point of the page (fractions, origin top left) is on the canvas: QLabel centres the pixmap
    across and puts it at the top."""
    size = viewer.canvas.pixmap().deviceIndependentSize()
    left = (viewer.canvas.width() - round(size.width())) // 2
    return QPoint(left + round(fx * size.width()), round(fy * size.height()))


def _middle(box: tuple[float, float, float, float]) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def _selected_blue(viewer: DocumentViewer, box: tuple[float, float, float, float]) -> bool:
    """The canvas shows the selection's blue over (the paper of) the line's box."""
    inside = _pixels(viewer.canvas.pixmap().toImage(), box)
    blue = QColor(SELECTED)
    near = [c for c in inside if all(abs(a - b) <= 16 for a, b in zip(c.getRgb()[:3], blue.getRgb()[:3], strict=True))]
    return len(near) > len(inside) // 4


def test_recognised_and_text_layer_lines_are_selected_with_the_mouse_and_copied(
    qtbot, desk: OpenWorkspace, recognised: dict[str, int]
) -> None:
    record = recognised["查封笔录"]
    assert ocr.run(desk).failed == []
    [page] = [p for p in ocr.recognised_pages(desk, record) if p.page == 2]
    one, two = page.lines
    dialog = _open(qtbot, desk, record)
    viewer = dialog.viewer
    viewer.go_to_page(1)
    canvas = viewer.canvas
    assert [line.text for line in viewer.page_lines()] == [one.text, two.text]

    # A click on line 2 selects it, painted blue; Ctrl+C copies it (not the page), and says so.
    qtbot.mouseClick(canvas, LEFT, pos=_on_canvas(viewer, *_middle(two.box)))
    assert viewer.selected_text() == two.text and _selected_blue(viewer, two.box)
    assert not _selected_blue(viewer, one.box)
    assert not any(map(_marked, _pixels(viewer.rendered_image(), two.box)))  # the page itself is unchanged
    assert viewer.copy_message.text() == "已选中 1 行。按 Ctrl+C 复制。"  # an admin: no marks to take them
    QApplication.clipboard().clear()
    qtbot.keyClick(viewer.scroll, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == two.text
    assert viewer.copy_message.text() == "已复制选中的 1 行（识别文字）。"
    assert viewer.passage_for_mark() == two.text

    # A drag from line 2 up to line 1 takes both, in reading order; a click in the margin clears it.
    qtbot.mousePress(canvas, LEFT, pos=_on_canvas(viewer, *_middle(two.box)))
    qtbot.mouseMove(canvas, _on_canvas(viewer, one.box[0] + 0.01, one.box[1] + 0.01))
    qtbot.mouseRelease(canvas, LEFT, pos=_on_canvas(viewer, one.box[0] + 0.01, one.box[1] + 0.01))
    assert viewer.selected_text() == one.text + "\n" + two.text
    assert _selected_blue(viewer, one.box) and _selected_blue(viewer, two.box)
    qtbot.mouseClick(canvas, LEFT, pos=_on_canvas(viewer, *_middle(one.box)))
    assert viewer.selected_text() == one.text
    qtbot.mouseClick(canvas, LEFT, Qt.KeyboardModifier.ShiftModifier, _on_canvas(viewer, *_middle(two.box)))
    assert viewer.selected_text() == one.text + "\n" + two.text  # Shift+click extends the selection
    qtbot.mouseClick(canvas, LEFT, pos=_on_canvas(viewer, 0.5, 0.97))
    assert viewer.selected_lines() == [] and viewer.passage_for_mark() == ""
    assert not _selected_blue(viewer, two.box)
    QApplication.clipboard().setText("剪贴板原有内容")
    qtbot.keyClick(viewer.scroll, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "剪贴板原有内容"  # nothing selected: nothing copied
    qtbot.keyClick(viewer.scroll, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert viewer.selected_text() == page.text

    # Turning the page drops the selection; page 1's text layer has lines of its own to select.
    viewer.go_to_page(0)
    assert viewer.selected_lines() == []
    [layer] = [line for line in viewer.page_lines() if LAYER in line.text]
    qtbot.mouseClick(canvas, LEFT, pos=_on_canvas(viewer, *_middle(layer.box)))
    assert viewer.selected_text() == layer.text
    qtbot.keyClick(viewer.scroll, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == layer.text and viewer.copy_message.text() == "已复制选中的 1 行。"
    viewer.go_to_page(2)  # the blank scan: nothing to select
    qtbot.mouseClick(canvas, LEFT, pos=_on_canvas(viewer, 0.5, 0.3))
    assert viewer.page_lines() == [] and viewer.selected_lines() == []
    dialog.close()


def test_a_new_marks_passage_is_the_line_holding_the_search_term(
    qtbot, desk: OpenWorkspace, recognised: dict[str, int]
) -> None:
    record = recognised["查封笔录"]
    assert ocr.run(desk).failed == []
    [page] = [p for p in ocr.recognised_pages(desk, record) if p.page == 2]
    dialog = _open(qtbot, desk, record, find=TERM)
    assert dialog.viewer.page_index == 1 and dialog.viewer.passage_for_mark() == page.lines[1].text
    dialog.viewer.go_to_page(0)
    assert dialog.viewer.passage_for_mark() == ""  # the term is not on page 1
    dialog.close()
    split = SCANNED[0][-2:] + SCANNED[1][:2]
    dialog = _open(qtbot, desk, record, find=split)
    assert dialog.viewer.passage_for_mark() == page.text  # both lines hold a part of it
    dialog.close()
