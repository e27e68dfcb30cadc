"""Accents OCR put on English words, from real OCR of session-78 pages."""

from __future__ import annotations

import pytest

from .helpers import fixed, run


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        (
            "with the support of thé Secretariat, in particular",
            "with the support of the Secretariat, in particular",
        ),
        (
            "consideration of the réport of the Secretary-General",
            "consideration of the report of the Secretary-General",
        ),
        ("74/54 of 12 Décember 2019, 75/45", "74/54 of 12 December 2019, 75/45"),
        ("in particular rélevant articles thereof", "in particular relevant articles thereof"),
    ],
)
def test_removes_accents_ocr_added(ocr: str, expected: str) -> None:
    assert fixed("accents", ocr) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "Côte d’Ivoire, Yaoundé and São Tomé and Príncipe",  # names the lexicon knows, or names
        "From: Tomás Whitfield, Montréal",
        "a naïve résumé of the café’s communiqués",  # loanwords
        "the title “Colloque sur la prévention et la répression des crimes”",  # French quoted
        "en América Latina y el Caribe",
        "Groß and Øresund",  # letters that are no accent
    ],
)
def test_leaves_words_that_carry_their_accents(clean: str) -> None:
    assert fixed("accents", clean) == clean


def test_the_edit_names_the_word() -> None:
    (edit,) = run("accents", "the support of thé Secretariat").edits
    assert (edit.before, edit.after, edit.fixer) == ("thé", "the", "accents")
    assert "the" in edit.reason


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # training pages, heavy: the accented letter is another letter misread
        (
            "Stressing the importance of regiénal ties for the development of a",
            "Stressing the importance of regional ties for the development of a",
        ),
        ("in the innévation, research and", "in the innovation, research and"),
    ],
)
def test_an_accented_letter_read_for_another_letter(ocr: str, expected: str) -> None:
    assert fixed("accents", ocr) == expected
    assert fixed("accents", ocr, misread=False) == ocr


@pytest.mark.parametrize(
    "text",
    [
        "the report on the role.én of",  # too short to tell 'in' from 'on'
        "the Bogotá and Montréal offices",  # names
        "the thesis on mémoire and",  # no common word one misreading away
    ],
)
def test_accented_tokens_that_no_single_misreading_explains(text: str) -> None:
    assert fixed("accents", text) == text
