"""Spacing and punctuation that OCR gets wrong in English text.

- a stray space before closing punctuation: ``development” ;8`` -> ``development”;8``;
- a doubled space inside a line: ``4.  Welcomes`` -> ``4. Welcomes`` (indentation and
  wider gaps, which may align columns, are left alone);
- a full stop read for a comma: ``resolution 70/1. and`` -> ``resolution 70/1, and``
  (a full stop followed by a lower-case word; abbreviations excepted);
- a colon read for the semicolon that ends an operative paragraph followed by the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ..edits import Edit
from .base import Context

_SPACE_BEFORE = re.compile(r"(?<=[^\s,;:(\[])( +)(?=[,;:)\]](?:\s|$|[\d”’\"]))")
_DOUBLE_SPACE = re.compile(r"(?<=\S)  (?=\S)")
# A full stop after a word or number, then a space and a lower-case word.
_STOP_THEN_LOWER = re.compile(r"(?<=[\w)”’])\.(?= +(?P<next>[a-z][a-z]*)\b)")
_PARAGRAPH_NUMBER = re.compile(r"(?:^|\n)[ \t]*\(?[0-9a-z]{1,4}$")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Abbreviations after which a full stop and a lower-case word are normal.
ABBREVIATIONS = frozenset(
    [
        "a.m",
        "p.m",
        "e.g",
        "i.e",
        "etc",
        "cf",
        "viz",
        "vs",
        "al",
        "para",
        "paras",
        "chap",
        "chaps",
        "sect",
        "sects",
        "art",
        "arts",
        "vol",
        "vols",
        "p",
        "pp",
        "no",
        "nos",
        "fig",
        "figs",
        "ed",
        "eds",
        "rev",
        "corr",
        "add",
        "approx",
        "incl",
        "op",
        "cit",
        "ibid",
        "loc",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "prof",
        "gen",
        "sr",
        "jr",
        "co",
        "inc",
        "ltd",
        "dept",
        "govt",
        "annex",
        "subpara",
        "subparas",
        "ch",
        "ff",
        "n",
        "nn",
        "supp",
        "amend",
        "resp",
    ]
)
_OPERATIVE_END = re.compile(r":(?=[ \t]*\n(?:[ \t]*\n)+[ \t]*\d{1,3}\. +[A-Z])")
_OPERATIVE_START = re.compile(r"[ \t]*\d{1,3}\. +[A-Z]")


@dataclass(frozen=True)
class PunctuationSpacingFixer:
    """Fix spacing before punctuation, doubled spaces, full stops for commas, colons for
    semicolons. Runs only on English paragraphs (French puts a space before ``;`` and ``:``)."""

    name: ClassVar[str] = "punctuation_spacing"
    language_independent: ClassVar[bool] = False
    stop_for_comma: bool = True
    colon_for_semicolon: bool = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        for m in _SPACE_BEFORE.finditer(text):
            yield Edit(
                m.start(1),
                m.end(1),
                m.group(1),
                "",
                self.name,
                "removed a space before punctuation",
                0.95,
            )
        for m in _DOUBLE_SPACE.finditer(text):
            yield Edit(
                m.start(),
                m.end(),
                "  ",
                " ",
                self.name,
                "collapsed a doubled space inside a line",
                0.9,
            )
        if self.stop_for_comma:
            yield from self._stops(text, ctx)
        if self.colon_for_semicolon:
            yield from self._colons(text)

    def _stops(self, text: str, ctx: Context) -> Iterator[Edit]:
        for m in _STOP_THEN_LOWER.finditer(text):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            word = before.group(1) if before else ""
            stem = word.rsplit(".", 1)[-1] if "." in word else word
            if (
                not word
                or "." in word.strip(".")  # 'e.g', 'U.S', '70/1.2' style tokens
                or word.lower() in ABBREVIATIONS
                or stem.lower() in ABBREVIATIONS
                or stem.lower() in ctx.lexicon.abbreviations
                or (len(word) == 1 and word.isalpha())  # initials
                or text[m.start() - 1 : m.start()] == "."
                or _PARAGRAPH_NUMBER.search(text, max(0, m.start() - 8), m.start())
                or not ctx.lexicon.known(m.group("next"), min_count=100_000)
            ):
                continue
            yield Edit(
                m.start(),
                m.end(),
                ".",
                ",",
                self.name,
                "full stop followed by a lower-case word: a comma misread",
                0.75,
            )

    def _colons(self, text: str) -> Iterator[Edit]:
        for m in _OPERATIVE_END.finditer(text):
            # Only inside an operative paragraph: its own start is a number.
            para_start = text.rfind("\n\n", 0, m.start())
            para = text[para_start + 2 if para_start >= 0 else 0 : m.start()]
            if not _OPERATIVE_START.match(para):
                continue
            yield Edit(
                m.start(),
                m.end(),
                ":",
                ";",
                self.name,
                "operative paragraph followed by the next one ends with ';'",
                0.7,
            )
