"""One tokenizer with spans, and the small text predicates the fixers share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from . import lazy_re

Kind = Literal["word", "number", "space", "newline", "punct"]

# Letters (any script) with inner apostrophes or hyphens; numbers with inner . , / separators.
_TOKEN = lazy_re.compile(
    r"(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
    r"|(?P<number>\d+(?:[.,/:]\d+)*)"
    r"|(?P<newline>\r\n|\n|\r)"
    r"|(?P<space>[^\S\r\n]+)"
    r"|(?P<punct>.)",
    re.DOTALL,
)

#: A plain ASCII word an English fixer may consider: letters only, at most one inner hyphen run.
ASCII_WORD = lazy_re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Token:
    kind: Kind
    text: str
    start: int
    end: int


def tokenize(text: str) -> Iterator[Token]:
    """Yield tokens covering ``text`` exactly, in order."""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        assert kind is not None
        yield Token(kind, m.group(), m.start(), m.end())  # type: ignore[arg-type]


def case_shape(word: str) -> str:
    """'lower', 'title', 'upper' or 'mixed'."""
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    if word[:1].isupper() and (len(word) == 1 or word[1:].islower()):
        return "title"
    return "mixed"


def match_case(word: str, shape: str) -> str:
    """Give ``word`` (lower case) the case ``shape`` of the token it replaces."""
    if shape == "title":
        return word[:1].upper() + word[1:]
    if shape == "upper":
        return word.upper()
    return word


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end (exclusive, without the newline) of the line holding ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def without_accents(word: str) -> str | None:
    """``word`` with its accents dropped, or None when that leaves other letters than ASCII
    (``ß``, ``ø``, Greek or Cyrillic: no English word) or changes nothing."""
    plain = "".join(
        c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn"
    )
    return plain if plain.isascii() and plain != word else None


def paired(gt: Sequence[str], ocr: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(ground-truth index, OCR index) of the tokens aligned one to one: equal tokens, and
    replaced runs of as many tokens on both sides (where tokens were merged, split, lost or
    added, the tokens around are not paired)."""
    from rapidfuzz.distance import Levenshtein  # (deferred: fixing text needs no alignment)

    for op in Levenshtein.opcodes(gt, ocr):
        if op.src_end - op.src_start == op.dest_end - op.dest_start:
            yield from zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end))


def spelling_variants(word: str, other: str) -> bool:
    """Are ``word`` and ``other`` one word's British and American spellings, s for z
    ('Recognising', 'Recognizing'; 'organisation')? Neither is a misreading of the other: a
    British text writes the one, the UN the other."""
    return (
        len(word) == len(other)
        and word != other
        and all(a == b or {a, b} == {"s", "z"} for a, b in zip(word, other))
    )
