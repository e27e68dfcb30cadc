"""The word fixers work paragraph by paragraph and remember paragraphs they have seen."""

from __future__ import annotations

import re

import pytest

from ocrfix import Lexicon, Pipeline
from ocrfix.fixers._words import PARAGRAPH_MEMO_CHARS, paragraphs

WORD_FIXERS = [
    "punctuation_spacing",
    "split_words",
    "character_confusions",
    "merged_words",
    "short_words",
    "real_words",
]


@pytest.mark.parametrize(
    "text", ["", "a", "a\n\nb", "a\n\n\nb", "a\n\n\n\nb\n\n", "\n\na", "a\n \nb\n"]
)
def test_paragraphs_are_the_parts_between_blank_lines(text: str) -> None:
    found = list(paragraphs(text))
    assert [part for _, part in found] == re.split(r"\n\n+", text)
    assert all(text[offset : offset + len(part)] == part for offset, part in found)


@pytest.mark.parametrize("name", WORD_FIXERS)
def test_remembered_paragraphs_give_the_same_edits(name: str, seed_ocr: str) -> None:
    text = (
        seed_ocr
        + "\n\nthe report af the Secretary\n\nthe right lo the development\n"
        + "\nRecalling resolution 70/1. and the Agenda fer Sustainable Development ;\n"
        + "\neconomies now represents mare than one quarter of world output\n"
        + "\n8. Reguests the Secretary-Generat to subrnit a repart on its implernentation\n"
    )
    lex = Lexicon()
    first = Pipeline(fixers=[name], lexicon=lex).fix_and_explain(text)
    assert first.edits
    assert Pipeline(fixers=[name], lexicon=lex).fix_and_explain(text) == first
    # The same paragraphs in another order, with other separators: each is fixed alike.
    parts = text.split("\n\n")
    shuffled = "\n\n\n".join(reversed(parts))
    assert (
        Pipeline(fixers=[name], lexicon=lex).fix(shuffled)
        == Pipeline(fixers=[name], lexicon=Lexicon()).fix(shuffled)
        == "\n\n\n".join(reversed(first.text.split("\n\n")))
    )


def test_a_paragraph_too_long_to_remember_is_fixed_all_the_same() -> None:
    unit = "It Reguests the devel opment of the report. "
    text = unit * (PARAGRAPH_MEMO_CHARS // len(unit) + 10)
    assert len(text) > PARAGRAPH_MEMO_CHARS
    out = Pipeline(fixers=WORD_FIXERS).fix(text)
    assert out == "It Requests the development of the report. " * (
        PARAGRAPH_MEMO_CHARS // len(unit) + 10
    )
