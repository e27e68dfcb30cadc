"""Superscript footnote markers that OCR garbled or lost, in the body and in footnote blocks.

A superscript ``2`` is small and raised, and OCR reads it as ``? > ® * ° ’ ”`` or drops it:
``Families,?`` for ``Families,2``, ``Women>`` for ``Women5``; the number that opens a
footnote at the foot of the page is set the same way and garbled the same way (``? Figures
are in ...``). The document itself says what the markers must be: footnotes are numbered
1, 2, 3... through the document, and so are the body's markers. So the fixer

1. finds the footnote blocks and numbers their lines, anchoring on the numbers OCR read and
   counting through the garbled ones;
2. finds the body markers that survived, and fills each gap between two surviving markers
   with the garbled markers found in it when their count matches the count of missing
   numbers exactly;
3. where the counts disagree (a marker lost, a mark that is text, a marker read as another
   digit), aligns the gap's marks with its missing numbers in order, weighing each mark by
   what the learned marker shapes (:mod:`ocrfix.marker_shapes`) say it is read for, and sets
   only the markers whose posterior clears :data:`ALIGN_MIN`.

A real question mark in a gap without a missing number is never touched.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re, marker_shapes
from ..edits import Edit
from ..lexicon import Lexicon
from ..tokens import paired
from ._index import TextIndex
from ._words import FUNCTION_WORDS, MONTHS
from .base import Context

# What OCR makes of a superscript number.
_DEBRIS = "?>®°!¢§¥™©+%’”'\"*‘"
_STRONG_DEBRIS = "?>®°!¢§¥™©+%"
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"
# A footnote line: a number or debris, a space, then what footnotes start with (a capital, a
# document symbol, a year and a title: '1 2010 Review Conference'); not a date ('28 June
# 2024' under the meeting that adopted a resolution).
_NOTE_LINE = lazy_re.compile(
    r"^[ \t]*(?P<m>\d{1,3}|[" + re.escape(_DEBRIS + _SUPERSCRIPTS + "“") + r"]{1,2})[ \t]+"
    r"(?=[A-Z“\"(]|[a-z]+\.|\d{2,}/|\d/\d{2,}/|[A-Z]+/|(?:19|20)\d\d[ \t]+[A-Z][a-z])"
    r"(?!(?:" + MONTHS + r")\b)",
    re.M,
)
_FOOTER = lazy_re.compile(r"[ \t]*(?:\d{2}-\d{5}\b|\f|\d{1,3}[ \t]*$|\d{1,3}/\d{1,3}[ \t]*$)")
# A marker that survived as a number glued to a word or mark: 'Racial Discrimination,3 the'.
# (Begins with the first digit, the lookbehind after it: re then skips in C to the digits.)
_SURVIVOR = lazy_re.compile(r"(?P<n>\d(?<=[a-z,;:.”’)]\d)\d{0,2})(?=[\s,;:.)]|$)")
# A marker read as one or two characters of debris after a word or mark, before a line end
# or a word. (Begins with the first of them, the lookbehind after it, as above.)
_GARBLED_CHAR = "[" + re.escape(_DEBRIS + _SUPERSCRIPTS) + "]"
_GARBLED = lazy_re.compile(
    rf"(?P<m>{_GARBLED_CHAR}(?<=[A-Za-z,;:.)]{_GARBLED_CHAR}){_GARBLED_CHAR}?)"
    r"(?=[ \t]*(?:\n|$)|[ \t]+(?P<next>[A-Za-z(]))"
)
# The same after a comma or semicolon and a space OCR put before it: 'Weapons, !', 'Africa, ©'.
# Only marks that no text puts there (a quote or an asterisk could follow a space).
_SPACED = lazy_re.compile(
    r"(?<=[\w)][,;:])[ \t](?P<m>[" + re.escape(_STRONG_DEBRIS + _SUPERSCRIPTS) + r"]{1,2})"
    r"(?=[ \t]*(?:\n|$)|[ \t]+(?P<next>[A-Za-z(]))"
)
# The same after a year ('on 8 March 2017! and'): only marks that no text puts there.
_AFTER_YEAR = lazy_re.compile(
    r"(?P<m>[" + re.escape(_STRONG_DEBRIS + _SUPERSCRIPTS) + r"](?<=(?:19|20)\d\d.)"
    r"[" + re.escape(_STRONG_DEBRIS + _SUPERSCRIPTS) + r"]?)"
    r"(?=[ \t]*(?:\n|$)|[ \t]+(?P<next>[A-Za-z(]))"
)
# Where the body begins: footnote markers stand after it, the masthead's debris before it.
_BODY_START = lazy_re.compile(
    r"^The (?:General Assembly|Security Council|Economic and Social Council),[ \t]*$", re.M
)
# A line that may be the opening as OCR read it: three words, a capital first (its comma
# may stand apart: 'The General Assemhi .').
_OPENING_READ = lazy_re.compile(r"^[A-Z]\S{1,3} \S{5,9} \S{6,10}(?: [.,;:])?[ \t]*$", re.M)
_OPENING_LINE = "The General Assembly,"
#: How like the opening (rapidfuzz's ratio) a line must be to open the body. 'The General
#: Assenthiv,' scores 79, 'The Assembly,' 77, 'The General Conference,' 64.
OPENING_LIKENESS = 78
_QUESTION = lazy_re.compile(
    r"(?:^|[.!?]\s+|\n)(?:What|Why|How|Which|Who|Whom|Whose|Where|When|Whether|Is|Are|Do|Does|"
    r"Did|Can|Could|Should|Would|Will|Has|Have|Was|Were)\b[^.!?\n]*(?:\n[^.!?\n]*)?$"
)
_DOCUMENT_START = lazy_re.compile(
    r"^(?:Distr[.,:]|Original:|The [A-Z][a-z]+(?: [A-Z][a-z]+)* (?:Assembly|Council),)"
    r"|draft (?:resolution|decision)",
    re.M,
)
_OPENING = {"”": "“", '"': '"', "’": "‘", "'": "'"}
# A sponsor line, 'Uganda:* draft resolution', with its asterisk garbled.
_SPONSOR = lazy_re.compile(
    r"^(?P<who>[A-Z][^\n:]{1,200}):(?P<m>[" + re.escape(_DEBRIS) + r"]?)"
    r"[ \t]+draft (?:resolution|decision)",
    re.M,
)
# A place where a marker may have vanished: the comma after the title of an instrument that a
# footnote would cite, such as 'Convention on ... Racial Discrimination, the'.
# (Comma first, the lookbehind after it: re then skips in C to the commas.)
_SLOT = lazy_re.compile(r",(?<=[a-z]{3},)(?=\s+[a-z])")
_TITLE_RUN = lazy_re.compile(
    r"(?:(?:[A-Z][\w’'-]*|of|the|on|and|for|against|in|to)\s+)*[A-Z][a-z]+$"
)
INSTRUMENTS = frozenset(
    "Convention Covenant Declaration Agreement Protocol Charter Programme Platform Agenda "
    "Consensus Strategy Framework Plan Principles Rules Statute Outcome Summit Treaty".split()
)
_ABBREVIATED = lazy_re.compile(r"(?:Add|Rev|Corr|No|Nos|para|paras|chap|art|vol|p|pp|L|Sess)$")


@dataclass(frozen=True)
class _Note:
    """A footnote line: where its marker stands, what OCR read, and its number (None: '*')."""

    start: int
    end: int
    read: str
    number: int | None
    block: int
    line: int = 0  # its place among the block's note lines


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
    # A marker read as a strong mark after a year ('2017!'), as after a word.
    after_year: bool = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        notes, spans, doubtful = _footnotes(text)
        if not notes:
            yield from self._first_page(text, ctx)
            return
        for note in notes:
            if note.number is None and note.read != "*":
                yield Edit(
                    note.start,
                    note.end,
                    note.read,
                    "*",
                    self.name,
                    f"the sponsor note's '*' read as '{note.read}'",
                    0.8,
                )
            if note.number is not None and note.read != str(note.number):
                yield Edit(
                    note.start,
                    note.end,
                    note.read,
                    str(note.number),
                    self.name,
                    f"footnote number {note.number} read as '{note.read}'",
                    0.8,
                )
        sponsor_marks = set()
        for m in _SPONSOR.finditer(text):
            sponsor_marks.add(m.start("m"))
            if m.group("m") not in ("*", ""):
                yield Edit(
                    m.start("m"),
                    m.end("m"),
                    m.group("m"),
                    "*",
                    self.name,
                    "sponsor note marker '*' read as " + repr(m.group("m")),
                    0.8,
                )

        span_starts = [a for a, _ in spans]  # sorted: blocks come in the order of the text

        opening_end = _body_start(text, spans[0][0])
        body_start = opening_end or 0

        def excluded(pos: int) -> bool:
            k = bisect_right(span_starts, pos) - 1
            return pos < body_start or pos in sponsor_marks or (k >= 0 and pos < spans[k][1])

        numbered = {n.number: n for n in notes if n.number is not None}
        # On the document's first page the notes count from 1: if the lowest read is higher,
        # the lines of the notes below it were not found, but their markers are in the body.
        lowest = min(numbered, default=1)
        if opening_end is not None and numbered:  # (a first page: its opening was found)
            first = numbered[lowest]
            for n in range(1, lowest):
                numbered[n] = _Note(first.start, first.start, "", n, first.block)
        # Between two notes of a block, the numbers of the lines OCR lost or garbled past
        # counting: their markers are in the body all the same.
        # (As many as the lines between them, unplaced, and one lost line allow: '4 Crges,
        # on' is a paragraph '4. Urges' read as a note, not notes 5 to 7 lost.)
        placed = sorted(numbered)
        for low_n, high_n in itertools.pairwise(placed):
            earlier, later = numbered[low_n], numbered[high_n]
            if earlier.block == later.block and high_n - low_n <= later.line - earlier.line + 1:
                for n in range(low_n + 1, high_n):
                    numbered[n] = _Note(later.start, later.start, "", n, later.block, later.line)
        survivors = _survivors(text, numbered, excluded, self.after_year)
        for number, pos in survivors.items():
            if _STOP_FOR_COMMA.match(text, pos - 1) and _LOWER_NEXT.match(
                text, pos + len(str(number))
            ):
                # 'Agreement.3 and': a sentence does not go on in lower case after a full
                # stop and a marker; the stop is the comma before the marker, misread.
                yield Edit(
                    pos - 1,
                    pos,
                    ".",
                    ",",
                    self.name,
                    f"the comma before footnote marker {number} read as '.'",
                    0.8,
                )
        missing = [n for n in sorted(numbered) if n not in survivors]
        runs: list[list[int]] = []
        for n in missing:
            if runs and runs[-1][-1] == n - 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        # The nearest survivors around each run, by bisection (a scan per run is quadratic).
        known = sorted(survivors)
        lows = list(itertools.accumulate((survivors[k] for k in known), max))
        highs = list(itertools.accumulate((survivors[k] for k in reversed(known)), min))[::-1]
        index = _LazyIndex(text)
        for run in runs:
            if _on_page(text, numbered[run[0]].start, doubtful):
                continue  # notes of this page that could not be counted may have markers here
            below, above = bisect_left(known, run[0]), bisect_right(known, run[-1])
            low = lows[below - 1] if below else 0
            previous = numbered.get(run[0] - 1)
            if previous is not None and previous.block != numbered[run[0]].block:
                low = max(low, spans[previous.block][1])  # markers follow the last block
            high = numbered[run[-1]].start
            if above < len(known):
                high = min(high, highs[above])
            yield from self._fill(text, run, low, high, excluded, index, ctx)

    def _first_page(self, text: str, ctx: Context) -> Iterator[Edit]:
        """The markers of a document's first page whose footnote block OCR lost: they count
        from 1 in the order of the body, so the body's marks are aligned with 1, 2, ... K,
        for every count K that the marks allow (none: no notes on the page), each count
        weighed by how well its alignment explains the marks."""
        body_end = _body_start(text)
        if body_end is None:
            return
        foot = _JOB_NUMBER.search(text, body_end)
        high = foot.start() if foot is not None else len(text)
        paragraphs = _LazyIndex(text)

        @functools.cache
        def sponsor() -> frozenset[int]:  # (found when a mark first asks: most texts have none)
            return frozenset(m.start("m") for m in _SPONSOR.finditer(text))

        def excluded(pos: int) -> bool:
            if pos < body_end or pos in sponsor():
                return True
            # (a garbled footnote block reads as a few short lines: not the body's)
            index = paragraphs.get()
            start, end = index.blank_before(pos), index.blank_after(pos)
            start, end = start + 2 if start >= 0 else 0, end if end >= 0 else len(text)
            return end - start < BODY_PARAGRAPH

        matches = _garbled(text, body_end, high, excluded, self.after_year)
        marks = [
            mark
            for mark in _align_candidates(
                text, matches, body_end, high, excluded, paragraphs, ctx.lexicon
            )
            # (a number after a stop is a reference's, 'A/C.6/64/SR.12', in the lost block)
            if mark.kind != "digits" or text[mark.cand.start - 1] != "."
        ]
        if len(marks) > ALIGN_MAX or not any(m.kind in ("strong", "weak") for m in marks):
            return  # (so many marks and no notes: not a page of footnoted text; or no mark
            # that reads like a garbled marker, as on clean text: nothing to set)
        most = min(len(marks) + MAX_LOST, ALIGN_MAX)
        weighed = [_alignment([*range(1, k + 1)], marks, ctx.markers) for k in range(most + 1)]
        total = sum(w for w, _ in weighed)
        if total <= 0.0:
            return
        shares: dict[tuple[int, int], float] = {}
        for w, posteriors in weighed:
            for pairing, p in posteriors.items():
                shares[pairing] = shares.get(pairing, 0.0) + w * p / total
        for (i, number), p in sorted(shares.items()):
            cand, read = marks[i].cand, marks[i].read
            if p < ALIGN_MIN or read == str(number):
                continue
            yield self._marker_edit(
                text,
                cand,
                number,
                f"footnote marker {number} read as '{read}' (first page, its notes lost; "
                f"posterior {p:.2f})",
                p,
            )

    def _marker_edit(
        self, text: str, cand: _Candidate, number: int, reason: str, confidence: float
    ) -> Edit:
        """The edit that writes marker ``number`` over ``cand``."""
        start, before, after = cand.start, text[cand.start : cand.end], str(number)
        if _STOP_FOR_COMMA.match(text, start - 1) and _LOWER_NEXT.match(text, cand.end):
            # '2022.! as well': a sentence does not go on in lower case after a full stop
            # and a marker; the stop is the comma before the marker, misread.
            start, before, after = start - 1, "." + before, "," + after
            reason += ", its comma as '.'"
        return Edit(start, cand.end, before, after, self.name, reason, confidence)

    def _fill(
        self,
        text: str,
        run: list[int],
        low: int,
        high: int,
        excluded: Callable[[int], bool],
        index: _LazyIndex,
        ctx: Context,
    ) -> Iterator[Edit]:
        lexicon = ctx.lexicon
        matches = _garbled(text, low, high, excluded, self.after_year)
        marks = [m for m in matches if _may_be_marker(text, m, index)]
        kept = [m for m in marks if not _after_misread_word(text, m.start(), lexicon)]
        found = sorted(
            (_Candidate(m.start(), m.end(), 2 if _strong(m.group("m")) else 1) for m in kept),
            key=lambda c: c.start,
        )
        strong = [c for c in found if c.strength == 2]
        pairs: list[tuple[int, _Candidate]] = []
        if len(strong) == len(run):
            pairs = list(zip(run, strong))
        elif len(found) == len(run):
            pairs = list(zip(run, found))
        elif self.restore_lost and len(strong) > 0 and len(marks) == len(found) < len(run):
            # Some markers were lost outright: restored only where every garbled one is used
            # (none set aside as a misread letter) and the places left for the lost ones are
            # exactly as many as they are.
            slots = [
                _Candidate(m.end(), m.end(), 0)
                for m in _SLOT.finditer(text, low, high)
                if not excluded(m.start()) and _cites_instrument(text, m.start())
            ]
            if len(found) + len(slots) == len(run):
                pairs = list(zip(run, sorted(found + slots, key=lambda c: c.start)))
        posterior: dict[int, float] = {}
        if not pairs:
            # The counts disagree: align the run with every mark that could be a marker, by
            # what each mark is read for (the learned marker shapes) and the order.
            candidates = _align_candidates(text, matches, low, high, excluded, index, lexicon)
            aligned = _align(run, candidates, ctx.markers)
            pairs = [(n, c) for n, c, _ in aligned]
            posterior = {c.start: p for _, c, p in aligned}
        for number, cand in pairs:
            before = text[cand.start : cand.end]
            if cand.strength == 0:
                reason = f"footnote {number} has no marker in the body; restored it here"
                confidence = 0.6
            elif cand.start in posterior:
                reason = (
                    f"footnote marker {number} read as '{before}' (aligned with the missing "
                    f"numbers, posterior {posterior[cand.start]:.2f})"
                )
                confidence = posterior[cand.start]
            else:
                reason = f"footnote marker {number} read as '{before}'"
                confidence = 0.9 if cand.strength == 2 else 0.7
            yield self._marker_edit(text, cand, number, reason, confidence)


#: The kinds of mark an alignment considers: a strong mark ('?', '®'), a weak one (a quote, an
#: asterisk), one the text rules doubt (a possessive-looking quote, a mark after a word the
#: lexicon does not know), a number glued to a word that is not the marker the sequence
#: expects there ('2003,7' for '2003,2'). Their odds of being text are learned
#: (:func:`learn_kinds`).
KINDS = ("strong", "weak", "doubtful", "digits")
#: At most this many markers of a gap may be lost outright in an alignment.
MAX_LOST = 1
#: A mark takes the number that the alignment gives it with at least this posterior.
#: Calibrated on the training split's pages (psm 3; marker tokens fixed / bad fixes at light,
#: medium): 0.5: 27/6, 14/9 (one marker invented); 0.7: 24/7, 11/11; 0.8: 24/5, 7/9; 0.9:
#: 25/1, 9/7; 0.95: 23/1, 9/7; without the alignment 16/1, 6/8. Two lost markers a gap
#: (MAX_LOST 2) invented two markers at light.
ALIGN_MIN = 0.9
#: Gaps larger than this are not aligned (their count says too little).
ALIGN_MAX = 40
#: A paragraph shorter than this (characters) at the foot of a first page whose notes were
#: lost is taken for the garbled block, not the body: its marks are not markers.
BODY_PARAGRAPH = 40
_JOB_NUMBER = lazy_re.compile(r"^[ \t]*\d{2}-\d{5}\b", re.M)


@dataclass(frozen=True)
class _Mark:
    """A mark that may be a garbled marker, with its prior odds of being text."""

    cand: _Candidate
    read: str
    kind: str


def _garbled(
    text: str, low: int, high: int, excluded: Callable[[int], bool], after_year: bool = True
) -> list[re.Match[str]]:
    """The marks between ``low`` and ``high`` that read like garbled markers (glued to a word
    or set apart from its comma), outside the excluded places."""
    matches = itertools.chain(
        _GARBLED.finditer(text, low, high),
        _SPACED.finditer(text, low, high),
        _AFTER_YEAR.finditer(text, low, high) if after_year else (),
    )
    return sorted((m for m in matches if not excluded(m.start())), key=lambda m: m.start())


def _align_candidates(
    text: str,
    matches: list[re.Match[str]],
    low: int,
    high: int,
    excluded: Callable[[int], bool],
    index: _LazyIndex,
    lexicon: Lexicon,
) -> list[_Mark]:
    """Every mark between ``low`` and ``high`` that may be a garbled marker, in text order:
    ``matches`` (:func:`_garbled`) and the numbers glued where a marker should stand."""
    found: list[_Mark] = []
    for m in matches:
        mark = m.group("m")
        if mark == "?" and _QUESTION.search(text, max(0, m.start() - 200), m.start()):
            continue
        strong = _strong(mark)
        if not _may_be_marker(text, m, index) or _after_misread_word(text, m.start(), lexicon):
            kind = "doubtful"
        else:
            kind = "strong" if strong else "weak"
        found.append(_Mark(_Candidate(m.start(), m.end(), 2 if strong else 1), mark, kind))
    numbers = [
        m
        for m in _SURVIVOR.finditer(text, low + 1, high)  # (the survivor at low bounds the gap)
        if len(m.group("n")) <= 2 and not excluded(m.start()) and not _abbreviated(text, m.start())
    ]
    for k, m in enumerate(numbers):
        n = int(m.group("n"))
        if (k and int(numbers[k - 1].group("n")) == n - 1) or (
            k + 1 < len(numbers) and int(numbers[k + 1].group("n")) == n + 1
        ):
            continue  # markers count up: one of a run (4, 5 ...) is that number's, read right
        found.append(_Mark(_Candidate(m.start(), m.end(), 1), m.group("n"), "digits"))
    return sorted(found, key=lambda k: k.cand.start)


def learn_kinds(pairs: Iterable[tuple[str, str]], lexicon: Lexicon) -> dict[str, tuple[int, int]]:
    """For each kind of mark: how many of those found in the bodies of (ground truth, OCR)
    ``pairs`` with footnotes were markers and how many text, by the ground-truth token that
    each mark's token aligns with."""
    tally: Counter[tuple[str, bool]] = Counter()
    for gt, ocr in pairs:
        _, spans, _ = _footnotes(ocr)
        if not spans:
            continue
        body_start = _body_start(ocr, spans[0][0]) or 0

        excluded = functools.partial(_outside_body, body_start=body_start, spans=spans)
        tokens = list(re.finditer(r"\S+", ocr))
        starts = [t.start() for t in tokens]
        gt_tokens = gt.split()
        owner = {j: i for i, j in paired(gt_tokens, [t.group() for t in tokens])}
        index = _LazyIndex(ocr)
        matches = _garbled(ocr, 0, len(ocr), excluded)
        for mark in _align_candidates(ocr, matches, 0, len(ocr), excluded, index, lexicon):
            k = bisect_right(starts, mark.cand.start) - 1
            if k < 0 or k not in owner:
                continue
            g = owner[k]
            if starts[k] == mark.cand.start:  # a mark standing alone: the word's before it
                g -= 1
            if g >= 0:
                tally[(mark.kind, marker_shapes.split_marker(gt_tokens[g]) is not None)] += 1
    return {kind: (tally[(kind, True)], tally[(kind, False)]) for kind in KINDS}


