"""The misread word that opens a resolution's paragraph, from real OCR of session-78 pages
(heavy damage) and the team's pages."""

from __future__ import annotations

import pytest

from ocrfix import Pipeline

from .helpers import fixed, run

# A resolution's preamble and operative part as OCR read them (A/RES/78/66, heavy damage):
# 'Recalling' and 'Noting' open paragraphs as read, so the text is a resolution.
RESOLUTION = """Recalling its resolution 77/94 of 7 December 2022,

Revallmy further the Final Declaration adopted by the thirteenth Conference,

Noting the’ comribution of diverse and inchisive participation,

Wielcoming alse the continuing progress in the development of the Treaty’s
ventication regime,

4 Lirges all States nut fo carry owl quelear-weapen test explosions,
"""


def test_misread_openers_are_restored() -> None:
    out = fixed("paragraph_openers", RESOLUTION)
    assert "\n\nRecalling further the Final Declaration" in out
    assert "\n\nWelcoming alse the continuing" in out  # (the next word is another fixer's)
    assert "\n\n4 Urges all States" in out
    # only the paragraphs' first words change
    assert (
        out.replace("Recalling further", "Revallmy further")
        .replace("Welcoming alse", "Wielcoming alse")
        .replace("4 Urges", "4 Lirges")
        == RESOLUTION
    )


def test_each_edit_names_the_opener_and_its_runner_up() -> None:
    edits = {e.before: e for e in run("paragraph_openers", RESOLUTION).edits}
    edit = edits["Lirges"]
    assert (edit.after, edit.fixer) == ("Urges", "paragraph_openers")
    assert "opener" in edit.reason and "P = " in edit.reason
    assert 0.99 <= edit.confidence <= 1


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # a word the lexicon knows that seldom opens a paragraph (team pages, medium)
        ("3. Fakes note of the report of the Secretary-General;", "3. Takes note of the"),
        ("Rearing in mind that the Convention entered into force,", "Bearing in mind that"),
        # a short token, where the next word says which opener it is (train pages, medium)
        ("12. dso reiterates its call upon all States;", "12. Also reiterates its call"),
    ],
)
def test_in_a_resolution(ocr: str, expected: str) -> None:
    text = f"Recalling its resolution 77/94,\n\nNoting the report,\n\n{ocr}\n"
    assert expected in fixed("paragraph_openers", text)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Recognising the role of the regional commissions,",  # a British spelling, not a misread
        "Abd nares were held in the capital,",  # a short token the next word does not confirm
        "Zelenograd hosted the regional meeting,",  # a name near no opener
        "and recalling the joint statement issued on 21 September 2022,",  # a paragraph going on
        "(iii) Systematic observation of the oceans;",  # a label
    ],
)
def test_leaves_what_is_no_misread_opener(paragraph: str) -> None:
    text = f"Recalling its resolution 77/94,\n\nNoting the report,\n\n{paragraph}\n"
    assert fixed("paragraph_openers", text) == text


def test_only_in_a_text_whose_paragraphs_open_like_a_resolution() -> None:
    # One opener as read is no resolution: a report's paragraphs open with any word.
    text = "Noting the report,\n\nRevallmy further the Final Declaration adopted,\n"
    assert fixed("paragraph_openers", text) == text
    assert fixed("paragraph_openers", text, min_openers=1) != text


def test_leaves_the_paragraphs_of_a_clean_resolution() -> None:
    assert fixed("paragraph_openers", RESOLUTION_CLEAN) == RESOLUTION_CLEAN


RESOLUTION_CLEAN = """The General Assembly,

Recalling its resolution 77/94 of 7 December 2022,

Reaffirming the vital importance of the entry into force of the Treaty,

Welcoming also the continuing progress in the development of the verification regime,

1. Stresses the vital importance and urgency of signature and ratification;

2. Also urges all States to refrain from nuclear-weapon test explosions;

3. Decides to include in the provisional agenda of its eightieth session the item;
"""


def test_the_pipeline_runs_it_before_the_character_confusions() -> None:
    names = Pipeline().names
    assert names.index("paragraph_openers") < names.index("character_confusions")
    out = Pipeline().fix(RESOLUTION)
    assert "Recalling further" in out and "Welcoming also the" in out and "4 Urges all" in out
