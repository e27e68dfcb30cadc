"""Which word was printed: the one scorer the word fixers decide with.

A token OCR read is explained by each candidate word ``c`` (the word was ``c``, misread) and
by the token itself (the word was printed as read). Each explanation scores

    log P(c) + context * log P(neighbours | c) - channel * cost(token | c)

the language model (the lexicon's word counts and the bigram counts of ``c`` with the words
on either side) and the error model (the OCR confusion table's cost of reading ``c`` as the
token: its costs are -log P(read | printed) on a common scale, learned from aligned pages by
``ocrfix learn``). Keeping a token costs nothing in the channel; its prior is the caller's
``keep`` score: for ``character_confusions``, which judges unknown words only, a calibrated
prior for an unknown word (higher for a capitalised word inside a sentence: a name).

The posterior of each explanation is its share of ``exp(score)``. A fixer changes a token only
when the best candidate's posterior reaches ``threshold``; that posterior is the edit's
confidence, and the runner-up is named in its reason. The weights and the threshold were
calibrated on the training pairs alone (``benchmarks/calibrate.py``).
"""

from __future__ import annotations

import functools
import math
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from . import lazy_re
from .lexicon import Lexicon, cached_parse

#: Word and word-pair counts of UN resolutions (the training session's), written by
#: ``benchmarks/train_model.py``: the in-domain half of the language model.
COUNTS_FILE = Path(__file__).parent / "data" / "un_counts.tsv"
COUNTS_FORMAT = "# ocrfix word counts 1"
#: Counts kept: words seen this often, pairs seen this often.
MIN_WORD_COUNT = 2
MIN_PAIR_COUNT = 3
#: Pairs of words two apart (``"first third"``, any word between) in the same resolutions:
#: context that reaches past a neighbour OCR garbled.
SKIPS_FILE = Path(__file__).parent / "data" / "un_skips.tsv"
SKIPS_FORMAT = "# ocrfix skip counts 1"
#: How often each word of those resolutions is capitalised inside a sentence (``Committee``,
#: ``Assembly``, but not ``area``): the case half of the language model, for capitalised tokens.
CAPITALS_FILE = Path(__file__).parent / "data" / "un_capitals.tsv"
CAPITALS_FORMAT = "# ocrfix capital counts 1"
#: Pseudo-count of the smoothing of a word's share of capitalised uses towards the share over
#: all words.
CAPITALS_PRIOR = 2.0
#: A word as the counts see it: letters, perhaps with inner apostrophes and hyphens.
COUNTED_WORD = lazy_re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


@dataclass(frozen=True)
class Weights:
    """How the scorer weighs its evidence (natural-log units), and when it acts."""

    #: log-probability lost per unit of confusion-table cost
    channel: float = 8.0
    #: weight of the bigram evidence on each side
    context: float = 0.5
    #: log prior count of a lower-case word the lexicon does not know, kept as read
    unknown: float = 2.0
    #: log prior count of an unknown capitalised word inside a sentence (a name)
    name: float = 7.0
    #: posterior the best candidate needs before the token is changed
    threshold: float = 0.99
    #: weight of how often UN text capitalises a candidate, for a capitalised token inside a
    #: sentence (0: case says nothing)
    capitals: float = 1.0
    #: weight of the evidence of the words two before and two after (see :data:`SKIPS_FILE`)
    skip: float = 0.5


@dataclass(frozen=True)
class Ranking:
    """The explanations of one token, best first: (word, posterior); the token itself, kept,
    is among them."""

    token: str
    hypotheses: tuple[tuple[str, float], ...]

    @property
    def best(self) -> str:
        return self.hypotheses[0][0]

    @property
    def posterior(self) -> float:
        return self.hypotheses[0][1]

    @property
    def runner_up(self) -> tuple[str, float] | None:
        return self.hypotheses[1] if len(self.hypotheses) > 1 else None

    def choice(self, threshold: float) -> str | None:
        """The word to write instead of the token, or None to keep it."""
        if self.best == self.token or self.posterior < threshold:
            return None
        return self.best

    def reason(self) -> str:
        """Why the best candidate won, for an edit's explanation."""
        runner = self.runner_up
        if runner is None:
            return f"OCR misread of '{self.best}' (P = {self.posterior:.2f})"
        word, p = runner
        other = "as read" if word == self.token else f"'{word}'"
        return f"OCR misread of '{self.best}' (P = {self.posterior:.2f}; next: {other}, {p:.2f})"


@dataclass(frozen=True)
class DomainCounts:
    """In-domain word and pair counts, lower case (see :func:`language_score` for how they
    join the general English counts). The pairs are read when first asked for (``load_pairs``;
    a small clean file needs none of them: 32,000 pairs, 15 ms at start-up)."""

    words: Mapping[str, int]
    load_pairs: Callable[[], Mapping[str, int]] = field(default=dict, repr=False)

    @property
    def pairs(self) -> Mapping[str, int]:
        return self.load_pairs()

    def pair(self, first: str, second: str) -> int:
        """How often UN text writes the two words in a row (case aside)."""
        return self.pairs.get(f"{first.lower()} {second.lower()}", 0)


