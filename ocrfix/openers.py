"""How UN resolutions open their paragraphs: learned counts of paragraph-opening words.

Every preambular paragraph of a resolution opens with a participle (``Recalling``,
``Welcoming``), every operative one with a verb after its number (``1. Requests``,
``4. Also urges``). They are set in italics, which OCR misreads more than roman type
(``Hpleomes`` for ``Welcomes``, ``dso`` for ``Also``). What opens a paragraph is a fact
about UN text: the counts are those of the training session's resolutions
(``benchmarks/train_model.py``), the first word of each paragraph as printed, and the first
two (the second in lower case: ``Also requests``), for
:mod:`ocrfix.fixers.paragraph_openers`.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import lazy_re
from .lexicon import cached_parse
from .noisy_channel import write_data_file

#: Opener counts of UN resolutions (the training session's).
OPENERS_FILE = Path(__file__).parent / "data" / "un_openers.tsv"
OPENERS_FORMAT = "# ocrfix opener counts 1"
#: Openers and opening pairs kept: seen this often.
MIN_OPENER_COUNT = 2

#: How a paragraph opens, matched at its start (after a blank line), in a text layer or in
#: OCR text: perhaps the paragraph's number (as OCR may read it: ``2.)``, ``16.0``; on a line
#: of its own in a text layer), perhaps a stray mark, then the first token (letters, digits OCR
#: put among them, inner apostrophes) and, on its line, the next word.
OPENING = lazy_re.compile(
    r"[^\S\n]*(?:[(\[]?\d{1,3}(?:[.,:;)\]”’'\"]|\.\d)*\s+)?[‘“'\"_(]?"
    r"(?P<first>[^\W\d_](?:[^\W_]|['’](?=[^\W\d_]))*)(?![\w-])"
    r"(?:[^\w\s]*[^\S\n]+(?P<second>[A-Za-z]+)\b)?"
)
# Blanks at a line's end (a text layer's blank lines hold a space).
_LINE_END_BLANKS = lazy_re.compile(r"(?<![^\S\n])[^\S\n]+\n")


@dataclass(frozen=True)
class OpenerCounts:
    """How often each word opens a paragraph (as printed), and each first word with the
    next (``"Also requests"``); ``paragraphs``: the paragraphs counted."""

    first: Mapping[str, int]
    pairs: Mapping[str, int]
    paragraphs: int
    #: how often each word (lower case) follows the first word of a paragraph
    seconds: Mapping[str, int]

    def pair(self, first: str, second: str) -> int:
        return self.pairs.get(f"{first} {second.lower()}", 0)


def openings(text: str) -> Iterator[tuple[str, str]]:
    """(first token, next word or '') of each paragraph of ``text`` that opens with a word."""
    for part in _LINE_END_BLANKS.sub("\n", text).split("\n\n"):
        m = OPENING.match(part.lstrip("\n"))
        if m is not None:
            yield m.group("first"), m.group("second") or ""


def count_openers(texts: Iterable[str]) -> OpenerCounts:
    """The paragraph openers of ``texts`` (born-digital text layers)."""
    first: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    paragraphs = 0
    for text in texts:
        for a, b in openings(text):
            paragraphs += 1
            first[a] += 1
            if b:
                pairs[f"{a} {b.lower()}"] += 1
    return OpenerCounts(first, pairs, paragraphs, _seconds(pairs))


def _seconds(pairs: Mapping[str, int]) -> dict[str, int]:
    seconds: Counter[str] = Counter()
    for pair, n in pairs.items():
        seconds[pair.partition(" ")[2]] += n
    return dict(seconds)


def save_openers(counts: OpenerCounts, path: str | os.PathLike[str], note: str = "") -> None:
    """Write the openers and pairs seen :data:`MIN_OPENER_COUNT` times or more."""
    lines = [f"*\t{counts.paragraphs}"]
    lines += [f"{w}\t{n}" for w, n in sorted(counts.first.items()) if n >= MIN_OPENER_COUNT]
    lines += [f"{p}\t{n}" for p, n in sorted(counts.pairs.items()) if n >= MIN_OPENER_COUNT]
    write_data_file(path, OPENERS_FORMAT, note, lines)


@functools.cache
def opener_counts() -> OpenerCounts:
    """The shipped opener counts (loaded once, through the on-disk cache); empty when the
    package lacks them."""

    def parse() -> tuple[dict[str, int], dict[str, int], int]:
        first: dict[str, int] = {}
        pairs: dict[str, int] = {}
        paragraphs = 0
        if OPENERS_FILE.is_file():
            for line in OPENERS_FILE.read_text(encoding="utf-8").splitlines():
                if not line or line.startswith("#"):
                    continue
                key, _, count = line.rpartition("\t")
                if key == "*":
                    paragraphs = int(count)
                else:
                    (pairs if " " in key else first)[key] = int(count)
        return first, pairs, paragraphs

    first, pairs, paragraphs = cached_parse("un-openers", OPENERS_FILE, parse)
    return OpenerCounts(first, pairs, paragraphs, _seconds(pairs))
