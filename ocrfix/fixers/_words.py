"""Word tokens the English word fixers may consider, and their neighbours."""

from __future__ import annotations

import dataclasses
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from .. import lazy_re
from ..edits import Edit
from ..language import OTHER_FUNCTION_WORDS
from ..lexicon import Lexicon, Memo
from .base import Context

# A run of letters and digits holding a letter, not part of a symbol, URL, e-mail or path.
# Words joined to another by an apostrophe are left alone ('Nuku‘alofa', "d'affaires"), but
# for a possessive; a quote on a word's outer side is a quotation mark ('‘coacern about').
# Linear time: the first ASCII letter splits the run in one way only, and a run is tried from
# its start only (not again after each '|' inside it), so a long token costs one pass.
WORD = lazy_re.compile(
    r"(?<![\w/@.&\\|])(?<!\w['’‘])[À-ÖØ-öø-ÿ0-9|]*[A-Za-z][A-Za-zÀ-ÖØ-öø-ÿ0-9|]*"
    r"(?![\w/@&\\]|\.[A-Za-z0-9]|['’‘](?!s\b)\w)"
)
_PREV_WORD = lazy_re.compile(r"([A-Za-z]+)[^\w\n]{0,2}\Z")
_NEXT_WORD = lazy_re.compile(r"[^\w\n]{0,2}([A-Za-z]+)")
# ... across one line break inside a paragraph (not after a hyphen: a word broken there)
_PREV_WORD_ABOVE = lazy_re.compile(r"([A-Za-z]+)[^\w\n-]{0,2}[ \t]*\n[ \t]*\Z")
_NEXT_WORD_BELOW = lazy_re.compile(r"[ \t]*\n[ \t]*([A-Za-z]+)")
_ANY_WORD = lazy_re.compile(r"[^\W\d_]+")
_BLANK_LINE = lazy_re.compile(r"\n[ \t]*\n")
_BLANK_RUN = lazy_re.compile(r"\n\n+")
_ITEM_START = lazy_re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}\.|\([a-z]{1,4}\))$")
_BLANK_TAIL = lazy_re.compile(r"\n[ \t]*\n[ \t]*$")
# A paragraph's number as a damaged page reads it: '17,', '15)', '8.'.
_ITEM_READ = lazy_re.compile(r"(?:^|\n)[ \t]*\d{1,3}[.,)]$|(?:^|\n[ \t]*\n)[ \t]*\d{1,2}$")
_WORDS_BEFORE = lazy_re.compile(r"[A-Za-z][\w’'-]*")

#: The month names, as a regex alternation (dates in citations, adoption lines).
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

#: The heading of an adopted resolution's first page ('Resolution adopted by the General
#: Assembly'), a line of its own.
ADOPTED_HEADING = lazy_re.compile(
    r"^[ \t]*Resolution adopted by the (?:General Assembly|Security Council|Economic and Social "
    r"Council|Human Rights Council)\b",
    re.M,
)

#: Tokens longer than this are never corrected or split: no known word comes near (the
#: longest in the lexicon has 30 letters), and the candidate search grows with the length.
MAX_WORD = 64

FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with and or as is are be its it this that which "
    "their into upon".split()
)

# Abbreviations after which a full stop and a lower-case word are normal.
ABBREVIATIONS = frozenset(
    "a.m p.m e.g i.e etc cf viz vs al para paras chap chaps sect sects art arts vol vols p pp "
    "no nos fig figs ed eds rev corr add approx incl op cit ibid loc mr mrs ms dr st prof gen "
    "sr jr co inc ltd dept govt annex subpara subparas ch ff n nn supp amend resp".split()
)


def words(text: str) -> Iterator[re.Match[str]]:
    """Candidate word tokens of ``text``."""
    return WORD.finditer(text)


#: Function words of other languages that are English words too ('do not', 'on a par
#: with'): near a word, they say nothing of a French, Spanish or Portuguese phrase.
ALSO_ENGLISH = frozenset({"do", "par"})


