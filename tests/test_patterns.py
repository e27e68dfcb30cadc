"""Patterns rewritten for speed (each begins with a character or class, its lookbehind moved
after it, so that re skips to the candidates in C) find exactly what their plain form finds:
the same spans and groups, in the same order. The plain forms here are the specification."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocrfix import language
from ocrfix.fixers import (
    document_symbols,
    footnote_markers,
    merged_words,
    paragraph_numbers,
    punctuation_spacing,
    resolution_numbers,
    short_words,
)
from ocrfix.fixers._words import AtStarts, at_marks

# (rewritten pattern, its plain form, pieces of text that make it fire)
CASES = [
    (
        document_symbols._SYMBOL,
        r"\b(?:A|S|E|ST|CCPR|CERD|CEDAW|CRC|CAT|CMW|CRPD|UNEP|TD|DP|ICEF|HRC|JIU)"
        r"(?: ?/ ?[A-Z0-9]+(?![a-z])(?: ?\.[A-Z0-9]+(?![a-z]))*)+",
        ["A", "S", "ST", "CCPR", "CRC", "UNEP", "/", " /", "/ ", ".", " .", "C", "79", "L", "a"],
    ),
    (
        document_symbols._OLD_STYLE,
        r"\b(?P<number>\d{1,4})(?: (?P<letter>[A-F]))? \((?P<session>[0-9IlVXxTLH|!]{1,6})\)",
        ["217", "1", "٣", " A", " B", " (", "(", "III", "1l", ")", "x", "_"],
    ),
    (
        document_symbols._CITED_ROMAN,
        r"\b(?:[Aa]nnex(?:es)?|[Aa]ppendix|[Ee]nclosure|[Cc]hap\.|[Ss]ect\.|[Pp]art|[Ss]ection"
        r"|[Aa]rticle|[Cc]hapter|[Vv]ol\.)[ \t]+(?P<r>[IVXl1|\[]{1,5})(?=[.,;:)\s]|$)",
        [
            "annex",
            "Annexes",
            "appendix",
            "Article",
            "Chap.",
            "chapter",
            "Sect.",
            "Section",
            "Part",
            "Vol.",
            "enclosure",
            "x",
            " ",
            "\t",
            "I",
            "l",
            "1",
            "|",
            "[",
            "V",
            ".",
            ")",
            "_",
        ],
    ),
    (
        document_symbols._SLASH_AS_I,
        r"\b(?P<series>[AES])(?P<read>[Il1|])(?=C\.\d{1,2}/|\d{2,3}/\d|RES/|AC\.\d|CN\.\d|CONF\.\d)",
        ["A", "E", "S", "I", "l", "|", "C.2/", "79/3", "RES/", "AC.1", "CONF.2", "x", "_"],
    ),
    (
        document_symbols._SYMBOL_LIKE,
        r"(?<![\w/])[AES][^\s/]{0,7}[/.,:°'‘’(][^\s]{2,30}",
        ["A", "E", "S", "I", "/", ".", ",", ":", "°", "'", "(", "C", "79", "x", "_"],
    ),
    (
        punctuation_spacing._SPACE_BEFORE,
        r"(?<=[^\s,;:(\[])( +)(?=[,;:)\]][\d”’\"]|[)\]](?:\s|$))",
        [" ", "  ", ",", ";", ")", "]", "(", "[", "1", "”"],
    ),
    (
        punctuation_spacing._LONE_MARK,
        r"(?<=[^\s.(\[])(?: +[,;:.])+(?=[ \t]*(?:\n|$)| +\S)",
        [" ", "  ", ",", ";", ":", ".", " .", " ,", "(", "["],
    ),
    (
        punctuation_spacing._LONE_UNDERSCORE,
        r"(?<=\S) _(?= )| \|(?= )",
        [" ", "_", "|", " _ ", " | "],
    ),
    (
        punctuation_spacing._STOP_THEN_LOWER,
        r"(?<=[\w)”’-])\.(?=(?: +|[ \t]*\n[ \t]*)(?P<next>[a-z]+)\b)",
        [".", " ", "ab", ")", "”", "’", "-", "\n", "\t"],
    ),
    (
        paragraph_numbers._PAGE_OF,
        r"^(?P<n>[2-9])(?P<m>[2-9])[ \t]*\n(?=(?:[ \t]*\n)*\d{2}-\d{5}[ \t]*$)"
        r"|(?<=\n)(?<=\d{2}-\d{5}\n)(?P<n2>[2-9])(?P<m2>[2-9])[ \t]*$",
        ["2", "3", "22", "33", "1", "\n", "\n\n", " ", "24-20433", "4-2043", "24-20433\n"],
    ),
    (
        footnote_markers._SURVIVOR,
        r"(?<=[a-z,;:.”’)])(?P<n>\d{1,3})(?=[\s,;:.)]|$)",
        ["1", "12", "١", "a", ",", ")", "”", "\n"],
    ),
    (
        footnote_markers._GARBLED,
        r"(?<=[A-Za-z,;:.)])(?P<m>[?>®°!¢§¥™©+’”'\"*‘¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
        r"(?=[ \t]*(?:\n|$)|[ \t]+(?P<next>[A-Za-z(]))",
        ["*", "?", "¹", "²", "®", "’", "”", "a", ")", " (", "\n"],
    ),
]
# Around the pieces: the characters the lookarounds look at.
AROUND = list(" \n\t.,;:’‘'\"“”()-/_aZ0é")


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]


def _name(pattern: re.Pattern[str]) -> str:
    """'module._NAME' of a pattern of the fixer modules (the test's id)."""
    for module in (document_symbols, footnote_markers, paragraph_numbers, punctuation_spacing):
        for name, value in vars(module).items():
            if value is pattern:
                return f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
    return pattern.pattern


@pytest.mark.parametrize(("pattern", "plain", "pieces"), CASES, ids=[_name(c[0]) for c in CASES])
def test_rewritten_pattern_finds_what_its_plain_form_finds(
    pattern: re.Pattern[str], plain: str, pieces: list[str]
) -> None:
    spec = re.compile(plain, pattern.flags)
    assert spec.groupindex == pattern.groupindex

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(pieces + AROUND), max_size=16))
    def check(parts: list[str]) -> None:
        text = "".join(parts)
        assert _found(pattern, text) == _found(spec, text)

    check()


