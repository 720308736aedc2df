"""Evidence references (卷×第×页) as links that open the viewer at the page they name.

The references are read and resolved by the core's pure functions (reviewdesk.casefiles.evidence) against the
case's file layout, which the page reads once (services.evidence.file_layout); nothing here reads the store
while the expert types. A link's target is `page:<document id>:<page>`; `open_at_page` opens the document
viewer there (the same window the cases page opens for a search hit).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewdesk.casefiles.evidence import FilePage, Resolved, find_references, resolve
from ui.qt import QLabel, QObject, Qt, QWidget

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace
    from ui.widgets.document_viewer import DocumentViewerDialog

LINK_PREFIX = "page:"
MAX_LINKS = 6  # per field: a long list of pages shows its first references and how many more
WARN_COLOUR = "#b3261e"

Opener = Callable[[int, int], None]  # (document id, page)


def resolve_text(text: str, files: list[FilePage]) -> list[Resolved]:
    return resolve(find_references(text), files)


def link_target(document_id: int, page: int) -> str:
    return f"{LINK_PREFIX}{document_id}:{page}"


def parse_target(target: str) -> tuple[int, int] | None:
    if not target.startswith(LINK_PREFIX):
        return None
    doc, _, page = target[len(LINK_PREFIX):].partition(":")
    if not (doc.isdigit() and page.isdigit()):
        return None
    return int(doc), int(page)


def grouped(results: list[Resolved]) -> list[tuple[str, list[Resolved]]]:
    """The resolved pages by the reference that names them, in the order written."""
    out: list[tuple[str, list[Resolved]]] = []
    for r in results:
        if out and out[-1][0] == r.text and out[-1][1][-1].volume == r.volume:
            out[-1][1].append(r)
        else:
            out.append((r.text, [r]))
    return out


class LinkTexts(QObject):
    """The words of the links (a QObject so they are translated in one context)."""

    def page_of(self, title: str, page: int) -> str:
        return self.tr("{title}, page {page}").format(title=title, page=page)

    def not_found(self, pages: str) -> str:
        return self.tr("not in the case file: page {pages}").format(pages=pages)

    def more(self, count: int) -> str:
        return self.tr("and {count} more").format(count=count)


def links_html(results: list[Resolved], texts: LinkTexts | None = None) -> str:
    """Each reference as a link to its first page (with the document and its own page), and the pages it
    names that do not resolve in red."""
    texts = texts or LinkTexts()
    parts = []
    groups = grouped(results)
    for ref_text, pages in groups[:MAX_LINKS]:
        found = [r for r in pages if r.document_id is not None and r.page is not None]
        missing = [r for r in pages if r.document_id is None]
        bits = []
        if found:
            first = found[0]
            assert first.document_id is not None and first.page is not None
            where = texts.page_of(first.title, first.page)
            bits.append(
                f'<a href="{link_target(first.document_id, first.page)}">{html.escape(ref_text)}</a>'
                f"（{html.escape(where)}）"
            )
        else:
            bits.append(html.escape(ref_text))
        if missing:
            listed = "、".join(str(r.volume_page) for r in missing[:5]) + ("…" if len(missing) > 5 else "")
            bits.append(f'<span style="color: {WARN_COLOUR};">{html.escape(texts.not_found(listed))}</span>')
        parts.append(" ".join(bits))
    if len(groups) > MAX_LINKS:
        parts.append(html.escape(texts.more(len(groups) - MAX_LINKS)))
    return "；".join(parts)


class EvidenceLinks(QLabel):
    """A line of reference links under a field; empty (and hidden) when the text names no page."""

    def __init__(self, opener: Opener | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opener = opener
        self.results: list[Resolved] = []
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setOpenExternalLinks(False)
        self.setStyleSheet("font-size: 90%;")
        self.setToolTip(self.tr("Click a reference to open the document at that page."))
        self.linkActivated.connect(self.open_link)
        self.texts = LinkTexts(self)
        self.hide()

    def show_text(self, text: str, files: list[FilePage]) -> None:
        self.show_results(resolve_text(text, files) if text else [])

    def show_results(self, results: list[Resolved]) -> None:
        self.results = results
        if results:
            self.setText(links_html(results, self.texts))
            self.show()
        else:
            self.clear()
            self.hide()

    def open_link(self, target: str) -> None:
        place = parse_target(target)
        if place is not None and self.opener is not None:
            self.opener(*place)

    def unresolved(self) -> list[Resolved]:
        return [r for r in self.results if r.document_id is None]


def open_at_page(
    ws: OpenWorkspace, document_id: int, page: int, parent: QWidget, keep: list[DocumentViewerDialog]
) -> DocumentViewerDialog:
    """Open the document viewer (the cases page's window) at `page` (1-based) of the document. The window
    is kept in `keep` until it closes."""
    from ui.widgets.document_viewer import DocumentViewerDialog

    dialog = DocumentViewerDialog(ws, document_id, parent, page=page)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def at_page() -> None:
        # Once, on the first load (the window may later show other pages or documents): the viewer goes to
        # the start page for a search hit; without a term to find, go there here.
        dialog.loaded.disconnect(at_page)
        viewer = dialog.viewer
        if viewer.page_count and viewer.page_index != page - 1:
            viewer.go_to_page(min(page, viewer.page_count) - 1)

    dialog.loaded.connect(at_page)
    dialog.finished.connect(lambda _r, d=dialog: keep.remove(d) if d in keep else None)
    keep.append(dialog)
    dialog.show()
    return dialog
