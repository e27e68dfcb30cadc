"""Paragraph numbers and sub-paragraph labels that OCR misread at the start of a line.

``|. Takes note`` -> ``1. Takes note``, ``5, Requests`` -> ``5. Requests``,
``{a) To submit`` -> ``(a) To submit``, ``(b} To`` -> ``(b) To``. A line that opens with
these shapes is a numbered paragraph or an item in every UN document; the shapes OCR gives
are never text of their own.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import digit_shapes, lazy_re
from ..edits import Edit
from ._words import AtStarts
from .base import Context

# '|.' or 'l.' for '1.', a number with a comma for its full stop: before a capitalised word.
# (Line starts and paragraph starts found by their line breaks: see ``AtStarts``.)
_NUMBER = AtStarts(
    r"(?P<indent>[ \t]*)(?P<n>[|l]|\d{1,3})(?P<stop>[.,]|\.{2,4}|,\.|\.,)(?=[ \t]+[A-Z][a-z])"
)
# Debris between a paragraph number and its first word: '8. . Calls', '6. - Urges'.
_AFTER_NUMBER = AtStarts(r"[ \t]*\d{1,3}\.(?P<debris>[ \t]+[.,:;\-])(?=[ \t]+[A-Z][a-z])")
# A page number 'N/M' whose slash OCR lost ('22' for '2/2'), beside a bare job-number footer:
# alone on a line above it ('n', 'm') or below it ('n2', 'm2'). (Begins with the first digit,
# which the lookbehinds after it take as 'n' or 'n2' when it opens a line or follows the
# footer's line: re then skips in C to the digits, instead of trying every position.)
_PAGE_OF = lazy_re.compile(
    r"[2-9](?:(?<=^(?P<n>[2-9]))(?P<m>[2-9])[ \t]*\n(?=(?:[ \t]*\n)*\d{2}-\d{5}[ \t]*$)"
    r"|(?<=\d{2}-\d{5}\n(?P<n2>[2-9]))(?P<m2>[2-9])[ \t]*$)",
    re.M,
)
# The same on the footer's line: '22 24-19307' (even pages), '24-20112 33' (odd pages).
_PAGE_OF_BESIDE = AtStarts(
    r"(?:(?P<n>[2-9])(?P<m>[2-9])[ \t]+\d{2}-\d{5}|\d{2}-\d{5}[ \t]+(?P<n2>[2-9])(?P<m2>[2-9]))"
    r"[ \t]*(?=[ \t\n]*(?:\f|\Z))"
)
# Labels with a brace or bracket for a parenthesis: '{a)', '(b}', '[c)'.
_LABEL = AtStarts(r"(?P<indent>[ \t]*)(?P<label>[{\[(](?P<x>[a-z]{1,4})[)}\]])(?=[ \t]+\S)")


# Any paragraph-opening label, read right or wrong: '5.', 'S.', 'Ll.', '!3.', '(b)', '(6)'.
_ANY_NUMBER = AtStarts(r"[ \t]*(?P<n>[0-9SIlOL|!}\][tixZ]{1,3})\.(?=[ \t]+[A-Z][a-z])", "\n\n")
_ANY_LABEL = AtStarts(r"[ \t]*\((?P<x>[a-z0-9]{1,2})\)(?=[ \t]+\S)", "\n\n")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The words that open operative paragraphs: those after 'N.' ten times or more in the
# session-78 resolutions and never after a footnote number (counted from their texts).
OPERATIVE_WORDS = (
    "Encourages Also Calls Requests Notes Recognizes Urges Welcomes Decides Recalls Invites "
    "Stresses Reaffirms Takes Further Emphasizes Reiterates Expresses Acknowledges Underlines "
    "Strongly Recommends Looks Commends Affirms Underscores Condemns Approves"
).split()
# A paragraph number whose full stop OCR lost or read as a bracket or a speck, before such a
# word: '2 Also reaffirms', '3) Requests', '12.) Requests', '9.- Also calls', '4.0 Recalls'.
_BARE_NUMBER = AtStarts(
    r"(?P<indent>[ \t]*)(?P<n>[1-9]\d{0,2})(?P<stop>[.,]?[)+\-]|\.[0o°]|)"
    r"(?=[ \t]+(?:" + "|".join(OPERATIVE_WORDS) + r")\b)"
)
# A paragraph's number with letters or marks among its digits: 'IS. Requests', '§1. Urges'.
_SHAPED_NUMBER = AtStarts(r"[ \t]*(?P<n>[^\s.]{1,3})\.(?=[ \t]+[A-Z][a-z])", "\n\n")
# The labels of a report's sections and subsections: 'A. Opening of the session', 'IV.'.
_SECTION_LABEL = lazy_re.compile(r"[A-H]|[IVX]+")
_GOOD_NUMBER = lazy_re.compile(r"^[ \t]*(?P<n>[1-9]\d{0,2})\.(?=[ \t]+[A-Z])", re.M)


#: The least probability the digit shapes must give a paragraph number's reading (the number
#: its neighbour says it is) for the reading to be changed: a shape seen for that digit in
#: one reading in ten.
MIN_SHAPE = 0.1


@dataclass(frozen=True)
class ParagraphNumbersFixer:
    """Restore paragraph numbers and item labels at line starts."""

    name: ClassVar[str] = "paragraph_numbers"
    language_independent: ClassVar[bool] = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        for m in _NUMBER.finditer(text):
            n, stop = m.group("n"), m.group("stop")
            fixed = ("1" if n in "|l" else n) + "."
            if fixed != n + stop:
                start = m.start("n")
                yield Edit(
                    start,
                    m.end("stop"),
                    n + stop,
                    fixed,
                    self.name,
                    f"paragraph number '{fixed}' read as '{n + stop}'",
                    0.8,
                )
        yield from self._sequences(text)
        yield from self._bare_numbers(text)
        yield from self._shaped_numbers(text, ctx)
        for m in _AFTER_NUMBER.finditer(text):
            yield Edit(
                m.start("debris"),
                m.end("debris"),
                m.group("debris"),
                "",
                self.name,
                "a speck between a paragraph number and its text",
                0.8,
            )
        for m in itertools.chain(_PAGE_OF.finditer(text), _PAGE_OF_BESIDE.finditer(text)):
            n, total = (
                (m.group("n"), m.group("m")) if m.group("n") else (m.group("n2"), m.group("m2"))
            )
            if int(n) <= int(total):
                start = m.start("n") if m.group("n") else m.start("n2")
                yield Edit(
                    start,
                    start + 2,
                    n + total,
                    f"{n}/{total}",
                    self.name,
                    f"page number '{n}/{total}' read without its slash",
                    0.7,
                )
        for m in _LABEL.finditer(text):
            label = m.group("label")
            fixed = f"({m.group('x')})"
            if label != fixed:
                yield Edit(
                    m.start("label"),
                    m.end("label"),
                    label,
                    fixed,
                    self.name,
                    f"item label '{fixed}' read as '{label}'",
                    0.8,
                )

    def _bare_numbers(self, text: str) -> Iterator[Edit]:
        """A number opening an operative paragraph without its full stop, where the paragraph
        number before it is one less or the one after it one more."""
        bare = list(_BARE_NUMBER.finditer(text))
        if not bare:
            return
        good = [(m.start(), int(m["n"])) for m in _GOOD_NUMBER.finditer(text)]
        starts = [pos for pos, _ in good]
        for m in bare:
            n, k = int(m["n"]), bisect.bisect_left(starts, m.start("indent"))
            before = good[k - 1][1] if k else None
            after = good[k][1] if k < len(good) else None
            if before != n - 1 and after != n + 1:
                continue
            read = m["n"] + m["stop"]
            yield Edit(
                m.start("n"),
                m.end("stop"),
                read,
                m["n"] + ".",
                self.name,
                f"paragraph number '{m['n']}.' read as '{read}', between its neighbours",
                0.75,
            )

    def _shaped_numbers(self, text: str, ctx: Context) -> Iterator[Edit]:
        """A paragraph number read with letters or marks for digits ('IS.' for '15.' after
        '14.'): the number its neighbour says it must be, when the learned digit shapes allow
        that reading (:data:`MIN_SHAPE` of the probability or more)."""
        model = ctx.digits
        numbers = [(m.start("n"), m.group("n")) for m in _SHAPED_NUMBER.finditer(text)]
        for k, (pos, read) in enumerate(numbers):
            if (
                read.isdecimal()
                or (read.isalpha() and not read.isupper() and ctx.lexicon.known(read))
                or _SECTION_LABEL.fullmatch(read)
            ):
                continue  # ('No.', 'Is.': words; 'A.', 'IV.': a report's sections)
            before = numbers[k - 1][1] if k else ""
            after = numbers[k + 1][1] if k + 1 < len(numbers) else ""
            wanted = {str(int(before) + 1)} if before.isdecimal() else set()
            if after.isdecimal() and int(after) > 1:
                wanted.add(str(int(after) - 1))
            if len(wanted) != 1:
                continue  # no neighbour read right, or two that disagree
            want = wanted.pop()
            if digit_shapes.readings(read, model).get(want, 0.0) >= MIN_SHAPE:
                yield Edit(
                    pos,
                    pos + len(read),
                    read,
                    want,
                    self.name,
                    f"paragraph {want} after or before its neighbour read as '{read}'",
                    0.75,
                )

    def _sequences(self, text: str) -> Iterator[Edit]:
        """A label out of sequence between two neighbours that leave room for exactly one:
        '4.' between '4.' and '6.' is '5.'; '(6)' between '(a)' and '(c)' is '(b)'."""
        numbers = [(m.start("n"), m.group("n")) for m in _ANY_NUMBER.finditer(text)]
        for (_, a), (pos, read), (_, c) in zip(numbers, numbers[1:], numbers[2:]):
            if a.isdigit() and c.isdigit() and int(c) - int(a) == 2:
                want = str(int(a) + 1)
                if read != want:
                    yield Edit(
                        pos,
                        pos + len(read),
                        read,
                        want,
                        self.name,
                        f"paragraph {want} between {a} and {c} read as '{read}'",
                        0.75,
                    )
        labels = [(m.start("x"), m.group("x")) for m in _ANY_LABEL.finditer(text)]
        for (_, a), (pos, read), (_, c) in zip(labels, labels[1:], labels[2:]):
            if (
                len(a) == len(c) == 1
                and a in _LETTERS
                and c in _LETTERS
                and _LETTERS.index(c) - _LETTERS.index(a) == 2
            ):
                want = _LETTERS[_LETTERS.index(a) + 1]
                if not read.isalpha():
                    yield Edit(
                        pos,
                        pos + len(read),
                        read,
                        want,
                        self.name,
                        f"item ({want}) between ({a}) and ({c}) read as '({read})'",
                        0.75,
                    )
