"""Words OCR ran together: ``Decidesto`` -> ``Decides to``, ``countriesin`` -> ``countries in``.

An unknown token is split in two when both parts are words and the pair is common English
(a known bigram) or one part is a short function word and the other a common word. Unknown
long words whose parts are not both well-known are left whole (``feminization`` must never
become ``femini zation``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ..edits import Edit
from ..lexicon import RARE, Lexicon
from ..tokens import case_shape
from ._words import FUNCTION_WORDS, words
from .base import Context


@dataclass(frozen=True)
class MergedWordsFixer:
    """Split unknown tokens into two common words with bigram evidence."""

    name: ClassVar[str] = "merged_words"
    language_independent: ClassVar[bool] = False
    min_length: int = 5
    min_bigram: int = 100_000

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        lex = ctx.lexicon
        memo: dict[str, str | None] = {}
        for word in words(text):
            token = word.group()
            if len(token) < self.min_length or not token.isalpha():
                continue
            if token not in memo:
                memo[token] = self._split(token, lex)
            fixed = memo[token]
            if fixed is not None:
                yield Edit(
                    word.start(),
                    word.end(),
                    token,
                    fixed,
                    self.name,
                    f"separated words OCR ran together: '{fixed}'",
                    0.85,
                )

    def _split(self, token: str, lex: Lexicon) -> str | None:
        shape = case_shape(token)
        if shape not in ("lower", "title") or lex.is_protected(token) or lex.known(token):
            return None
        low = token.lower()
        best: tuple[float, int] | None = None
        for i in range(1, len(low)):
            left, right = low[:i], low[i:]
            if not (_part_ok(left, lex) and _part_ok(right, lex)):
                continue
            pair = lex.bigram(left, right)
            functional = (
                (left in FUNCTION_WORDS or right in FUNCTION_WORDS)
                and min(len(left), len(right)) >= 2
                and max(len(left), len(right)) >= 3
            )
            if pair < self.min_bigram and not (functional and pair > 0):
                continue
            score = math.log(pair + 1) + 0.5 * (
                math.log(lex.frequency(left) + 1) + math.log(lex.frequency(right) + 1)
            )
            if best is None or score > best[0]:
                best = (score, i)
        if best is None:
            return None
        i = best[1]
        return token[:i] + " " + token[i:]


def _part_ok(part: str, lex: Lexicon) -> bool:
    if len(part) == 1:
        return part == "a"
    return lex.known(part, min_count=RARE * 10)
