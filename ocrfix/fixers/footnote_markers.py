"""Superscript footnote markers that OCR garbled or lost.

A superscript ``2`` is small and raised, and OCR reads it as ``? > ® * ° ’ ”`` or drops it:
``Families,?`` for ``Families,2``, ``Women>`` for ``Women5``. The document itself says what
the markers must be: its footnote blocks list the numbers, and markers run 1, 2, 3... through
the body. So the fixer reads the footnote numbers, finds the markers that survived, and fills
each gap between two surviving markers with the garbled markers found in it -- only when
their count matches the count of missing numbers exactly. A real question mark in a gap
without a missing number is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from ..edits import Edit
from .base import Context

# A footnote line: a number (not followed by '.') then text, after a blank line or another
# footnote line.
_FOOTNOTE_LINE = re.compile(r"^[ \t]*(?P<n>\d{1,3}) +(?=[A-Z“‘\"(]|[a-z]+\.|\d{2,}/)", re.M)
_SURVIVOR = re.compile(r"(?<=[a-z,;:”’)])(?P<n>\d{1,3})(?=[\s,;:.)]|$)")
_STRONG_DEBRIS = "?>®°!¢§¥™"
_WEAK_DEBRIS = "’”'\"*"
_SUPERSCRIPTS = {"¹": 1, "²": 2, "³": 3, "⁴": 4, "⁵": 5, "⁶": 6, "⁷": 7, "⁸": 8, "⁹": 9}
_GARBLED = re.compile(
    r"(?<=[A-Za-z,;:)])(?P<m>[?>®°!¢§¥™’”'\"*¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?=[ \t]*(?:\n|$)|[ \t]+[a-z(])"
)
# A place where a marker may have vanished: the comma after the title of an instrument that a
# footnote would cite, such as 'Convention on ... Racial Discrimination, the'.
_SLOT = re.compile(r"(?<=[a-z]{3}),(?=\s+[a-z])")
_TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w’'-]*|of|the|on|and|for|against|in|to)\s+)*[A-Z][a-z]+$")
INSTRUMENTS = frozenset(
    [
        "Convention",
        "Covenant",
        "Declaration",
        "Agreement",
        "Protocol",
        "Charter",
        "Programme",
        "Platform",
        "Agenda",
        "Consensus",
        "Strategy",
        "Framework",
        "Plan",
        "Principles",
        "Rules",
        "Statute",
        "Outcome",
        "Summit",
        "Treaty",
    ]
)
_ABBREVIATED = re.compile(r"(?:Add|Rev|Corr|No|Nos|para|paras|chap|art|vol|p|pp|L|Sess)$")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    strength: int  # 2 garbled (strong), 1 garbled (weak), 0 slot for a lost marker


@dataclass(frozen=True)
class FootnoteMarkersFixer:
    """Restore footnote markers by reconciling the body with the footnote blocks."""

    name: ClassVar[str] = "footnote_markers"
    language_independent: ClassVar[bool] = False
    restore_lost: bool = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        notes, note_spans = _footnotes(text)
        if not notes:
            return

        def in_notes(pos: int) -> bool:
            return any(a <= pos < b for a, b in note_spans)

        survivors = _survivors(text, notes, in_notes)
        missing = [n for n in sorted(notes) if n not in survivors]
        # Group consecutive missing numbers that share the same pair of surviving neighbours.
        runs: list[list[int]] = []
        for n in missing:
            if runs and runs[-1][-1] == n - 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        for run in runs:
            low = max((p for k, p in survivors.items() if k < run[0]), default=0)
            high = min([p for k, p in survivors.items() if k > run[-1]] + [notes[run[-1]]])
            yield from self._fill(text, run, low, high, in_notes)

    def _fill(
        self, text: str, run: list[int], low: int, high: int, in_notes: Callable[[int], bool]
    ) -> Iterator[Edit]:
        found: list[_Candidate] = []
        for m in _GARBLED.finditer(text, low, high):
            if in_notes(m.start()):
                continue
            mark = m.group("m")
            is_strong = any(c in _STRONG_DEBRIS or c in _SUPERSCRIPTS for c in mark)
            found.append(_Candidate(m.start(), m.end(), 2 if is_strong else 1))
        strong = [c for c in found if c.strength == 2]
        if len(strong) == len(run):
            chosen = strong
        elif len(found) == len(run):
            chosen = found
        elif self.restore_lost and len(strong) < len(run):
            slots = [
                _Candidate(m.end(), m.end(), 0)
                for m in _SLOT.finditer(text, low, high)
                if not in_notes(m.start()) and _cites_instrument(text, m.start())
            ]
            if len(strong) + len(slots) != len(run):
                return
            chosen = sorted(strong + slots, key=lambda c: c.start)
        else:
            return
        for number, cand in zip(run, chosen):
            before = text[cand.start : cand.end]
            if cand.strength == 0:
                reason = f"footnote {number} has no marker in the body; restored it here"
                confidence = 0.6
            else:
                reason = f"footnote marker {number} read as '{before}'"
                confidence = 0.9 if cand.strength == 2 else 0.7
            yield Edit(cand.start, cand.end, before, str(number), self.name, reason, confidence)


def _cites_instrument(text: str, pos: int) -> bool:
    """Does a title-case run naming an instrument end at ``pos``?"""
    run = _TITLE_RUN.search(text, max(0, pos - 160), pos)
    return run is not None and any(w in INSTRUMENTS for w in run.group().split())


def _footnotes(text: str) -> tuple[dict[int, int], list[tuple[int, int]]]:
    """Footnote numbers (1, 2, 3... in order) with the start of their line, and the spans of
    the footnote blocks."""
    notes: dict[int, int] = {}
    spans: list[tuple[int, int]] = []
    expected = 1
    for m in _FOOTNOTE_LINE.finditer(text):
        n = int(m.group("n"))
        if n != expected:
            continue
        line_start = m.start()
        prev_end = line_start - 1
        prev_start = text.rfind("\n", 0, max(prev_end, 0)) + 1
        prev_line = text[prev_start:prev_end] if prev_end > 0 else ""
        in_block = bool(spans) and spans[-1][1] >= prev_start
        if prev_line.strip() and not in_block:
            continue  # a wrapped body line that starts with a number ('21 December 2001')
        notes[n] = line_start
        expected += 1
        end = _block_end(text, line_start)
        if spans and spans[-1][1] >= line_start - 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((line_start, end))
    return notes, spans


def _block_end(text: str, start: int) -> int:
    """End of a footnote: its line and the non-blank lines that continue it."""
    end = text.find("\n\n", start)
    return len(text) if end < 0 else end


def _survivors(text: str, notes: dict[int, int], in_notes: Callable[[int], bool]) -> dict[int, int]:
    """Markers that OCR read correctly: number -> position, increasing through the body."""
    found: dict[int, int] = {}
    expected_min = 1
    for m in _SURVIVOR.finditer(text):
        n = int(m.group("n"))
        if n not in notes or n < expected_min or in_notes(m.start()) or m.start() > notes[n]:
            continue
        word = re.search(r"[\w.]*$", text[max(0, m.start() - 12) : m.start()])
        if word and _ABBREVIATED.search(word.group().rstrip(".")):
            continue
        found[n] = m.start()
        expected_min = n + 1
    return found
