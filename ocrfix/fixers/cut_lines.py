"""Lines that page segmentation cut in two: a line's end set apart as a block of its own.

On a damaged page Tesseract's page segmentation (its default, ``--psm 3``) may see a gap
running down the text and read the lines beside it as two columns: the left parts stay in
their paragraph, short, and the right parts follow it as a block of their own::

    thirtieth anniversary of the Standin,
    contribution in the
    and the road map for their implementation,

    Advisory Committee, on its substantial

    service of preventive diplomacy, as well as the recommendations

A line's end is put back where a paragraph's cut lines and the short blocks after it pair
up in order, each pair making a line as long as the page's full lines. Only in a text of a
page's worth of lines, only where every short line of the paragraph but its last gets an
end (a title's short lines get none), only in a paragraph of body text (a full line, or a
last line that ends with a mark), and never with a block that opens like a paragraph (a
resolution's opener) or with a number or a symbol.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from .. import lazy_re
from ..edits import Edit
from ..openers import opener_counts
from .base import Context
from .paragraph_openers import ParagraphOpenersFixer

#: A line that ends a sentence or a list's lead: no cut line ends so.
_ENDS_SENTENCE = lazy_re.compile(r"[.;:][^\S\n]*$")
#: A body paragraph's last line ends with one of these.
_ENDS_PARAGRAPH = lazy_re.compile(r"[,;.:][^\S\n]*$")
#: A block's first word, which says whether it opens a paragraph.
_FIRST_WORD = lazy_re.compile(r"[A-Za-z]+")
#: A block that opens with a number or a symbol ('2/5', 'A/RES/78/59': page furniture), with
#: an item's label ('(ii)') or with a footnote's number as OCR reads it ('* Resolution').
_NO_END = lazy_re.compile(r"\S*[\d/]|\(\w{1,4}\)|[*?!°®†‡]")
#: A cut line holds a word (not an item's label alone: '(k)').
_WORD = lazy_re.compile(r"[A-Za-z]{3}")


#: What judges whether a block opens like a resolution's paragraph (a word that opens this
#: model's ``min_count`` paragraphs of the training session's resolutions, or one misread).
_OPENERS = ParagraphOpenersFixer()


class _Line(NamedTuple):
    start: int
    end: int  # (blanks at the end of the line left out)
    text: str


@dataclass(frozen=True)
class CutLinesFixer:
    """Put back the ends of lines that page segmentation set apart."""

    name: ClassVar[str] = "cut_lines"
    language_independent: ClassVar[bool] = True
    #: A line shorter than this share of the page's width is cut (or a paragraph's last) ...
    short: float = 0.75
    #: ... and a block whose lines are all shorter than this share may be the ends cut off.
    fragment: float = 0.9
    #: A cut line and its end make a line of this share of the page's width.
    least_fit: float = 0.85
    most_fit: float = 1.12
    #: A block of ends holds at most this many lines.
    max_fragment_lines: int = 3
    #: A text with fewer lines of 20 characters or more than this is no page.
    min_lines: int = 10

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        lines = _lines(text)
        width = self._width(lines)
        if width is None:
            return
        blocks = _blocks(lines)
        i = 0
        while i < len(blocks):
            host = blocks[i]
            slots = self._slots(host, width)
            ends = self._fragments(blocks, i + 1, width, ctx) if slots else []
            pairs = self._pairs(slots, ends, width) if ends else []
            # Only whole blocks of ends are moved: from the first block not wholly paired on,
            # the blocks stay, and so do their pairs.
            used = {end.start for _, end in pairs}
            n = 0
            while n < len(ends) and all(line.start in used for line in ends[n]):
                n += 1
            moved = {line.start for block in ends[:n] for line in block}
            pairs = [(slot, end) for slot, end in pairs if end.start in moved]
            if pairs and self._complete(host, pairs, width):
                yield _edit(text, host, pairs, ends[:n], self.name)
                i += 1 + n
            else:
                i += 1

    def _width(self, lines: list[_Line]) -> int | None:
        """The width of the page's full lines: the 90th percentile of its line lengths."""
        lengths = sorted(len(line.text) for line in lines if len(line.text.strip()) >= 20)
        if len(lengths) < self.min_lines:
            return None
        return lengths[int(0.9 * (len(lengths) - 1))]

    def _fragments(
        self, blocks: list[list[_Line]], first: int, width: int, ctx: Context
    ) -> list[list[_Line]]:
        """The blocks from ``first`` on that may be cut lines' ends."""
        counts = opener_counts().first
        found: list[list[_Line]] = []
        j = first
        while j < len(blocks) and len(blocks[j]) <= self.max_fragment_lines:
            block = blocks[j]
            if any(len(line.text) >= self.fragment * width for line in block):
                break
            head = block[0].text.lstrip()
            word = _FIRST_WORD.match(head)
            title = word.group() if word is not None and word.group().istitle() else ""
            if _NO_END.match(head) or counts.get(title, 0) >= _OPENERS.min_count:
                break  # a number, a symbol, a label, or a paragraph's opening
            if title and _OPENERS.near_openers(title, ctx.confusions):
                break  # ... or its opening misread ('Revalling also its resolution')
            if head[:1].isupper() and _ENDS_PARAGRAPH.search(block[-1].text):
                break  # a short paragraph of its own ('Recalling resolution 2625 (XXV),')
            found.append(block)
            j += 1
        return found

    def _slots(self, host: list[_Line], width: int) -> list[_Line]:
        """The lines of ``host`` (but its last) that may have lost their ends: short, not
        ending a sentence, holding a word."""
        return [
            line
            for line in host[:-1]
            if len(line.text) < self.short * width
            and not _ENDS_SENTENCE.search(line.text)
            and _WORD.search(line.text)
        ]

    def _pairs(
        self, slots: list[_Line], ends: list[list[_Line]], width: int
    ) -> list[tuple[_Line, _Line]]:
        """Each end paired in order with the next cut line (of ``slots``) it completes."""
        pairs: list[tuple[_Line, _Line]] = []
        k = 0
        for block in ends:
            for end in block:
                size = len(end.text.strip())
                while k < len(slots) and not (
                    self.least_fit * width <= len(slots[k].text) + 1 + size <= self.most_fit * width
                ):
                    k += 1
                if k == len(slots):
                    return pairs
                pairs.append((slots[k], end))
                k += 1
        return pairs

    def _complete(self, host: list[_Line], pairs: list[tuple[_Line, _Line]], width: int) -> bool:
        """Is ``host`` body text whose every short line but the last got its end?"""
        full = [line for line in host if len(line.text) >= self.least_fit * width]
        if len(full) < 2 and not _ENDS_PARAGRAPH.search(host[-1].text):
            return False  # a title or a heading: short lines, no closing mark
        cut = {s.start for s, _ in pairs}
        return all(line.start in cut for line in host[:-1] if len(line.text) < self.short * width)


