"""`ReviewDesk --smoke-test`: does this build work here? Run by CI on the frozen Linux build and by IT after
installing on a laptop (docs/install.md).

Every step the app needs at least once, on synthetic data in a temporary folder that is deleted afterwards:
create the encrypted demo workspace (migrated to the newest revision), open it again as a user would, write a
Word and a Chinese PDF opinion, load the zh_CN translation, recognise a scanned page (OCR models bundled), open the main window offscreen and close it.
One line per step on stdout; exit 0 only if every step passed, 1 otherwise.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace

FLAG = "--smoke-test"
OPINION_TITLE = "评查意见书"


class SmokeFailure(Exception):
    pass


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeFailure(what)


def _workspace(folder: Path) -> str:
    from reviewdesk.demo import create_demo

    ws = create_demo(folder)
    header = ws.db_path.read_bytes()[:16]
    _check(header != b"SQLite format 3\x00", f"{ws.db_path} is not encrypted")
    return f"encrypted demo workspace in {folder}"


def _reopen(folder: Path) -> tuple[OpenWorkspace, str]:
    from reviewdesk.demo import DEMO_ADMIN, DEMO_PASSWORD
    from reviewdesk.store import migrate
    from reviewdesk.workspace import Workspace

    opened = Workspace(folder).open(DEMO_ADMIN, DEMO_PASSWORD)
    current, head = migrate.current_revision(opened.engine), migrate.head_revision()
    _check(current == head, f"store at revision {current}, migrations end at {head}")
    return opened, f"opened as {DEMO_ADMIN}, store at migration {head} of {len(migrate.known_revisions())}"


def _opinions(opened: OpenWorkspace, out: Path) -> str:
    import pypdfium2

    from reviewdesk.demo import DEMO_CAMPAIGN
    from reviewdesk.services import documents

    result = documents.batch_opinions(opened, DEMO_CAMPAIGN, out, documents.FORMATS)
    words = sorted(out.glob("*.docx"))
    pdfs = sorted(out.glob("*.pdf"))
    _check(bool(words) and bool(pdfs), f"no opinion written ({len(result.files)} files, skipped {result.skipped})")
    with zipfile.ZipFile(words[0]) as docx_zip:
        _check(OPINION_TITLE in docx_zip.read("word/document.xml").decode("utf-8"), f"{words[0].name}: no title")
    pdf = pypdfium2.PdfDocument(io.BytesIO(pdfs[0].read_bytes()))
    try:
        text = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    _check(OPINION_TITLE in text, f"{pdfs[0].name}: the Chinese title is not in the PDF's text")
    return f"{len(words)} Word and {len(pdfs)} PDF opinion(s), Chinese text in {pdfs[0].name}"


def _translation() -> str:
    from ui import i18n
    from ui.qt import QCoreApplication

    _check(i18n.install("zh_CN") == "zh_CN", f"no zh_CN catalogue in {i18n.translations_dir()}")
    said = QCoreApplication.translate("MainWindow", "&Lock")
    _check(said != "&Lock", "the zh_CN catalogue does not translate the main window")
    return f"zh_CN catalogue loaded from {i18n.translations_dir()} (“&Lock” → “{said}”)"


OCR_PHRASE = "本院认为被告应当支付货款"


def _ocr() -> str:
    """One synthetic scanned page read by the bundled OCR models (rapidocr_onnxruntime's package data)."""
    import time

    from reviewdesk.ocr import engine, pages, synthetic

    pdf = synthetic.image_pdf([synthetic.page_image([OCR_PHRASE], 150)], 150)
    t0 = time.perf_counter()
    [page] = list(pages.pages("application/pdf", pdf))
    read = "".join(engine.page_text(engine.recognise(page.image)).split())
    _check(OCR_PHRASE in read, f"OCR read {read!r}, not {OCR_PHRASE!r}")
    return f"one scanned page recognised in {time.perf_counter() - t0:.1f} s"


def _main_window(opened: OpenWorkspace) -> str:
    from ui.qt import QApplication
    from ui.windows.main_window import MainWindow

    window = MainWindow()
    window.build(opened, 10)
    window.show()
    QApplication.processEvents()
    _check(window.isVisible() and len(window.pages) > 0, "the main window did not show its pages")
    pages = len(window.pages)
    window.teardown()
    window.allow_close()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return f"main window shown with {pages} page(s) and closed"


def run() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.qt import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    failures = 0
    opened: OpenWorkspace | None = None

    def step(name: str, action: Callable[[], str]) -> bool:
        nonlocal failures
        try:
            print(f"ok    {name}: {action()}", flush=True)
            return True
        except Exception as err:  # every failure is reported, then the next step runs if it can
            failures += 1
            detail = str(err) if isinstance(err, SmokeFailure) else traceback.format_exc().rstrip()
            print(f"FAIL  {name}: {detail}", flush=True)
            return False

    with tempfile.TemporaryDirectory(prefix="reviewdesk-smoke-") as tmp:
        folder, out = Path(tmp) / "workspace", Path(tmp) / "out"
        out.mkdir()
        if step("workspace", lambda: _workspace(folder)):

            def reopen() -> str:
                nonlocal opened
                opened, said = _reopen(folder)
                return said

            step("migrate on open", reopen)
        step("translation", _translation)
        step("ocr", _ocr)
        if opened is not None:
            ws = opened
            step("opinions", lambda: _opinions(ws, out))
            step("main window", lambda: _main_window(ws))
            ws.close()
        else:
            failures += 1
            print("FAIL  opinions, main window: no workspace to work on", flush=True)
    del app
    print("smoke test passed" if failures == 0 else f"smoke test FAILED ({failures} step(s))", flush=True)
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(run())
