"""Pages around the drawings: fpdf2 lays out text (headings, name line,
answer key, source texts) with an embedded Unicode font; pypdf places
Graphviz's vector PDF of the map on those pages, scaled, never rasterised.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from attrs import frozen

from argmap.errors import ArgmapError, OptionError
from argmap.render.paper import PAPERS as SHEETS

__all__ = ["PAPERS", "PrintUnavailable", "Document", "Placement", "page_size", "find_font", "MM"]

#: The papers worksheets and slides are printed on, in points, portrait
#: (width, height): the sizes argmap.render.paper knows.
PAPERS = {name: SHEETS[name] for name in ("a4", "letter")}
#: Points per millimetre.
MM = 72 / 25.4
#: The margin around every page, in points (12 mm: inside what printers print).
MARGIN = 12 * MM

_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/Library/Fonts")
#: Style -> (file of DejaVu Sans, the fontconfig pattern asked when the file is elsewhere).
_FONTS = {
    "": ("DejaVuSans.ttf", "DejaVu Sans"),
    "B": ("DejaVuSans-Bold.ttf", "DejaVu Sans:bold"),
    "I": ("DejaVuSans-Oblique.ttf", "DejaVu Sans:oblique"),
}


class PrintUnavailable(ArgmapError, ImportError):
    """What printed sheets need is missing: fpdf2 (the ``print`` extra) or a Unicode font."""


def page_size(paper: str, landscape: bool = False) -> tuple[float, float]:
    """(width, height) in points of ``paper`` (``a4``, ``letter``)."""
    try:
        w, h = PAPERS[paper]
    except KeyError:
        raise OptionError(f"unknown paper {paper!r}; use one of {', '.join(PAPERS)}") from None
    return (h, w) if landscape else (w, h)


def find_font(style: str = "") -> Path | None:
    """The file of DejaVu Sans in ``style`` ("", "B", "I"): from the usual
    folders, else as fontconfig (``fc-match``) finds it; None when there is none."""
    name, pattern = _FONTS[style]
    for folder in _FONT_DIRS:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        done = subprocess.run([fc_match, "-f", "%{file}", pattern], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = Path(done.stdout.decode("utf-8", "replace").strip())
    return found if done.returncode == 0 and found.suffix.lower() == ".ttf" and found.is_file() else None


def _fpdf():
    try:
        import fpdf
    except ImportError:
        raise PrintUnavailable(
            "printed sheets need fpdf2: install argmap[print] (pip install 'argmap[print]')"
        ) from None
    return fpdf


@frozen
class Placement:
    """A drawing (a one-page PDF) placed on page ``page`` (0-based) with its
    top left corner at ``x``, ``y`` points from the page's top left, scaled by ``scale``."""

    page: int
    drawing: bytes
    x: float
    y: float
    scale: float


