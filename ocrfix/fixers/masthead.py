"""The masthead lines of a UN document: distribution, original language, agenda item, and
the bracketed heading of a resolution ('[on the report of the Second Committee (A/78/461,
para. 53)]', '[without reference to a Main Committee (A/78/L.96)]').

Every document opens with the same few lines (``Distr.: Limited``, ``Original: English``,
``Agenda item 21 (c)``) in a small font beside the symbol, where OCR does badly:
``Diste: Linsited``, ``Original: Fingtish``, ``Agenda item 25 (by``. Their words come from a
closed list, so a damaged line can be restored when it is close to exactly one form of it.
Only a line that holds nothing else, near the top of a page, is touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re
from ..edits import Edit
from ._words import ADOPTED_HEADING
from .base import Context

DISTRIBUTIONS = ("General", "Limited", "Restricted")
LANGUAGES = ("English", "French", "Spanish", "Russian", "Arabic", "Chinese")

#: How far down a page (in non-blank lines) the masthead may sit.
MASTHEAD_LINES = 16

# 'Distr.: Limited' and its misreadings: the label, its marks, one word, stray marks.
_DISTR_LINE = lazy_re.compile(
    r"^(?P<label>[A-Za-z]{3,6})(?P<marks>[.,:;]{0,3})[ \t]+(?P<word>[A-Za-z]{4,11})"
    r"[.,;:]?[ \t]*$"
)
_ORIGINAL_LINE = lazy_re.compile(
    r"^[‘'\"]?(?P<label>[A-Za-z]{6,9})(?P<marks>[.,:;?’']{0,2})[ \t]+(?P<word>[A-Za-z]{5,9})"
    r"[.,;:]?[ \t]*$"
)
# The same at the end of a line that holds the organ's name beside it, as OCR reads a
# masthead set in two columns: 'General Assembly Distr: General'.
_DISTR_TAIL = lazy_re.compile(
    r"(?<![^ \t])(?P<label>[A-Za-z]{3,6})(?P<marks>[.,:;]{0,3})[ \t]+(?P<word>[A-Za-z]{4,11})"
    r"[.,;:]?[ \t]*$"
)
_ORGAN = lazy_re.compile(r"\b(?:Assembl|Council|Counci)")
# The symbol beside 'United Nations' at the head of the first page, set large and bold, which
# OCR reads as 'Avresi78/106'; and the resolution's own number heading its title, set plain,
# which it reads right: '78/106. Guide on Access to Credit'.
_SYMBOL_LINE = lazy_re.compile(
    r"^\W{0,3}U?nited:? Nations?[.:]?[ \t]+(?P<symbol>[Aa]\S*(?:[ \t]\S+){0,2})"
)
# (The number, its full stop (or that stop read as a comma), perhaps specks, then the title's
# first word.)
_TITLE_NUMBER = lazy_re.compile(
    r"^(?P<session>[1-9]\d)/(?P<number>[1-9]\d{0,2})[.,](?=[ \t.°‘’'\"“]*[ \t][A-Za-z‘“])", re.M
)
# The same number alone on its line, as OCR reads a first page in columns: the number apart
# from its title, perhaps above the heading 'Resolution adopted by ...' ('78/117.').
_NUMBER_LINE = lazy_re.compile(r"^(?P<session>[1-9]\d)/(?P<number>[1-9]\d{0,2})\.[ \t]*$", re.M)
#: How far into a page (in characters) the title of its resolution may stand.
TITLE_CHARS = 2_500
#: Edits the symbol may be from the title's number and still be its misreading.
SYMBOL_EDITS = 3
# 'Agenda item 25 (by': the bracket of a sub-item, read as 'y', '}' or ']'.
_AGENDA_LINE = lazy_re.compile(
    r"^Agenda items? \d{1,3}(?:,? \d{1,3})*(?: and \d{1,3})?[ \t]+"
    r"\((?P<letter>[a-z¢])(?P<close>[y}\]])(?P<tail>[.,*]?)[ \t]*$"
)


# The heading under 'Resolution adopted by the General Assembly', its opening bracket read as
# '{', '(' or '|'; and its end, the bracket closing it read as '}', '|' or ')'.
_HEADING_OPEN = lazy_re.compile(
    r"^(?P<open>[\[{(|])(?=(?:on the report of the|without reference to a Main Committee)\b)", re.M
)
_HEADING_CLOSE = lazy_re.compile(r"\)(?P<close>[}|)])[ \t]*$", re.M)
#: How far the end of the heading may stand from its start (it may wrap onto a second line).
HEADING_CHARS = 160


def _distance(a: str, b: str) -> int:
    """Edit distance (rapidfuzz, imported when a page head first needs it: start-up)."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b)


def _closest(word: str, forms: tuple[str, ...], limit: int) -> str | None:
    """The one form within ``limit`` edits of ``word`` (case-blind), nearer than any other."""
    scored = sorted((_distance(word.lower(), f.lower()), f) for f in forms)
    best, form = scored[0]
    if best > limit or (len(scored) > 1 and scored[1][0] <= best):
        return None
    return form