def _lines(text: str) -> list[_Line]:
    """The lines of ``text`` with their spans (blanks at their ends left out)."""
    raw = text.split("\n")
    starts = itertools.accumulate((len(line) + 1 for line in raw), initial=0)
    return [
        _Line(start, start + len(body), body)
        for start, body in zip(starts, [line.rstrip() for line in raw])
    ]


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of lines that are not blank."""
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _edit(
    text: str,
    host: list[_Line],
    pairs: list[tuple[_Line, _Line]],
    ends: list[list[_Line]],
    fixer: str,
) -> Edit:
    """One edit from the first cut line's end to the last block of ends: each end put after
    its line, the blocks of ends taken out with the blank lines before them. (Where the part
    set apart was a line's start, it too goes after the line: on the training pages that
    misplaced less than guessing which part it was.)"""
    cuts = [(slot.end, slot.end, " " + end.text.strip()) for slot, end in pairs]
    last = host[-1].end  # (where the text before each block of ends stops)
    for block in ends:
        cuts.append((last, block[-1].end, ""))
        last = block[-1].end
    cuts.sort()
    start, stop = cuts[0][0], ends[-1][-1].end
    pieces = []
    pos = start
    for a, b, inserted in cuts:
        pieces += [text[pos:a], inserted]
        pos = b
    pieces.append(text[pos:stop])
    count = len(pairs)
    return Edit(
        start,
        stop,
        text[start:stop],
        "".join(pieces),
        fixer,
        f"{count} line end{'s' if count > 1 else ''} that page segmentation set apart, put back",
        0.8,
    )
