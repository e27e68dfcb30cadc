"""Patterns rewritten for speed (each begins with a character or class, its lookbehind moved
after it, so that re skips to the candidates in C) find exactly what their plain form finds:
the same spans and groups, in the same order. The plain forms here are the specification."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocrfix.fixers import (
    document_symbols,
    footnote_markers,
    paragraph_numbers,
    punctuation_spacing,
)

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
        document_symbols._SLASH_AS_I,
        r"\b(?P<series>[AES])(?P<read>[Il1|])(?=C\.\d{1,2}/|\d{2,3}/\d|RES/|AC\.\d|CN\.\d|CONF\.\d)",
        ["A", "E", "S", "I", "l", "|", "C.2/", "79/3", "RES/", "AC.1", "CONF.2", "x", "_"],
    ),
    (
        document_symbols._SYMBOL_LIKE,
        r"(?<![\w/])[AES][^\s/]{0,6}[/.,][^\s]{2,30}",
        ["A", "E", "S", "I", "/", ".", ",", "C", "79", "x", "_"],
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
