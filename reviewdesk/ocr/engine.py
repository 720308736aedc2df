"""The OCR engine: one RapidOCR instance per process, built on first use (its models load in ~1 s).

RapidOCR runs on onnxruntime and OpenCV (headless: the opencv-python wheel carries Qt libraries that clash
with PySide6, see pyproject.toml). It gets images as arrays, never files; its logger is quietened so nothing
about a page reaches a log.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

_LOCK = threading.Lock()  # one recognition at a time: the engine is not documented as thread-safe
_ENGINE: Any = None
MIN_SCORE = 0.5  # RapidOCR's own default: lines below it are dropped


class EngineMissing(RuntimeError):
    """rapidocr-onnxruntime is not installed (it is installed with --no-deps, see .ci/setup)."""


@dataclass(frozen=True)
class Line:
    """One recognised line: its text, confidence, and box as fractions of the page's width and height."""

    text: str
    score: float
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in 0..1, origin top left

    def to_json(self) -> list[object]:
        return [round(v, 5) for v in self.box] + [self.text, round(self.score, 4)]

    @staticmethod
    def from_json(row: list[Any]) -> Line:
        return Line(str(row[4]), float(row[5]), (float(row[0]), float(row[1]), float(row[2]), float(row[3])))


def _without_memory_patterns() -> None:
    """Build RapidOCR's onnxruntime sessions with `enable_mem_pattern` off (its arena is already off).

    A memory pattern plans, per input shape, one block for a run's tensors; pages and line crops come in ever
    different shapes (why that costs this much was not traced further). In bench/ocr.py (3 pages at 150 and at 300 dpi, this
    2-core machine, quiet) peak RSS fell from 1,001 and 1,036 MiB to 817 MiB, accuracy unchanged (99.52 %),
    pages per minute alike. RapidOCR 1.4.4 fixes its session options in one static method, so that is
    wrapped (before its sessions are made); were it gone in another version, the engine runs as it comes."""
    from rapidocr_onnxruntime.utils import infer_engine

    session = getattr(infer_engine, "OrtInferSession", None)
    made = getattr(session, "_init_sess_opts", None)
    if made is None or getattr(made, "lean", False):
        return

    def lean(config: dict[str, Any]) -> Any:
        options = made(config)
        options.enable_mem_pattern = False
        return options

    lean.lean = True  # type: ignore[attr-defined]
    session._init_sess_opts = staticmethod(lean)


def _engine(threads: int) -> Any:
    global _ENGINE
    if _ENGINE is None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as err:
            raise EngineMissing(
                "the OCR engine is not installed: pip install --no-deps rapidocr-onnxruntime==1.4.4"
            ) from err
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        _without_memory_patterns()
        _ENGINE = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1)
    return _ENGINE


def recognise(image: Any, *, threads: int = 2) -> list[Line]:
    """The lines of an RGB (or grey) page image (numpy array, height × width [× 3]), top to bottom."""
    height, width = image.shape[:2]
    with _LOCK:
        engine = _engine(threads)
        result, _elapsed = engine(image)
    lines = []
    for points, text, score in result or ():
        if not str(text).strip() or float(score) < MIN_SCORE:
            continue
        xs = [float(p[0]) for p in points]
        ys = [float(p[1]) for p in points]
        box = (
            max(0.0, min(xs) / width),
            max(0.0, min(ys) / height),
            min(1.0, max(xs) / width),
            min(1.0, max(ys) / height),
        )
        lines.append(Line(str(text), float(score), box))
    return lines


def page_text(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines)