def _line_words(texts: Iterable[str]) -> Iterator[list[str]]:
    """The counted words of each line of ``texts``, lower case."""
    for text in texts:
        for line in text.splitlines():
            yield [w.lower() for w in COUNTED_WORD.findall(line)]


def count_words(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """Word counts and word-pair counts (``"first second"``, within a line) of ``texts``."""
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for found in _line_words(texts):
        words.update(found)
        pairs.update(f"{a} {b}" for a, b in pairwise(found))
    return words, pairs


def count_skips(texts: Iterable[str]) -> Counter[str]:
    """Counts of word pairs two apart (``"first third"``, within a line) of ``texts``."""
    skips: Counter[str] = Counter()
    for found in _line_words(texts):
        skips.update(f"{a} {b}" for a, b in zip(found, found[2:]))
    return skips


def save_skips(skips: Counter[str], path: str | os.PathLike[str], note: str = "") -> None:
    """Write the skip pairs seen :data:`MIN_PAIR_COUNT` times or more."""
    lines = [f"{p}\t{n}" for p, n in sorted(skips.items()) if n >= MIN_PAIR_COUNT]
    write_data_file(path, SKIPS_FORMAT, note, lines)


@functools.cache
def domain_skips() -> dict[str, int]:
    """The shipped skip-pair counts (loaded once, when first asked; empty without the file)."""
    return cached_parse("un-skips", SKIPS_FILE, lambda: _parse_counts(SKIPS_FILE))


def save_counts(
    words: Counter[str], pairs: Counter[str], path: str | os.PathLike[str], note: str = ""
) -> None:
    """Write the counts kept (see :data:`MIN_WORD_COUNT`) as ``word TAB count`` lines."""
    lines = [f"{w}\t{n}" for w, n in sorted(words.items()) if n >= MIN_WORD_COUNT]
    lines += [f"{p}\t{n}" for p, n in sorted(pairs.items()) if n >= MIN_PAIR_COUNT]
    write_data_file(path, COUNTS_FORMAT, note, lines)


def write_data_file(
    path: str | os.PathLike[str], header: str, note: str, lines: Iterable[str]
) -> None:
    """Write a data file of counts: its format line, the note (if any), then ``lines``,
    through a temporary file so that a reader never sees half of it."""
    head = [header, f"# {note}"] if note else [header]
    tmp = Path(f"{path}.tmp")
    tmp.write_text("\n".join([*head, *lines]) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def count_capitals(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """For each word (lower case): its uses inside a sentence (not after ``. ? ! : ;`` or an
    opening bracket or quote, nor at the start of the text), and how many of them are
    capitalised (``Committee``; words in capitals, acronyms, are left out)."""
    capitalised: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for text in texts:
        for m in COUNTED_WORD.finditer(text):
            before = _char_before(text, m.start())
            if not before or before in '.?!:;(“"‘':
                continue
            word = m.group()
            if word.islower():
                inside[word] += 1
            elif word[0].isupper() and word[1:].islower():
                inside[word.lower()] += 1
                capitalised[word.lower()] += 1
    return capitalised, inside


def _char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is no whitespace ('' at the start)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1] if pos else ""


def save_capitals(
    counts: tuple[Counter[str], Counter[str]], path: str | os.PathLike[str], note: str = ""
) -> None:
    """Write ``word TAB capitalised TAB uses`` lines for the words the UN counts keep."""
    capitalised, inside = counts
    domain = domain_counts()
    lines = [f"{w}\t{capitalised[w]}\t{n}" for w, n in sorted(inside.items()) if w in domain.words]
    write_data_file(path, CAPITALS_FORMAT, note, lines)


@functools.cache
def capital_counts() -> tuple[dict[str, tuple[int, int]], float]:
    """The shipped capital counts, ``{word: (capitalised, uses)}``, and the share of
    capitalised uses over all words (loaded once; empty without the file)."""

    def parse() -> tuple[dict[str, tuple[int, int]], float]:
        found: dict[str, tuple[int, int]] = {}
        if CAPITALS_FILE.is_file():
            for line in CAPITALS_FILE.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    word, capitalised, inside = line.split("\t")
                    found[word] = (int(capitalised), int(inside))
        uses = sum(n for _, n in found.values())
        return found, sum(c for c, _ in found.values()) / uses if uses else 0.0

    # (The share is cached with the counts: summing them costs as much as reading them.)
    return cached_parse("un-capitals", CAPITALS_FILE, parse)


def capital_log_share(word: str) -> float:
    """log P(capitalised | ``word`` inside a sentence) in UN text, smoothed (0 without the
    counts): what a capitalised token inside a sentence says about the word it may be."""
    found, share = capital_counts()
    if not share:
        return 0.0
    capitalised, uses = found.get(word.lower(), (0, 0))
    return math.log((capitalised + CAPITALS_PRIOR * share) / (uses + CAPITALS_PRIOR))


@functools.cache
def domain_counts() -> DomainCounts:
    """The shipped UN counts (loaded once, through the on-disk cache); empty when the
    package lacks them."""
    words = cached_parse("un-count-words", COUNTS_FILE, lambda: _parse_counts(COUNTS_FILE, False))
    return DomainCounts(words, _domain_pairs)


@functools.cache
def _domain_pairs() -> dict[str, int]:
    return cached_parse("un-count-pairs", COUNTS_FILE, lambda: _parse_counts(COUNTS_FILE, True))


def _parse_counts(path: Path, pairs: bool | None = None) -> dict[str, int]:
    """The ``key TAB count`` lines of the data file ``path`` (empty without it): with
    ``pairs``, only the pair counts (keys holding a space), with ``False`` only the others."""
    found: dict[str, int] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            key, _, count = line.rpartition("\t")
            if pairs is None or (" " in key) == pairs:
                found[key] = int(count)
    return found


def word_count(word: str, lex: Lexicon) -> float:
    """How common ``word`` is: its general English count and its UN count (scaled)."""
    domain = domain_counts()
    return lex.frequency(word) + _scale(lex, domain) * domain.words.get(word.lower(), 0)


def pair_count(first: str, second: str, lex: Lexicon) -> float:
    """How common the word pair is: its English bigram count and its UN count (scaled)."""
    domain = domain_counts()
    return lex.bigram(first, second) + _scale(lex, domain) * domain.pair(first, second)


def language_score(
    word: str,
    context: tuple[str, str],
    lex: Lexicon,
    weight: float,
    far: tuple[str, str] = ("", ""),
    far_weight: float = 0.0,
) -> float:
    """log P(word), up to a constant, with the bigram evidence of its neighbours: general
    English counts and the in-domain UN counts (scaled to them), summed; with ``far_weight``,
    the UN counts of the word with the words two before and two after it (``far``)."""
    score = math.log(word_count(word, lex) + 1)
    prev, nxt = context
    if prev:
        score += weight * math.log1p(pair_count(prev, word, lex) / 1000)
    if nxt:
        score += weight * math.log1p(pair_count(word, nxt, lex) / 1000)
    if far_weight and any(far):
        skips, scale, low = domain_skips(), _scale(lex, domain_counts()), word.lower()
        before, after = far
        if before:
            score += far_weight * math.log1p(scale * skips.get(f"{before.lower()} {low}", 0) / 1000)
        if after:
            score += far_weight * math.log1p(scale * skips.get(f"{low} {after.lower()}", 0) / 1000)
    return score


def _scale(lex: Lexicon, domain: DomainCounts) -> float:
    """How many general counts one in-domain count is worth: the ratio of the counts of
    the commonest word (0 without in-domain counts)."""
    the = domain.words.get("the", 0)
    return lex.frequency("the") / the if the else 0.0


def rank(
    token: str,
    costs: Mapping[str, float],
    context: tuple[str, str],
    lex: Lexicon,
    weights: Weights,
    keep: float,
    capitalised: bool = False,
    far: tuple[str, str] = ("", ""),
    extra: Mapping[str, float] | None = None,
) -> Ranking:
    """Rank the candidates ``costs`` (word -> OCR cost of reading it as ``token``) against
    keeping ``token``, whose prior score is ``keep``. ``capitalised``: the token is capitalised
    inside a sentence, so each candidate also scores how often UN text capitalises it there
    (:func:`capital_log_share`, weighted by ``weights.capitals``); ``far``: the words two
    before and two after the token (weighted by ``weights.skip``); ``extra``: other
    explanations with their scores (two words run together: :func:`split_score`)."""
    scores = {
        c: language_score(c, context, lex, weights.context, far, weights.skip)
        - weights.channel * cost
        + (weights.capitals * capital_log_share(c) if capitalised else 0.0)
        for c, cost in costs.items()
        if c != token
    }
    scores[token] = keep
    if extra:
        scores.update(extra)
    return ranking(token, scores)


def ranking(token: str, scores: Mapping[str, float]) -> Ranking:
    """The explanations of ``token`` (``token`` itself among them: kept as read) ranked by
    their posterior, each one's share of ``exp(score)``."""
    top = max(scores.values())
    total = sum(math.exp(s - top) for s in scores.values())
    ranked = sorted(((math.exp(s - top) / total, c) for c, s in scores.items()), reverse=True)
    return Ranking(token, tuple((c, p) for p, c in ranked))


def split_score(
    first: str,
    second: str,
    cost: float,
    context: tuple[str, str],
    lex: Lexicon,
    weights: Weights,
) -> float:
    """The score of two words OCR ran together ('inorder': 'in order'), on the scale of
    :func:`rank`'s: the pair's count for the word's, the neighbours' pairs with the first
    and the second, less the channel cost of the lost space."""
    score = math.log(pair_count(first, second, lex) + 1)
    prev, nxt = context
    if prev:
        score += weights.context * math.log1p(pair_count(prev, first, lex) / 1000)
    if nxt:
        score += weights.context * math.log1p(pair_count(second, nxt, lex) / 1000)
    return score - weights.channel * cost
