"""The OCR engine runs on the headless OpenCV: opencv-python (rapidocr-onnxruntime's declared requirement)
bundles Qt libraries and plugins that clash with PySide6's, so it must not be installed."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest


def test_opencv_python_with_qt_is_not_installed() -> None:
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        importlib.metadata.distribution("opencv-python")
    assert importlib.metadata.distribution("opencv-python-headless")


def test_cv2_carries_no_qt() -> None:
    import cv2

    folder = Path(cv2.__file__).parent
    qt_files = [
        p for p in folder.rglob("*") if "qt" in p.name.lower() and p.suffix in ("", ".so", ".dll", ".dylib")
    ]
    assert not (folder / "qt").exists() and qt_files == [], qt_files[:5]


def test_engine_and_its_models_are_present() -> None:
    import rapidocr_onnxruntime

    models = Path(rapidocr_onnxruntime.__file__).parent / "models"
    assert {"ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx"} <= {p.name for p in models.iterdir()}


def test_engine_sessions_run_without_memory_patterns() -> None:
    """Peak RSS of bench/ocr.py: about 1,000–1,040 MiB with onnxruntime's memory patterns, 817 without."""
    from reviewdesk.ocr import engine

    ocr = engine._engine(2)
    for session in (ocr.text_det.infer, ocr.text_cls.infer, ocr.text_rec.session):  # RapidOCR 1.4.4's names
        options = session.session.get_session_options()
        assert not options.enable_mem_pattern and not options.enable_cpu_mem_arena
