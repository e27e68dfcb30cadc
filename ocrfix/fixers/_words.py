"""Word tokens the English word fixers may consider, with their neighbours."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A run of letters and digits holding a letter, not part of a symbol, URL, e-mail or path.
_CANDIDATE = re.compile(
    r"(?<![\w/@.&\\])[A-Za-z0-9|]*[A-Za-z][A-Za-z0-9|]*(?![\w/@&\\]|\.[A-Za-z0-9])"
)
_PREV_WORD = re.compile(r"([A-Za-z]+)[^\w\n]{0,2}$")
_NEXT_WORD = re.compile(r"^[^\w\n]{0,2}([A-Za-z]+)")

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "as",
        "is",
        "are",
        "be",
        "its",
        "it",
        "this",
        "that",
        "which",
        "their",
        "into",
        "upon",
    ]
)


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    prev: str  # the word before on the same line ('' if none)
    next: str  # the word after on the same line ('' if none)


def words(text: str) -> Iterator[Word]:
    for m in _CANDIDATE.finditer(text):
        start, end = m.span()
        before = _PREV_WORD.search(text, max(0, start - 40), start)
        after = _NEXT_WORD.search(text[end : end + 40])
        yield Word(
            m.group(),
            start,
            end,
            before.group(1) if before else "",
            after.group(1) if after else "",
        )


def sentence_start(text: str, pos: int) -> bool:
    """Does a sentence or paragraph begin at ``pos`` (so a capital letter says nothing)?"""
    head = text[max(0, pos - 12) : pos].rstrip(" \t")
    return (
        not head
        or head.endswith(("\n", ".", "?", "!", ":", "“", '"', "("))
        or bool(re.search(r"(?:^|\n)[ \t]*(?:\d{1,3}\.|\([a-z]{1,4}\))$", head))
    )
