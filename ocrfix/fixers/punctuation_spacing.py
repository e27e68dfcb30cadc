"""Spacing and punctuation that OCR gets wrong inside English sentences.

- a stray space before closing punctuation: ``development” ;8`` -> ``development”;8``;
- a doubled space inside a line: ``4.  Welcomes`` -> ``4. Welcomes`` (indentation and
  wider gaps, which may align columns, are left alone);
- a full stop read for a comma: ``resolution 70/1. and`` -> ``resolution 70/1, and`` (a full
  stop followed by a lower-case word, abbreviations excepted), and in lists of resolutions
  (``1992. 49/155 of`` -> ``1992, 49/155 of``);
- a speck read as a full stop after a word that cannot end a clause (``and. social``) or
  after a paragraph's opening word (``Noting. the work``): removed;
- a lone underscore between words (``— _ the``): removed;
- the number sign read with a comma: ``Supplement No, 11`` -> ``Supplement No. 11``;
- the commas of a list of sponsors read as full stops: ``Chile. Ghana, Malaysia and Oman:
  draft resolution`` -> ``Chile, Ghana, ...``.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re
from ..commas import comma_probability, stops_between
from ..edits import Edit
from ..lexicon import Lexicon
from ._index import TextIndex
from ._words import (
    ABBREVIATIONS,
    FUNCTION_WORDS,
    MONTHS,
    AtStarts,
    at_marks,
    by_paragraph,
    damaged,
    foreign_nearby,
)
from .base import Context


def _after(words: str, mark: str) -> str:
    """A pattern, to follow ``mark`` in a regex, that holds where ``mark`` comes right after one
    of the space-separated ``words`` preceded by no letter, digit, quote or hyphen: a
    fixed-width lookbehind per length of word, so that the regex starts at the (rare) mark and
    not at every word of the text."""
    by_length: dict[int, list[str]] = {}
    for word in words.split():
        by_length.setdefault(len(word), []).append(re.escape(word))
    return (
        "(?:"
        + "|".join(
            rf"(?<=(?<![\w’'‘-])(?:{'|'.join(same)}){re.escape(mark)})"
            for same in by_length.values()
        )
        + ")"
    )


# Spaces before a closing mark, after a character that is no space nor an opening mark.
# (The patterns marked "first, then lookbehind" begin with a character or class, the check of
# what stands before it a lookbehind after it that includes it: re then skips in C to the
# candidates, instead of trying a match at every position.)
_SPACE_BEFORE = lazy_re.compile(r"( (?<=[^\s,;:(\[] ) *)(?=[,;:)\]][\d”’\"]|[)\]](?:\s|$))")
# A lone mark between spaces ('and : Norway', 'word . next'): on the corpus pages this is
# scanner debris far more often than a misplaced mark, so it goes, space and all.
# (First space, then lookbehind: what stands before the run is no space, stop or bracket.)
_LONE_MARK = lazy_re.compile(r" (?<=[^\s.(\[] ) *[,;:.](?: +[,;:.])*(?=[ \t]*(?:\n|$)| +\S)")
# A doubled space inside a sentence ('the  report') or after a paragraph number ('4.  Welcomes').
# Not after a sentence (two spaces after a full stop are a typing convention), nor between
# capitals and digits (addresses, aligned columns: 'MA  02110'). (Spaces first, then lookbehind.)
_DOUBLE_SPACE = lazy_re.compile(r"  (?<=[a-z,]  )(?=[a-z])")
_NUMBER_THEN_DOUBLE_SPACE = AtStarts(r"\d{1,3}\.(?P<sp>  )(?=[A-Z][a-z])", "\n\n")
# A full stop after a word or number, then a space and a lower-case word. (Stop first, then
# lookbehind.)
_STOP_THEN_LOWER = lazy_re.compile(r"\.(?<=[\w)”’-]\.)(?=(?: +|[ \t]*\n[ \t]*)(?P<next>[a-z]+)\b)")
# A full stop between two resolution numbers or a year and a resolution number.
_STOP_IN_LIST = lazy_re.compile(r"(?:\b\d{4}|\d/\d{1,4})(?P<stop>\.) (?=\d{1,3}/\d{1,4}\b)")
_LIST_CUE = lazy_re.compile(r"\. \d{1,3}/")  # (what every match holds, found fast)
_PARAGRAPH_NUMBER = lazy_re.compile(r"(?:^|\n)[ \t]*\(?(?:\d{1,3}|[a-z]{1,4})$")
_PARAGRAPH_OPENING = lazy_re.compile(r"(?:^|\n\n)[ \t]*(?:\d{1,3}\.[ \t]+|\([a-z]{1,4}\)[ \t]+)?$")
_WORD_BEFORE = lazy_re.compile(r"([\w.]+-?)$")
_NOTE_START = lazy_re.compile(r"(?<![ \t])[ \t]*(?:\d{1,3}|[^\w\s(]{1,2})[ \t]")
#: A line shorter than this does not run to the margin: what follows may not continue it.
FULL_LINE = 50


def _body_line_end(text: str, pos: int) -> bool:
    """Does the line that ends at ``pos`` run to the margin, and is it no footnote's?"""
    start = text.rfind("\n", 0, pos) + 1
    return pos - start >= FULL_LINE and not _NOTE_START.match(text, start)


