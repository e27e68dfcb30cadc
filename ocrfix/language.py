"""Which paragraphs are English: ocrfix's word fixers touch nothing else.

UN archives hold all six official languages, often side by side. A paragraph is left alone
when its function words are mostly French or Spanish (or another language's), or when most
of its letters are not Latin script.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import lazy_re

# (Lines, not characters, as the repeated unit: one step per character kept ~130 bytes of
# backtracking state per character, 1.3 GB for a 10 MB paragraph.)
_PARAGRAPH = lazy_re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
_LETTER = lazy_re.compile(r"[^\W\d_]")
_NON_LATIN = lazy_re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")

ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "for",
        "with",
        "on",
        "that",
        "by",
        "is",
        "are",
        "be",
        "as",
        "at",
        "from",
        "this",
        "which",
        "its",
        "their",
        "has",
        "have",
        "was",
        "were",
        "it",
        "an",
        "or",
        "not",
    ]
)
# Frequent function words of French, Spanish and Portuguese that English text never uses
# as words (so 'a', 'la', 'de' are out: they occur in English names and phrases; so is 'y',
# which OCR reads in the UN emblem beside a masthead, 'UeS~y General Assembly').
OTHER_FUNCTION_WORDS = frozenset(
    [
        "le",
        "les",
        "des",
        "du",
        "et",
        "est",
        "une",
        "dans",
        "pour",
        "avec",
        "sur",
        "qui",
        "aux",
        "ces",
        "cette",
        "sont",
        "leur",
        "leurs",
        "ont",
        "été",
        "il",
        "elle",
        "nous",
        "vous",
        "ne",
        "pas",
        "par",
        "au",
        "el",
        "los",
        "las",
        "del",
        "en",
        "por",
        "con",
        "para",
        "una",
        "que",
        "se",
        "su",
        "sus",
        "es",
        "al",
        "lo",
        "como",
        "más",
        "sobre",
        "entre",
        "os",
        "da",
        "do",
        "das",
        "dos",
        "em",
        "um",
        "uma",
        "não",
        "são",
        "pelo",
        "pela",
        "notre",
        "selon",
        "lors",
        "ainsi",
        "où",
        "très",
        "según",
        "también",
    ]
)


def _whole_words(words: frozenset[str]) -> re.Pattern[str]:
    """A pattern finding each run of letters that is one of ``words``.

    The words are grouped by their first letter, each group beginning with that letter and the
    lookbehind that no letter stands before it: re then skips in C to the letters that begin a
    word of the list, instead of trying every word at every position."""
    rests: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    groups = "|".join(
        f"{re.escape(first)}(?<![^\\W\\d_]{re.escape(first)})(?:{'|'.join(tails)})"
        for first, tails in rests.items()
    )
    return re.compile(f"(?:{groups})(?![^\\W\\d_])")


_OTHER_WORD = _whole_words(OTHER_FUNCTION_WORDS)
_ENGLISH_WORD = _whole_words(ENGLISH_FUNCTION_WORDS)


def other_language_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of paragraphs that are not English."""
    for m in _PARAGRAPH.finditer(text):
        if not is_english(m.group()):
            yield m.start(), m.end()


def is_english(paragraph: str) -> bool:
    """Is this paragraph English, or too short or too symbolic to tell (then: treat as English)?"""
    if not paragraph.isascii() and _NON_LATIN.search(paragraph):  # (curly quotes: ASCII no more)
        letters = len(_LETTER.findall(paragraph))
        if letters and len(_NON_LATIN.findall(paragraph)) > 0.5 * letters:
            return False
    lowered = paragraph.lower()
    # Whole words (runs of letters) that are function words, counted by the regex engine:
    # most paragraphs hold fewer than two of the other languages' and are done.
    other = len(_OTHER_WORD.findall(lowered))
    if other < 2:
        return True
    english = len(_ENGLISH_WORD.findall(lowered))
    return other <= english