class Document:
    """A PDF being written: text pages from fpdf2, drawings placed by pypdf at the end.

    Coordinates are points from the top left of the page, as in fpdf2.
    """

    FONT = "argmap-sans"

    def __init__(self, paper: str = "a4", title: str = "", footer: str = "", lang: str | None = None):
        fpdf = _fpdf()
        self.paper = paper
        self.placements: list[Placement] = []
        self.footer_text = footer
        document = self

        class _PDF(fpdf.FPDF):  # type: ignore[name-defined,misc]
            def footer(self):  # fpdf2 calls it at the end of every page
                if document.footer_text:
                    self.set_y(-12 * MM)
                    self.set_font(Document.FONT, "", 8)
                    self.set_text_color(90)
                    self.cell(0, 10, document.footer_text.format(page=self.page_no(), pages="{nb}"), align="C")
                    self.set_text_color(0)

        width, height = page_size(paper)
        self.pdf = _PDF(unit="pt", format=(width, height))
        self.pdf.set_margins(MARGIN, MARGIN, MARGIN)
        self.pdf.set_auto_page_break(True, 18 * MM)
        self.pdf.set_creator("argmap")
        if title:
            self.pdf.set_title(title)
        if lang:
            self.pdf.set_lang(lang)
        regular = find_font("")
        if regular is None:
            raise PrintUnavailable(
                "no Unicode font found for the PDF: install DejaVu Sans (the package fonts-dejavu-core on Debian and Ubuntu)"
            )
        for style in ("", "B", "I"):
            self.pdf.add_font(self.FONT, style, str(find_font(style) or regular))
        self.pdf.set_font(self.FONT, "", 11)

    # -- pages and text -------------------------------------------------------

    def add_page(self, landscape: bool = False) -> None:
        self.pdf.add_page(orientation="L" if landscape else "P")

    @property
    def page(self) -> int:
        """The current page, 0-based."""
        return self.pdf.page_no() - 1

    @property
    def width(self) -> float:
        """The width between the margins."""
        return self.pdf.epw

    def bottom(self) -> float:
        """Where the text area ends on the current page."""
        return self.pdf.h - self.pdf.b_margin

    def text(self, text: str, size: float = 11, style: str = "", gap: float = 2, colour: int = 0, align: str = "L") -> None:
        """A paragraph across the text width."""
        self.pdf.set_font(self.FONT, style, size)
        self.pdf.set_text_color(colour)
        self.pdf.multi_cell(0, size * 1.3, text, align=align, new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_text_color(0)
        self.pdf.ln(gap)

    def rule(self, gap: float = 4) -> None:
        """A thin line across the text width."""
        y = self.pdf.get_y() + gap / 2
        self.pdf.set_draw_color(150)
        self.pdf.line(self.pdf.l_margin, y, self.pdf.w - self.pdf.r_margin, y)
        self.pdf.set_draw_color(0)
        self.pdf.set_y(y + gap / 2)

    def numbered_lines(self, lines: list[str], size: float = 9) -> None:
        """Lines with their numbers in a column on the left (long lines wrap under their text)."""
        pdf = self.pdf
        column = size * 2.8
        pdf.set_font(self.FONT, "", size)
        for number, line in enumerate(lines, 1):
            height = size * 1.3
            if pdf.will_page_break(height):
                pdf.add_page()
            top = pdf.get_y()
            pdf.set_text_color(110)
            pdf.cell(column - size * 0.6, height, str(number), align="R")
            pdf.set_text_color(0)
            pdf.set_xy(pdf.l_margin + column, top)
            pdf.multi_cell(0, height, line or " ", align="L", new_x="LMARGIN", new_y="NEXT")

    def item(self, label: str, text: str, details: list[str], size: float = 11, indent: float = 26) -> None:
        """A numbered entry: ``label`` in bold in a column, ``text`` beside
        it, each line of ``details`` smaller below the text."""
        pdf = self.pdf
        if pdf.will_page_break(size * 2.6 + len(details) * size * 1.2):
            pdf.add_page()
        top = pdf.get_y()
        pdf.set_font(self.FONT, "B", size)
        pdf.cell(indent, size * 1.3, label)
        pdf.set_xy(pdf.l_margin + indent, top)
        pdf.set_font(self.FONT, "", size)
        pdf.multi_cell(0, size * 1.3, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(70)
        pdf.set_font(self.FONT, "", size - 2)
        for line in details:
            pdf.set_x(pdf.l_margin + indent)
            pdf.multi_cell(0, (size - 2) * 1.3, line, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
        pdf.ln(size * 0.5)

    def fields(self, labels: list[str], widths: list[float], size: float = 11) -> None:
        """A line of labelled blanks to write on (name, class, date)."""
        pdf = self.pdf
        pdf.set_font(self.FONT, "", size)
        height = size * 2.2
        top = pdf.get_y()
        x = pdf.l_margin
        gap = 12
        total = sum(widths) + gap * (len(widths) - 1)
        for label, share in zip(labels, widths):
            w = share * self.width / total if total > self.width else share
            pdf.set_xy(x, top)
            text = f"{label}:"
            tw = pdf.get_string_width(text) + 4
            pdf.cell(tw, height, text)
            pdf.set_draw_color(80)
            pdf.line(x + tw, top + height - 5, x + w, top + height - 5)
            pdf.set_draw_color(0)
            x += w + gap
        pdf.set_xy(pdf.l_margin, top + height + 4)

    @property
    def y(self) -> float:
        return self.pdf.get_y()

    @y.setter
    def y(self, value: float) -> None:
        self.pdf.set_y(value)

    # -- drawings -------------------------------------------------------------

    def place(self, drawing: bytes, x: float, y: float, scale: float) -> None:
        """Put ``drawing`` (a one-page PDF) on the current page."""
        self.placements.append(Placement(self.page, drawing, x, y, scale))

    def output(self) -> bytes:
        """The finished PDF."""
        from pypdf import PdfReader, PdfWriter, Transformation

        text = bytes(self.pdf.output())
        if not self.placements:
            return text
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text)))
        for placement in self.placements:
            page = writer.pages[placement.page]
            drawing = PdfReader(io.BytesIO(placement.drawing)).pages[0]
            box = drawing.mediabox
            page_height = float(page.mediabox.height)
            s = placement.scale
            op = (
                Transformation()
                .translate(-float(box.left), -float(box.bottom))
                .scale(s, s)
                .translate(placement.x, page_height - placement.y - float(box.height) * s)
            )
            page.merge_transformed_page(drawing, op)
        writer.compress_identical_objects()
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