def foreign_nearby(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a French or Spanish function word ('sobre' in a Spanish title),
    or are there within a few words two of them (or one and 'de' or 'la'), or one of these
    and an accented word (the word itself or another), or two accented words? (One accented
    word alone is often OCR's: 'dependént'; one function word alone too: 'al' for 'at',
    'para.' of a citation.)"""
    if text[start:end].lower() in OTHER_FUNCTION_WORDS:
        return True
    # (Only within the paragraph: a French paragraph says nothing of the English one after it.)
    # (Whole words only: a word the window's edge cuts, 'en' of 'ensure', says nothing.)
    lo, hi = max(0, start - 30), end + 30
    while 0 < lo < start and text[lo - 1].isalpha():
        lo += 1
    while end < hi < len(text) and text[hi].isalpha():
        hi -= 1
    before = _BLANK_LINE.split(text[lo:start])[-1]
    window = before + " " + _BLANK_LINE.split(text[end:hi])[0]
    accented = 0 if text[start:end].isascii() else 1  # (the word itself: 'libération')
    romance = False  # 'de' and 'la' also occur in English names ('Rio de Janeiro'): half a clue
    function_words = set()
    for w in _ANY_WORD.findall(window):
        low = w.lower()
        if low in OTHER_FUNCTION_WORDS and low not in ALSO_ENGLISH:
            function_words.add(low)
        accented += not w.isascii()
        romance = romance or low in ("de", "la")
    # One function word alone is as often OCR's reading of an English one on a damaged page
    # ('al' for 'at', 'lo' for 'to', 'des' of a split word): a phrase has two, or an accent.
    clues = len(function_words) + romance
    return accented >= 2 or (clues >= 1 and accented >= 1) or clues >= 2


def neighbours(text: str, start: int, end: int, lines: bool = False) -> tuple[str, str]:
    """The words just before and after ``text[start:end]`` on its line ('' where none);
    ``lines``: at a line's edge, the word on the line above or below (a sentence runs on
    across a line break, not across a blank line nor a hyphen that broke a word)."""
    return _word(_word_before(text, start, lines)), _word(_word_after(text, end, lines))


def neighbourhood(
    text: str, start: int, end: int, lines: bool = False
) -> tuple[tuple[str, str], tuple[str, str]]:
    """:func:`neighbours` of ``text[start:end]``, and the words two before and two after it
    (whatever the words between them, read or garbled), each word found once."""
    before = _word_before(text, start, lines)
    after = _word_after(text, end, lines)
    before2 = _word_before(text, before.start(1), lines) if before else None
    after2 = _word_after(text, after.end(1), lines) if after else None
    return (_word(before), _word(after)), (_word(before2), _word(after2))


def _word(found: re.Match[str] | None) -> str:
    return found.group(1) if found else ""


def _word_before(text: str, start: int, lines: bool) -> re.Match[str] | None:
    before = _PREV_WORD.search(text, max(0, start - 24), start)
    if before is None and lines:
        before = _PREV_WORD_ABOVE.search(text, max(0, start - 30), start)
    return before


def _word_after(text: str, end: int, lines: bool) -> re.Match[str] | None:
    after = _NEXT_WORD.match(text, end, end + 24)
    if after is None and lines and not text.startswith("-", end):
        after = _NEXT_WORD_BELOW.match(text, end, end + 30)
    return after


_TITLE = lazy_re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|Sr|St|H\.E|Messrs|Mmes)\.|\b[A-Z]\.)$")


def sentence_start(text: str, pos: int) -> bool:
    """Does a sentence or paragraph begin at ``pos`` (so a capital letter says nothing)?
    Not after a title or an initial ('Mr. Kenji', 'J. Smith'): a name follows those."""
    head = text[max(0, pos - 12) : pos].rstrip(" \t")
    if _TITLE.search(head):
        return False
    return (
        not head
        or head.endswith(("\n", ".", "?", "!", ":", "“", '"', "("))
        or _ITEM_START.search(head) is not None
    )


# What may stand between a paragraph's start and its first word on a damaged page: debris
# of a footnote marker or a bracket, quotes.
_LEAD_DEBRIS = " \t[](){}|°®©*'\"‘’“”«»\\-"
_TITLE_LINKS = frozenset({"of", "on", "for", "and", "the", "in", "to"})


def opens_sentence(text: str, pos: int) -> bool:
    """Does a sentence or paragraph really begin at ``pos``? :func:`sentence_start`, but a
    line break inside a paragraph is no sentence start when the line above ends in a word or
    a comma, and debris before a paragraph's first word ('8. ° Encourages') is looked past."""
    head = text[max(0, pos - 40) : pos].rstrip(_LEAD_DEBRIS)
    if not head or head.endswith("\n\n") or _BLANK_TAIL.search(head) or _ITEM_READ.search(head):
        return True
    if head.endswith("\n"):
        above = head[:-1].rstrip(" \t")
        return not above or not (above[-1].isalnum() or above[-1] in ",;-")
    return sentence_start(text, pos - (len(text[max(0, pos - 40) : pos]) - len(head)))


