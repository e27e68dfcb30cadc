"""Common words within a few edits of a garbled token."""

from __future__ import annotations

from ocrfix import Lexicon
from ocrfix.fixers._near import common_by_length, near


def test_a_word_misread_in_three_places_is_found() -> None:
    lex = Lexicon()
    assert "contingent" in near("vostingent", lex, 3, 3e6)
    assert "significantly" in near("signitiguntly", lex, 3, 3e6)


def test_only_words_this_common_and_this_close() -> None:
    lex = Lexicon()
    found = near("vostingent", lex, 2, 3e6)
    assert "contingent" in found
    assert all(abs(len(w) - len("vostingent")) <= 1 for w in found)
    # 'contingent' is common in English and UN text, not among the thousand commonest words
    assert "contingent" not in near("vostingent", lex, 3, 1e12)


def test_the_vocabulary_is_built_once_and_outlives_forget() -> None:
    lex = Lexicon()
    first = common_by_length(lex, 3e6)
    lex.forget()
    assert common_by_length(lex, 3e6) is first
    assert all(w.isalpha() and w.islower() for words in first.values() for w in words[:50])
