"""The word that opens a resolution's paragraph: ``Lirges`` -> ``Urges``, ``dso`` -> ``Also``.

UN resolutions open each paragraph with one of a few hundred words (``Recalling``,
``Reaffirming``; ``1. Requests``, ``4. Also urges``), set in italics, which OCR misreads more
than the roman text around them. Where a paragraph opens with a token the lexicon does not
know (or a capitalised word that seldom opens one: ``Fakes note``), the learned counts of
paragraph openers (:mod:`ocrfix.openers`) are the prior and the learned OCR error model the
channel: each opener scores

    log count(opener) + context * log(P(next word | opener) / P(next word))
        - channel * cost(token | opener)

against keeping the token (a prior chosen on the training pairs), and the token is replaced
only when the best opener's posterior reaches the word scorer's threshold. Only in a text
that is a resolution (at least ``min_openers`` paragraphs open, as read, with a common
opener); never a name the lexicon protects, a lower-case word it knows, a token of a
hyphenated compound, or a spelling variant (``Recognising``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from rapidfuzz.distance import Levenshtein

from ..confusions import ConfusionTable
from ..edits import Edit
from ..lexicon import Lexicon, Memo
from ..noisy_channel import Ranking, Weights, ranking
from ..openers import MIN_OPENER_COUNT, OPENING, OpenerCounts, opener_counts
from ..tokens import spelling_variants
from ._words import MAX_WORD, split_paragraphs
from .base import Context

#: The plain edit distance (case aside), per letter of the opener, beyond which no opener is
#: weighed (see ``_candidates``).
_SIEVE = 0.8


@dataclass(frozen=True)
class ParagraphOpenersFixer:
    """Correct a resolution paragraph's misread first word to the opener OCR most likely
    misread."""

    name: ClassVar[str] = "paragraph_openers"
    language_independent: ClassVar[bool] = False
    #: Openers printed this often in the training session's resolutions are candidates.
    min_count: int = 10
    #: Paragraphs that open, as read, with such an opener before a text counts as a
    #: resolution.
    min_openers: int = 2
    #: Tokens shorter than this are left (a short token is near too many openers) ...
    min_length: int = 3
    #: ... and shorter than this, changed only to an opener seen before the next word as read
    #: ('dso reiterates': 'Also reiterates').
    short_length: int = 4
    #: The dearest misreading (OCR cost per letter of the opener) a candidate may need.
    max_cost: float = 0.4
    #: log prior of keeping an unknown token as read (calibrated on the training pairs).
    keep: float = -10.0
    #: Capitalised words the lexicon knows are judged too, with a prior of the log of how
    #: often they open a paragraph, plus ``known_keep``.
    known_words: bool = True
    known_keep: float = -4.0
    channel: float = Weights.channel
    context: float = Weights.context
    threshold: float = Weights.threshold

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        counts = opener_counts()
        if not counts.first:
            return
        lex, table = ctx.lexicon, ctx.confusions
        found = [
            (offset, m)
            for offset, part in split_paragraphs(text, lex)
            if (m := OPENING.match(part)) is not None
        ]
        common = sum(1 for _, m in found if counts.first.get(m.group("first"), 0) >= self.min_count)
        if common < self.min_openers:
            return
        memo: Memo[str, dict[str, float]]
        memo = lex.memo(ctx.memo_name(f"{self!r}.costs"), 2_000)
        openers: list[tuple[str, str]] | None = None  # (listed when first needed)
        for offset, m in found:
            token = m.group("first")
            keep = self._keep(token, counts, lex)
            if keep is None:
                continue
            costs = memo.get(token)
            if costs is None:
                openers = self._openers(counts) if openers is None else openers
                costs = self._candidates(token, openers, table)
                memo.put(token, costs)
            if not costs:
                continue
            second = m.group("second") or ""
            ranking = self._rank(token, keep, costs, second, counts)
            best = ranking.choice(self.threshold)
            if best is None or spelling_variants(token, best):
                continue
            if len(token) < self.short_length and counts.pair(best, second) < MIN_OPENER_COUNT:
                continue  # a short token is near many openers: the next word must agree
            yield Edit(
                offset + m.start("first"),
                offset + m.end("first"),
                token,
                best,
                self.name,
                f"a paragraph's opener misread: {ranking.reason()}",
                ranking.posterior,
            )

    def _keep(self, token: str, counts: OpenerCounts, lex: Lexicon) -> float | None:
        """The prior score of ``token`` opening the paragraph as read, or None when it is
        not doubted: an opener, a name the lexicon protects, a word it knows that is not
        capitalised, or too short or long a token."""
        if (
            not self.min_length <= len(token) <= MAX_WORD
            or counts.first.get(token, 0) >= self.min_count
            or lex.is_protected(token)
        ):
            return None
        if not lex.known(token):
            return self.keep
        if not (self.known_words and token[0].isupper() and token[1:].islower()):
            return None
        # A capitalised word that seldom opens a paragraph ('Fakes note', 'Rearing in mind'):
        # its prior is how often it does, smoothed, against the unknown token's.
        return math.log(counts.first.get(token, 0) + 1) + self.known_keep

    def near_openers(self, token: str, table: ConfusionTable) -> dict[str, float]:
        """The common openers ``token`` may be a misreading of, with their OCR cost (for
        other fixers: does a block open like a resolution's paragraph?)."""
        return self._candidates(token, self._openers(opener_counts()), table)

    def _openers(self, counts: OpenerCounts) -> list[tuple[str, str]]:
        """The candidates: common openers, capitalised words (not 'and' going on after a
        page break, nor a label: 'III', 'A'), with their lower case."""
        return [
            (w, w.lower())
            for w, n in counts.first.items()
            if n >= self.min_count and len(w) >= self.min_length and w.istitle()
        ]

    def _candidates(
        self, token: str, openers: list[tuple[str, str]], table: ConfusionTable
    ) -> dict[str, float]:
        """The ``openers`` ``token`` may be a misreading of, with their OCR cost."""
        costs: dict[str, float] = {}
        low = token.lower()
        for opener, opener_low in openers:
            if abs(len(opener) - len(token)) > max(2, len(opener) // 3):
                continue
            # (A first sieve in C: on the training pairs no opener within the cost limit
            # was more than three quarters of its letters away, case aside.)
            sieve = int(_SIEVE * len(opener))
            if Levenshtein.distance(low, opener_low, score_cutoff=sieve) > sieve:
                continue
            limit = self.max_cost * len(opener)
            cost = table.distance(token, opener, limit)
            if cost <= limit:
                costs[opener] = cost
        return costs

    def _rank(
        self, token: str, keep: float, costs: dict[str, float], second: str, counts: OpenerCounts
    ) -> Ranking:
        scores = {token: keep}
        for opener, cost in costs.items():
            n = counts.first[opener]
            score = math.log(n) - self.channel * cost
            if second:
                # (How much likelier the next word as read is after this opener than after
                # any: 'Also requests', 'Recalling its'; smoothed.)
                after = (counts.pair(opener, second) + 1) / (n + 1)
                anywhere = (counts.seconds.get(second.lower(), 0) + 1) / (counts.paragraphs + 1)
                score += self.context * math.log(after / anywhere)
            scores[opener] = score
        return ranking(token, scores)
