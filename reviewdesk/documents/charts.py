"""Horizontal bar charts for the campaign report, as a reportlab Drawing (PDF, vector) or a PNG (Word).

Drawn by hand from shapes rather than with reportlab's HorizontalBarChart: the labels are CJK strings of
varying length and the value with its unit goes at each bar's end, which is simpler to lay out directly.
Grey bars on white: the report gets printed, often in black and white.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from reviewdesk.documents.blocks import Chart
from reviewdesk.documents.fonts import pdf_font, registered_face

TITLE_PT = 12.0  # 小4 黑体 for the chart title
LABEL_PT = 10.5  # 5号 for labels, values and the axis
ROW_PT = 22.0  # one bar per row; the chart grows by this much per label
BAR_FRACTION = 0.62  # bar thickness as a share of the row
BAR_COLOUR = colors.Color(0.45, 0.50, 0.56)  # muted slate grey: prints well in colour and in grey
AXIS_COLOUR = colors.Color(0.25, 0.25, 0.25)
GRID_COLOUR = colors.Color(0.85, 0.85, 0.85)
PT_PER_MM = 72.0 / 25.4


def format_value(value: float) -> str:
    """Counts print as integers; shares keep at most one decimal (12, 12.5)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".rstrip("0").rstrip(".")


def nice_step(top: float, ticks: int = 5) -> float:
    """A 1/2/5 × 10^n step so that about `ticks` intervals cover 0..top."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 5, 10):
        if raw <= mult * power:
            return max(mult * power, 1.0) if float(top).is_integer() else mult * power
    return 10 * power


def chart_height(n_labels: int) -> float:
    """Title band + one row per label + the axis band, in points."""
    return TITLE_PT * 2.2 + max(n_labels, 1) * ROW_PT + LABEL_PT * 2.6


def chart_drawing(chart: Chart, width_pt: float) -> Drawing:
    """The chart as a Drawing `width_pt` wide; the height grows with the number of labels."""
    if len(chart.labels) != len(chart.values):
        raise ValueError("a chart needs one value per label")
    title_font, text_font = pdf_font("heading1"), pdf_font("body")
    height = chart_height(len(chart.labels))
    # The initial font replaces reportlab's Helvetica default, which would otherwise be referenced
    # (un-embedded) by the PDF even though no string uses it.
    d = Drawing(width_pt, height, initialFontName=text_font, initialFontSize=LABEL_PT)
    d.add(String(width_pt / 2, height - TITLE_PT * 1.3, chart.title, fontName=title_font,
                 fontSize=TITLE_PT, textAnchor="middle"))

    values = [max(float(v), 0.0) for v in chart.values]
    label_w = max((stringWidth(lb, text_font, LABEL_PT) for lb in chart.labels), default=0.0) + LABEL_PT
    value_w = max((stringWidth(format_value(v) + chart.unit, text_font, LABEL_PT) for v in values),
                  default=0.0) + LABEL_PT * 0.6
    x0 = min(label_w, width_pt * 0.4)  # the axis line; very long labels are clipped to 40 % of the width
    plot_w = max(width_pt - x0 - value_w, width_pt * 0.2)
    top = max(values, default=0.0)
    step = nice_step(top)
    scale_top = step * max(math.ceil(top / step), 1)
    axis_y = LABEL_PT * 2.6
    plot_top = axis_y + len(chart.labels) * ROW_PT

    _draw_grid(d, x0, axis_y, plot_top, plot_w, step, scale_top, text_font)
    for i, (label, value) in enumerate(zip(chart.labels, values, strict=True)):
        row_mid = plot_top - (i + 0.5) * ROW_PT  # first label at the top, in the order given
        bar_h = ROW_PT * BAR_FRACTION
        bar_w = plot_w * value / scale_top
        if bar_w > 0:
            d.add(Rect(x0, row_mid - bar_h / 2, bar_w, bar_h, fillColor=BAR_COLOUR, strokeColor=None))
        baseline = row_mid - LABEL_PT * 0.35  # visually centre CJK glyphs on the bar
        d.add(String(x0 - LABEL_PT * 0.5, baseline, label, fontName=text_font, fontSize=LABEL_PT,
                     textAnchor="end"))
        d.add(String(x0 + bar_w + LABEL_PT * 0.3, baseline, format_value(value) + chart.unit,
                     fontName=text_font, fontSize=LABEL_PT))
    d.add(Line(x0, axis_y, x0, plot_top, strokeColor=AXIS_COLOUR, strokeWidth=0.8))
    return d


def _draw_grid(d: Drawing, x0: float, axis_y: float, plot_top: float, plot_w: float, step: float,
               scale_top: float, font: str) -> None:
    """Light vertical grid lines with tick values under the x axis."""
    d.add(Line(x0, axis_y, x0 + plot_w, axis_y, strokeColor=AXIS_COLOUR, strokeWidth=0.8))
    n = round(scale_top / step)
    for k in range(n + 1):
        x = x0 + plot_w * k / n
        if k:
            d.add(Line(x, axis_y, x, plot_top, strokeColor=GRID_COLOUR, strokeWidth=0.5))
        d.add(Line(x, axis_y, x, axis_y - 3, strokeColor=AXIS_COLOUR, strokeWidth=0.8))
        d.add(String(x, axis_y - LABEL_PT * 1.4, format_value(step * k), fontName=font, fontSize=LABEL_PT,
                     textAnchor="middle"))


def chart_png(chart: Chart, width_mm: float, dpi: int = 200) -> bytes:
    """The same drawing as a PNG in memory, `width_mm` wide at `dpi` (for the Word file).

    reportlab 5 renders bitmaps only through the rlPyCairo backend (pycairo, not a dependency here; the
    older _rl_renderPM extension is no longer accepted), so the few shapes `chart_drawing` uses are
    painted with Pillow, which reportlab already depends on, from the same fonts files the PDF embeds."""
    drawing = chart_drawing(chart, width_mm * PT_PER_MM)
    image = rasterise(drawing, dpi)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi), optimize=True)
    return out.getvalue()


def rasterise(drawing: Drawing, dpi: int) -> Image.Image:
    """Paint a Drawing made of Rect, Line and String shapes onto a white RGB image."""
    scale = dpi / 72.0
    size = (round(drawing.width * scale), round(drawing.height * scale))
    image = Image.new("RGB", size, "white")
    pen = ImageDraw.Draw(image)

    def pt(x: float, y: float) -> tuple[float, float]:
        return x * scale, size[1] - y * scale  # reportlab's origin is bottom-left, Pillow's top-left

    for shape in drawing.contents:
        if isinstance(shape, Rect) and shape.fillColor is not None:
            (x0, y1), (x1, y0) = pt(shape.x, shape.y), pt(shape.x + shape.width, shape.y + shape.height)
            pen.rectangle((x0, y0, x1, y1), fill=_rgb(shape.fillColor))
        elif isinstance(shape, Line) and shape.strokeColor is not None:
            pen.line((*pt(shape.x1, shape.y1), *pt(shape.x2, shape.y2)), fill=_rgb(shape.strokeColor),
                     width=max(1, round(shape.strokeWidth * scale)))
        elif isinstance(shape, String):
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(shape.textAnchor, "ls")
            pen.text(pt(shape.x, shape.y), shape.text, fill=_rgb(shape.fillColor or colors.black),
                     font=_pil_font(shape.fontName, shape.fontSize * scale), anchor=anchor)
    return image


def _rgb(colour: colors.Color) -> tuple[int, int, int]:
    return round(colour.red * 255), round(colour.green * 255), round(colour.blue * 255)


@lru_cache(maxsize=32)
def _pil_font(font_name: str, size_px: float) -> ImageFont.FreeTypeFont:
    face = registered_face(font_name)
    if face is None:
        raise ValueError(f"chart font {font_name!r} was not registered by reviewdesk.documents.fonts")
    return ImageFont.truetype(str(face.path), size=max(1, round(size_px)), index=face.index)