def _body_start(text: str, end: int | None = None) -> int | None:
    """Where the body of a resolution begins, before ``end``: after its opening line ('The
    General Assembly,'), also as OCR garbled it ('The General Assenthiv,', 'The Gonerut-
    Assembly,'): a line of three words as like it as :data:`OPENING_LIKENESS` says."""
    end = len(text) if end is None else end
    exact = _BODY_START.search(text, 0, end)
    if exact is not None:
        return exact.end()
    for m in _OPENING_READ.finditer(text, 0, end):
        from rapidfuzz import fuzz  # (deferred: only texts without the opening as printed)

        if fuzz.ratio(m.group().rstrip(), _OPENING_LINE) >= OPENING_LIKENESS:
            return m.end()
    return None


def _outside_body(pos: int, body_start: int, spans: list[tuple[int, int]]) -> bool:
    return pos < body_start or any(a <= pos < b for a, b in spans)


def _align(
    run: list[int], marks: list[_Mark], model: marker_shapes.MarkerShapes
) -> list[tuple[int, _Candidate, float]]:
    """The marks that the run's numbers go to, with the posterior of each assignment.

    An alignment takes the marks and the numbers in order; each mark is a number's marker or
    text, each number has a mark or was lost (at most :data:`MAX_LOST`). Its weight is the
    product of the marks' odds and the learned shapes' ratio for the numbers they take; the
    posterior of a mark taking a number is the share of the weight of the alignments where
    it does (forward and backward sums over the grid of marks by numbers).
    """
    weight, posteriors = _alignment(run, marks, model)
    return [
        (number, marks[i].cand, p)
        for (i, number), p in sorted(posteriors.items())
        if weight > 0.0 and p >= ALIGN_MIN
    ]


