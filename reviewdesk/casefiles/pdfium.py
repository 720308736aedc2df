"""PDFium (pypdfium2) is not thread-safe: every use in the process, from the importer's text extraction on a
worker thread to the viewer's rendering on the UI thread, holds this one lock."""

from __future__ import annotations

import threading

LOCK = threading.RLock()