# A space, then an underscore after a word or a bar, then a space. (Space first, then
# lookbehind.)
_LONE_UNDERSCORE = lazy_re.compile(r" (?:(?<=\S )_|\|)(?= )")
# A mark glued to a word that never carries one: 'the.', 'of:', 'and’', '‘and', 'its,'.
# (Two patterns, each beginning with what re can skip to in C: the mark before the word, the
# lookbehind after it; or the word, its lookbehinds after it (no mark before it that the first
# pattern takes), then the mark after it. A match of the word with neither mark, every 'the' of
# a page, is no edit: neither finds it.)
_FUNCTION_WORD_WITH_MARK = "the of and a an its their from with to for".split()
_MARK_BEFORE_FUNCTION_WORD = lazy_re.compile(
    r"(?P<lead>[‘’'.,:;])(?<![\w’'‘][‘’'.,:;])(?P<word>" + "|".join(_FUNCTION_WORD_WITH_MARK) + r")"
    r"(?P<trail>[.:;’‘']?)(?=[ \t]+[a-z])"
)
_MARK_AFTER_FUNCTION_WORD = lazy_re.compile(
    r"(?P<word>"
    + "|".join(
        rf"{w}(?<![\w’'‘]{w})(?<!(?<![\w’'‘])[‘’'.,:;]{w})" for w in _FUNCTION_WORD_WITH_MARK
    )
    + r")"
    r"(?P<lead>)(?P<trail>[.:;’‘'])(?=[ \t]+[a-z])"  # (no lead: an empty group of that name)
)


def _marks_on_function_words(text: str) -> Iterator[re.Match[str]]:
    """The function words of ``_FUNCTION_WORD_WITH_MARK`` with no letter or quote before them,
    a space and a lower-case letter after them, and a mark (``lead``) before them or one
    (``trail``) after them, in order, as one pattern with both marks optional finds them: those
    with a lead, and those with a trailing mark but no lead (nor a mark before them that opens a
    match with a lead: such a match holds the word), merged. (A word that a space follows is no
    prefix of one that a mark follows: the word found with no mark is found with none.)"""
    return heapq.merge(
        _MARK_BEFORE_FUNCTION_WORD.finditer(text),
        _MARK_AFTER_FUNCTION_WORD.finditer(text),
        key=_START,
    )


