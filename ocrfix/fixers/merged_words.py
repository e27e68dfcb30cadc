"""Words OCR ran together: ``Decidesto`` -> ``Decides to``, ``countriesin`` -> ``countries in``.

An unknown token is split in two when one part is a short function word, the other a common
word, and the pair is common English (a known bigram). Two content words stay joined unless
``split_content`` is set: an unknown compound (``namespace``, ``bugfix``) is likelier than a
lost space. Unknown long words whose parts are not both well-known are left whole
(``feminization`` must never become ``femini zation``).

OCR also reads the space between two words as a mark: ``goals.and``, ``in’some``,
``dialogue-on``. Two common words glued by ``.``, ``’`` or ``:`` are separated; by a hyphen
only when one of them is a function word and the compound is not in the lexicon (``in-kind``
and ``follow-up`` are words).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re
from ..edits import Edit
from ..language import OTHER_FUNCTION_WORDS
from ..lexicon import RARE, Lexicon, Memo
from ..noisy_channel import domain_counts, pair_count, word_count
from ..tokens import case_shape
from ..wordforms import inflected
from ._words import (
    ABBREVIATIONS,
    FUNCTION_WORDS,
    MAX_WORD,
    at_marks,
    by_paragraph,
    came_in_damaged,
    sentence_start,
    word_counts,
    words,
)
from .base import Context

# Two words glued by a mark, not part of a longer compound, path or address; the second in
# lower case, the first may be capitalised (``Encourages.the``) or the article ``a``.
_GLUED = lazy_re.compile(
    r"(?<![\w/.@’‘'-])(?P<a>[^\W\d_][^\W\d_A-Z]+|a)(?P<mark>[.’‘':-])"
    r"(?P<b>[^\W\d_][^\W\d_A-Z]+|a)(?![\w/@-]|\.\w)"
)
# Where a match of ``_GLUED`` can have its mark: between two letters. (Mark first, then the
# lookarounds: re skips in C to the marks, instead of reading every word of the text.)
_GLUE_MARK = lazy_re.compile(r"[.’‘':-](?<=[^\W\d_][.’‘':-])(?=[^\W\d_])")
# Two marks between two words, where OCR read the comma or stop and the space after it as
# marks ('rights,.as', 'uses..in', 'pandemic.-as'): no UN text and no general English text
# of ours writes a word, two of these marks and a word. (Marks first, then the lookarounds.)
_DOUBLE_MARK = lazy_re.compile(
    r"(?P<marks>\.\.|[.,][,-]|[,-][.,])(?<=[A-Za-z]{2}..)(?=(?P<b>[a-z]{2,})(?![\w/@.-]))"
)
_WORD_BEFORE = lazy_re.compile(r"(?<![\w/.@’‘'-])[A-Za-z][a-z]+$")
# A function word and the article after it run together ('ofa', 'asa', 'ifa', 'atan'), too
# short for ``_split``, before a lower-case word.
_GLUED_TO = "of in on as is to by for with at from that and or if into".split()
_GLUED_ARTICLE = lazy_re.compile(
    r"(?<![\w’'-])(?P<first>" + "|".join(_GLUED_TO) + r")"
    r"(?P<art>an?)(?=[ \t\n]+(?P<next>[a-z]+)\b)"
)
# (The tokens it may match: a paragraph with none of them is not scanned.)
_ARTICLE_FORMS = frozenset(w + a for w in _GLUED_TO for a in ("a", "an"))
#: How common 'a' or 'an' before a word must be, against the word's own count (pair counts
#: are on a larger scale): 'a period' 3, 'a view' 0.5; 'a such' 0.01, 'a and' 0.004.
_ARTICLE_BEFORE = 0.1
#: A word pair this common (English bigram count, or UN count scaled alike) is usual English.
_PAIR_SEEN = 1000
# Function words that no single-hyphen compound holds ('or-experts', 'and-crucial'): beside
# one, a hyphen is a space misread whatever the bigram counts say.
_CONNECTIVES = frozenset("and or the of".split())
# (Unless the compound goes on past the line end: 'a whole-of\nsociety approach'.)
_LINE_END = lazy_re.compile(r"[ \t]{0,4}\n")
# What follows a dot in a file name or an address, not a word of a sentence.
_EXTENSIONS = frozenset("org com net int gov edu pdf doc docx txt html htm xls xlsx csv".split())


@dataclass(frozen=True)
class MergedWordsFixer:
    """Split unknown tokens into two common words with bigram evidence."""

    name: ClassVar[str] = "merged_words"
    language_independent: ClassVar[bool] = False
    min_length: int = 5
    min_bigram: int = 1
    split_content: bool = False
    double_marks: bool = True  # two marks between two words: see ``_double_marks``
    articles: bool = True  # a function word and an article run together: ``_glued_articles``
    apostrophes: bool = True  # a function word glued by an apostrophe to a misread word
    # On a page that came in damaged (see ``_words.damaged``; ``Context.input_damaged``), two
    # content words joined by a hyphen that no list knows joined, and UN text writes apart
    # this often ('human-rights', 'Prime-Minister'); 0: never. (On clean text compound
    # modifiers are hyphenated: 'risk-management', 'climate-change adaptation'.)
    hyphen_pair: int = 20

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        lex = ctx.lexicon
        hyphens = self.hyphen_pair > 0 and "-" in text and came_in_damaged(text, ctx)
        memo = lex.memo(f"{self!r}.paragraphs.{hyphens}", 4_000)
        return by_paragraph(text, memo, lambda part: self._propose(part, lex, hyphens), lex)

    def _propose(self, text: str, lex: Lexicon, hyphens: bool = False) -> Iterator[Edit]:
        yield from self._glued(text, lex, hyphens)
        if self.double_marks:
            yield from self._double_marks(text, lex)
        counts = word_counts(text, lex)
        if self.articles and not _ARTICLE_FORMS.isdisjoint(counts):
            yield from self._glued_articles(text, lex)
        found = self._splits(counts.keys(), lex)
        if not found:
            return  # (most paragraphs: the tokens are not walked one by one)
        for word in words(text):
            token = word.group()
            fixed = found.get(token)
            if fixed is not None and token[0].isupper() and not sentence_start(text, word.start()):
                fixed = None  # a capital inside a sentence: a name ('Andie'), not two words
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

    def _double_marks(self, text: str, lex: Lexicon) -> Iterator[Edit]:
        """Two words glued by two marks: a comma among them stays, with a space after it;
        two stops or a stop and a hyphen become a stop and a space, which the punctuation fixer
        then reads as a comma, a speck or a sentence end from the words around it."""
        for m in _DOUBLE_MARK.finditer(text):
            before = _WORD_BEFORE.search(text, max(0, m.start() - MAX_WORD), m.start())
            if before is None:
                continue
            a, b = before.group(), m.group("b")
            if not (_part_ok(a.lower(), lex, RARE) and _part_ok(b, lex, RARE)):
                continue
            marks = m.group("marks")
            if a.lower() in ABBREVIATIONS:
                continue  # 'etc.,and': the stop is the abbreviation's
            fixed = ", " if "," in marks else ". "
            yield Edit(
                m.start(),
                m.end("marks"),
                marks,
                fixed,
                self.name,
                f"'{marks}' between '{a}' and '{b}' read for '{fixed.strip()}' and a space",
                0.8,
            )

    def _glued_articles(self, text: str, lex: Lexicon) -> Iterator[Edit]:
        """'ofa way' -> 'of a way': no UN text writes these tokens. One the lexicon knows
        ('fora', 'asa') is split only where neither neighbour was ever seen beside it and the
        word before commonly stands before the function word ('serve as'); always, the article
        must be usual before the next word ('a forum', not 'a such')."""
        for m in _GLUED_ARTICLE.finditer(text):
            first, art, nxt = m.group("first", "art", "next")
            start, token = m.start(), m.group()
            if pair_count(art, nxt, lex) < _ARTICLE_BEFORE * word_count(nxt, lex):
                continue  # an article seldom stands before the next word ('fora and')
            if lex.known(token) or lex.is_protected(token):
                before = _WORD_BEFORE.search(text, max(0, start - MAX_WORD - 1), start - 1)
                prev = before.group() if before is not None and text[start - 1] == " " else ""
                if (
                    not prev
                    or pair_count(prev, token, lex)
                    or pair_count(token, nxt, lex)
                    or pair_count(prev, first, lex) < _PAIR_SEEN
                ):
                    continue
            yield Edit(
                start,
                m.end("art"),
                token,
                f"{first} {art}",
                self.name,
                f"separated '{first}' and '{art}', which OCR ran together",
                0.8,
            )

    def _splits(self, tokens: Iterable[str], lex: Lexicon) -> dict[str, str]:
        """The ``tokens`` that are two words run together, and their split."""
        # A token's split, or '' for none, remembered with the lexicon (a memo per set of options).
        memo: Memo[str, str] = lex.memo(f"{self!r}.splits", 30_000)
        found = {}
        # (Only a token the lexicon does not know is split: see ``_split``.)
        for token in lex.unknown(tokens):
            if not self.min_length <= len(token) <= 2 * MAX_WORD or not token.isalpha():
                continue  # (two words are at most twice as long as the longest word)
            split = memo.get(token)
            if split is None:
                split = self._split(token, lex) or ""
                memo.put(token, split)
            if split:
                found[token] = split
        return found

    def _glued(self, text: str, lex: Lexicon, hyphens: bool = False) -> Iterator[Edit]:
        for m in at_marks(_GLUED, _GLUE_MARK, "mark", text):
            a, mark, b = m.group("a"), m.group("mark"), m.group("b")
            low_a, low_b = a.lower(), b.lower()
            # (A stop glued to the next word is a space misread unless the first is an
            # abbreviation: common words suffice. Other marks ask for commoner words.)
            common = RARE if mark == "." else RARE * 10
            ok_a, ok_b = _part_ok(low_a, lex, common), _part_ok(low_b, lex, common)
            if not (ok_a and ok_b) and not _misread_beside_function_word(
                a, mark, b, ok_a, ok_b, self.apostrophes
            ):
                continue
            if mark == "." and (low_a in ABBREVIATIONS or low_b in _EXTENSIONS):
                continue  # 'etc.and', 'report.pdf'
            if b[0].isupper() and low_a not in FUNCTION_WORDS:
                continue  # 'Assembly.The' may be a sentence end; 'and.Crime' is not
            if a[0].isupper() and (
                mark == ":" or (mark not in ".-" and low_b not in FUNCTION_WORDS)
            ):
                continue  # 'Note:the' may be a colon that lost its space
            if a[0].isupper() and mark in "’‘'" and pair_count(low_a, low_b, lex) == 0:
                continue  # a name: 'Da’esh', 'Hay’at', 'Baha’is' (but 'Sea‘of' is two words)
            if "a" in (a, b) and mark not in ".-":
                continue
            if mark in "’'" and b in ("s", "t", "ll", "re", "ve", "d"):
                continue  # contractions and possessives
            if (
                mark in "’'"
                and self.apostrophes
                and word_count(low_a + low_b, lex) > pair_count(low_a, low_b, lex)
            ):
                continue  # a speck inside one word: 'in’formation', 'on’going' ('per'cent')
            if mark == "-" and (
                text.endswith("-\n", 0, m.start())  # 'business-\nas-usual', 'peer-\nto-peer'
                or word_count(m.group(), lex) > 0
                or not (
                    {low_a, low_b} & (FUNCTION_WORDS | {"per"})
                    or (hyphens and _written_apart(low_a, low_b, self.hyphen_pair))
                )
                or (low_b in _CONNECTIVES and _LINE_END.match(text, m.end()) is not None)
                or (
                    not {low_a, low_b} & _CONNECTIVES
                    and max(lex.bigram(low_a, low_b), pair_count(low_a, low_b, lex)) == 0
                    and min(len(a), len(b)) < 5
                )
            ):
                continue  # a compound, or no evidence the pair stands apart
            yield Edit(
                m.start("mark"),
                m.end("mark"),
                mark,
                " ",
                self.name,
                f"a space read as '{mark}' between '{a}' and '{b}'",
                0.8,
            )

    def _split(self, token: str, lex: Lexicon) -> str | None:
        shape = case_shape(token)
        if shape not in ("lower", "title") or lex.is_protected(token) or lex.known(token):
            return None
        if token.lower() in OTHER_FUNCTION_WORDS:
            return None  # 'notre' of a French title is not 'not re'
        low = token.lower()
        if inflected(low, lex):
            return None  # 'formatters' is 'format' made a noun, not 'for matters'

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
            # Two content words stay joined: a compound the lexicon lacks ('namespace',
            # 'bugfix', 'wordlist') is far likelier than OCR dropping a space between them.
            if not (functional or self.split_content) or pair < self.min_bigram:
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


def _written_apart(a: str, b: str, least: int) -> bool:
    """Does UN text write the two words apart at least ``least`` times (the counts of the
    training session's resolutions)? (Joined by a hyphen, no list knows them: see the
    caller.)"""
    return domain_counts().pair(a, b) >= least


def _misread_beside_function_word(
    a: str, mark: str, b: str, ok_a: bool, ok_b: bool, apostrophes: bool
) -> bool:
    """A function word glued by a stop or a colon to a lower-case word of four letters or
    more that OCR also misread ('for.sustiinable', 'téchnologics:and'): English never writes
    them so; once apart, the other word is repaired on the next pass. With ``apostrophes``,
    by an apostrophe too ('cmphasis’on', 'to’cunsider'; the caller keeps 'of’ficial', one
    word with a speck, whole)."""
    if mark not in ".:" and not (apostrophes and mark in "’'"):
        return False
    if ok_a and a in FUNCTION_WORDS:
        return len(b) >= 4 and b.islower()
    if ok_b and b in FUNCTION_WORDS:
        return len(a) >= 4 and a.islower()
    return False


def _part_ok(part: str, lex: Lexicon, min_count: int = RARE * 10) -> bool:
    if len(part) == 1:
        return part == "a"
    return lex.known(part, min_count=min_count)
