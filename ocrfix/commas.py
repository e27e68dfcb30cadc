"""How often UN text writes a comma between two words: learned comma statistics.

OCR reads a comma as a full stop (``the report. in``) and a speck as a full stop (``held. in``);
the mark before a lower-case word is then a comma misread or no mark at all. Which one is a
fact about the words: UN resolutions write ``States, in`` often and ``held, in`` almost never.
The counts are those of the training session's resolutions (``benchmarks/train_model.py``):
for each word, how often a comma follows it and precedes it, and for each word pair how often
a comma stands between them; the word and pair totals are the UN counts of
:mod:`ocrfix.noisy_channel`.

:func:`comma_probability` estimates P(comma | first, second): the pair's own share, smoothed
towards a back-off that combines the shares of either word (their odds multiplied, over the
odds of a comma after any word).
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from .lexicon import cached_parse
from .noisy_channel import COUNTED_WORD, domain_counts, write_data_file

#: Comma counts of UN resolutions (the training session's), written by
#: ``benchmarks/train_model.py``.
COMMAS_FILE = Path(__file__).parent / "data" / "un_commas.tsv"
COMMAS_FORMAT = "# ocrfix comma counts 2"
#: Pseudo-counts of the smoothing: of a word's share towards the share over all words, and
#: of a pair's share towards the back-off of its two words.
WORD_PRIOR = 20.0
PAIR_PRIOR = 2.0


@dataclass(frozen=True)
class CommaCounts:
    """Commas after and before each word, and between word pairs (lower case)."""

    after: Mapping[str, int]
    before: Mapping[str, int]
    between: Mapping[str, int]
    #: commas after a word, over all words
    share: float
    #: full stops between word pairs (``"first second"``): the end of one sentence and the
    #: start of the next on one line
    stops: Mapping[str, int] = dataclasses.field(default_factory=dict)


def _gaps(texts: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    """(first, second, what stands between them, stripped) for each pair of neighbouring
    words within a line of ``texts``, the words in lower case."""
    for text in texts:
        for line in text.splitlines():
            for a, b in pairwise(COUNTED_WORD.finditer(line)):
                gap = line[a.end() : b.start()].strip()
                yield a.group().lower(), b.group().lower(), gap


def count_commas(texts: Iterable[str]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Commas after each word, before each word, and between each pair (``"first second"``),
    within a line of ``texts``: a comma counts when it is all that stands between two words."""
    after: Counter[str] = Counter()
    before: Counter[str] = Counter()
    between: Counter[str] = Counter()
    for first, second, gap in _gaps(texts):
        if gap == ",":
            after[first] += 1
            before[second] += 1
            between[f"{first} {second}"] += 1
    return after, before, between


def count_stops(texts: Iterable[str]) -> Counter[str]:
    """Full stops between each word pair (``"first second"``) within a line of ``texts``: a
    stop counts when it is all that stands between two words."""
    return Counter(f"{first} {second}" for first, second, gap in _gaps(texts) if gap == ".")


def save_commas(
    counts: tuple[Counter[str], Counter[str], Counter[str]],
    path: str | os.PathLike[str],
    note: str = "",
    stops: Counter[str] | None = None,
) -> None:
    """Write the counts as ``word TAB after TAB before`` and ``first second TAB between``
    lines, and the stops as ``. first second TAB between`` lines, for the words and pairs the
    UN counts keep."""
    after, before, between = counts
    domain = domain_counts()
    lines = [
        f"{w}\t{after[w]}\t{before[w]}"
        for w in sorted(set(after) | set(before))
        if w in domain.words
    ]
    lines += [f"{p}\t{n}" for p, n in sorted(between.items()) if p in domain.pairs]
    lines += [f". {p}\t{n}" for p, n in sorted((stops or {}).items()) if p in domain.pairs]
    write_data_file(path, COMMAS_FORMAT, note, lines)


@functools.cache
def comma_counts() -> CommaCounts:
    """The shipped comma counts (loaded once, through the on-disk cache); empty when the
    package lacks them."""

    def parse() -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, int]]:
        after: dict[str, int] = {}
        before: dict[str, int] = {}
        between: dict[str, int] = {}
        stops: dict[str, int] = {}
        if COMMAS_FILE.is_file():
            for line in COMMAS_FILE.read_text(encoding="utf-8").splitlines():
                if not line or line.startswith("#"):
                    continue
                fields = line.split("\t")
                if len(fields) == 3:
                    after[fields[0]] = int(fields[1])
                    before[fields[0]] = int(fields[2])
                elif fields[0].startswith(". "):
                    stops[fields[0][2:]] = int(fields[1])
                else:
                    between[fields[0]] = int(fields[1])
        return after, before, between, stops

    after, before, between, stops = cached_parse("un-commas", COMMAS_FILE, parse)
    words = sum(domain_counts().words.values())
    share = sum(after.values()) / words if words else 0.0
    return CommaCounts(after, before, between, share, stops)


def stops_between(first: str, second: str) -> tuple[int, int]:
    """How often UN text writes a full stop between ``first`` and ``second`` (on one line),
    and how often the two stand together at all."""
    pair = f"{first.lower()} {second.lower()}"
    return comma_counts().stops.get(pair, 0), domain_counts().pairs.get(pair, 0)


def comma_probability(first: str, second: str) -> float | None:
    """P(a comma stands between ``first`` and ``second``) in UN text; ``None`` without
    counts (a package built without them)."""
    commas, domain = comma_counts(), domain_counts()
    p0 = commas.share
    if not 0 < p0 < 1:
        return None
    a, b = first.lower(), second.lower()
    odds = p0 / (1 - p0)
    pa = (commas.after.get(a, 0) + WORD_PRIOR * p0) / (domain.words.get(a, 0) + WORD_PRIOR)
    pb = (commas.before.get(b, 0) + WORD_PRIOR * p0) / (domain.words.get(b, 0) + WORD_PRIOR)
    combined = (pa / (1 - pa)) * (pb / (1 - pb)) / odds
    backoff = combined / (1 + combined)
    pair = f"{a} {b}"
    return (commas.between.get(pair, 0) + PAIR_PRIOR * backoff) / (
        domain.pairs.get(pair, 0) + PAIR_PRIOR
    )