def _own_number(window: str) -> tuple[str, str] | None:
    """(session, number) of the resolution whose first page ``window`` is: the number heading
    its title below the heading 'Resolution adopted by ...', or, where OCR read the number
    apart from its title, the one number alone on its line on a page that holds that heading."""
    title = _TITLE_NUMBER.search(window)
    if title is not None and ADOPTED_HEADING.search(window, 0, title.start()):
        return title["session"], title["number"]
    if title is not None or not ADOPTED_HEADING.search(window):
        return None
    found = {(m["session"], m["number"]) for m in _NUMBER_LINE.finditer(window)}
    return found.pop() if len(found) == 1 else None


def _masthead_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of the first non-blank lines of each page (pages split at form feeds).

    Only the head of each page is read: a long document costs no more than its pages.
    """
    page = 0
    while True:
        feed = text.find("\f", page)
        end = len(text) if feed < 0 else feed
        pos, seen = page, 0
        while pos < end and seen < MASTHEAD_LINES:
            newline = text.find("\n", pos, end)
            stop = end if newline < 0 else newline
            line = text[pos:stop].rstrip("\r")
            if line.strip():
                seen += 1
                yield pos, line
            pos = stop + 1
        if feed < 0:
            return
        page = feed + 1


@dataclass(frozen=True)
class MastheadFixer:
    """Restore the distribution, original-language and agenda-item lines of a masthead."""

    name: ClassVar[str] = "masthead"
    language_independent: ClassVar[bool] = False

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        yield from self._symbols(text, ctx)
        yield from self._heading(text, ctx)
        for start, line in _masthead_lines(text):
            fixed = self._line(line)
            if fixed is None:
                tail = _DISTR_TAIL.search(line)
                if tail is None or tail.start() == 0 or not _ORGAN.search(line, 0, tail.start()):
                    continue
                fixed = self._line(line[tail.start() :])
                if fixed is None:
                    continue
                start, line = start + tail.start(), line[tail.start() :]
            if fixed == line.rstrip():
                continue
            end = start + len(line.rstrip())
            if ctx.is_guarded(start, end):
                continue
            yield Edit(start, end, line.rstrip(), fixed, self.name, self._why(fixed), 0.85)

    def _heading(self, text: str, ctx: Context) -> Iterator[Edit]:
        """The square brackets of a resolution's heading, read as other brackets."""
        for m in _HEADING_OPEN.finditer(text):
            start = m.start("open")
            close = _HEADING_CLOSE.search(text, start, start + HEADING_CHARS)
            if close is None or text.find("\n\n", start, close.start()) >= 0:
                continue  # (the heading's end not found: perhaps not the heading)
            if ctx.is_guarded(start, close.end()):
                continue
            why = "the bracket that opens a resolution's heading"
            if m.group("open") != "[":
                yield Edit(start, start + 1, m.group("open"), "[", self.name, why, 0.85)
            end = close.start("close")
            yield Edit(
                end,
                end + 1,
                close.group("close"),
                "]",
                self.name,
                why.replace("opens", "closes"),
                0.85,
            )

    def _symbols(self, text: str, ctx: Context) -> Iterator[Edit]:
        """The symbol of a resolution's first page, read wrong, from the number of its title
        below ('Avresi78/106' above '78/106. Guide on ...' is 'A/RES/78/106')."""
        for start, line in _masthead_lines(text):
            m = _SYMBOL_LINE.match(line)
            if m is None:
                continue
            page_end = text.find("\f", start)
            window = text[start : start + TITLE_CHARS if page_end < 0 else page_end]
            number = _own_number(window)
            if number is None:
                continue
            session, serial = number
            symbol = f"A/RES/{session}/{serial}"
            # One to three tokens: OCR may split the symbol ('A res-79-83', 'ARES 78:48').
            tokens = m.group("symbol").split()
            scored = sorted(
                (_distance("".join(tokens[:k]).lower(), symbol.lower()), k)
                for k in range(1, len(tokens) + 1)
            )
            distance, k = scored[0]
            read = line[m.start("symbol") :].split(tokens[k - 1], 1)[0] + tokens[k - 1]
            if read == symbol or distance > SYMBOL_EDITS:
                continue
            begin = start + m.start("symbol")
            if ctx.is_guarded(begin, begin + len(read)):
                continue
            yield Edit(
                begin,
                begin + len(read),
                read,
                symbol,
                self.name,
                f"the symbol of resolution {session}/{serial}, as its title below numbers it",
                0.85,
            )

    @staticmethod
    def _line(line: str) -> str | None:
        m = _DISTR_LINE.match(line)
        if m and _distance(m.group("label").lower(), "distr") <= 2:
            label_ok = m.group("label")[0] in "Dd" or m.group("marks")
            word = _closest(m.group("word"), DISTRIBUTIONS, 3)
            if label_ok and word is not None:
                return f"Distr.: {word}"
        m = _ORIGINAL_LINE.match(line)
        if m and _distance(m.group("label").lower(), "original") <= 2:
            word = _closest(m.group("word"), LANGUAGES, 3)
            if word is not None:
                return f"Original: {word}"
        m = _AGENDA_LINE.match(line)
        if m:
            letter = "c" if m.group("letter") == "¢" else m.group("letter")
            head = line[: m.start("letter") - 1]
            return f"{head}({letter}){m.group('tail')}"
        return None

    @staticmethod
    def _why(fixed: str) -> str:
        if fixed.startswith("Distr"):
            return "the distribution line of a masthead"
        if fixed.startswith("Original"):
            return "the original-language line of a masthead"
        return "the agenda-item line of a masthead"
