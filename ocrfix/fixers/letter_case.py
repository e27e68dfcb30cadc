"""Letters OCR read in the wrong case: ``oF`` -> ``of``, ``eXternal`` -> ``external``,
``the Vulnerable situations`` -> ``the vulnerable situations``, ``28 june 2024`` -> ``28 June
2024``.

Several capitals are their small letter enlarged (c, k, o, p, s, u, v, w, x, z), and on a
degraded scan OCR takes the one for the other. Three places say which was printed:

- a capital inside a small-letter word that UN text writes often (``eXploitation``): no such
  word holds one;
- on a damaged page (:data:`DAMAGED_SHARE` of its words unknown), a capitalised word after a
  small-letter word (on its line, or ending the line before in running text), where UN text
  capitalises that word less than :data:`RARELY_CAPITALISED` of the time (the learned capital
  counts of :mod:`ocrfix.noisy_channel`): ``people in Vulnerable situations``. A word near other
  capitalised words is part of a title or a name (``Violence against Children``) and stays;
  clean text, which capitalises common nouns as defined terms (``the receiving Party``), is
  left alone;
- a month's name in small letters before its year (``may`` and ``march`` only after a day).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re
from ..edits import Edit
from ..lexicon import Lexicon, Memo
from ..noisy_channel import capital_counts, domain_counts
from ._words import (
    FUNCTION_WORDS,
    MONTHS,
    PARAGRAPH_MEMO_CHARS,
    by_paragraph,
    split_paragraphs,
)
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
#: A word with capitals inside is lowered only to a word UN text writes this often (and the
#: word before a doubted capital must be one).
MIN_DOMAIN_COUNT = 10

# A word that starts in small letters and holds a capital: 'oF', 'eXternal'. (The capital
# after a small letter first, its lookbehind after it: re skips in C to the capitals, and
# most have none before them; the word around it is then read in code.)
_INNER_CAPITAL = lazy_re.compile(r"[A-Z](?<=[a-z][A-Z])")
_WORD_START = lazy_re.compile(r"(?<![\w’'‘./@-])[a-z]+[A-Z]")
_WORD_END = lazy_re.compile(r"(?![\w’'‘/@-])")
# A capitalised word after a small-letter word on its line or at the end of the line before
# (then only in running text: see ``_wrapped``), not a label before its number ('under Part
# 6'). (The capital first, then the lookbehind: re skips in C to them.)
_SIZE_CLASS = "[" + "".join(sorted(SIZE_ONLY)) + "]"
_CAPITALISED = lazy_re.compile(
    rf"(?P<word>{_SIZE_CLASS}(?<=[a-z][ \n]{_SIZE_CLASS})[a-z]+)(?![\w’'‘/@-]| \d)"
)
_WORD_BEFORE = lazy_re.compile(r"(?<![\w’'‘-])([A-Za-z]+)[ \n]$")
# The next word or mark ahead of a word. (Only from the end of a word or mark: a run of
# spaces is tried once, not again from each of its spaces, which was quadratic.)
_AHEAD = lazy_re.compile(r"(?<![ \t\n])[ \t\n]*([A-Za-z]+|[^\w\s])")
# A year, and a month in small letters before it ('may' and 'march' only after a day: 'in
# 2021 may erase'; '12 may participate' has no year). (The year first: re skips in C to the
# digits, and the word before is read in code.)
_YEAR = lazy_re.compile(r"(?:19|20)\d\d\b(?<=[a-z] (?:19|20)\d\d)")
_MONTH_BEFORE = lazy_re.compile(r"(?<![\w’'-])([a-z]+) \Z")
_LONG_WORD = lazy_re.compile(r"[A-Za-z]{4,}")
_SMALL_MONTHS = frozenset(MONTHS.lower().split("|"))
_AFTER_A_DAY = frozenset({"may", "march"})
_DAY_BEFORE = lazy_re.compile(r"\d \Z")


@dataclass(frozen=True)
class LetterCaseFixer:
    """Write in small letters the capitals OCR read for them, and months with a capital."""

    name: ClassVar[str] = "letter_case"
    language_independent: ClassVar[bool] = False

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        lex = ctx.lexicon
        # Paragraph by paragraph: every look stays on a token's line and the line before.
        # Whether the text is damaged depends on the whole of it, and is asked only when a
        # capital inside a sentence is in doubt (on clean text seldom: counting is dear).
        certain: Memo[str, tuple[Edit, ...]] = lex.memo(f"{self!r}.certain", 4_000)
        doubted: Memo[str, tuple[Edit, ...]] = lex.memo(f"{self!r}.in_sentence", 4_000)
        edits = list(by_paragraph(text, certain, lambda part: self._certain(part, lex), lex))
        inside = list(by_paragraph(text, doubted, lambda part: self._in_sentence(part, lex), lex))
        # Clean text capitalises common nouns as defined terms ('the receiving Party', 'the two
        # Centres'): a capital inside a sentence is doubted on damaged text only.
        if inside and _damaged(text, lex):
            edits = sorted([*edits, *inside], key=lambda e: e.start)
        return iter(edits)

    def _certain(self, text: str, lex: Lexicon) -> Iterator[Edit]:
        """Capitals inside small-letter words, and months in small letters before a year."""
        found: list[Edit] = []
        for token, start in _inner_capitals(text):
            low = token.lower()
            capitals = {c for c in token if c.isupper()}
            if (
                (capitals <= SIZE_ONLY or low in FUNCTION_WORDS)
                and _un_word(low)
                and not lex.is_protected(token)
            ):
                found.append(self._edit(start, token, low, "a capital inside a word"))
        for year in _YEAR.finditer(text):
            before = _MONTH_BEFORE.search(text, max(0, year.start() - 12), year.start())
            if before is None or before.group(1) not in _SMALL_MONTHS:
                continue
            month = before.group(1)
            if month in _AFTER_A_DAY and not _DAY_BEFORE.search(text, 0, before.start()):
                continue
            found.append(self._edit(before.start(1), month, month.capitalize(), "a month in small"))
        return iter(sorted(found, key=lambda e: e.start))

    def _in_sentence(self, text: str, lex: Lexicon) -> Iterator[Edit]:
        """Capitalised words inside a sentence that UN text writes in small letters there."""
        width = 0  # the paragraph's longest line, measured when a line opens with a capital
        for m in _CAPITALISED.finditer(text):
            word = m.group("word")
            low = word.lower()
            if not _rarely_capitalised(low) or lex.is_protected(word):
                continue
            if _in_title(text, m.start(), m.end()):
                continue
            if text[m.start() - 1] == "\n":
                # A line that opens with it: running text wrapped there (both lines at least
                # half the paragraph's longest), not a heading ('draft resolution\nCrimes
                # against humanity', 'Summary').
                width = width or max(map(len, text.splitlines()))
                if not _wrapped(text, m.start(), width):
                    continue
            yield self._edit(m.start(), word, low, "a capital inside a sentence, between words")

    def _edit(self, start: int, before: str, after: str, why: str) -> Edit:
        return Edit(
            start, start + len(before), before, after, self.name, f"letter case: {why}", 0.8
        )


def _inner_capitals(text: str) -> Iterator[tuple[str, int]]:
    """The words that start in small letters and hold a capital, with where they start."""
    last = -1
    for m in _INNER_CAPITAL.finditer(text):
        if m.start() <= last:
            continue  # (a second capital of a word already read)
        begin = m.start() - 1
        while begin > 0 and text[begin - 1].isascii() and text[begin - 1].isalpha():
            begin -= 1
        end = m.end()
        while end < len(text) and text[end].isascii() and text[end].isalpha():
            end += 1
        last = end
        if _WORD_START.match(text, begin) and _WORD_END.match(text, end):
            yield text[begin:end], begin


def _wrapped(text: str, start: int, width: int) -> bool:
    """Are the line that opens at ``start`` and the line before it both at least half of
    ``width`` long (lines of running text, wrapped)?"""
    before = text.rfind("\n", 0, start - 1) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return min(start - 1 - before, end - start) * 2 >= width


def _damaged(text: str, lex: Lexicon) -> bool:
    """Does the text hold as many unknown words as only OCR damage leaves (of its words of
    four letters or more, :data:`DAMAGED_SHARE`)? Counted paragraph by paragraph, each
    paragraph's count remembered: a pass after a change counts the changed ones again only."""
    memo: Memo[str, tuple[int, int]] = lex.memo("letter_case.damage", 4_000)
    long = unknown = 0
    for _, part in split_paragraphs(text, lex):
        found = memo.get(part)
        if found is None:
            words = Counter(_LONG_WORD.findall(part))
            doubtful = lex.unknown(words)
            found = (
                sum(words.values()),
                sum(words[w] for w in doubtful if not lex.is_protected(w)),
            )
            if len(part) <= PARAGRAPH_MEMO_CHARS:
                memo.put(part, found)
        long += found[0]
        unknown += found[1]
    return unknown >= DAMAGED_SHARE * max(long, 50)


def _un_word(word: str) -> bool:
    """Does UN text write ``word`` (lower case) at least :data:`MIN_DOMAIN_COUNT` times?"""
    return domain_counts().words.get(word, 0) >= MIN_DOMAIN_COUNT


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
            if not content and (len(word) < 3 or not _un_word(word)):
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
