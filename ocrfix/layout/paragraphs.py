"""Paragraphs: wrapped lines joined, line-end hyphenation resolved, and a paragraph that a
page break or a footnote block interrupted put back together.

``devel-`` + ``opment`` becomes ``development`` only when the lexicon knows the joined word
and does not know the hyphenated compound; real compounds keep their hyphen
(``Secretary-General``, ``follow-up``, ``sixty-third``, ``capacity-building``), and so does a
suspended hyphen (``low- and middle-income``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .. import lazy_re
from ..lexicon import default_lexicon
from ..pipeline import IGNORE_MARKER
from .model import TERMINAL, Join, Line, LineKind, Paragraph

# (From the start of a word only: searched from every letter, a long word took quadratic time.)
_HYPHEN_END = lazy_re.compile(r"(?<![^\W\d_])([^\W\d_]+)-$")
_LEAD_WORD = lazy_re.compile(r"[^\W\d_]+")
_SUSPENDED = frozenset({"and", "or", "to", "nor"})
# A label that opens a paragraph: '1.', '(a)', '(iv)', 'II.', 'A.'.
_LABEL = lazy_re.compile(
    r"(?:(?P<number>\d{1,3})\.|\((?P<letter>[a-z]{1,4})\)|(?P<roman>[IVXL]{1,6})\.|(?P<capital>[A-Z])\.)"
    r"(?=\s)"
)
# A footnote marker left at the end of a line ('Child,6'): not the line's punctuation.
_END_MARKER = lazy_re.compile(r"(?<=[,.;:”’\")])\d{1,3}$")
#: A block of lines all shorter than this (in characters) is not wrapped prose: it keeps its
#: line breaks (a title block, an address, a list of names).
SHORT_LINE = 50


def join(prev: str, nxt: str, *, short_block: bool = False) -> Join:
    """How the stripped line ``prev`` continues on the stripped line ``nxt`` (``short_block``:
    both are lines of a block of short lines)."""
    if IGNORE_MARKER in prev or IGNORE_MARKER in nxt:
        return Join("\n", False, f"kept a line marked '{IGNORE_MARKER}' on its own")
    m = _HYPHEN_END.search(prev)
    lead = _LEAD_WORD.match(nxt)
    if m and lead:
        first, second = m.group(1), lead.group()
        if second.lower() in _SUSPENDED:
            return Join(" ", False, f"kept the suspended hyphen of '{first}-'")
        compound = f"{first}-{second}"
        lexicon = default_lexicon()
        if (
            lexicon.frequency(compound) > 0
            or second[0].isupper()
            or not lexicon.known(first + second)
        ):
            return Join("", False, f"rejoined the compound '{compound}' across a line break")
        return Join("", True, f"removed line-end hyphenation: '{first}{second}'")
    if short_block:
        return Join("\n", False, "kept the lines of a block of short lines")
    return Join(" ", False, "joined wrapped lines")


def joined(contents: Sequence[str], joins: Sequence[Join]) -> str:
    """The stripped lines ``contents`` as one text, joined as ``joins`` say."""
    out = list(contents[:1])
    for how, nxt in zip(joins, contents[1:]):
        if how.drop_hyphen:
            out[-1] = out[-1][:-1]
        out.extend((how.separator, nxt))
    return "".join(out)


def is_open(content: str) -> bool:
    """Does a paragraph ending with this line go on (no final punctuation)?"""
    text = _END_MARKER.sub("", content.rstrip()).rstrip("”’\"')]")
    return bool(text) and text[-1] not in TERMINAL


def continues(prev: str, nxt: str) -> bool:
    """Does the paragraph ending with ``prev`` go on at ``nxt``, across an interruption?

    It does when ``prev`` ends with a hyphen, or without punctuation, or with a comma before
    a lower-case word (``... processes, where`` + ``they exist``); never at a paragraph label.
    """
    if not prev or not nxt or _LABEL.match(nxt):
        return False
    if _HYPHEN_END.search(prev):
        return True
    text = _END_MARKER.sub("", prev).rstrip()
    if nxt[0].islower():
        return text[-1:] not in (".", "!", "?", ";")
    return text[-1:].isalnum()


def label(content: str) -> tuple[str | None, str]:
    """A paragraph's label (``1``, ``a``, ``II``) and its text after the label."""
    m = _LABEL.match(content)
    if not m:
        return None, content
    value = next(v for v in m.groups() if v is not None)
    return value, content[m.end() :].lstrip()


def build(
    lines: Sequence[Line],
    kinds: Sequence[LineKind],
    page_numbers: Sequence[int],
) -> list[Paragraph]:
    """Body paragraphs, in order: blocks of body lines between blank lines, a block joined to
    the one before when a page break or a footnote block interrupted it mid-sentence."""
    groups: list[list[int]] = []
    starts: list[list[bool]] = []  # per member line: does it open a block of its own?
    prev_body: int | None = None
    interrupted = False
    for i, kind in enumerate(kinds):
        if kind != "body":
            if kind in ("footnote", "furniture"):
                interrupted = True
            continue
        if prev_body is None:
            groups.append([i])
            starts.append([True])
        elif prev_body == i - 1 and not _page_break(page_numbers, prev_body, i):
            groups[-1].append(i)
            starts[-1].append(False)
        else:
            broken = interrupted or _page_break(page_numbers, prev_body, i)
            if broken and continues(lines[prev_body].content, lines[i].content):
                groups[-1].append(i)
                starts[-1].append(True)
            else:
                groups.append([i])
                starts.append([True])
        prev_body = i
        interrupted = False
    return [_paragraph(lines, g, s, page_numbers) for g, s in zip(groups, starts)]


def _page_break(page_numbers: Sequence[int], a: int, b: int) -> bool:
    return page_numbers[a] != page_numbers[b]


def _paragraph(
    lines: Sequence[Line],
    members: list[int],
    opens: list[bool],
    page_numbers: Sequence[int],
) -> Paragraph:
    contents = [lines[i].content for i in members]
    block = [0] * len(members)  # which block of the paragraph each line is in
    for k in range(1, len(members)):
        block[k] = block[k - 1] + opens[k]
    short = {
        b
        for b in set(block)
        if all(len(c) < SHORT_LINE for c, kb in zip(contents, block) if kb == b)
    }
    joins = [
        join(a, b, short_block=block[k] == block[k + 1] and block[k] in short)
        for k, (a, b) in enumerate(itertools.pairwise(contents))
    ]
    number, body = label(joined(contents, joins))
    return Paragraph(
        lines=tuple(members),
        joins=tuple(joins),
        number=number,
        pages=tuple(sorted({page_numbers[i] for i in members})),
        text=body,
    )
