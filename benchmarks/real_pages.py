"""Ground truth of a real PDF page from its text layer, in the conventions of ``corpora/``.

One line per text line in reading order, a blank line between blocks (paragraphs, each
footnote, the footer); superscript footnote markers as plain characters glued to the
previous character (``Development,2``); the footnote rule and barcode glyphs left out.
``order_like`` puts a page's blocks in the order an OCR engine read them (reading order is
layout, scored apart). Used by ``make_real_corpus.py`` and its tests; needs PyMuPDF only for
the pages themselves (``pip install pymupdf``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

try:
    from benchmarks import scoring
except ImportError:  # run as a script: put the repository root on the path
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks import scoring

_SUPERSCRIPT = 1  # PyMuPDF span flag
_RULE = re.compile(r"^_{4,}$")  # the footnote rule, set as underscores in the text layer
_FOOTNOTE_START = re.compile(r"^(?:\d{1,3}|\*{1,3})$")
#: Share of the page height above which a line of a later page is the running header, and
#: below which a line is the footer (UN pages: header baseline ~60 pt, footer ~750 pt of 792).
HEADER_ZONE = 0.09
FOOTER_ZONE = 0.925
#: Lines side by side further apart than this (points) stay separate lines: a page number and
#: a job number at the two ends of the footer, not a paragraph number and its text.
ROW_GAP = 72.0
_PAGE_NUMBER = re.compile(r"^\d{1,3}/\d{1,3}$|^\d{1,3}$")


# ---------------------------------------------------------------------------
# Ground truth from the text layer
# ---------------------------------------------------------------------------


@dataclass
class Line:
    """One line of the page as a reader sees it, with where it stands."""

    text: str
    x0: float
    y0: float
    y1: float
    x1: float
    footnote_start: bool = False


@dataclass
class Block:
    """Lines that a blank line separates from the next block; ``labels`` one per line."""

    lines: list[str]
    labels: list[str]
    top: float = 0.0
    left: float = 0.0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _span_text(spans: Sequence[dict[str, Any]]) -> tuple[str, bool]:
    """The text of a line's spans, superscripts glued to what precedes them; and whether the
    line opens with a footnote number (a small number span, then larger text)."""
    text = ""
    for span in spans:
        t = span["text"]
        if "barcode" in span["font"].lower():  # bars, not letters: a reader sees no text
            continue
        if span["flags"] & _SUPERSCRIPT and t.strip():
            text = text.rstrip() + t.strip()
        else:
            text += t
    visible = [s for s in spans if s["text"].strip()]
    starts_note = (
        len(visible) >= 2
        and _FOOTNOTE_START.match(visible[0]["text"].strip()) is not None
        and visible[0]["size"] < 0.8 * visible[1]["size"]
    )
    return re.sub(r"\s+", " ", text).strip(), starts_note


def _rows(lines: list[Line]) -> list[Line]:
    """Lines of one block in reading order; lines side by side (``1.`` and its paragraph)
    are joined into one, left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.y0, ln.x0)):
        centre = (line.y0 + line.y1) / 2
        if (
            rows
            and rows[-1][0].y0 <= centre <= rows[-1][0].y1
            and line.x0 - max(ln.x1 for ln in rows[-1]) < ROW_GAP
        ):
            rows[-1].append(line)
        else:
            rows.append([line])
    out = []
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
        first = row[0]
        out.append(
            Line(
                " ".join(ln.text for ln in row),
                first.x0,
                min(ln.y0 for ln in row),
                max(ln.y1 for ln in row),
                max(ln.x1 for ln in row),
                first.footnote_start,
            )
        )
    return out