# -- searches rewritten for speed: a finder against the plain pattern it replaces -------------
# (name, finder, plain form and its flags, what of a match the code reads, pieces of text)
def _spans(*names: str) -> Callable[[re.Match[str]], object]:
    """What the code reads of a match: the spans of these groups, and where it ends."""
    return lambda m: (tuple(m.span(n) for n in names), m.end())


def _marks(m: re.Match[str]) -> object:
    """The marks the function-word speck loop removes (None: a match it passes over)."""
    return tuple(m.span(g) for g in ("lead", "trail") if m.group(g)) or None


_LINE, _PARA = "(?m:^)", r"(?:^|\n\n)"
_WORDS = ["the", "The", "a", "an", "and", "or", "than", "of", "upon", "on", "its", "for", "ab"]
_LINES = ["\n", "\n\n", " ", "\t", "1", "12", ".", ",", "(a)", "{b)", "Requests", "Ab", "II"]
SEARCHES = [
    (
        "punctuation_spacing._marks_on_function_words",
        punctuation_spacing._marks_on_function_words,
        r"(?<![\w’'‘])(?P<lead>[‘’'.,:;]?)(?P<word>the|of|and|a|an|its|their|from|with|to|for)"
        r"(?P<trail>[.:;’‘']?)(?=[ \t]+[a-z])",
        0,
        _marks,
        [
            *_WORDS,
            "’",
            "‘",
            "'",
            ".",
            ",",
            ":",
            ";",
            " ",
            "x",
            "the.",
            "of:",
            "and’",
            " x",
            "‘and",
            ".and.",
            "x.the.",
        ],
    ),
    (
        "punctuation_spacing._STOP_AFTER_ARTICLE",
        punctuation_spacing._STOP_AFTER_ARTICLE.finditer,
        r"(?<![\w’'‘-])(?:[Tt]he(?P<stop>\.)(?=[ \t]*\n|[ \t]+[A-Z0-9])"
        r"|(?<=\S )an?(?P<article>\.)(?=[ \t]*\n|[ \t]+[A-Z0-9])"
        r"|(?:and|or|than)(?P<inner>\.)(?=[ \t]+[A-Z0-9]))",
        0,
        lambda m: m.span(m.lastgroup or 0),
        [*_WORDS, ".", " ", "\n", "A", "1", "-", "’"],
    ),
    (
        "punctuation_spacing._COMMA_ON_FUNCTION_WORD",
        punctuation_spacing._COMMA_ON_FUNCTION_WORD.finditer,
        r"(?<![\w’'‘-])(?:(?:the|a|an|its|their)(?P<comma>,)|(?:the|of|a|an|its|their|on|upon|to|"
        r"from|by|with|for|and|or)(?P<colon>:))(?=[ \t]+[a-z](?![a-z]{0,3}\)))",
        0,
        _spans("comma", "colon"),
        [*_WORDS, ",", ":", " ", "x)", "-", "’"],
    ),
    (
        "punctuation_spacing._COLON_IN_PHRASE",
        lambda t: at_marks(
            punctuation_spacing._COLON_IN_PHRASE, punctuation_spacing._PHRASE_COLON, "colon", t
        ),
        punctuation_spacing._COLON_IN_PHRASE.pattern,
        0,
        _spans("a", "colon", "b"),
        [*_WORDS, ":", ": ", " ", "’", "-", "X", "é"],
    ),
    (
        "merged_words._GLUED",
        lambda t: at_marks(merged_words._GLUED, merged_words._GLUE_MARK, "mark", t),
        merged_words._GLUED.pattern,
        0,
        _spans("a", "mark", "b"),
        [*_WORDS, ".", "’", "‘", "'", ":", "-", "/", "@", "é", "_", "1", "s"],
    ),
    (
        "short_words._TOKEN",
        short_words._TOKEN.finditer,
        r"(?<=[a-z,.:;)][ \n])(?!(?:"
        + "|".join(sorted(short_words.CANDIDATES, key=len, reverse=True))
        + r")[ \n])(?P<tok>[a-z0-9éè]{2,4}|[b-z]|[A-Z][a-z]{0,3})"
        r"(?=[ \n](?P<next>[A-Za-z][a-z]+|[a-z])\b)",
        0,
        _spans("tok", "next"),
        [*_WORDS, "tor", "10", "fo", " ", "\n", ",", ".", "é", "Word", "Lo", "W", "x"],
    ),
    (
        "resolution_numbers._NAMED",
        resolution_numbers._NAMED.finditer,
        r"(?:[Rr](?<!\w[Rr])esolution|[Dd](?<!\w[Dd])ecision)s?\s+(?P<session>[1-9]\d)"
        r"(?P<sep>[ :°’'-])(?P<number>[1-9]\d{0,2})(?![\w/°’'-]|[.,]\d| \()",
        0,
        _spans("session", "sep", "number"),
        [
            "resolution",
            "Resolution",
            "decision",
            "s",
            "x",
            " ",
            "\n",
            "62",
            "6",
            "-",
            ":",
            "(",
            "/",
        ],
    ),
    (
        "document_symbols._DISTR",
        document_symbols._DISTR.finditer,
        r"^Distr[.,:;]{0,3}(?=[ \t]+(?:General|Limited|Restricted)\b)",
        re.M,
        lambda m: m.span(),
        ["Distr", "xDistr", ".", ":", ",", " General", " Limited", "\n", " "],
    ),
    *(
        (
            f"language.{name}",
            pattern.finditer,
            r"(?<![^\W\d_])(?:"
            + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            + r")(?![^\W\d_])",
            0,
            lambda m: m.span(),
            [*sorted(words)[:40], "x", "é", "1", "_", "-", "’", "de", "la"],
        )
        for name, pattern, words in (
            ("_OTHER_WORD", language._OTHER_WORD, language.OTHER_FUNCTION_WORDS),
            ("_ENGLISH_WORD", language._ENGLISH_WORD, language.ENGLISH_FUNCTION_WORDS),
        )
    ),
    *(
        (
            f"{module.__name__.rsplit('.', 1)[-1]}.{name}",
            at.finditer,
            (_PARA if at.rest.pattern.startswith(re.escape("\n\n")) else _LINE) + at.first.pattern,
            at.first.flags,
            _spans(*at.first.groupindex),
            [*_LINES, "|", "l", "I", ")", "-", "24-12345", "2412345", "(E)", "010203", "‘", "“"],
        )
        for module in (document_symbols, paragraph_numbers, punctuation_spacing)
        for name, at in vars(module).items()
        if isinstance(at, AtStarts)
    ),
]


@pytest.mark.parametrize(
    ("finder", "plain", "flags", "read", "pieces"),
    [c[1:] for c in SEARCHES],
    ids=[c[0] for c in SEARCHES],
)
def test_rewritten_search_finds_what_its_plain_form_finds(
    finder: Callable[[str], Iterator[re.Match[str]]],
    plain: str,
    flags: int,
    read: Callable[[re.Match[str]], object],
    pieces: list[str],
) -> None:
    spec = re.compile(plain, flags)

    def found(matches: Iterable[re.Match[str]]) -> list[object]:
        return [r for r in map(read, matches) if r is not None]

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(pieces + AROUND), max_size=16))
    def check(parts: list[str]) -> None:
        text = "".join(parts)
        assert found(finder(text)) == found(spec.finditer(text))

    check()
