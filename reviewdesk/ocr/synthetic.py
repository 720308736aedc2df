"""Synthetic scanned pages from known text, for the OCR tests and bench/ocr.py: an A4 page drawn with a CJK
font at a given dpi, then made to look scanned (slight skew, blur, noise, a red seal over the text), and
wrapped as an image-only PDF. All in memory."""

from __future__ import annotations

import io
import random
from typing import Any

from reviewdesk.resources import resources_dir

A4_INCHES = (8.27, 11.69)
FONT = "wqy-microhei.ttc"


def page_image(
    lines: list[str],
    dpi: int,
    *,
    skew: float = 0.0,
    blur: float = 0.0,
    noise: float = 0.0,
    stamp: bool = False,
    seed: int = 0,
    point_size: float = 14.0,
) -> Any:
    """A colour PIL image of `lines` on an A4 page (one line each, wrapped by the caller)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    width, height = int(A4_INCHES[0] * dpi), int(A4_INCHES[1] * dpi)
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(resources_dir() / "fonts" / FONT), int(point_size * dpi / 72))
    margin, step = int(dpi), int(point_size * dpi / 72 * 1.9)
    for n, line in enumerate(lines):
        draw.text((margin, margin + n * step), line, fill=(20, 20, 20), font=font)
    if stamp:  # a red seal (公章) half over the last lines, as on a judgment
        r = int(0.8 * dpi)
        cx, cy = width - margin - r, margin + max(0, len(lines) - 2) * step
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(200, 30, 30), width=max(2, dpi // 50))
        small = ImageFont.truetype(str(resources_dir() / "fonts" / FONT), int(r * 0.35))
        draw.text((cx - int(r * 0.7), cy - int(r * 0.2)), "人民法院", fill=(200, 30, 30), font=small)
    if skew:
        page = page.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=(255, 255, 255))
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        import numpy

        pixels = numpy.asarray(page, dtype=numpy.int16)
        speckle = numpy.random.default_rng(rng.randrange(1 << 30)).normal(0, noise, pixels.shape[:2])
        page = Image.fromarray(numpy.clip(pixels + speckle[..., None], 0, 255).astype(numpy.uint8))
    return page


def image_pdf(images: list[Any], dpi: int) -> bytes:
    """An image-only PDF (no text layer) of the page images, as a scanner writes it."""
    buf = io.BytesIO()
    first, *rest = [im.convert("RGB") for im in images]
    first.save(buf, "PDF", resolution=float(dpi), save_all=True, append_images=rest)
    return buf.getvalue()


def wrap(text: str, width: int) -> list[str]:
    """Text cut into lines of `width` characters (Chinese text has no spaces to break at)."""
    return [p[i : i + width] for p in text.split("\n") for i in range(0, len(p), width)]
