"""Resolution and decision numbers whose slash OCR lost: ``64 23 of 2 December 2009`` ->
``64/23 of 2 December 2009``.

A General Assembly resolution is cited as session/number (``64/23``); the thin slash is read
as a space, a full stop, a hyphen or a degree sign, or not at all (``6263``). Numbers followed
by their date of adoption are repaired when the date's year is the session's: session S sits
from September of 1945 + S into the next year, so its resolutions bear the year 1945 + S or
1946 + S. A number with no separator is split where the session the year gives ends
(``6263 of 6 December 2007`` -> ``62/63``), or left alone. Right after the word
'resolution(s)', a two-digit session and a number with one misread separator are repaired
too (``its resolutions 62 63 and``), and so is an item of a list of resolutions that follows
one whose slash stands, when its session is that one's or one of the next few
(``57/325, 58 307, 59-307`` -> ``57/325, 58/307, 59/307``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import digit_shapes, lazy_re
from ..edits import Edit
from ._words import MONTHS
from .base import Context

# A number of two to five digits, perhaps with one separator OCR read for the slash, perhaps
# the letter of a part ('34 87 A of'), then 'of' and the date. (The lookbehind keeps to whole
# numbers: not the tail of '2023-24968'.)
# (The day may be misread itself: '60 48 of & December 2008'.) (The first digit, then the
# lookbehind that includes it: re then skips in C to the digits, instead of trying a match at
# every position.)
_CITED = lazy_re.compile(
    r"(?P<session>\d(?<![\w/.,:°’'-]\d)\d?)(?P<sep>[ .:°’'-]?)(?P<number>\d{1,3})"
    r"(?P<letter>[ \t][A-Z])?(?P<tail>,?)\s+of\s+(?:\S{1,3}\s+(?:" + MONTHS + r")\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b"
)
# The same with the session's first digit read as a letter or mark ('$8°176 of 2 December
# 2003', 'S447 of 1 December 1999'): the digit shapes say which digits it may be, the year
# which one the session has. (No UN text writes a '$', 'S' or '§' glued to a digit.) (The
# character first, the lookbehind after it: re skips in C to the characters.)
_CITED_SHAPE = lazy_re.compile(
    r"(?P<first>[$S§])(?<![\w/.,:°’'$§-][$S§])(?P<rest>\d?)(?P<sep>[ .:°’'-]?)(?P<number>\d{1,3})"
    r"(?P<letter>[ \t][A-Z])?(?P<tail>,?)\s+of\s+(?:\S{1,3}\s+(?:" + MONTHS + r")\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b"
)
# Right after the word 'resolution(s)' or 'decision(s)': a session of two digits, one
# separator, a number ('its resolutions 62 63 and', 'its resolution 77-98,'); not a number
# that goes on ('62 63/1'), nor an old-style one ('resolution 31 72 (XXXI)' is no citation).
# Not a full stop: other organs number their resolutions so ('World Health Assembly
# resolution 76.16'); with its date, the year tells (theirs is not the Assembly's session).
# (The word from its second letter, the lookbehind that reads the first after it: re then
# skips in C to the letter 'e', instead of trying both words at every position.)
_NAMED = lazy_re.compile(
    r"(?:esolution(?<=(?<!\w)[Rr]esolution)|ecision(?<=(?<!\w)[Dd]ecision))s?\s+"
    r"(?P<session>[1-9]\d)(?P<sep>[ :°’'-])(?P<number>[1-9]\d{0,2})(?![\w/°’'-]|[.,]\d| \()"
)
# A list of resolutions ('57/325, 58/307, 59 307, 60°278, 61250 A and 62-265'): its items, the
# separators between them. (An item starts with its first digit, the lookbehind after it.)
_ITEM = r"(?:[1-9](?<![\w/.,:°’'-][1-9])\d[ .:°’'/-]?\d{1,3}|[1-9](?<![\w/.,:°’'-][1-9])\d{3,4})"
_ITEM_END = r"(?![\w/°’'-]|[.,]\d)(?:[ \t][A-Z](?![\w/]))?"
_SEPARATOR = r"(?:,[ \t\n]+|,?[ \t\n]+and[ \t\n]+)"
_LIST = lazy_re.compile(rf"{_ITEM}{_ITEM_END}(?:{_SEPARATOR}{_ITEM}{_ITEM_END})+")
_ITEM_RE = lazy_re.compile(_ITEM)
_LIST_ITEM = lazy_re.compile(r"(?P<session>[1-9]\d)(?P<sep>[ .:°’'/-]?)(?P<number>\d{1,3})(?=\D|$)")
#: How many sessions a list may step from one item to the next.
LIST_STEP = 3
# A list is of resolutions when the word stands before it, at most this far.
_CITING = lazy_re.compile(r"[Rr]esolutions?\b|[Dd]ecisions?\b")
CITING_CHARS = 300

#: The sessions cited by their number alone (the others need their date): up to this one.
LAST_SESSION = 85
#: The first session met in 1946.
FIRST_YEAR = 1945


@dataclass(frozen=True)
class ResolutionNumbersFixer:
    """Put back the slash of a resolution number cited with its date."""

    name: ClassVar[str] = "resolution_numbers"
    language_independent: ClassVar[bool] = False
    shapes: bool = True  # a session's first digit read as a letter or mark: ``_CITED_SHAPE``

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        done = set()
        for m in _CITED.finditer(text):
            fixed = _repaired(m)
            if fixed is None:
                continue
            start, end = m.start("session"), m.end("number")
            done.add(start)
            reason = f"resolution {fixed} of {m['year']}: the session of that year, and its slash"
            yield Edit(start, end, text[start:end], fixed, self.name, reason, 0.95)
        if self.shapes and ctx.digits:
            for m in _CITED_SHAPE.finditer(text):
                fixed = _reshaped(m, ctx.digits)
                if fixed is None:
                    continue
                start, end = m.start("first"), m.end("number")
                done.add(start)
                reason = (
                    f"resolution {fixed} of {m['year']}: the session of that year, its first "
                    f"digit read as '{m['first']}'"
                )
                yield Edit(start, end, text[start:end], fixed, self.name, reason, 0.9)
        for start, end, fixed in _listed(text):
            if start in done:
                continue
            done.add(start)
            reason = f"resolution {fixed}: in a list of resolutions, after the session before it"
            yield Edit(start, end, text[start:end], fixed, self.name, reason, 0.9)
        for m in _NAMED.finditer(text):
            start, end = m.start("session"), m.end("number")
            if start in done or int(m["session"]) > LAST_SESSION:
                continue
            fixed = f"{m['session']}/{m['number']}"
            reason = f"resolution {fixed}: a session and a number, whose slash OCR misread"
            yield Edit(start, end, text[start:end], fixed, self.name, reason, 0.9)


def _repaired(m: re.Match[str]) -> str | None:
    """The number with its slash, or None when the year does not vouch for the session."""
    sessions = _sessions(m["year"])
    if not m["sep"] and len(m["session"] + m["number"]) < 4:
        return None  # ('701' may be a resolution 701 of another organ)
    return _slashed(m["session"], m["sep"], m["number"], sessions)


def _sessions(year: str) -> set[str]:
    """The sessions whose resolutions bear ``year``: the one that opened that year and the
    one before it."""
    return {str(int(year) - FIRST_YEAR), str(int(year) - FIRST_YEAR - 1)}


def _reshaped(m: re.Match[str], shapes: digit_shapes.Shapes) -> str | None:
    """The number with its session's first digit and its slash, when one digit the shapes
    allow for the character read gives a session of the year."""
    sessions = _sessions(m["year"])
    found = set()
    for digit, _ in shapes.get(m["first"], ()):
        fixed = _slashed(digit + m["rest"], m["sep"], m["number"], sessions)
        if fixed is not None:
            found.add(fixed)
    return found.pop() if len(found) == 1 else None


def _slashed(session: str, sep: str, number: str, sessions: Collection[str]) -> str | None:
    """'session/number' when the session read is one of ``sessions``; without a separator,
    the digits split where the one session of ``sessions`` they start with ends."""
    if sep:
        ok = session in sessions and not number.startswith("0")
        return f"{session}/{number}" if ok else None
    digits = session + number
    splits = [
        (s, digits[len(s) :])
        for s in sessions
        if digits.startswith(s) and 1 <= len(digits) - len(s) <= 3 and digits[len(s)] != "0"
    ]
    return f"{splits[0][0]}/{splits[0][1]}" if len(splits) == 1 else None


def _listed(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, number with its slash) for items of resolution lists: an item after one
    whose slash stands (or was put back) is a resolution of the same session or one of the
    next few, its separator read for the slash or lost ('61250' after '60/278' is 61/250)."""
    for run in _LIST.finditer(text):
        if _CITING.search(text, max(0, run.start() - CITING_CHARS), run.start()) is None:
            continue  # ('ratios of 12/5, 13.4 and 14 6': no resolutions are cited)
        previous: int | None = None
        for item in _ITEM_RE.finditer(run.group()):
            start, digits = run.start() + item.start(), item.group()
            m = _LIST_ITEM.match(digits)
            if m is not None and m["sep"] == "/":
                previous = int(m["session"])
                continue
            fixed = None if previous is None else _after(digits, previous)
            if fixed is not None:
                yield start, start + len(digits), fixed
                previous = int(fixed.split("/")[0])
            else:
                previous = None


def _after(digits: str, previous: int) -> str | None:
    """``digits`` as the one resolution of a session from ``previous`` to ``LIST_STEP`` after."""
    sessions = [str(s) for s in range(previous, min(previous + LIST_STEP, LAST_SESSION) + 1)]
    m = _LIST_ITEM.fullmatch(digits)
    if m is None:
        return None
    if not m["sep"] and digits.startswith(("19", "20")) and len(digits) == 4:
        return None  # a year in a list of years ('2019, 2020 and 2021')
    return _slashed(m["session"], m["sep"], m["number"], sessions)
