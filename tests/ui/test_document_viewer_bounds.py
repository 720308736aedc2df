"""The viewer never hands PDFium a PDF whose streams inflate past the budget (it would decode them to draw)."""

from __future__ import annotations

from reviewdesk.casefiles.text import PDF
from reviewdesk.services.cases import DocumentInfo
from tests import hostile_files as h
from ui.widgets.document_viewer import DocumentViewer


def _info(data: bytes) -> DocumentInfo:
    return DocumentInfo(
        id=1, title="卷宗", path="cases/X/1.pdf", media_type=PDF, size=len(data), sha256="0" * 64,
        text_status="too_large", page_count=None,
    )


def test_a_pdf_bomb_is_not_drawn_and_says_why(qtbot) -> None:
    viewer = DocumentViewer()
    qtbot.addWidget(viewer)
    bomb = h.pdf_bomb(20 * h.MIB)
    viewer.show_document(_info(bomb), bomb)
    assert viewer.kind == DocumentViewer.KIND_UNSUPPORTED
    assert viewer.message.text()


def test_an_ordinary_pdf_is_still_drawn(qtbot) -> None:
    viewer = DocumentViewer()
    qtbot.addWidget(viewer)
    good = h.pdf_text()
    viewer.show_document(_info(good), good)
    assert viewer.kind == DocumentViewer.KIND_PDF
