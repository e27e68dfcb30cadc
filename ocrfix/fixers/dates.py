"""Dates whose day or year OCR read with letters or marks for digits.

``of 16 December`` read as ``of [6 December``, ``on 11 November`` as ``on $1 November``,
``12 August 1949`` as ``12 August [949``: the day before a month's name and the year after it
can only be numbers, so a letter or mark there is a digit misread (and a full stop inside a
date, ``of 5. December``, ``20 May. 2022``, a speck; and ``of`` misread between a resolution's
number and its date, ``56/16 af 29 November``). Which digit is what the
learned digit shapes (:mod:`ocrfix.digit_shapes`) say that character is read for; a reading is
changed only when one date that can be (a day 1-31, a year 1900-2099) is far likelier than
every other. Digits OCR read are kept: a digit read for another digit (``2019`` for ``2010``)
leaves no trace.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import digit_shapes, lazy_re
from ..edits import Edit
from ._words import MONTHS
from .base import Context

# A month's name. (Its first letter and the lookbehind after it, no leading word boundary: re
# then skips in C to the capitals; the character before is checked in code.)
_MONTH = lazy_re.compile(r"(?:" + MONTHS + r")\b")
# The day: one or two characters before the month, after a space, a bracket or a line start.
_DAY = lazy_re.compile(r"(?<![^\s(])(?P<day>[^\s(]{1,2})[ \t]+\Z")
# The year: four characters after the month, before a mark, a space or the end.
_YEAR = lazy_re.compile(r"[ \t]+(?P<year>[^\s,.;:)]{4})(?=[\s,.;:)]|$)")
# What stands before a day: 'of 22 December', 'from 14 to 16 May', 'and 15 September'.
_DATE_WORDS = frozenset("of on from to and since until till by between before after dated".split())
# A stop or comma in a day is a speck beside it ('1.' for '1'), not a digit.
_STOPS = ".,;:"
_LAST_WORD = lazy_re.compile(r"[A-Za-z]+$")
# A day read with a stop after it, and a day as printed, before a month.
_DAY_STOP = lazy_re.compile(r"(?<![\w.,/])(?P<day>[1-9]|[12]\d|3[01])\.[ \t]{1,2}\Z")
_DAY_NUMBER = lazy_re.compile(r"(?<![\w.,/])(?:[1-9]|[12]\d|3[01])[ \t]{1,2}\Z")
# A stop between a month and its year.
_STOP_BEFORE_YEAR = lazy_re.compile(r"\.[ \t]{1,2}(?:19|20)\d\d\b")
# A day glued to its month, a month to its year, by a mark OCR read for the space between
# them ('20-December', 'December.2008', 'June’2017'): no UN text writes these.
_GLUE = "-.’'°:"
_DAY_GLUED = lazy_re.compile(r"(?<![\w.,/-])(?:[1-9]|[12]\d|3[01])(?P<mark>[" + _GLUE + r"])\Z")
_YEAR_GLUED = lazy_re.compile(r"(?P<mark>[" + _GLUE + r"])(?:19|20)\d\d(?![\w/])")

# Two letters between a number ('56/16', '62°28', '1999)') and the day of a date.
_OF_BEFORE_DAY = lazy_re.compile(r"(?<=[\d)\]°’'] )(?P<of>[A-Za-z]{2})[ \t]+\Z")
#: The dearest misreading (the learned confusions' cost) of 'of' that ``_of`` restores.
OF_COST = 0.8

#: The dearest misreading of one digit for another (the learned confusions' cost) that
#: ``_impossible_year`` undoes: '6' for '0' costs 0.38, '3' for '2' 0.48.
DIGIT_COST = 0.6

#: A reading is changed when the likeliest valid date has at least this share of the
#: probability of all valid ones. Calibrated on the training pages (session-78 real pages and
#: the team's), counting the tokens whose outcome the fixer changes:
#:
#:   threshold        0.5   0.6   0.7   0.8   0.9
#:   wrong -> right    67    64    50    46    37
#:   wrong -> wrong    15    13     7     5     4
#:   right -> wrong     0     0     0     0     0
#:
#: 0.7 keeps nine edits in ten right ('1]' for '1' is read as '11': the model cannot tell).
THRESHOLD = 0.7


@dataclass(frozen=True)
class DatesFixer:
    """Restore the digits of days and years that OCR read as letters or marks."""

    name: ClassVar[str] = "dates"
    language_independent: ClassVar[bool] = False
    threshold: float = THRESHOLD
    glued: bool = True  # a mark read for the space inside a date: see ``_glued``

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        model = ctx.digits
        if not model:
            return
        for month in _MONTH.finditer(text):
            start = month.start()
            if start and text[start - 1].isalnum():
                continue  # ('Summary', not 'May')
            day = _DAY.search(text, max(0, start - 8), start)
            if day is not None:
                yield from self._day(text, day, model, ctx)
            year = _YEAR.match(text, month.end())
            if year is not None:
                yield from self._year(year, model, ctx)
            yield from self._stops(text, month, ctx)
            if self.glued:
                yield from self._glued(text, month)
            if day is not None:
                yield from self._of(text, day.start(), ctx)

    def _day(
        self, text: str, m: re.Match[str], model: digit_shapes.Shapes, ctx: Context
    ) -> Iterator[Edit]:
        day = m.group("day")
        if (
            day.isdecimal()
            or any(c in _STOPS for c in day)
            or (day.isalpha() and day.islower() and ctx.lexicon.known(day))
            or not _introduces_date(text, m.start())
        ):
            return
        best = self._best(day, model, lambda n: 1 <= n <= 31)
        if best is not None:
            yield self._edit(m.start("day"), day, best, "day")

    def _stops(self, text: str, month: re.Match[str], ctx: Context) -> Iterator[Edit]:
        """A full stop OCR put inside a date, a speck read: after the day ('of 5. December')
        or, after a day, between the month and the year ('20 May. 2022')."""
        day = _DAY_STOP.search(text, max(0, month.start() - 8), month.start())
        if day is not None and _introduces_date(text, day.start()):
            stop = day.end("day")
            yield Edit(
                stop, stop + 1, ".", "", self.name, "a stop inside a date, after its day", 0.8
            )
        elif _DAY_NUMBER.search(text, max(0, month.start() - 8), month.start()) is None:
            return
        if _STOP_BEFORE_YEAR.match(text, month.end()):
            stop = month.end()
            yield Edit(
                stop, stop + 1, ".", "", self.name, "a stop inside a date, after its month", 0.8
            )

    def _glued(self, text: str, month: re.Match[str]) -> Iterator[Edit]:
        """A mark read for the space between the day and the month ('20-December') or the
        month and the year ('December.2008')."""
        for m in (
            _DAY_GLUED.search(text, max(0, month.start() - 4), month.start()),
            _YEAR_GLUED.match(text, month.end()),
        ):
            if m is not None:
                mark = m.group("mark")
                yield Edit(
                    m.start("mark"),
                    m.end("mark"),
                    mark,
                    " ",
                    self.name,
                    f"the space inside a date read as '{mark}'",
                    0.8,
                )

    def _of(self, text: str, day: int, ctx: Context) -> Iterator[Edit]:
        """'of' misread between a resolution's number and its date ('56/16 af 29 November'):
        a citation writes nothing else there, and the learned confusions must explain the
        reading."""
        m = _OF_BEFORE_DAY.search(text, max(0, day - 16), day)
        if m is None:
            return
        read = m.group("of")
        if read == "of" or read.lower() in _DATE_WORDS:
            return
        if ctx.confusions.distance(read, "of", OF_COST) > OF_COST:
            return
        yield Edit(
            m.start("of"),
            m.end("of"),
            read,
            "of",
            self.name,
            f"'of' between a resolution's number and its date, read as '{read}'",
            0.8,
        )

    def _year(self, m: re.Match[str], model: digit_shapes.Shapes, ctx: Context) -> Iterator[Edit]:
        year = m.group("year")
        if year.isdecimal() and year.isascii():
            yield from self._impossible_year(m, ctx)
            return
        if sum(c.isdecimal() for c in year) < 2:
            return
        best = self._best(year, model, lambda n: 1900 <= n <= 2099)
        if best is not None:
            yield self._edit(m.start("year"), year, best, "year")

    def _impossible_year(self, m: re.Match[str], ctx: Context) -> Iterator[Edit]:
        """A year no date has ('December 2623'): one digit misread as another, where the
        learned confusions explain exactly one reading of 1900 to 2099 ('6' read for '0')."""
        year = m.group("year")
        if 1900 <= int(year) <= 2099:
            return
        found = {
            year[:i] + printed + year[i + 1 :]
            for i, c in enumerate(year)
            for size, printed, cost in ctx.confusions.starts.get(c, ())
            if size == 1 and printed.isdecimal() and cost <= DIGIT_COST
        }
        valid = [y for y in found if 1900 <= int(y) <= 2099]
        if len(valid) == 1:
            yield Edit(
                m.start("year"),
                m.end("year"),
                year,
                valid[0],
                self.name,
                f"the year {valid[0]} of a date, a digit misread: '{year}'",
                0.8,
            )

    def _best(
        self, read: str, model: digit_shapes.Shapes, valid: Callable[[int], bool]
    ) -> tuple[str, float] | None:
        """The likeliest valid reading of ``read`` and its share, if it clears the threshold."""
        found = {
            s: p
            for s, p in digit_shapes.readings(read, model).items()
            if not s.startswith("0") and valid(int(s))
        }
        total = sum(found.values())
        if not total:
            return None
        best = max(found, key=found.__getitem__)
        share = found[best] / total
        return (best, share) if share >= self.threshold else None

    def _edit(self, start: int, read: str, best: tuple[str, float], what: str) -> Edit:
        number, share = best
        return Edit(
            start,
            start + len(read),
            read,
            number,
            self.name,
            f"the {what} of a date, {number}, read as '{read}'",
            round(share, 3),
        )


def _introduces_date(text: str, start: int) -> bool:
    """Does a date word, a comma, a bracket or a line start stand before ``start``?"""
    before = text[max(0, start - 30) : start].rstrip(" \t")
    if not before or before[-1] in ",(\n":
        return True
    word = _LAST_WORD.search(before)
    return word is not None and word.group().lower() in _DATE_WORDS
