"""Real-word errors: OCR read one word as another word (``tor`` for ``for``, ``mare`` for
``more``, ``fer`` for ``for``), which no spell-checker flags.

Only the neighbours can tell. On a text that came in damaged (real-word errors come with
non-word errors), a lower-case word not seen next to both neighbours (English bigram counts
and the UN pair counts of the training session's resolutions) is replaced by a spelling it
may have been printed as (an OCR confusion from the table, or one thin letter OCR dropped or
added) when that spelling is a common word seen next to BOTH neighbours, the three words are
at least ``min_ratio`` times likelier with it (two pair counts over the word's own count; ten
times more if the word read fits one side), and no other spelling comes close. So
``Financing tor Development`` becomes ``Financing for Development``, while a rare but right
word keeps its place unless the context speaks for one alternative on both sides.
Words joined to a mark (a comma, a quote) are left alone: the mark breaks the context; an
ending is never changed for another (``licenses`` stays, though ``the licensee of`` is
common), nor a British spelling for an American one (``organisation``).
"""

from __future__ import annotations

import functools
import math
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re
from ..confusions import BUILT_IN, OTHER, THIN, ConfusionTable
from ..edits import Edit
from ..language import OTHER_FUNCTION_WORDS
from ..lexicon import RARE, Lexicon
from ..noisy_channel import Weights, capital_log_share, domain_counts, pair_count
from ..tokens import spelling_variants
from ._words import by_paragraph, came_in_damaged, foreign_nearby
from .base import Context

# Three tokens in a row: each a run of non-space characters.
_TOKEN = lazy_re.compile(r"\S+")
_WORD = lazy_re.compile(r"[a-z]{2,20}")
_NEIGHBOUR = lazy_re.compile(r"[A-Za-z]+")
_LEAD = "(“‘\"'"
_TRAIL = ".,;:)”’\"'?!"