def _alignment(
    run: list[int], marks: list[_Mark], model: marker_shapes.MarkerShapes
) -> tuple[float, dict[tuple[int, int], float]]:
    """The total weight of the alignments of ``marks`` with ``run`` (see :func:`_align`) and
    the posterior of each (mark index, number) pairing; (0, {}) where none is allowed."""
    m, k = len(marks), len(run)
    if k > ALIGN_MAX or m > 2 * ALIGN_MAX or m < k - MAX_LOST:
        return 0.0, {}
    lost = model.lost()
    text = [model.text_prior(mk.kind) for mk in marks]
    match = [
        [
            (1 - text[i]) * (1 - lost) * model.ratio(mk.read, n)
            # (a number read as another only where the learned shapes saw that misreading:
            # '2003,7' for marker 2, not ';8' for it)
            if mk.kind != "digits" or model.seen(mk.read, n)
            else 0.0
            for n in run
        ]
        for i, mk in enumerate(marks)
    ]
    # States (marks used, numbers used, numbers lost, last step a loss); a loss is never
    # followed by a skipped mark, so that each alignment is counted once.
    lf = MAX_LOST + 1
    fwd = [[[[0.0, 0.0] for _ in range(lf)] for _ in range(k + 1)] for _ in range(m + 1)]
    fwd[0][0][0][0] = 1.0
    for i in range(m + 1):
        for j in range(k + 1):
            for lo in range(lf):
                for last in (0, 1):
                    w = fwd[i][j][lo][last]
                    if w == 0.0:
                        continue
                    if i < m and not last:
                        fwd[i + 1][j][lo][0] += w * text[i]
                    if j < k and lo < MAX_LOST:
                        fwd[i][j + 1][lo + 1][1] += w * lost
                    if i < m and j < k:
                        fwd[i + 1][j + 1][lo][0] += w * match[i][j]
    bwd = [[[[0.0, 0.0] for _ in range(lf)] for _ in range(k + 1)] for _ in range(m + 1)]
    for lo in range(lf):
        bwd[m][k][lo] = [1.0, 1.0]
    for i in range(m, -1, -1):
        for j in range(k, -1, -1):
            for lo in range(lf):
                for last in (0, 1):
                    if i == m and j == k:
                        continue
                    w = 0.0
                    if i < m and not last:
                        w += text[i] * bwd[i + 1][j][lo][0]
                    if j < k and lo < MAX_LOST:
                        w += lost * bwd[i][j + 1][lo + 1][1]
                    if i < m and j < k:
                        w += match[i][j] * bwd[i + 1][j + 1][lo][0]
                    bwd[i][j][lo][last] = w
    total = bwd[0][0][0][0]
    if total <= 0.0:
        return 0.0, {}
    posteriors = {}
    for i in range(m):
        for j in range(k):
            p = (
                sum(
                    fwd[i][j][lo][last] * match[i][j] * bwd[i + 1][j + 1][lo][0]
                    for lo in range(lf)
                    for last in (0, 1)
                )
                / total
            )
            if p > 0.0:
                posteriors[(i, run[j])] = p
    return total, posteriors