def in_title(text: str, pos: int, end: int | None = None) -> bool:
    """Does the word at ``pos`` (ending at ``end``) stand in a title inside a sentence: after a
    capitalised word that opens no sentence, with at most two of the words that link a
    title's words between ('Conference on Financing', 'States for Education'), or before a
    capitalised word ('Kirst Committee')?"""
    if end is not None:
        after = _word_after(text, end, True)
        if after is not None and _capitalised(after.group(1)):
            return True
    low = max(0, pos - 60)
    for m in reversed(list(_WORDS_BEFORE.finditer(text, low, pos))[-3:]):
        word = m.group()
        if word in _TITLE_LINKS:
            continue
        return _capitalised(word) and not opens_sentence(text, m.start())
    return False


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and len(word) > 1 and not word.isupper()


class AtStarts:
    """``finditer`` of a pattern anchored at line starts (``(?m:^)`` + ``body``) or at blank-
    line paragraph starts (``(?:^|\n\n)`` + ``body``, where the match holds the line breaks),
    for a ``body`` that matches no line break: the match at the start of the text, then those
    after each line break (or pair of them) found by that literal, to which re skips in C,
    instead of trying the anchor at every position. The same matches, but that a match after
    a line start holds the line break before it: read its groups, not its whole span."""

    __slots__ = ("first", "rest")

    def __init__(self, body: str, after: str = "\n", flags: int = 0) -> None:
        self.first = lazy_re.compile(body, flags)
        self.rest = lazy_re.compile(re.escape(after) + body, flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        first = self.first.match(text)
        if first is not None:
            yield first
        yield from self.rest.finditer(text)


def at_marks(
    pattern: re.Pattern[str], marks: re.Pattern[str], group: str, text: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern each of whose matches begins a run of word
    characters (its lookbehind lets none stand before it) that its ``group``, a mark, ends:
    the pattern is tried only at the run that ends at each match of ``marks`` (which must find
    every place such a group can be), and not where a match before it already reached, as
    ``finditer`` goes on after each match. Rare marks make this many times faster than reading
    every word of the text."""
    reached = 0
    for mark in marks.finditer(text):
        start = mark.start()
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1  # (re's \w: what is alphanumeric, and '_')
        if start < reached:
            continue
        m = pattern.match(text, start)
        if m is not None and m.start(group) == mark.start():
            reached = m.end()
            yield m


#: Paragraphs up to this length are remembered by the fixers that work paragraph by paragraph
#: (longer ones, a whole book on one line, are only worked on).
PARAGRAPH_MEMO_CHARS = 20_000


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, part)`` for each part of ``text`` between runs of two or more line breaks
    (so no part begins or ends with one, but at the ends of ``text``), in order.

    A fixer whose every decision looks at most at the lines of one such part, and treats
    both ends of a part as it treats a blank line (a pattern's lookaround sees ``'\\n\\n'``
    there, or nothing), finds in ``text`` exactly what it finds in the parts: the passes of
    the pipeline then work again only on the paragraphs that changed.

    Each part is interned: the fixers that remember their work by paragraph then share one
    copy of it as their memos' key, not a copy each (5 MB less at peak over 2 MB of pages)."""
    start = 0
    for blank in _BLANK_RUN.finditer(text):
        yield start, sys.intern(text[start : blank.start()])
        start = blank.end()
    yield start, sys.intern(text[start:])


#: Texts up to this length have their paragraphs shared by the fixers (a longer one, split by
#: each, is not held whole in memory a second time).
SHARED_SPLIT_CHARS = 200_000


def split_paragraphs(text: str, lex: Lexicon) -> Iterable[tuple[int, str]]:
    """:func:`paragraphs` of ``text``, kept with the lexicon for the next fixer that splits the
    same text (the stages of a pass that change nothing hand the next one the same text): a
    memo of the last text only, of :data:`SHARED_SPLIT_CHARS` at most."""
    if len(text) > SHARED_SPLIT_CHARS:
        return paragraphs(text)
    memo: Memo[str, tuple[tuple[int, str], ...]] = lex.memo("_words.paragraphs", 1)
    found = memo.get(text)
    if found is None:
        found = tuple(paragraphs(text))
        memo.put(text, found)
    return found


def word_counts(text: str, lex: Lexicon, tokens: list[str] | None = None) -> Counter[str]:
    """How often each word token (:data:`WORD`) stands in the paragraph ``text``; ``tokens``:
    them in order, when the caller has listed them. Kept with the lexicon for the next word
    fixer that asks on the same pass (character_confusions counts them, merged_words reads
    them): a small memo, for the paragraphs of the text being fixed."""
    if len(text) > PARAGRAPH_MEMO_CHARS:
        return Counter(WORD.findall(text) if tokens is None else tokens)
    memo: Memo[str, Counter[str]] = lex.memo("_words.word_counts", 64)
    counts = memo.get(text)
    if counts is None:
        counts = Counter(WORD.findall(text) if tokens is None else tokens)
        memo.put(text, counts)
    return counts


def shifted(edits: Iterable[Edit], offset: int) -> Iterator[Edit]:
    """``edits`` of a part of a text that starts at ``offset``, as edits of the text."""
    for edit in edits:
        yield (
            edit
            if not offset
            else dataclasses.replace(edit, start=edit.start + offset, end=edit.end + offset)
        )


def by_paragraph(
    text: str,
    memo: Memo[str, tuple[Edit, ...]],
    propose: Callable[[str], Iterable[Edit]],
    lex: Lexicon | None = None,
) -> Iterator[Edit]:
    """``propose`` run on each paragraph of ``text`` (see :func:`paragraphs`), its edits
    remembered in ``memo`` under the paragraph: a memo of the fixer with these options (its
    name holds their ``repr``). With ``lex``, the split is shared (:func:`split_paragraphs`)."""
    # A text of more paragraphs than the memo keeps would only churn it (its first paragraphs
    # are dropped before the next pass comes back to them): such a text is just worked on.
    remember = text.count("\n\n") < memo.maxsize // 2
    for offset, part in paragraphs(text) if lex is None else split_paragraphs(text, lex):
        if not part:
            continue
        if not remember or len(part) > PARAGRAPH_MEMO_CHARS:
            yield from shifted(propose(part), offset)
            continue
        edits = memo.get(part)
        if edits is None:
            edits = tuple(propose(part))
            memo.put(part, edits)
        yield from shifted(edits, offset)


_LONG_WORD = lazy_re.compile(r"[A-Za-z]{4,}")
#: Share of unknown words (four letters or more) from which a text counts as OCR'd with
#: damage: real-word errors come with non-word errors, and clean text (a commit to a corpus,
#: a ground truth) is left alone without loading the bigram table.
DAMAGE_SHARE = 0.02


def damaged(text: str, lex: Lexicon) -> bool:
    """Does ``text`` hold the share of unknown words (of four letters or more) that only OCR
    damage leaves? Counted paragraph by paragraph, each paragraph's count remembered."""
    counts: Memo[str, tuple[int, int]] = lex.memo("words.damage", 4_000)
    total = unknown = 0
    for _, part in split_paragraphs(text, lex):
        found = counts.get(part)
        if found is None:
            found = _long_words(part, lex)
            if len(part) <= PARAGRAPH_MEMO_CHARS:
                counts.put(part, found)
        total += found[0]
        unknown += found[1]
    return unknown > 0 and unknown >= DAMAGE_SHARE * max(total, 50)


def came_in_damaged(text: str, ctx: Context) -> bool:
    """Did the text come in damaged (``ctx.input_damaged``, judged by the pipeline before any
    fixer repaired it), or, where nobody said, is ``text`` itself damaged?"""
    said = ctx.input_damaged
    return damaged(text, ctx.lexicon) if said is None else said


def _long_words(text: str, lex: Lexicon) -> tuple[int, int]:
    """How many words of four letters or more ``text`` holds, and how many are unknown."""
    counts = Counter(_LONG_WORD.findall(text))  # (each distinct word judged once)
    unknown = sum(counts[word] for word in lex.unknown(counts))
    return counts.total(), unknown
