"""Letters OCR read in the wrong case: ``oF`` -> ``of``, ``eXternal`` -> ``external``,
``the Vulnerable situations`` -> ``the vulnerable situations``, ``5 december`` -> ``5 December``.

Several capitals are their small letter enlarged (c, k, o, p, s, u, v, w, x, z), and on a
degraded scan OCR takes the one for the other. Three places say which was printed:

- a capital inside a small-letter word that UN text writes often (``eXploitation``): no such
  word holds one;
- a capitalised word inside a sentence, between words in small letters, where UN text
  capitalises that word less than :data:`RARELY_CAPITALISED` of the time (the learned
  capital counts of :mod:`ocrfix.noisy_channel`): ``of the Proposals of``. A word in a run of
  capitalised words is part of a title or a name (``the Peacebuilding Support Office``) and
  stays;
- a month's name in small letters beside its day or its year (``on 5 december 2023``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ..edits import Edit
from ..lexicon import Lexicon, Memo
from ..noisy_channel import capital_counts, domain_counts
from ._words import FUNCTION_WORDS, MONTHS, by_paragraph
from .base import Context
from .character_confusions import FUZZY_SHARE

#: Capitals that are their small letter enlarged: what OCR confuses by size alone.
SIZE_ONLY = frozenset("CKOPSUVWXZ")
#: A capitalised word inside a sentence is taken for a misread small letter only when UN
#: text capitalises it there less often than this (most capitalised uses are titles).
RARELY_CAPITALISED = 0.1
#: ... and only a word seen inside sentences this often (the share says little before).
MIN_USES = 20
#: Share of unknown words (of four letters or more) from which a text counts as damaged: clean
#: UN pages stay under it (the share the character-confusion fixer's fuzzy search starts at).
DAMAGED_SHARE = FUZZY_SHARE
#: Content words before a capitalised word that must be in small letters for it to be doubted.
TITLE_LOOKBACK = 2
#: A word with capitals inside is lowered only to a word UN text writes this often.
MIN_DOMAIN_COUNT = 10

# A word that starts in small letters and holds a capital: 'oF', 'eXternal'.
_INNER_CAPITAL = re.compile(r"(?<![\w’'‘./@-])[a-z]+[A-Z][A-Za-z]*(?![\w’'‘/@-])")
# A capitalised word after a small-letter word on its line (a line may open with a heading,
# 'Summary', or a paragraph whose number or blank line OCR lost), not a label before its
# number ('under Part 6').
# (Capital first, then the lookbehind that reads the space and the letter before it.)
_CAPITALISED = re.compile(
    r"(?<=[a-z] )(?P<word>[" + "".join(sorted(SIZE_ONLY)) + r"][a-z]+)(?![\w’'‘/@-]| \d)"
)
_WORD_BEFORE = re.compile(r"(?<![\w’'‘-])([A-Za-z]+)[ \n]$")
# The next word or mark ahead of a word. (Only from the end of a word or mark: a run of
# spaces is tried once, not again from each of its spaces, which was quadratic.)
_AHEAD = re.compile(r"(?<![ \t\n])[ \t\n]*([A-Za-z]+|[^\w\s])")
# A month in small letters before a year, after a day or not ('may' and 'march' only after
# one: 'in 2021 may erase'; '12 may participate' has no year).
_MONTH_IN_SMALL = re.compile(
    r"(?<![\w’'-])(?:(?<=\d )(?:may|march)|"
    + MONTHS.lower().replace("|may", "").replace("|march", "")
    + r")(?= (?:19|20)\d\d\b)"
)
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")


@dataclass(frozen=True)
class LetterCaseFixer:
    """Write in small letters the capitals OCR read for them, and months with a capital."""

    name: ClassVar[str] = "letter_case"
    language_independent: ClassVar[bool] = False

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        lex = ctx.lexicon
        # Paragraph by paragraph: every look stays on a token's line and the line before;
        # only whether the text is damaged depends on the whole of it.
        damaged = _damaged(text, lex)
        memo: Memo[str, tuple[Edit, ...]] = lex.memo(f"{self!r}.paragraphs.{damaged}", 4_000)
        return by_paragraph(text, memo, lambda part: self._propose(part, lex, damaged))

    def _propose(self, text: str, lex: Lexicon, damaged: bool) -> Iterator[Edit]:
        found: list[Edit] = []
        words = domain_counts().words
        for m in _INNER_CAPITAL.finditer(text):
            token = m.group()
            low = token.lower()
            capitals = {c for c in token if c.isupper()}
            if (
                (capitals <= SIZE_ONLY or low in FUNCTION_WORDS)
                and words.get(low, 0) >= MIN_DOMAIN_COUNT
                and not lex.is_protected(token)
            ):
                found.append(self._edit(m.start(), token, low, "a capital inside a word"))
        # (Clean text capitalises common nouns as defined terms, 'the receiving Party', 'the
        # two Centres': a capital inside a sentence is doubted on damaged text only.)
        for m in _CAPITALISED.finditer(text) if damaged else ():
            word = m.group("word")
            low = word.lower()
            if not _rarely_capitalised(low) or lex.is_protected(word):
                continue
            if _in_title(text, m.start(), m.end()):
                continue
            found.append(
                self._edit(m.start(), word, low, "a capital inside a sentence, between words")
            )
        for m in _MONTH_IN_SMALL.finditer(text):
            month = m.group()
            found.append(self._edit(m.start(), month, month.capitalize(), "a month in small"))
        yield from sorted(found, key=lambda e: e.start)

    def _edit(self, start: int, before: str, after: str, why: str) -> Edit:
        return Edit(
            start, start + len(before), before, after, self.name, f"letter case: {why}", 0.8
        )


def _damaged(text: str, lex: Lexicon) -> bool:
    """Does the text hold as many unknown words as only OCR damage leaves (of its words of
    four letters or more, :data:`DAMAGED_SHARE`)?"""
    counts = Counter(_LONG_WORD.findall(text))
    total = sum(counts.values())
    unknown = sum(n for w, n in counts.items() if not lex.known(w) and not lex.is_protected(w))
    return unknown >= DAMAGED_SHARE * max(total, 50)


def _rarely_capitalised(word: str) -> bool:
    """Does UN text write ``word`` in small letters inside sentences nearly always?"""
    capitalised, uses = capital_counts()[0].get(word, (0, 0))
    return uses >= MIN_USES and capitalised < RARELY_CAPITALISED * uses


def _in_title(text: str, start: int, end: int) -> bool:
    """Is the capitalised word at ``start:end`` part of a run of capitalised words (a title,
    a name: 'Violence against Children'), or not between words in small letters? The two
    nearest words before it that are not function words, and the nearest after it, decide;
    the nearest before must be a word of UN text (a paragraph label OCR garbled, '(er
    Support', 'e Stresses', opens a paragraph)."""
    pos, content = start, 0
    while content < TITLE_LOOKBACK:
        before = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if before is None:
            if content:
                break  # (the text or the paragraph begins two words back)
            return True
        word = before.group(1)
        if not word.islower():
            return True  # a capital near: a title, a name, or a sentence that opened
        if word not in FUNCTION_WORDS:
            if not content and (
                len(word) < 3 or domain_counts().words.get(word, 0) < MIN_DOMAIN_COUNT
            ):
                return True
            content += 1
        pos = before.start()
    pos = end
    while True:
        ahead = _AHEAD.match(text, pos)
        if ahead is None or not ahead.group(1).isalpha():
            return False  # a mark or the end: the word closes the clause
        word = ahead.group(1)
        if word.lower() not in FUNCTION_WORDS:
            return not word.islower()
        pos = ahead.end()