class _LazyIndex:
    """A :class:`TextIndex` of the quotes, built when first needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: TextIndex | None = None

    def get(self) -> TextIndex:
        if self._index is None:
            self._index = TextIndex(self.text, "".join(set(_OPENING) | set(_OPENING.values())))
        return self._index


def _after_misread_word(text: str, start: int, lexicon: Lexicon) -> bool:
    """Does the mark at ``start`` end a lower-case word the lexicon does not know, one too
    short to carry a marker, or a function word, which ends no title or clause that a note
    would cite ('since the! previous report')? Then it may be a letter misread ('al!' for
    'all') or a speck."""
    if not text[start - 1].islower():
        return False
    word = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if word is None:
        return False
    parts = word.group().split("-")
    return (
        len(parts[-1]) < 3
        or parts[-1] in FUNCTION_WORDS
        or not all(lexicon.known(w) for w in parts)
    )


def _may_be_marker(text: str, m: re.Match[str], lazy: _LazyIndex) -> bool:
    """Rule out what reads as a marker but is text: a closing quote whose opening quote is in
    the same paragraph, a possessive apostrophe, a capital after a mark not after a stop."""
    mark, start = m.group("m"), m.start()
    nxt = m.group("next")
    if mark == "?" and _QUESTION.search(text, max(0, start - 200), start):
        return False  # 'What would a regional mechanism add?'

    if nxt and nxt.isupper() and text[start - 1] not in ".;:,":
        return False
    if _strong(mark) or mark[0] not in _OPENING:
        return True
    if mark[0] in "’'" and (
        (text[start - 1] == "s" and _NOT_AFTER_POSSESSIVE.match(text, m.end()) is None)
        or text[m.end() : m.end() + 1] == "s"
    ):
        return False  # a possessive, 'States’ obligations' (not 'Disabilities’ and')
    index = lazy.get()  # (rescanning the paragraph for each mark is quadratic)
    para_start = index.blank_before(start) + 1
    opening = _OPENING[mark[0]]
    if opening == mark[0]:
        return index.count(opening, para_start, start) % 2 == 0
    return index.count(opening, para_start, start) <= index.count(mark[0], para_start, start)


# A word that never follows a possessive: after 'Disabilities’' it says the quote is a marker.
# (Not a preposition: a stray quote of a heavily damaged page stands before 'of' as well.)
_NOT_AFTER_POSSESSIVE = lazy_re.compile(r"[ \t]{1,4}(?:and|or|the|an?|which|that|who)\b")
_STOP_FOR_COMMA = lazy_re.compile(r"(?<=[a-z\d])\.")
_LOWER_NEXT = lazy_re.compile(r"[ \t]{1,4}[a-z]{2}")
_WORD_BEFORE = lazy_re.compile(r"[A-Za-z][a-z-]*$")


def _glued_before(text: str, number: str, pos: int) -> bool:
    """Does a marker ``number`` stand glued to a word or mark before ``pos``?"""
    return re.compile(rf"[a-z,;:”’)]{number}(?![\d/])").search(text, 0, pos) is not None


def _on_page(text: str, pos: int, starts: list[int]) -> bool:
    """Is one of ``starts`` on the page of ``pos`` (between the form feeds around it)?"""
    first = text.rfind("\f", 0, pos) + 1
    last = text.find("\f", pos)
    last = len(text) if last < 0 else last
    return any(first <= s < last for s in starts)


def _strong(mark: str) -> bool:
    return any(c in _STRONG_DEBRIS or c in _SUPERSCRIPTS for c in mark)


def _cites_instrument(text: str, pos: int) -> bool:
    """Does a title-case run naming an instrument end at ``pos``?"""
    run = _TITLE_RUN.search(text, max(0, pos - 160), pos)
    return run is not None and any(w in INSTRUMENTS for w in run.group().split())


def _footnotes(text: str) -> tuple[list[_Note], list[tuple[int, int]], list[int]]:
    """The footnote lines, numbered, the spans of their blocks, and where blocks start whose
    numbers were read but could not be counted and have no marker in the body (their page's
    notes are not all known).

    A block is a run of footnote lines (with their continuation lines, and single blank lines
    between them) that starts after a blank line. Numbers OCR read anchor the count; garbled
    ones are counted from the nearest anchor, or on from the block before. A block with no
    number read at all must stand at the foot of a page (before a footer or the end).
    """
    blocks, spans = _blocks(text)
    opening = _body_start(text) if spans else None
    if opening is not None and spans[0][0] < opening:
        # (Lines above the opening of a resolution are its masthead, however they read:
        # '¢ Ny General Assembly' is the logo, not a note.)
        kept = [(b, sp) for b, sp in zip(blocks, spans) if sp[0] >= opening]
        blocks, spans = [b for b, _ in kept], [sp for _, sp in kept]
    notes: list[_Note] = []
    kept_spans: list[tuple[int, int]] = []
    doubtful: list[int] = []
    expected = 1
    asterisk_used = False
    glued_asterisk = re.search(r"[\w:]\*(?=\s)", text[: spans[0][0]]) if spans else None
    # Counting from 1 is only safe where the text holds the start of the document.
    starts_document = bool(spans) and _DOCUMENT_START.search(text, 0, spans[0][0]) is not None
    for lines, span in zip(blocks, spans):
        if (
            not kept_spans
            and not starts_document
            and not any(m.group("m").isdecimal() for m in lines)
        ):
            continue  # a later page: the first block's numbers are unknown
        numbers = _number_block(
            [m.group("m") for m in lines],
            # (A later page's first block may start anywhere: its first number read says.)
            expected if kept_spans or starts_document else None,
            allow_asterisk=not asterisk_used and glued_asterisk is not None,
            # (an 'On behalf of' note is the sponsor note whatever the body shows)
            at_foot=_at_foot(text, span[1]),
            texts=[text[m.end() : m.end() + 14] for m in lines],
        )
        if numbers is None:
            unplaced = [m.group("m") for m in lines if m.group("m").isdecimal()]
            if len(unplaced) >= 2 and any(not _glued_before(text, n, span[0]) for n in unplaced):
                doubtful.append(span[0])
            continue
        index = len(kept_spans)
        kept_spans.append(span)
        for line, (m, number) in enumerate(zip(lines, numbers)):
            if number == 0:
                continue  # a line the count could not place
            read = m.group("m")
            notes.append(
                _Note(m.start("m"), m.end("m"), read, None if number < 0 else number, index, line)
            )
            if number < 0:
                asterisk_used = True
            else:
                expected = number + 1
    return notes, kept_spans, doubtful


def _blocks(text: str) -> tuple[list[list[re.Match[str]]], list[tuple[int, int]]]:
    """The footnote blocks of ``text``, unnumbered: each a run of note lines (with their
    continuation lines, and single blank lines between them) that starts after a blank line
    or runs to the foot of a page, and its span."""
    blocks: list[list[re.Match[str]]] = []
    spans: list[tuple[int, int]] = []
    for m in _NOTE_LINE.finditer(text):
        if "“" in m.group("m") and not text.startswith("On behalf", m.end()):
            continue  # a quotation opens the line; only the sponsor note's '*' reads as '“'
        line_start = text.rfind("\n", 0, m.start()) + 1
        if (
            spans
            and spans[-1][1] >= line_start - 2
            and text[spans[-1][1] : line_start].strip() == ""
        ):
            blocks[-1].append(m)
        elif (
            line_start == 0
            or text[max(0, line_start - 2) : line_start] == "\n\n"
            or _ends_page(text, line_start)
        ):
            blocks.append([m])
            spans.append((line_start, line_start))
        else:
            continue  # a wrapped body line that starts with a number ('21 December 2001')
        spans[-1] = (spans[-1][0], _note_end(text, m.end()))
    return blocks, spans


def _number_block(
    marks: list[str], expected: int | None, allow_asterisk: bool, at_foot: bool, texts: list[str]
) -> list[int] | None:
    """Numbers for a block's lines: n > 0, -1 for the '*' note, 0 for unplaceable; None when
    the block is not footnotes after all. ``expected``: the number the block must start
    from, or None when unknown (the first block of a later page, which a number read must
    anchor)."""
    numbers = [0] * len(marks)
    first = 0
    if marks and (
        texts[0].startswith("On behalf") or (marks[0] == "*" and allow_asterisk and expected == 1)
    ):
        numbers[0] = -1
        first = 1
    anchors = [(i, int(m)) for i, m in enumerate(marks) if i >= first and m.isdecimal()]
    # A number OCR misread as another ('9' for '5' in 4, 9, 6, 7) is out of step with the
    # rest; a note line OCR lost ('13' under a misread number) puts the numbers after it one
    # step ahead of the lines (14, 16, 19, 21 on lines 2, 3, 5, 7). The numbers kept: the
    # longest chain in which each climbs by the lines between, or by one more.
    if len(anchors) >= 3:
        anchors = _chain(anchors)
    # (A lost line leaves the lines before the first number uncounted on a later page.)
    skipped = any(b[1] - a[1] != b[0] - a[0] for a, b in itertools.pairwise(anchors))
    if not at_foot and (not anchors or expected is None):
        return None  # (a later page's block must stand at its foot: not a body paragraph)
    counted_back = expected is None
    if expected is None:
        if not anchors:
            return None
        expected = max(1, anchors[0][1] - anchors[0][0])
        if expected > MAX_NOTE:
            return None  # ('616 . Mo', the meeting number under a page, is no note)
    elif anchors and not expected <= anchors[0][1] <= expected + len(marks) + 2:
        return None  # numbers out of the sequence are body text, not footnotes
    at = [j for j, _ in anchors]
    for i in range(first, len(marks)):
        # The nearest anchors at or before and at or after line i (by bisection: linear time).
        k, k_after = bisect_right(at, i), bisect_left(at, i)
        before = anchors[k - 1] if k else None
        after = anchors[k_after] if k_after < len(anchors) else None
        guesses = set()
        if before:
            guesses.add(before[1] + i - before[0])
        elif not after:
            guesses.add(expected + i - first)
        if after and (before or not (skipped and counted_back)):
            guesses.add(after[1] - (after[0] - i))
        elif after:
            guesses.add(-99)  # (before the first number of a later page, a line was lost)
        if not before and after and after[1] - (after[0] - i) < expected:
            guesses.add(-99)  # the anchor leaves no room for this line
        if len(guesses) == 1:
            numbers[i] = max(guesses.pop(), 0)
    placed = [n for n in numbers if n > 0]
    if placed != sorted(set(placed)):
        return None
    return numbers


def _chain(anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of (line, number) anchors that can all be read right: each number
    above the one before by the lines between them, or by one more (a lost line); of chains
    as long, the one with most steps of exactly the lines between. All the anchors when two
    chains tie, or none is longer than one: the count then leaves their lines unplaced."""
    # Along such a chain the offset (number - line) stays or grows by one at each step: the
    # best chain ending at an anchor extends the best one so far ending at its offset or at
    # one less (linear time, for a flood of numbered lines too).
    best: list[tuple[int, int, int]] = []  # (length, exact steps, index of the one before)
    by_offset: dict[int, int] = {}  # offset -> index of the best chain ending there so far
    for b, (ib, nb) in enumerate(anchors):
        d = nb - ib
        found = (1, 0, -1)
        for prev, exact in ((by_offset.get(d), 1), (by_offset.get(d - 1), 0)):
            if prev is not None:
                here = (best[prev][0] + 1, best[prev][1] + exact, prev)
                found = max(found, here, key=lambda x: x[:2])
        best.append(found)
        if d not in by_offset or best[by_offset[d]][:2] < found[:2]:
            by_offset[d] = b
    ranked = sorted(range(len(anchors)), key=lambda b: best[b][:2], reverse=True)
    k = ranked[0]
    if best[k][0] < 2 or (len(ranked) > 1 and best[ranked[1]][:2] == best[k][:2]):
        return anchors
    chain = []
    while k >= 0:
        chain.append(anchors[k])
        k = best[k][2]
    return chain[::-1]