_START: Callable[[re.Match[str]], int] = re.Match.start
# A stop after an article or a word that never ends an English sentence ('and', 'or',
# 'than'), before a capital or a number, or after 'the' at a line end: a speck ('than. 10').
# (Prepositions may end one: 'what it is made of.', 'ask it to. Keys')
# (Stop first, then the lookbehinds that read the word before it, each preceded by no letter,
# quote or hyphen.)
_STOP_AFTER_ARTICLE = lazy_re.compile(
    r"(?P<stop>\.)(?:(?:" + _after("The the", ".") + r"|(?<=\S a\.)|(?<=\S an\.))"
    r"(?=[ \t]*\n|[ \t]+[A-Z0-9])|" + _after("and or than", ".") + r"(?=[ \t]+[A-Z0-9]))"
)
# A lone mark opening a line before a word, a hyphen glued before a word: specks.
_LINE_START_MARK = AtStarts(r"[ \t]*(?P<mark>[.,:;] )(?=[A-Za-z])")
# (The hyphen after a space: hyphen first, then lookbehind; not the suspended hyphen of
# 'country-owned and -driven'.)
_HYPHEN_BEFORE_WORD = lazy_re.compile(r"(?P<mark>-)(?<= -)(?<! and -)(?<! or -)(?=[a-z]{2,}\b)")
# Words no comma or colon ever follows: a mark there is a speck ('of, the', 'on: all').
# (Mark first, then the lookbehinds that read the word before it; each alternative begins with
# its mark, captured by a lookbehind, so that re skips in C to the commas and colons.)
_COMMA_ON_FUNCTION_WORD = lazy_re.compile(
    r"(?:,(?<=(?P<comma>,))"
    + _after("the a an its their", ",")
    + r"|:(?<=(?P<colon>:))"
    + _after("the of a an its their on upon to from by with for and or", ":")
    + r")(?=[ \t]+[a-z](?![a-z]{0,3}\)))"
)
# A closing quote after a word that is no possessive, or an opening quote before a word,
# with no partner in the paragraph: '‘resulting from', 'international’ migration'. (Quote
# first, then lookbehind: the closing quote after a letter but 's', the opening one after no
# letter or quote.)
# Two capitalised words in a row ending where a quote stands: a title or a name.
_TITLE_PAIR = lazy_re.compile(r"[A-Z][a-z]+[ \t\n]+[A-Z][a-z]+$")
# A footnote line under a blank line: a number, a space, a capital ('3 Ibid., vol. 1249').
_NOTE_LINES = lazy_re.compile(r"\n\n[ \t]*\d{1,3}[ \t]+[A-Z]")
_STRAY_CLOSE = lazy_re.compile(r"(?P<mark>[’'])(?<=[a-rt-z][’'])(?=[ \t]+[a-z])")
# (An opening quote before a capital may open a title that closes on the next page; one at
# the head of a numbered paragraph never does.)
_STRAY_OPEN = lazy_re.compile(r"(?P<mark>[‘“])(?<![\w’‘'\"“][‘“])(?=[a-z]+[ \t\n])")
_STRAY_HEAD = AtStarts(r"[ \t]*\d{1,3}\.[ \t]+(?P<head>[‘“])(?=[A-Z][a-z]+s\b)")
_DASHES = lazy_re.compile(r"(?<= )(?:—-|-—|---|~~|--)(?= )")
_SESSION_STOP = lazy_re.compile(r"(?<=Session)\.(?= Supplement\b)")
# A colon inside a phrase ('the item: entitled', 'provided: that'): a speck, when the two
# words are a common pair. (Not before 'the' or 'a', which open the titles a colon divides:
# 'Transforming our world: the 2030 Agenda'.)
_COLON_IN_PHRASE = lazy_re.compile(
    r"(?<![\w’'‘-])(?P<a>[A-Za-z][a-z]+)(?P<colon>:)(?=[ \t]+(?P<b>[a-z]+)\b(?![’']))"
)
# Where a match of ``_COLON_IN_PHRASE`` can have its colon: after a lower-case letter, before
# a lower-case word (colon first: see ``at_marks``).
_PHRASE_COLON = lazy_re.compile(r":(?<=[a-z]:)(?=[ \t]+[a-z])")
_OPENS_TITLE = frozenset(
    "the a an to it we they you he she i this these there what how why who when where which not "
    "no one each every all some should would could can will may might must shall".split()
)
COLON_PAIR_MIN = 1_000_000
# The sponsors of a draft, 'Chile, Ghana, Malaysia and Oman: draft resolution', over one or
# two lines: the commas of the list read as full stops or semicolons ('Chile. Ghana').
_SPONSORS = lazy_re.compile(
    r"^(?P<who>[A-Z][^\n:]{1,200}(?:\n[^\n:]{1,200})?):\W{0,2}[ \t]+(?:revised )?dra[a-z]{1,3} "
    r"(?:resolution|decision)\b",
    re.M,
)
_SPONSORS_CUE = lazy_re.compile(r"dra[a-z]{1,3} (?:resolution|decision)\b")
# A stop or semicolon between two names in a list of sponsors. (Mark first, then lookbehind.)
_SPONSOR_STOP = lazy_re.compile(r"[.;](?<=[a-z)][.;])(?= [A-Z][a-z])")
# 'No.' before a number read 'No,' in a citation: 'Supplement No, 11', 'Sales No, E.24.I.6',
# 'issue No, 48', 'vol. 2187, No, 38544' (after a capitalised word, 'issue' or a number).
_NUMBER_SIGN = lazy_re.compile(
    r"(?:\b[A-Z][a-z]+|\bissue|\d,) Nos?(?P<mark>[,;])(?= (?:\d|[A-Z]\.\d))"
)
# The full stop of an abbreviation before a number read as a comma: 'para, 7', 'vol, 1409'.
_ABBREVIATION_COMMA = lazy_re.compile(r"\b(?:para|paras|vol|chap|sect|art)(?P<mark>,)(?= \d)")
# A colon between a month and its year: a speck ('17 December: 1966').
_MONTH_COLON = lazy_re.compile(r"\b(?:" + MONTHS + r")(?P<mark>:)(?= (?:19|20)\d\d\b)")
# A stop after the part letter of a resolution in a list of them, another resolution after it:
# the list's comma misread ('61/250 A. 61/250 B,'). (Stop first, the lookbehind after it.)
_PART_STOP = lazy_re.compile(
    r"\.(?:(?<=\d/\d [A-H]\.)|(?<=\d/\d\d [A-H]\.)|(?<=\d/\d\d\d [A-H]\.))"
    r"(?= \d{1,3}/\d{1,3}\b)"
)
# Specks read as marks, with the strings their matches hold (see ``_scan``).
_SPECKS: tuple[tuple[re.Pattern[str] | AtStarts, tuple[str, ...]], ...] = (
    (_STOP_AFTER_ARTICLE, (".",)),
    (_LINE_START_MARK, (".", ",", ":", ";")),
    (_HYPHEN_BEFORE_WORD, (" -",)),
)
# A full stop after a word inside a line, then a capitalised word. (Stop first, then the
# lookbehind that reads the word before it.)
_STOP_THEN_CAPITAL = lazy_re.compile(r"\.(?= (?P<next>[A-Z][a-z]+)\b(?![.’'-]))")
_WORD_AT_END = lazy_re.compile(r"(?<![\w.’'-])[A-Za-z][a-z]{1,20}$")
#: How often two words must stand together in UN text before a stop between them, never seen
#: there, is taken for a speck.
STOP_PAIR_MIN = 10
#: A full stop before a lower-case word is a comma misread, or a speck when UN text puts a
#: comma between the two words less often than this (:func:`ocrfix.commas.comma_probability`).
#: Calibrated on the training pages (``benchmarks/calibrate.py --grid
#: punctuation_spacing.speck_comma_max=...``; fixed tokens, train + team, all levels): 0.01
#: 11,668, 0.02 11,685, 0.03 11,661, 0.05 11,614; broken tokens the same at each.
SPECK_COMMA_MAX = 0.02
# Words after which no clause ends: a full stop there is a speck.
_NEVER_LAST = frozenset("and or the of to in for with by on at an from as that which".split())


