"""Footnote blocks: the notes printed at the foot of a page, below the body.

A footnote opens with its number and a space, then its text (``2 General Assembly resolution
45/158, annex.``); the sponsor note opens with a star (``* On behalf of ...``). Its next lines
continue it while the line before ends mid-sentence. OCR often reads the small raised number as
``' ? > ® ° *``: such a garbled note is taken only inside a footnote zone (with a numbered
note, or at the foot of the page).

What must stay body: an operative paragraph (``1.``), a wrapped body line that starts with a
number (``21 December 2001, 58/208 ...``, ``1995, 52/189 ...``), and the body that resumes
after a footnote block (``8 A/60/871.`` then `` they exist, towards ...`` continues the
paragraph that stopped at ``where``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, field

from .. import lazy_re
from .model import Footnote, Line, LineKind, footer_like
from .paragraphs import is_open, join, joined

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DIGIT = lazy_re.compile(r"(?P<mark>\d{1,3})\s+(?P<rest>\S.*)")
_STAR = lazy_re.compile(r"(?P<mark>\*{1,3})\s*(?P<rest>[A-Z“\"(§£€].*)")
# A raised number misread: quotes and symbols; a double quote or a bracket only before a
# space (a body paragraph may open with a quotation).
_GARBLED = lazy_re.compile(
    r"(?P<mark>[’'‘`?>®©°!¢§¥™^|»«~+{}<¹²³⁴⁵⁶⁷⁸⁹]{1,2})\s*(?P<rest>[A-Z§£€(“\"].*)"
    r"|(?P<mark2>[”“\")])\s+(?P<rest2>[A-Z].*)"
)
# A double quote glued to a capital: a quotation, or a garbled mark at the foot of a page.
_QUOTED = lazy_re.compile(r"(?P<mark>[“\"])(?P<rest>[A-Z].*)")
_NOT_NOTE = lazy_re.compile(rf"(?:{_MONTHS})\b|per cent\b|\d", re.IGNORECASE)
_NOTE_OPENING = lazy_re.compile(r"[A-Z“\"‘'(§£€]|ibid\b|see\b|idem\b", re.IGNORECASE)
# How a note whose mark OCR lost may still open: the words notes open with.
_BARE = lazy_re.compile(
    r"(?:See|Ibid\.|Idem\.|Resolutions? \d|Decisions? \d|Official Records|General Assembly "
    r"resolution|United Nations, Treaty Series|[A-Z]{1,2}/[A-Z0-9.]+/)"
)
# Abbreviations after which a footnote's text goes on ('Supplement No.' + '5 (A/60/5)').
_ABBREVIATION = lazy_re.compile(r"\b(?:No|Nos|para|paras|chap|vol|p|pp|art|sect|Add|Rev|Corr)\.$")
# What a sponsor or issuance note says ('* On behalf of ...', '* Reissued for technical reasons').
_STAR_NOTE = lazy_re.compile(
    r"On behalf|Reissued|Issued|The present|Submitted|Also|Previously|[A-Z]{1,6}/", re.IGNORECASE
)


@dataclass(frozen=True)
class Opening:
    """The start of a footnote: the mark as read, its text, and how it was read."""

    mark: str
    rest: str
    #: "digit", "star", "garbled", "quoted" (a double quote glued on), "bare" (no mark, but
    #: the words a note opens with) or "lost" (no mark, found by its place).
    how: str


def opening(content: str) -> Opening | None:
    """Does the stripped line ``content`` look like the first line of a footnote?"""
    m = _DIGIT.fullmatch(content)
    if m:
        rest = m.group("rest")
        if _NOT_NOTE.match(rest) or not _NOTE_OPENING.match(rest) or _operative(rest):
            return None
        return Opening(m.group("mark"), rest, "digit")
    m = _STAR.fullmatch(content)
    if m:
        return Opening(m.group("mark"), m.group("rest"), "star")
    m = _GARBLED.fullmatch(content)
    if m:
        mark = m.group("mark") or m.group("mark2")
        rest = m.group("rest") or m.group("rest2")
        return Opening(mark, rest, "star" if rest.startswith("On behalf of") else "garbled")
    m = _QUOTED.fullmatch(content)
    if m:
        return Opening(m.group("mark"), m.group("rest"), "quoted")
    if _BARE.match(content):
        return Opening("", content, "bare")
    return None


def _operative(rest: str) -> bool:
    """Does ``rest`` open an operative paragraph whose number lost its full stop
    (``2 Welcomes the ...``)?"""
    word = rest.split(" ", 1)[0].lower()
    return word.endswith("s") and (word[:-1] in _VERBS or word[:-2] in _VERBS)


# The verbs that open operative paragraphs, in their plain form.
_VERBS = frozenset(
    "acknowledge adopt affirm agree appeal approve authorize call commend condemn consider "
    "decide declare deplore designate direct emphasize encourage endorse express highlight "
    "invite note reaffirm recall recognize recommend regret reiterate renew request stress "
    "support take underline underscore urge welcome".split()
)


@dataclass
class _State:
    """What the notes read so far lead one to expect."""

    last_number: int | None = None  # the last number read as digits
    unread: int = 0  # notes since then whose number OCR garbled or lost
    open_paragraph: bool = False  # the last body line ends mid-sentence
    #: How the zone of notes that runs on from a line ends (see :func:`_zone_end`).
    zones: dict[int, tuple[str, bool, int]] = field(default_factory=dict)

    def plausible(self, number: int) -> bool:
        """Can a note numbered ``number`` come next (numbers only grow)?"""
        last = self.last_number
        return number > 0 and (last is None or last < number <= last + self.unread + 20)

    def next_one(self, number: int) -> bool:
        """Is ``number`` the very next number, counting the garbled notes in between?"""
        last = self.last_number or 0
        return last < number <= last + self.unread + 1


def detect(
    lines: Sequence[Line],
    furniture: set[int],
    pages: Sequence[int],
    body: Container[int] = (),
) -> tuple[list[Footnote], list[LineKind]]:
    """Footnotes and the kind of every line; ``pages[i]`` is the page number of line i, and
    the lines in ``body`` are body whatever they look like."""
    kinds: list[LineKind] = [
        "furniture" if i in furniture else "blank" if line.blank else "body"
        for i, line in enumerate(lines)
    ]
    notes: list[tuple[Opening, list[int]]] = []
    state = _State()
    prev: str | None = None  # kind of the previous line on this page (None: page start)
    current: list[int] | None = None  # lines of the footnote being read
    for i, line in enumerate(lines):
        if i and pages[i] != pages[i - 1]:
            prev, current = None, None
        if kinds[i] in ("furniture", "blank"):
            prev = kinds[i]
            if kinds[i] == "furniture":
                current = None
            continue
        content = line.content
        start = opening(content) if i not in body else None
        gap = prev in (None, "blank", "furniture")
        follows_note = prev == "footnote" and current is not None
        accepted = False
        if start is not None and start.how == "digit" and not state.plausible(int(start.mark)):
            start = Opening(start.mark, start.rest, "garbled")  # a number out of sequence
        if (
            start is not None
            and start.how == "bare"
            and current is not None
            and follows_note
            and _continues(lines[current[-1]].content, content)
        ):
            start = None  # 'See also ...' going on from the note above
        if start is not None and (gap or follows_note or prev == "body"):
            in_block = current is not None
            accepted = _accept(lines, pages, furniture, state, i, start, prev, in_block)
        if not accepted and follows_note and current is not None and i not in body:
            if _continues(lines[current[-1]].content, content):
                current.append(i)
                kinds[i] = "footnote"
                continue
            if not content[0].islower() and _in_zone(
                lines, pages, furniture, state, i, resume=False
            ):  # right under a note, at the foot of the page: a note whose number OCR lost
                start, accepted = Opening("", content, "lost"), True
        if accepted and start is not None:
            current = [i]
            notes.append((start, current))
            kinds[i] = "footnote"
            prev = "footnote"
            if start.how == "digit":
                state.last_number, state.unread = int(start.mark), 0
            elif start.how != "star":
                state.unread += 1
            continue
        kinds[i] = "body"
        current = None
        prev = "body"
        state.open_paragraph = is_open(content)
    _sandwiched(lines, kinds, pages, notes)
    for start, members in list(notes):
        # An operative paragraph ends with a semicolon; a note over several lines does not.
        if len(members) > 1 and lines[members[-1]].content.endswith(";"):
            notes.remove((start, members))
            for k in members:
                kinds[k] = "body"
    return _notes(lines, notes, pages), kinds


def _sandwiched(
    lines: Sequence[Line],
    kinds: list[LineKind],
    pages: Sequence[int],
    notes: list[tuple[Opening, list[int]]],
) -> None:
    """A block of body lines between two notes of one page is a note whose mark OCR lost
    (the body never sits between footnotes), unless it goes on in lower case."""
    i = 0
    while i < len(lines):
        if kinds[i] != "body":
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and kinds[j + 1] == "body" and pages[j + 1] == pages[i]:
            j += 1
        before = _neighbour(kinds, pages, i, -1)
        after = _neighbour(kinds, pages, j, 1)
        if before == after == "footnote" and not lines[i].content[0].islower():
            members = list(range(i, j + 1))
            for k in members:
                kinds[k] = "footnote"
            notes.append((Opening("", lines[i].content, "lost"), members))
            notes.sort(key=lambda note: note[1][0])
        i = j + 1


def _neighbour(kinds: Sequence[LineKind], pages: Sequence[int], i: int, step: int) -> str | None:
    """The kind of the nearest non-blank line from ``i`` in direction ``step``, on its page."""
    j = i + step
    while 0 <= j < len(kinds) and pages[j] == pages[i]:
        if kinds[j] != "blank":
            return kinds[j]
        j += step
    return None


def _accept(
    lines: Sequence[Line],
    pages: Sequence[int],
    furniture: set[int],
    state: _State,
    i: int,
    start: Opening,
    prev: str | None,
    in_block: bool,
) -> bool:
    """Is the opening at line ``i`` a note, after a line of kind ``prev``? ``in_block``: a
    note of this page came before it, with only blank lines between.

    A numbered note that opens a block must also stand in a footnote zone: an operative
    paragraph whose full stop OCR lost (``5 Invites the ...``) is followed by more body."""
    if start.how == "digit":
        number = int(start.mark)
        if prev == "body":  # right under a body line: only the next number, after a full stop
            before = lines[i - 1].content
            if not (state.next_one(number) and not is_open(before)):
                return False
        elif prev == "footnote":  # right under a note: the next number, or after a full stop
            before = lines[i - 1].content
            if _ABBREVIATION.search(before):
                return False
            return state.next_one(number) or not is_open(before)
        return in_block or _in_zone(lines, pages, furniture, state, i, resume=True)
    if start.how == "star" and start.rest.startswith("On behalf of"):
        return True  # the sponsor note says what it is
    if prev == "body":  # right under a body line: a clear mark in a zone of notes
        if start.how not in ("star", "garbled"):
            return False
        # Under a paragraph going on (to the next page), a garbled mark needs other notes.
        others = start.how == "garbled" and is_open(lines[i - 1].content)
        return _in_zone(lines, pages, furniture, state, i, resume=False, with_note=others)
    if start.how == "quoted":  # needs other notes after it, not just the foot of the page
        return _in_zone(lines, pages, furniture, state, i, resume=False, with_note=True)
    return _in_zone(lines, pages, furniture, state, i, resume=True)


def _in_zone(
    lines: Sequence[Line],
    pages: Sequence[int],
    furniture: set[int],
    state: _State,
    i: int,
    *,
    resume: bool,
    with_note: bool = False,
) -> bool:
    """Is the note at ``i`` in a footnote zone: do notes (and their continuations) run from it
    to a numbered note, to the foot of the page, or (if ``resume``) to the body resuming an
    open paragraph? ``with_note``: only if another note opens in the zone."""
    end, gap, notes = _zone_end(lines, pages, furniture, i, state.zones)
    if end == "digit":
        return True
    if end == "edge":
        return notes > 0 or not with_note
    return resume and not gap and state.open_paragraph and (notes > 0 or not with_note)


def _zone_end(
    lines: Sequence[Line],
    pages: Sequence[int],
    furniture: set[int],
    i: int,
    memo: dict[int, tuple[str, bool, int]],
) -> tuple[str, bool, int]:
    """How the notes (and their continuations) that run on from line ``i`` end: at a numbered
    note (``"digit"``), at the foot of the page (``"edge"``) or at a body line (``"body"``;
    ``gap``: after a blank line); and how many notes open after line ``i`` on the way.

    A run that goes on from line j ends as the run from j does, so ``memo`` keeps the end for
    every line passed: each line is scanned once, not once per note above it (a page of
    thousands of notes took quadratic time)."""
    path = [(i, 0)]  # the lines the run went on from, and the notes counted up to each
    last_note, gap, notes = i, False, 0
    j = i
    end = memo.get(i)
    while end is None:
        j += 1
        if j >= len(lines) or j in furniture or pages[j] != pages[i]:
            end = ("edge", gap, 0)
            break
        content = lines[j].content
        if not content:
            gap = True
            continue
        start = opening(content)
        if start is not None and start.how == "digit":
            end = ("digit", gap, 0)
        elif start is not None and start.how != "bare":
            last_note, gap, notes = j, False, notes + 1
        elif not gap and _continues(lines[last_note].content, content):
            last_note = j
        elif start is not None:
            last_note, gap, notes = j, False, notes + 1
        elif gap and footer_like(content):  # a footer OCR garbled: the foot of the page
            end = ("edge", gap, 0)
        else:
            end = ("body", gap, 0)
        if end is None:
            path.append((j, notes))
            end = memo.get(j)
    kind, end_gap, after = end
    total = notes + after
    for line, counted in path:
        memo[line] = (kind, end_gap, total - counted)
    return kind, end_gap, total


def _continues(prev: str, content: str) -> bool:
    """Does the footnote line ``prev`` go on at ``content``? It does when ``prev`` ends
    mid-sentence (``... Group of 77 and`` + ``China.``), with a hyphen or an abbreviation
    (``Supplement No.``), and ``content`` does not open a note by its mark."""
    if prev.endswith("-") or _ABBREVIATION.search(prev):
        return True
    start = opening(content)
    return is_open(prev) and (start is None or start.how == "bare")


def _notes(
    lines: Sequence[Line],
    found: list[tuple[Opening, list[int]]],
    pages: Sequence[int],
) -> list[Footnote]:
    """Number the notes: digits as read, stars for sponsor notes, garbled marks from their
    neighbours (the note after 4 is 5), counting from 1 when no neighbour was read."""
    numbers: list[int | None] = []
    stars: list[bool] = []
    for start, members in found:
        numbers.append(int(start.mark) if start.how == "digit" else None)
        # A star after a numbered note, or past the first page without the words of a
        # sponsor or issuance note, is a misread number.
        first = all(stars)
        sponsor = pages[members[0]] == 1 or _STAR_NOTE.match(start.rest) is not None
        stars.append(start.how == "star" and first and sponsor)
    for k in range(len(found)):  # forwards: the note after n is n + 1
        if numbers[k] is None and not stars[k]:
            prev = next((numbers[j] for j in range(k - 1, -1, -1) if not stars[j]), None)
            if prev is not None:
                numbers[k] = prev + 1
    for k in range(len(found) - 1, -1, -1):  # backwards: the note before n is n - 1
        if numbers[k] is None and not stars[k]:
            nxt = next((numbers[j] for j in range(k + 1, len(found)) if not stars[j]), None)
            if nxt is not None and nxt > 1:
                numbers[k] = nxt - 1
    count = 0
    notes: list[Footnote] = []
    for (start, members), number, star in zip(found, numbers, stars):
        if not star:
            count = number if number is not None else count + 1
        contents = [lines[i].content for i in members]
        joins = tuple(join(a, b) for a, b in itertools.pairwise(contents))
        notes.append(
            Footnote(
                mark=start.mark,
                number=start.mark if star else str(count),
                lines=tuple(members),
                joins=joins,
                page=pages[members[0]],
                text=joined([start.rest, *contents[1:]], joins),
            )
        )
    return notes