#: The highest footnote number a page may start from: the longest resolution of the
#: training split (session 78, the law of the sea) has 158 notes.
MAX_NOTE = 300

#: The most lines a footnote block standing at the foot of a page may hold (with the footer).
FOOT_LINES = 10
FOOT_CHARS = 1500


def _ends_page(text: str, line_start: int) -> bool:
    """Do the lines from ``line_start`` run to the foot of the page, a footer last? Then a note
    line there opens the footnote block, even where OCR lost the blank line above it."""
    end = text.find("\f", line_start, line_start + FOOT_CHARS)
    if end < 0:
        end = len(text)
    if end - line_start > FOOT_CHARS or text.count("\n", line_start, end) > 2 * FOOT_LINES:
        return False
    lines = [line for line in text[line_start:end].split("\n") if line.strip()]
    if not 2 <= len(lines) <= FOOT_LINES:
        return False
    # The footer last, or above the few short lines of the 'Please recycle' logo on a
    # first page (its barcode and words as OCR reads them).
    for k in range(len(lines) - 1, 0, -1):
        if _FOOTER.match(lines[k]) is not None or _BARE_FOOTER.fullmatch(lines[k]) is not None:
            after = lines[k + 1 :]
            return len(after) <= FURNITURE_LINES and all(len(x) <= FURNITURE_CHARS for x in after)
    return False