@dataclass(frozen=True)
class PunctuationSpacingFixer:
    """Fix spacing before punctuation, doubled spaces, full stops for commas and specks.
    Runs only on English paragraphs (French puts a space before ``;`` and ``:``)."""

    name: ClassVar[str] = "punctuation_spacing"
    language_independent: ClassVar[bool] = False
    stop_for_comma: bool = True
    #: See :data:`SPECK_COMMA_MAX`.
    speck_comma_max: float = SPECK_COMMA_MAX

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        # Paragraph by paragraph (see ``paragraphs``: every check stays inside one), but an
        # opening quote, whose partner may close after a page break.
        lex = ctx.lexicon
        # (A text with footnote lines may hold markers read as quotes: see ``_stray_quotes``.)
        notes = _NOTE_LINES.search(text) is not None and not damaged(text, lex)
        memo = lex.memo(f"{self!r}.paragraphs.{notes}", 4_000)
        yield from by_paragraph(text, memo, lambda part: self._propose(part, lex, notes), lex)
        yield from self._stray_opens(text)

    def _propose(self, text: str, lex: Lexicon, notes: bool = False) -> Iterator[Edit]:
        for m in _scan(_SPACE_BEFORE, text, " ,", " ;", " :", " )", " ]"):
            yield self._edit(m.start(1), m.group(1), "", "removed a space before punctuation")
        for m in _scan(_LONE_MARK, text, " ,", " ;", " :", " ."):
            if foreign_nearby(text, m.start(), m.end()):
                continue  # French sets a space before ':' and ';'
            yield self._edit(m.start(), m.group(), "", "removed a lone mark (scan debris)", 0.7)
        for m in _scan(_DOUBLE_SPACE, text, "  "):
            yield self._edit(m.start(), "  ", " ", "collapsed a doubled space inside a line")
        for m in _scan(_NUMBER_THEN_DOUBLE_SPACE, text, ".  "):
            yield self._edit(m.start("sp"), "  ", " ", "collapsed a doubled space inside a line")
        for m in _scan(_LONE_UNDERSCORE, text, " _ ", " | "):
            yield self._edit(m.start(), m.group(), "", "removed a lone underscore or bar (debris)")
        for m in _marks_on_function_words(text):
            for group in ("lead", "trail"):
                if m.group(group):
                    yield self._edit(
                        m.start(group),
                        m.group(group),
                        "",
                        f"removed a stray mark on '{m.group('word')}'",
                        0.75,
                    )
        for m in _COMMA_ON_FUNCTION_WORD.finditer(text):
            group = "comma" if m.group("comma") else "colon"
            yield self._edit(
                m.start(group),
                m.group(group),
                "",
                "a speck read as a mark after a function word",
                0.75,
            )
        yield from self._stray_quotes(text, notes)
        for pattern, cues in _SPECKS:
            for m in _scan(pattern, text, *cues):
                yield self._edit(
                    m.start(m.lastgroup or 0),
                    m.group(m.lastgroup or 0),
                    "",
                    "removed a speck read as a mark",
                    0.7,
                )
        for m in _scan(_DASHES, text, "--", "—-", "-—", "~~"):
            yield self._edit(m.start(), m.group(), "—", "a dash read as hyphens", 0.75)
        for m in _scan(_SESSION_STOP, text, "Session. Supplement"):
            yield self._edit(m.start(), ".", ",", "'Session, Supplement' in a citation", 0.8)
        yield from self._colons(text, lex)
        for m in _SPONSORS.finditer(text) if _SPONSORS_CUE.search(text) else ():
            who = m.group("who")
            if who.count(",") + who.count(".") + who.count(";") < 2:
                continue  # not a list of States
            for stop in _SPONSOR_STOP.finditer(who):
                start = m.start("who") + stop.start()
                yield self._edit(start, stop.group(), ",", "a comma in a list of sponsors", 0.8)
        for m in _scan(_NUMBER_SIGN, text, "No,", "No;", "Nos,", "Nos;"):
            yield self._edit(m.start("mark"), m.group("mark"), ".", "'No.' before a number", 0.8)
        for m in _scan(
            _ABBREVIATION_COMMA, text, "para,", "paras,", "vol,", "chap,", "sect,", "art,"
        ):
            yield self._edit(
                m.start("mark"), ",", ".", "an abbreviation's full stop before a number", 0.8
            )
        for m in _scan(_MONTH_COLON, text, ": 19", ": 20"):
            yield self._edit(m.start("mark"), ":", "", "a speck between a month and its year", 0.8)
        for m in _PART_STOP.finditer(text):
            yield self._edit(m.start(), ".", ",", "the comma in a list of resolutions", 0.8)
        if self.stop_for_comma:
            yield from self._stops(text, lex)
            yield from self._stops_in_titles(text, lex)

    def _edit(self, start: int, before: str, after: str, reason: str, conf: float = 0.9) -> Edit:
        return Edit(start, start + len(before), before, after, self.name, reason, conf)

    def _colons(self, text: str, lex: Lexicon) -> Iterator[Edit]:
        """A colon between two words that commonly stand together, in a paragraph that ends
        like a sentence (a heading's colon divides a title: 'peoples: rights of ...')."""
        index: TextIndex | None = None
        for m in at_marks(_COLON_IN_PHRASE, _PHRASE_COLON, "colon", text):
            if m.group("a")[0].isupper() and m.group("b") not in FUNCTION_WORDS:
                continue  # a title's colon: 'Indigenous Peoples: rights of ...'
            a, b = m.group("a").lower(), m.group("b")
            if b in _OPENS_TITLE or lex.bigram(a, b) < COLON_PAIR_MIN:
                continue
            index = index or TextIndex(text, "")
            start, end = _paragraph(index, m.start())
            if not text[:end].rstrip().endswith((".", ";", ",")) or foreign_nearby(
                text, m.start(), m.end()
            ):
                continue
            before = text[start : m.start()]
            if before.count("“") > before.count("”"):
                continue  # a quoted title's colon: '“Disarmament education: resources for ...”'

            yield self._edit(m.start("colon"), ":", "", f"a speck read as ':' in '{a} {b}'", 0.7)

    def _stray_quotes(self, text: str, notes: bool = False) -> Iterator[Edit]:
        """Quotes with no partner in their paragraph are specks."""
        index: TextIndex | None = None  # (rescanning the paragraph for each quote: quadratic)
        for m in _scan(_STRAY_CLOSE, text, "’ ", "’\t", "' ", "'\t"):
            if notes and _TITLE_PAIR.search(text, max(0, m.start() - 60), m.start()):
                continue  # a footnote marker misread after a title ('South Atlantic’ and')
            index = index or TextIndex(text, "‘’'")
            para = _paragraph(index, m.start())
            if index.count("‘", para[0], m.start()) <= index.count("’", para[0], m.start()) and (
                index.count("'", para[0], para[1]) == 1 or m.group("mark") == "’"
            ):
                yield self._edit(m.start(), m.group("mark"), "", "removed a stray quote", 0.7)
        for m in _scan(_STRAY_HEAD, text, "‘", "“"):
            yield self._edit(
                m.start("head"),
                m.group("head"),
                "",
                "removed a stray quote before a paragraph's verb",
                0.7,
            )

    def _stray_opens(self, text: str) -> Iterator[Edit]:
        """An opening quote before a lower-case word with no partner in the 400 characters
        after it (on this page or the next) is a speck."""
        for m in _STRAY_OPEN.finditer(text):
            mark = m.group("mark")
            partners = "’'" if mark == "‘" else '”"″’'
            window = text[m.end() : m.end() + 400]
            if not any(p in window for p in partners):
                yield self._edit(m.start(), mark, "", "removed a stray quote", 0.7)

    def _stops_in_titles(self, text: str, lex: Lexicon) -> Iterator[Edit]:
        """A full stop inside a line between two words that UN text writes together often and
        never with a stop between them, before a capitalised word: a speck in a title
        ('United. Nations', 'International Trade. Law') or after a function word ('on. Trade')."""
        for m in _STOP_THEN_CAPITAL.finditer(text):
            before = _WORD_AT_END.search(text, max(0, m.start() - 22), m.start())
            if before is None:
                continue
            first, second = before.group(), m.group("next")
            if not (first[0].isupper() or first in FUNCTION_WORDS):
                continue
            if second.lower() in FUNCTION_WORDS or _is_abbreviation(first, lex):
                continue
            stops, together = stops_between(first, second)
            if stops or together < STOP_PAIR_MIN:
                continue
            yield self._edit(
                m.start(),
                ".",
                "",
                f"a speck read as a full stop: UN text writes '{first} {second}' "
                f"{together} times, never with a stop",
                0.7,
            )

    def _stops(self, text: str, lex: Lexicon) -> Iterator[Edit]:
        for m in _STOP_IN_LIST.finditer(text) if _LIST_CUE.search(text) else ():
            yield self._edit(
                m.start("stop"), ".", ",", "full stop inside a list of resolutions", 0.8
            )
        for m in _STOP_THEN_LOWER.finditer(text):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            word = before.group(1) if before else ""
            stem = word.rsplit(".", 1)[-1].lower()
            if not word or text[m.start() - 1 : m.start()] == ".":
                continue
            if "\n" in text[m.start() : m.start("next")] and (
                not _body_line_end(text, m.start())
                or text[m.end("next") : m.end("next") + 1] == "."
            ):
                continue  # the end of a footnote or a short line ('Ibid.' may open the next)
            if not lex.known(m.group("next"), min_count=100_000):
                continue
            if word.lower() in _NEVER_LAST:
                yield self._edit(m.start(), ".", "", f"a speck after '{word}' read as a full stop")
                continue
            if (
                _PARAGRAPH_OPENING.search(
                    text, max(0, m.start() - len(word) - 12), m.start() - len(word)
                )
                and word[:1].isupper()
            ):
                yield self._edit(
                    m.start(),
                    ".",
                    "",
                    "a speck after a paragraph's opening word read as a full stop",
                )
                continue
            if (
                "." in word.strip(".")  # 'e.g', 'U.S', '70/1.2' style tokens
                or _is_abbreviation(stem, lex)
                or (len(word) == 1 and word.isalpha())  # initials
                or _PARAGRAPH_NUMBER.search(text, max(0, m.start() - 8), m.start())
            ):
                continue
            p = comma_probability(stem, m.group("next"))
            if p is not None and p < self.speck_comma_max:
                yield self._edit(
                    m.start(),
                    ".",
                    "",
                    f"a speck read as a full stop: UN text writes no comma in "
                    f"'{stem} {m.group('next')}' (P = {p:.3f})",
                    0.7,
                )
                continue
            yield self._edit(
                m.start(),
                ".",
                ",",
                "full stop followed by a lower-case word: a comma misread",
                0.75,
            )


def _is_abbreviation(word: str, lex: Lexicon) -> bool:
    low = word.lower()
    return low in ABBREVIATIONS or low in lex.abbreviations


def _scan(pattern: re.Pattern[str] | AtStarts, text: str, *cues: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped when ``text`` holds none of ``cues`` (strings every
    match holds: a search for a string is many times faster than a pattern's scan)."""
    if any(map(text.__contains__, cues)):  # (mapped in C: no generator per cue)
        yield from pattern.finditer(text)


def _paragraph(index: TextIndex, pos: int) -> tuple[int, int]:
    """Start and end of the paragraph (blank-line separated) holding ``pos``."""
    start = index.blank_before(pos)
    end = index.blank_after(pos)
    return (0 if start < 0 else start + 2), (index.length if end < 0 else end)
