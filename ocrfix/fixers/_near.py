"""Common words within a few edits of a token: the candidates of a word OCR garbled past
the reach of the fuzzy index's two edits ('vostingent' for 'contingent').

Only common words are searched (English or UN counts of at least ``min_count``): a word OCR
misread in three places is recovered with confidence only when it is a common one, and a
small vocabulary keeps the search fast (a fraction of a millisecond a token, in C).
"""

from __future__ import annotations

from ..lexicon import Lexicon
from ..noisy_channel import word_count

#: Words of fewer letters are not searched for (see ``near``).
MIN_LENGTH = 4


def common_by_length(lex: Lexicon, min_count: float) -> dict[int, list[str]]:
    """The lexicon's words of letters only, lower case, of ``min_count`` or more, by length
    (built once per count and kept with the lexicon)."""

    def build() -> dict[int, list[str]]:
        by_length: dict[int, list[str]] = {}
        for word in lex.spellings(1).ordered:
            if len(word) >= MIN_LENGTH and word.isalpha() and word_count(word, lex) >= min_count:
                by_length.setdefault(len(word), []).append(word)
        return by_length

    return lex.table(("common words by length", min_count), build)


def near(
    word: str,
    lex: Lexicon,
    max_distance: int,
    min_count: float,
    limit: int = 10,
    spread: int = 1,
) -> list[str]:
    """Common words (see :func:`common_by_length`) within ``max_distance`` edits of ``word``
    (lower case), ``spread`` letters longer or shorter at most, at most ``limit`` of each
    length."""
    from rapidfuzz import process  # (deferred: only damaged pages search this far)
    from rapidfuzz.distance import Levenshtein

    by_length = common_by_length(lex, min_count)
    found: list[str] = []
    size = len(word)
    for n in range(size - spread, size + spread + 1):
        choices = by_length.get(n)
        if choices:
            found += [
                entry
                for entry, _, _ in process.extract(
                    word,
                    choices,
                    scorer=Levenshtein.distance,
                    score_cutoff=max_distance,
                    limit=limit,
                )
            ]
    return found
