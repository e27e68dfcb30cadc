"""The punctuation that ends the paragraphs of a resolution, which OCR misreads.

In a resolution, preambular paragraphs (``Recalling ...``, ``Noting ...``) end with a comma,
operative paragraphs and lettered sub-paragraphs that another one follows end with a
semicolon. OCR reads commas as full stops and semicolons as colons; the structure says which
was printed. Only documents that read as resolutions or decisions (an opening such as
``The General Assembly,``, the heading ``Resolution adopted by the General Assembly`` when
OCR lost it, or on a later page the resolution's symbol in its running head) are touched,
and only paragraph ends followed by the next paragraph of the same kind.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re
from ..edits import Edit
from ._words import ADOPTED_HEADING
from .base import Context

_OPENING = lazy_re.compile(
    r"^[ \t]*The (?:General Assembly|Security Council|Economic and Social Council|"
    r"Human Rights Council|[A-Z][a-z]+(?: [A-Z][a-z]+){0,4} (?:Council|Commission|Committee|"
    r"Assembly|Conference|Board))[,.]?[ \t]*$",
    re.M,
)
# The symbol of a resolution, which its later pages carry in their running head or foot.
_RESOLUTION_SYMBOL = lazy_re.compile(r"(?<![\w/])A/RES/[1-9]\d{0,2}/\d{1,3}\b")
# (Lines, not characters, as the repeated unit: one step per character kept ~130 bytes of
# backtracking state per character, 1.3 GB for a 10 MB paragraph.)
# A paragraph also ends where OCR lost the blank line after it: at a line that opens with a
# number or a bracketed letter and a capital after a line that ends with a mark.
_PARAGRAPH = lazy_re.compile(
    r"[^\n]+(?:\n(?![ \t]*\n)"
    r"(?!(?<=[.:;,]\n)[ \t]*(?:\d{1,3}\.|\([a-z]{1,4}\))[ \t]+[A-Z])[^\n]*)*"
)
_NUMBERED = lazy_re.compile(r"[ \t]*(?P<n>\d{1,3})\.[ \t]+(?P<word>[A-Z][a-z]+)")
_LETTERED = lazy_re.compile(r"[ \t]*\((?P<n>[a-z]{1,4})\)[ \t]+")
# A label as OCR may have read it, its bracket a letter: 'id)' for '(d)', '{b)', 'tb)'.
# (Not from inside a run of blanks: a search through a long run would be quadratic.)
_BRACKET_READ = r"[(\[{itlj1|]"  # what OCR reads for a label's opening bracket
_LETTERED_READ = lazy_re.compile(
    r"(?<![ \t])[ \t]*" + _BRACKET_READ + r"?(?P<n>[a-z])[)}\]][ \t]+[A-Z]"
)
_PREAMBULAR = lazy_re.compile(
    r"[ \t]*(?:[A-Z][a-z]+ing\b|(?:Deeply|Gravely|Seriously|Fully|Noting|Bearing|Mindful|Aware|"
    r"Convinced|Concerned|Alarmed|Conscious|Determined|Desirous|Guided|Emphasizing|Having|"
    r"Cognizant|Encouraged|Disturbed|Appreciative|Inspired|Persuaded|Resolved|Seized|"
    r"Welcoming|Expressing|Taking|Further|Also)\b)"
)
_END = lazy_re.compile(r"(?P<mark>[.:,;])(?P<tail>[^\w\n]{0,3}(?:\d{1,3}|\*)?[ \t]*)$")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


@dataclass(frozen=True)
class ParagraphEndingsFixer:
    """Restore the comma or semicolon that ends resolution paragraphs."""

    name: ClassVar[str] = "paragraph_endings"
    language_independent: ClassVar[bool] = False
    #: An operative paragraph followed by another, their numbers misread ('LO") Further
    #: encourages'), ends with ';' too.
    misread_numbers: bool = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        opening = _OPENING.search(text)
        if opening is not None and opening.group().rstrip().endswith("."):
            pos = opening.start() + len(opening.group().rstrip()) - 1
            yield Edit(
                pos, pos + 1, ".", ",", self.name, "the opening of a resolution ends with ','", 0.8
            )
        start = opening.end() if opening is not None else 0
        paragraphs = list(_PARAGRAPH.finditer(text, start))
        if opening is None and not (
            ADOPTED_HEADING.search(text)
            or _RESOLUTION_SYMBOL.search(text)
            or _reads_as_resolution(paragraphs)
        ):
            return
        for para, nxt in itertools.pairwise(paragraphs):
            body, following = para.group(), nxt.group()
            # (A match of _END holds at most 6 characters after its mark, then blanks: it is
            # looked for only from 8 before the end of the paragraph's last visible character.)
            end = _END.search(body, max(0, len(body.rstrip()) - 8))
            if end is None:
                continue
            want = _expected_end(body, following, self.misread_numbers)
            mark = end.group("mark")
            if want is None or mark == want:
                continue
            # (A comma for the semicolon too: on the 96 real pages' own text and the team's
            # pages, 550 paragraphs that another of their kind follows end with ';', none
            # with ','.)
            if mark not in ".:," or (want == "," and mark == ":"):
                continue
            pos = para.start() + end.start("mark")
            yield Edit(
                pos,
                pos + 1,
                mark,
                want,
                self.name,
                f"a {'preambular' if want == ',' else 'numbered'} paragraph followed by "
                f"another ends with '{want}'",
                0.75,
            )


def _expected_end(body: str, following: str, misread_numbers: bool = False) -> str | None:
    """The mark this paragraph must end with, given the next one; None if unknown."""
    numbered, next_numbered = _NUMBERED.match(body), _NUMBERED.match(following)
    if body.rstrip().endswith(":") and _later_label(following, after_numbered=bool(numbered)):
        # A colon opens a list: in the training session's resolutions, the 175 paragraphs
        # that end with one are followed by a first label ('(a)', '(i)', '1.', 'A.'), a
        # title or a schedule's day, never by a later label, whatever OCR made of it.
        return ";"
    if (
        body.rstrip().endswith(":")
        and (_LETTERED.match(body) or _LETTERED_READ.match(body) or body[:1].islower())
        and (next_item := _LETTERED.match(following) or _LETTERED_READ.match(following))
        and next_item.group("n") not in ("a", "i")
    ):
        return ";"  # ... nor, after an item, an item that is not the first: '(c) ...: (d)'
    if numbered and next_numbered:
        if int(next_numbered.group("n")) == int(numbered.group("n")) + 1 and (
            numbered.group("word").endswith("s")
        ):
            return ";"
        return None
    if misread_numbers and _operative(body) and _operative(following):
        # Two operative paragraphs, a number misread on either side ('6.. Requests',
        # 'LO") Further encourages', '. dso requests' once repaired): the same ';'.
        return ";"
    lettered = _LETTERED.match(body) or _LETTERED_READ.match(body)
    next_lettered = _LETTERED.match(following) or _LETTERED_READ.match(following)
    if lettered and next_lettered and _follows(lettered.group("n"), next_lettered.group("n")):
        return ";"
    if lettered and next_numbered:  # the last item of a paragraph that another follows
        return ";"
    if (
        body[:1].islower()
        and next_lettered
        and next_lettered.group("n") not in ("a", "i")
        and not numbered
    ):
        return ";"  # an item continued from the page before, the next item after it
    if body[:1].islower() and len(body.split()) >= 4 and _PREAMBULAR.match(following):
        return ","  # the end of a preambular paragraph continued from the page before
    if _PREAMBULAR.match(body) and (
        _PREAMBULAR.match(following) or (next_numbered and next_numbered.group("n") == "1")
    ):
        return ","
    return None


# The label that opens a paragraph as OCR may have read it: a number and a stop ('6. —
# Recognizes'), or up to four characters and a closing bracket ('Uy)', '{g)'); not a digit
# in brackets, which no label is and any may be read as ('4)' for '(i)').
_LABEL_READ = lazy_re.compile(
    r"[ \t]*(?:(?P<n>\d{1,3})\.[ \t]|(?P<inner>[^\s\d)]{1,4})\)[ \t]+[A-Za-z])"
)
# What a first label may have been read as: '(a)', '(i)', '1', with a bracket misread.
_FIRST_INNER = lazy_re.compile(_BRACKET_READ + r"?[ailI1|]")


def _later_label(following: str, after_numbered: bool) -> bool:
    """Does ``following`` open with a label that cannot be a list's first: a number above 1,
    or a bracketed label whose letter cannot be 'a' or 'i' however misread? (Not a bracketed
    one after a numbered paragraph, whose colon opens the items: OCR may have lost the
    first ones.)"""
    label = _LABEL_READ.match(following)
    if label is None:
        return False
    if label.group("n") is not None:
        return int(label.group("n")) > 1
    return not after_numbered and _FIRST_INNER.fullmatch(label.group("inner")) is None


OPERATIVE_VERBS = frozenset(
    "Requests Decides Calls Urges Encourages Invites Welcomes Takes Notes Recognizes Reaffirms "
    "Emphasizes Stresses Underlines Underscores Expresses Acknowledges Recommends Affirms "
    "Approves Adopts Appeals Authorizes Commends Condemns Deplores Endorses Proclaims "
    "Designates Reiterates Supports Recalls Invites Draws Appreciates Agrees Considers "
    "Declares Demands Deems Regrets Renews Resolves Solemnly Strongly Further Also".split()
)


# An operative paragraph's opening as OCR may have read its number: up to four characters
# of label, then the verb ('12.) Requests', 'LO") Further', 'Ht. Affirms').
_OPERATIVE_READ = lazy_re.compile(r"[ \t]*\S{1,4}[ \t]+(?P<word>[A-Z][a-z]+)\b")


def _operative(paragraph: str) -> bool:
    """Does ``paragraph`` open as an operative paragraph, its number read or misread?"""
    if _LETTERED.match(paragraph) or _LETTERED_READ.match(paragraph):
        return False  # an item of a list ('(a) Encourages'), which a colon may open
    m = _OPERATIVE_READ.match(paragraph)
    return m is not None and m.group("word") in OPERATIVE_VERBS


def _reads_as_resolution(paragraphs: list[re.Match[str]]) -> bool:
    """A page without the opening (a later page) still reads as a resolution when two of its
    numbered paragraphs open with operative verbs ('4. Recommends')."""
    verbs = 0
    for para in paragraphs:
        numbered = _NUMBERED.match(para.group())
        if numbered and numbered.group("word") in OPERATIVE_VERBS:
            verbs += 1
            if verbs >= 2:
                return True
    return False


def _follows(first: str, second: str) -> bool:
    """Is ``second`` the label after ``first``: (a) (b), or (i) (ii)?"""
    if first in _ROMAN and second in _ROMAN and _ROMAN.index(second) == _ROMAN.index(first) + 1:
        return True
    return len(first) == len(second) == 1 and ord(second) == ord(first) + 1