_BARE_FOOTER = lazy_re.compile(r"(?<![ \t])[ \t]*\d{7}\b.*")


def _note_end(text: str, pos: int) -> int:
    """End of a footnote line and of the lines that continue it (up to a blank line)."""
    nxt = _NOTE_LINE.search(text, pos)
    limit = len(text) if nxt is None else text.rfind("\n", 0, nxt.start()) + 1
    # A blank line only counts before the next note line: no need to search further (and
    # searching the whole rest for every line took quadratic time).
    end = text.find("\n\n", pos, limit + 1)
    return limit if end < 0 else min(end, limit)


#: Page furniture under a footnote block, as OCR reads it: a few short lines (a running head
#: read out of place, a job number, a page number, the 'Please recycle' logo as debris).
FURNITURE_LINES = 4
FURNITURE_CHARS = 60
#: Twice as many lines may stand there when each is a fragment this short.
FRAGMENT_CHARS = 16
#: ... and one line as long as this, a running title (capitalised, no mark at its end).
RUNNING_TITLE_CHARS = 160
_RUNNING_TITLE = lazy_re.compile(r"[A-Z][^\n]{20,160}(?<![.,;:])")


def _at_foot(text: str, pos: int) -> bool:
    """Does the page end at ``pos``: nothing after it, a footer, or only a few short lines
    of furniture before the end or a form feed?"""
    pos = _skip_blank(text, pos)
    if pos >= len(text) or _FOOTER.match(text, pos) is not None:
        return True
    most = FURNITURE_LINES * (FURNITURE_CHARS + 2) + RUNNING_TITLE_CHARS
    end = text.find("\f", pos, pos + most)
    if end < 0:
        end = len(text)
        if end - pos > most:
            return False
    lines = [line for line in text[pos:end].split("\n") if line.strip()]
    if all(len(line.strip()) <= FRAGMENT_CHARS for line in lines):
        # ('annex.', '39, annex,': the ends of notes in a second column, read after the block)
        return len(lines) <= 2 * FURNITURE_LINES
    long = [line for line in lines if len(line) > FURNITURE_CHARS]
    # (A later page's foot carries the resolution's title above the job number: 'Operational
    # activities for development of the United Nations system', '23-25879'.)
    running_title = (
        len(long) == 1
        and _RUNNING_TITLE.fullmatch(long[0].strip()) is not None
        and _FOOTER.match(lines[-1]) is not None
    )
    return len(lines) <= FURNITURE_LINES and (not long or running_title)


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _survivors(
    text: str, notes: dict[int, _Note], excluded: Callable[[int], bool], after_year: bool = True
) -> dict[int, int]:
    """Markers that OCR read correctly: number -> position, increasing through the body
    (after a year too, with ``after_year``: '2017' and marker 1 read as '20171')."""
    found: dict[int, int] = {}
    expected_min = 1
    matches: Iterable[re.Match[str]] = _SURVIVOR.finditer(text)
    if after_year:
        matches = heapq.merge(matches, _YEAR_SURVIVOR.finditer(text), key=lambda m: m.start("n"))
    for m in matches:
        n, pos = int(m.group("n")), m.start("n")
        if n not in notes or n < expected_min or excluded(pos) or pos > notes[n].start:
            continue
        if _abbreviated(text, pos):
            continue
        found[n] = pos
        expected_min = n + 1
    return found


def _abbreviated(text: str, pos: int) -> bool:
    """Is the number at ``pos`` part of a reference ('Rev.1', 'para.7') or a decimal?"""
    word = re.search(r"[\w.]*$", text[max(0, pos - 12) : pos])
    if word and _ABBREVIATED.search(word.group().rstrip(".")):
        return True
    if text[pos - 1] != "." or text[pos - 2 : pos - 1].isalpha():
        return False
    # (No year has a decimal part: 'June 2017.3' is a marker after the stop that ends the
    # sentence, or after a comma read as a stop: 'September 2023.4 which'.)
    return _YEAR_BEFORE.search(text, max(0, pos - 6), pos - 1) is None


_YEAR_BEFORE = lazy_re.compile(r"(?<!\d)(?:19|20)\d\d$")
# A marker glued to a year: '2017' and marker 1, '20171'.
# (The century first, the lookbehind after it: re skips in C to the digits.)
_YEAR_SURVIVOR = lazy_re.compile(r"(?:19|20)(?<![\d/.,-]..)\d\d(?P<n>\d{1,2})(?=[\s,;:.)]|$)")