@dataclass(frozen=True)
class RealWordsFixer:
    """Replace a word its neighbours never stand with by the one word they both call for."""

    name: ClassVar[str] = "real_words"
    language_independent: ClassVar[bool] = False
    max_cost: float = 0.8
    min_count: int = RARE
    min_ratio: float = 1000.0
    min_prior: float = 10.0
    channel: float = Weights.channel  # log-probability lost per unit of misreading cost
    # A capitalised word of a UN name misread as another word ('the General Assemble'): see
    # ``_title_words``.
    title_words: bool = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        lex = ctx.lexicon
        # (Judged on the text as it came in: by this stage the word fixers before it have
        # repaired most of what showed the damage.)
        if not came_in_damaged(text, ctx):
            return  # (and the bigram table is not even loaded: a clean file checks fast)
        # Paragraph by paragraph (see ``paragraphs``): a word's neighbours are in its own.
        memo = lex.memo(ctx.memo_name(f"{self!r}.paragraphs"), 4_000)

        def propose(part: str) -> list[Edit]:
            edits = list(self._propose(part, lex, ctx))
            if self.title_words:
                edits += self._title_words(part, lex, ctx)
            return sorted(edits, key=lambda e: e.start)

        yield from by_paragraph(text, memo, propose, lex)

    def _title_words(self, text: str, lex: Lexicon, ctx: Context) -> Iterator[Edit]:
        """Capitalised words of a UN name misread as other words ('the General Assemble',
        'Sustainable Development Goats', 'Member Slates'): a capitalised word never seen
        after (or before) the capitalised word beside it, where one spelling it may be a
        misreading of forms a name UN text writes often with that word."""
        counts = domain_counts()
        for before, token, after in _neighbourhoods(text):
            m = _CAPITALISED.fullmatch(token.group())
            if m is None or not lex.known(m["word"]) or lex.is_protected(m["word"]):
                continue
            word = m["word"]
            left = (
                before.group() if before and _CAPITALISED_BARE.fullmatch(before.group()) else None
            )
            right = after.group().rstrip(".,;:") if after and not m["mark"] else None
            if right is not None and _CAPITALISED_BARE.fullmatch(right) is None:
                right = None
            for other, first in ((left, False), (right, True)):
                if other is None:
                    continue
                # (A word in the token's place and one beside it, in the text's order.)
                order = _in_order if first else _reversed
                if counts.pair(*order(word, other)) or lex.bigram(*order(word, other)):
                    continue
                # (With a capitalised word on the other side too, the name must hold it as well:
                # 'International Lay Commission' is no 'International Day'.)
                beyond = right if not first else left
                found = []
                for v in self._options(word.lower(), lex, ctx.confusions):
                    spelled = v.capitalize()
                    n = counts.pair(*order(spelled, other))
                    if n < MIN_UN_NAME or capital_log_share(v) < math.log(MIN_CAPITALISED):
                        continue
                    if beyond is not None and not counts.pair(*order(beyond, spelled)):
                        continue
                    found.append((n, spelled))
                found.sort(reverse=True)
                if not found or (len(found) > 1 and found[1][0] * 10 > found[0][0]):
                    continue  # (no name, or two: not ours to choose)
                if foreign_nearby(text, token.start(), token.end()):
                    continue
                n, choice = found[0]
                yield Edit(
                    token.start(),
                    token.start() + len(word),
                    word,
                    choice,
                    self.name,
                    f"'{choice}' beside '{other}' is a name UN text writes {n} times; "
                    f"'{word}' never",
                    0.7,
                )
                break

    def _propose(self, text: str, lex: Lexicon, ctx: Context) -> Iterator[Edit]:
        # (Named by all the options: max_cost, min_count and min_prior decide the candidates,
        # and by the confusion table.)
        memo = lex.memo(ctx.memo_name(f"{self!r}.candidates"), 20_000)
        table = ctx.confusions
        for before, token, after in _triples(text):
            word = token.group()
            if not _WORD.fullmatch(word) or word in OTHER_FUNCTION_WORDS:
                continue
            options = memo.get(word)
            if options is not None and not options:
                continue  # (most words: no common word it may be a misreading of)
            if "\n\n" in text[before.end() : after.start()]:
                continue  # a paragraph ends between them
            prev = before.group().lstrip(_LEAD)
            nxt = _NEIGHBOUR.match(after.group().lstrip(_LEAD))
            if not prev.isalpha() or nxt is None:
                continue  # a mark after the word before breaks the context
            first, second = prev.lower(), nxt.group().lower()
            sides = bool(pair_count(first, word, lex)) + bool(pair_count(word, second, lex))
            if sides == 2 or lex.is_protected(word):
                continue  # the word fits both sides, or is never to be changed
            if options is None:  # (searched only for words that fail a side: the costlier test)
                options = tuple(self._options(word, lex, table))
                memo.put(word, options)
            fits = [
                v
                for v in options
                if pair_count(first, v, lex)
                and pair_count(v, second, lex)
                and not spelling_variants(word, v)
            ]
            if not fits:
                continue
            # The noisy channel: the context's evidence less the cost of the misreading.
            scored = sorted(
                (
                    (_fit(first, v, second, lex) - self.channel * table.distance(word, v), v)
                    for v in fits
                ),
                reverse=True,
            )
            best, choice = scored[0]
            # (A word seen on one side needs ten times the evidence against it.)
            needed = math.log(self.min_ratio) + sides * math.log(10)
            if best - _fit(first, word, second, lex) < needed:
                continue
            if len(scored) > 1 and best - scored[1][0] < math.log(self.min_ratio):
                continue  # two words fit: not ours to choose
            if foreign_nearby(text, token.start(), token.end()):
                continue
            yield Edit(
                token.start(),
                token.end(),
                word,
                choice,
                self.name,
                f"'{choice}' fits between '{prev}' and '{nxt.group()}' far better than '{word}'",
                0.7,
            )

    def _options(self, word: str, lex: Lexicon, table: ConfusionTable = BUILT_IN) -> Iterator[str]:
        """Common words ``word`` may be a misreading of, by one table confusion or one letter
        dropped or added."""
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        spellings = table.variants1(word)
        # Only letters OCR may drop within ``max_cost`` (thin ones) are put back: another
        # letter costs OCR's arbitrary edit, above the cost. (Two cheap confusions could spell
        # the same string in theory; on every word of the lexicon and 60,000 garbled ones the
        # options are the same as with every letter put back, at a third of the time.)
        spellings += [head + c + tail for head, tail in splits for c in _droppable(self.max_cost)]
        spellings += [head + tail[1:] for head, tail in splits if tail]
        # (One set intersection instead of a lexicon look-up per spelling: most are no word.)
        for v in sorted(lex.spellings(self.min_count).members.intersection(spellings)):
            if v == word or not v.isalpha() or not v.islower():
                continue
            if len(v) < 2 or not lex.known(v, min_count=self.min_count):
                continue
            if v[:-1] == word[:-1] and "s" in (v[-1], word[-1]):
                continue  # an ending, not a misreading: 'licenses' is no 'licensee'
            if word == v + word[-1]:
                continue  # a last letter is not a speck: 'wet' is no 'we'
            if lex.frequency(v) < self.min_prior * lex.frequency(word):
                continue  # only a word far rarer than the other is doubted: 'cats' stays
            if table.distance(word, v, self.max_cost) <= self.max_cost:
                yield v


