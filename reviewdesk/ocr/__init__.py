"""Offline OCR of case documents without a text layer (the reading room, issue 18): pages rendered in memory,
recognised by RapidOCR (PP-OCRv4 Chinese, onnxruntime), text and line boxes kept in the encrypted store."""
