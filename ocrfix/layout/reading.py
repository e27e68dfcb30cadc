"""Reading order as edits: furniture deleted, footnotes moved after the body, lines joined.

The reading format: one paragraph a line, a blank line between paragraphs, then a blank
line and the footnotes (sponsor notes first, then in the order of the text), one a line.
A paragraph that a page break or a footnote block interrupted is one line; the lines of a
block of short lines (a title block) stay lines. The format is stable: reading a text in
reading order changes nothing.

Every change is an :class:`~ocrfix.edits.Edit` of the text given, so nothing disappears
without a reason: a furniture line is a deletion naming its kind and page, a moved footnote
is a deletion where it stood plus its share of one insertion after the body, and the line
breaks between kept lines are replaced by the separator the reading format wants.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from ..edits import Edit
from .analysis import analyse
from .model import Footnote, Join, Layout, Line
from .paragraphs import joined

FIXER = "layout"

_CONFIDENCE = {
    "job_number": 0.95,
    "header": 0.9,
    "page_number": 0.85,
    "footer": 0.85,
    "debris": 0.7,
}


@dataclass(frozen=True)
class _Unit:
    """Lines kept in place and read as one paragraph (or one footnote at the end)."""

    lines: tuple[int, ...]
    joins: tuple[Join, ...]
    note: bool = False


def reading_order(layout: Layout) -> list[Footnote]:
    """The footnotes in reading order: sponsor notes first, then as the text has them."""
    return [n for n in layout.footnotes if n.star] + [n for n in layout.footnotes if not n.star]


def reading_edits(text: str) -> list[Edit]:
    """Non-overlapping edits of ``text`` that turn it into reading order: furniture removed,
    footnotes gathered after the body in order, paragraphs rejoined across page breaks and
    footnote blocks, line-end hyphenation removed where the joined word is a word."""
    return _Planner(analyse(text)).edits()


class _Planner:
    """Turns a layout into edits of its text."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.text = layout.text
        self.lines: tuple[Line, ...] = layout.lines
        body = [i for i, kind in enumerate(layout.kinds) if kind == "body"]
        notes = list(layout.footnotes)
        ordered = reading_order(layout)
        in_place = not body or (all(n.lines[0] > body[-1] for n in notes) and ordered == notes)
        self.moved: list[Footnote] = [] if in_place else ordered
        units = [_Unit(p.lines, p.joins) for p in layout.paragraphs]
        if in_place:
            units += [_Unit(n.lines, n.joins, note=True) for n in notes]
        self.units = sorted(units, key=lambda u: u.lines[0])
        self.removals: list[Edit] = self._removals()
        self.starts = [r.start for r in self.removals]

    def _removals(self) -> list[Edit]:
        out: list[Edit] = []
        for item in self.layout.furniture:
            start, end = self._whole(item.line, item.line)
            out.append(
                Edit(
                    start,
                    end,
                    self.text[start:end],
                    "",
                    FIXER,
                    f"removed {item.what} '{item.text}' (page {item.page})",
                    _CONFIDENCE[item.kind],
                )
            )
        for note in self.moved:
            start, end = self._whole(note.lines[0], note.lines[-1])
            out.append(
                Edit(
                    start,
                    end,
                    self.text[start:end],
                    "",
                    FIXER,
                    f"moved footnote {note.number} to the end (page {note.page})",
                    0.85,
                )
            )
        return sorted(out, key=lambda e: e.start)

    def _whole(self, first: int, last: int) -> tuple[int, int]:
        """The span of lines ``first..last`` with the newline after them."""
        end = self.lines[last].end
        return self.lines[first].start, end + 1 if end < len(self.text) else end

    def edits(self) -> list[Edit]:
        kept = [(i, u, k) for u, unit in enumerate(self.units) for k, i in enumerate(unit.lines)]
        out: list[Edit] = []
        text = self.text
        if not kept:
            self._fill(out, 0, len(text), "", "removed blank space")
            return out
        self._fill(out, 0, self.lines[kept[0][0]].content_start, "", "removed blank space")
        for (a, unit_a, k), (b, unit_b, _) in itertools.pairwise(kept):
            line_a, line_b = self.lines[a], self.lines[b]
            start, end = line_a.content_end, line_b.content_start
            if unit_a == unit_b:
                how = self.units[unit_a].joins[k]
                if how.drop_hyphen:
                    start -= 1
                reason = how.reason
                r = bisect.bisect_left(self.starts, start)
                if r < len(self.starts) and self.starts[r] < end:
                    reason += " (the paragraph was interrupted by a page break or footnotes)"
                self._fill(out, start, end, how.separator, reason)
            elif self.units[unit_a].note and self.units[unit_b].note:
                self._fill(out, start, end, "\n", "one footnote a line")
            else:
                self._fill(out, start, end, "\n\n", "one blank line between paragraphs")
        final_newline = "\n" if text.endswith("\n") else ""
        last = self.lines[kept[-1][0]]
        tail = "" if self.moved else final_newline
        self._fill(out, last.content_end, len(text), tail, "one newline at the end")
        if self.moved:
            notes = "\n".join(self._note_text(n) for n in self.moved)
            numbers = ", ".join(n.number for n in self.moved)
            out.append(
                Edit(
                    len(text),
                    len(text),
                    "",
                    "\n\n" + notes + final_newline,
                    FIXER,
                    f"moved footnotes {numbers} to the end, after the body",
                    0.85,
                )
            )
        return out

    def _note_text(self, note: Footnote) -> str:
        return joined([self.lines[i].content for i in note.lines], note.joins)

    def _fill(self, out: list[Edit], start: int, end: int, separator: str, reason: str) -> None:
        """Edits for ``text[start:end]``: its removals, and its other (blank) stretches
        replaced by ``separator`` (the first) and by nothing (the rest)."""
        pos = start
        first = True
        k = bisect.bisect_left(self.starts, start)
        while k < len(self.removals) and self.removals[k].start < end:
            removal = self.removals[k]
            k += 1
            if pos < removal.start:
                self._space(out, pos, removal.start, separator if first else "", reason)
                first = False
            out.append(removal)
            pos = removal.end
        if pos < end:
            self._space(out, pos, end, separator if first else "", reason)
        elif first and separator:
            out.append(Edit(end, end, "", separator, FIXER, reason, 0.9))

    def _space(self, out: list[Edit], start: int, end: int, after: str, reason: str) -> None:
        before = self.text[start:end]
        if before == after:
            return
        if before.strip() and before.strip() != "-":
            raise AssertionError(f"layout would delete text {before!r} at {start}")
        confidence = 0.85 if before.startswith("-") else 0.9
        out.append(Edit(start, end, before, after, FIXER, reason, confidence))