def page_blocks(page: Any, page_no: int) -> list[Block]:
    """The page's text as blocks of labelled lines, top to bottom.

    Labels as in ``corpora/pages``: ``header`` (a later page's running head), ``title``
    (page 1's masthead and heading, up to ``The General Assembly,``), ``body``,
    ``footnote`` (after the rule), ``footer``, ``pagenum``.
    """
    height = float(page.rect.height)
    raw: list[tuple[float, float, list[Line]]] = []
    for block in page.get_text("dict")["blocks"]:
        if block["type"] != 0:
            continue
        lines = []
        for ln in block["lines"]:
            text, starts_note = _span_text(ln["spans"])
            if text:
                x0, y0, x1, y1 = ln["bbox"]
                lines.append(Line(text, x0, y0, y1, x1, starts_note))
        if lines:
            raw.append((min(ln.y0 for ln in lines), min(ln.x0 for ln in lines), _rows(lines)))
    raw.sort(key=lambda b: (b[0], b[1]))

    blocks: list[Block] = []
    in_notes = False
    in_title = page_no == 1
    for _top, _left, lines in raw:
        current: Block | None = None
        for line in lines:
            if _RULE.match(line.text):
                in_notes = True
                current = None
                continue
            if line.y0 > FOOTER_ZONE * height:
                label = "pagenum" if _PAGE_NUMBER.match(line.text) else "footer"
            elif page_no > 1 and line.y1 < HEADER_ZONE * height:
                label = "header"
            elif in_notes:
                label = "footnote"
            elif in_title:
                label = "title"
                if line.text.startswith("The General Assembly"):
                    label, in_title = "body", False
            else:
                label = "body"
            new_note = label == "footnote" and line.footnote_start
            if (
                current is None
                or new_note
                or (current.labels[-1] == "footnote") != (label == "footnote")
            ):
                current = Block([], [], line.y0, line.x0)
                blocks.append(current)
            current.lines.append(line.text)
            current.labels.append(label)
    return [b for b in blocks if b.lines]


def blocks_text(blocks: Iterable[Block]) -> str:
    return "\n\n".join(b.text for b in blocks) + "\n"


def blocks_labels(blocks: Iterable[Block]) -> list[str]:
    labels: list[str] = []
    for k, b in enumerate(blocks):
        if k:
            labels.append("blank")
        labels.extend(b.labels)
    return labels


#: A block is placed by where it is found in the OCR text only when it is this long and found
#: this well (rapidfuzz partial ratio); other blocks stay right after the block before them.
ANCHOR_CHARS = 6
ANCHOR_SCORE = 80.0


def order_like(blocks: list[Block], ocr: str) -> tuple[list[Block], int]:
    """The blocks in the order the OCR read them, and how many moved.

    Reading order is layout, which the protocol scores apart: a running head or a masthead
    column that Tesseract reads in another order than the text layer holds would otherwise
    count as hundreds of character errors that no correction can touch. Each block is looked
    for first where the previous block ended, then anywhere; it moves only when it is found
    well elsewhere and not where expected. Within a block the text is the text layer's.
    """
    units = _order_units(blocks)
    target = scoring.fold(ocr)
    keys: list[float] = []
    previous, end = -1.0, 0
    for k, block in enumerate(units):
        text = scoring.fold(block.text)
        found = None
        if len(text) >= ANCHOR_CHARS and target:
            slack = 40 + len(text) // 2
            lo = max(0, end - slack)
            window = target[lo : end + len(text) + slack]
            found = fuzz.partial_ratio_alignment(text, window, score_cutoff=ANCHOR_SCORE)
            if found is not None:
                position, end = float(lo + found.dest_start), max(end, lo + found.dest_end)
            else:
                found = fuzz.partial_ratio_alignment(text, target, score_cutoff=ANCHOR_SCORE)
                if found is not None:
                    position, end = float(found.dest_start), max(end, found.dest_end)
        key = previous + 1e-3 if found is None else position
        keys.append(key + k * 1e-9)
        previous = key
    order = sorted(range(len(units)), key=lambda k: keys[k])
    moved = sum(1 for a, b in zip(order, range(len(units))) if a != b)
    ordered = [units[k] for k in order]
    # On a page read as debris a short line can be 'found' anywhere: an order that does not
    # bring the ground truth closer to the OCR text is no reading order, and is not taken.
    if moved and scoring.char_edits(blocks_text(ordered), ocr) >= scoring.char_edits(
        blocks_text(blocks), ocr
    ):
        return list(blocks), 0
    return ordered, moved


#: Labels of the page's furniture and masthead, whose lines stand side by side in columns that
#: an OCR engine may read row by row: each of their lines is placed on its own.
_LOOSE = {"header", "footer", "pagenum", "title"}


def _order_units(blocks: list[Block]) -> list[Block]:
    """The pieces that ``order_like`` moves: a paragraph or footnote whole, a furniture or
    masthead line alone."""
    units: list[Block] = []
    for b in blocks:
        if _LOOSE.isdisjoint(b.labels):
            units.append(b)
        else:
            units += [Block([t], [lab], b.top, b.left) for t, lab in zip(b.lines, b.labels)]
    return units