_LOWER = string.ascii_lowercase
_CAPITALISED = lazy_re.compile(r"(?P<word>[A-Z][a-z]{2,19})(?P<mark>[.,;:]?)")
_CAPITALISED_BARE = lazy_re.compile(r"[A-Z][a-z]+")
#: A name UN text writes at least this often (the session-78 counts) is one OCR may have
#: garbled: 'General Assembly' (2,325), 'Development Goals' (682), 'Member States' (1,701).
MIN_UN_NAME = 20
#: ... and its word is capitalised inside sentences at least this often ('Human' 0.22; not a
#: function word: 'And', 0.0, for 'Global Land').
MIN_CAPITALISED = 0.1


def _in_order(first: str, second: str) -> tuple[str, str]:
    return first, second


def _reversed(first: str, second: str) -> tuple[str, str]:
    return second, first


@functools.cache
def _droppable(max_cost: float) -> str:
    """The letters whose loss the cost table puts within ``max_cost`` (the thin ones)."""
    return "".join(c for c in _LOWER if THIN.get(c, OTHER) <= max_cost)


def _triples(text: str) -> Iterator[tuple[re.Match[str], re.Match[str], re.Match[str]]]:
    """Each token with the one before and after it (a window, not a list: a long text's
    tokens as match objects would take hundreds of megabytes)."""
    tokens = _TOKEN.finditer(text)
    before, token = next(tokens, None), next(tokens, None)
    if before is None or token is None:
        return
    for after in tokens:
        yield before, token, after
        before, token = token, after


def _neighbourhoods(
    text: str,
) -> Iterator[tuple[re.Match[str] | None, re.Match[str], re.Match[str] | None]]:
    """Each token with the one before and after it, the first and last too (None beside
    them): a window, as :func:`_triples`."""
    before = token = None
    for after in _TOKEN.finditer(text):
        if token is not None:
            yield before, token, after
        before, token = token, after
    if token is not None:
        yield before, token, None


#: What an unlisted pair counts as: the bigram list holds pairs seen over 6.4 million times,
#: so an unlisted one was seen less often than that, perhaps never; and a word seldom stands
#: in an unlisted pair more than one time in a hundred.
UNLISTED_PAIR = 3_000_000
UNLISTED_SHARE = 0.01


def _fit(first: str, word: str, second: str, lex: Lexicon) -> float:
    """log P(first word second), up to a constant: the two pairs (English and UN counts),
    over the word's own count."""
    count = max(lex.frequency(word), 1)
    floor = min(UNLISTED_PAIR, max(count * UNLISTED_SHARE, 1.0))
    return (
        math.log(max(pair_count(first, word, lex), floor))
        + math.log(max(pair_count(word, second, lex), floor))
        - math.log(count)
    )
