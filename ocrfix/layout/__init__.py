"""Layout: page furniture, footnote blocks, paragraphs and reading order of OCR text.

:func:`analyse` labels every line; :func:`reading_edits` turns the text into reading order
as edits (what ``mode="reading"`` applies); :func:`structure` gives pages, paragraphs,
footnotes and furniture as JSON-ready data (what ``mode="structured"`` returns).

One module per concern: ``furniture`` (headers, footers, page numbers, debris), ``pages``
(page breaks), ``footnotes`` (footnote blocks), ``paragraphs`` (joining lines and
hyphenation), ``analysis`` (the order they run in), ``reading`` and ``structure`` (the two
outputs), ``model`` (the dataclasses).
"""

from __future__ import annotations

from .analysis import analyse
from .model import (
    Footnote,
    Furniture,
    FurnitureKind,
    Join,
    Layout,
    Line,
    LineKind,
    Page,
    Paragraph,
)
from .reading import reading_edits
from .structure import structure

__all__ = [
    "Footnote",
    "Furniture",
    "FurnitureKind",
    "Join",
    "Layout",
    "Line",
    "LineKind",
    "Page",
    "Paragraph",
    "analyse",
    "reading_edits",
    "structure",
]
