from __future__ import annotations

import pytest

from .helpers import fixed


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # real OCR of session-78 pages (medium): an abbreviation's stop before a number read as
        # a comma, a speck between a month and its year
        ("the Sixth Committee (A/78/457, para, 7)]", "the Sixth Committee (A/78/457, para. 7)]"),
        (
            "United Nations, Treaty Series, vol, 1409, No. 23583",
            "United Nations, Treaty Series, vol. 1409, No. 23583",
        ),
        ("2205 (XXI) of 17 December: 1966, by which", "2205 (XXI) of 17 December 1966, by which"),
        (
            "entitled “International migration and development” ;8",
            "entitled “International migration and development”;8",
        ),
        ("4.  Welcomes further the ongoing efforts", "4. Welcomes further the ongoing efforts"),
        (
            "Recalling its resolution 70/1. and the outcome",
            "Recalling its resolution 70/1, and the outcome",
        ),
        # Tesseract on the corpus pages (medium degradation):
        (
            "participation in the economic and. social development of all people",
            "participation in the economic and social development of all people",
        ),
        ("Noting. the work of the Committee", "Noting the work of the Committee"),
        (
            "resolutions 47/90 of 16 December 1992. 49/155 of 23 December 1994",
            "resolutions 47/90 of 16 December 1992, 49/155 of 23 December 1994",
        ),
        (
            "see resolutions 54/123, 60/132. 62/128. 64/136",
            "see resolutions 54/123, 60/132, 62/128, 64/136",
        ),
        ("peoples — _ the “International Year”", "peoples — the “International Year”"),
        (
            "Economic and Social Council, 2024, Supplement No, 11 (E/2024/31)",
            "Economic and Social Council, 2024, Supplement No. 11 (E/2024/31)",
        ),
        (
            "(United Nations publication, Sales No, E.24.I.6)",
            "(United Nations publication, Sales No. E.24.I.6)",
        ),
        (
            "Argentina, Cabo Verde. Portugal. Slovenia and Thailand: draft resolution",
            "Argentina, Cabo Verde, Portugal, Slovenia and Thailand: draft resolution",
        ),
        (
            "Bolivia (Plurinational State of); Denmark, Ecuador, Guatemala, New Zealand and\n"
            "Paraguay: revised draft resolution",
            "Bolivia (Plurinational State of), Denmark, Ecuador, Guatemala, New Zealand and\n"
            "Paraguay: revised draft resolution",
        ),
        (
            "at its eightieth session, under the item: entitled “Globalization”.",
            "at its eightieth session, under the item entitled “Globalization”.",
        ),
        (
            "debt-for-nature swaps, provided: that they are consistent with debt sustainability;",
            "debt-for-nature swaps, provided that they are consistent with debt sustainability;",
        ),
        (
            "now absorb more than. 10 per cent of revenue",
            "now absorb more than 10 per cent of revenue",
        ),
    ],
)
def test_repairs_spacing_and_punctuation(ocr: str, expected: str) -> None:
    assert fixed("punctuation_spacing", ocr) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "Supplement No. 5 (E/2006/25), chap. I, para. 2.",
        "4. the paragraph number stays",
        "Is there a deadline? No, 2025 was only a target.",
        "fees, taxes and so on. The report",
        "unless you explicitly ask it to. Keys marked as secret stay hidden.",
        # clean English that is no OCR damage
        "The mercy of those companies.  By contrast, the license applies.",
        "Boston, MA  02110-1301  USA",
        "which of those inputs to check - including edge cases",
        "a tokenizer that the parser sits on top of.\n\nThe next paragraph",
        "Only one downside so far: it's so fast I couldn't believe it.",
        "in the sense of freedom: to assure everyone the effective freedom",
        "for infringements caused by: i) third party modifications",
        "the terms of, this License or a future version",
        "under section\n    7.  This requirement modifies the requirement",
        "Limitations and Disclaimers.\n\n a. No trademark or patent rights",
        "Rights of indigenous peoples: rights of indigenous peoples\n",
        # a title's colon and a suspended hyphen, from UN resolutions' own text
        "the Declaration of the World Food Summit: five years later, adopted in 2002.",
        "financing and scaling up of country-owned and -driven innovative mechanisms.",
        "“Transforming our world: the 2030 Agenda for Sustainable Development”.",
        "the Initiative, “Disarmament education: resources for learning” and the Fund;",
        "The Chair asked a central question: should the target be raised?",
        "Recalls its resolution 70/1. The General Assembly: draft resolution",
        "The Committee met. Brazil spoke: draft resolution A/C.2/79/L.5 was withdrawn.",
        "The answer was No, 12 States said.",
        "fees, taxes, etc. and other charges",
        "e.g. the report; i.e. the plan",
        "2. Requests the Secretary-General:\n\n(a) To submit a report;",
        "06-58187 (E)    231006",
        "    indented line",
        "La Convention : article 2 ; les États parties\nest une convention et les pays du Sud",
    ],
)
def test_leaves_correct_punctuation(clean: str) -> None:
    assert fixed("punctuation_spacing", clean) == clean


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # after session-78 pages (real-page corpus, medium; the first line shortened): a comma
        # read as a full stop at a line end
        (
            "the outcome of the general discussion of what was given by States on that report.\n"
            "including on the question",
            "the outcome of the general discussion of what was given by States on that report,\n"
            "including on the question",
        ),
        (
            "Recognizing the important role of the creative economy in the growth of micro-.\n"
            "small and medium-sized enterprises",
            "Recognizing the important role of the creative economy in the growth of micro-,\n"
            "small and medium-sized enterprises",
        ),
    ],
)
def test_a_stop_for_a_comma_at_a_line_end(ocr: str, expected: str) -> None:
    assert fixed("punctuation_spacing", ocr) == expected


@pytest.mark.parametrize(
    "text",
    [  # a footnote's end before the body that goes on under the block (the seed sample), a
        # short line, and a citation before 'Ibid.' (a session-78 page)
        "8 A/60/871.\n they exist, towards facilitating",
        "Decides to remain seized of the matter.\nand so on",
        "United Nations, Treaty Series, vol. 1409, No. 23583.\nibid., vol. 1079, No. 16510.",
    ],
)
def test_a_stop_at_a_line_end_that_stays(text: str) -> None:
    assert fixed("punctuation_spacing", text) == text


def test_a_stop_in_a_list_of_resolution_parts() -> None:
    # Session-78 real pages, light damage: '61/250 A. 61/250 B. 61/250 C,'.
    text = "Recalling its resolutions 60/278, 61/250 A. 61/250 B. 61/250 C, 73/322 and 75/250 A,"
    out = fixed("punctuation_spacing", text)
    assert "61/250 A, 61/250 B, 61/250 C," in out
    ends = "as it decided in resolution 61/250 A. The Assembly"
    assert fixed("punctuation_spacing", ends) == ends


# Session-78 real pages, light: a stop before a lower-case word is a comma misread, or a speck
# where UN text seldom writes a comma between the two words (the learned comma counts).
@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        ("weapons of mass destruction. and their means", "weapons of mass destruction, and"),
        ("Reaffirming the importance of cooperation. with the", "importance of cooperation with"),
        ("by means of the identification. and registration", "of the identification and"),
    ],
)
def test_a_stop_before_a_lower_case_word_is_a_comma_or_a_speck(ocr: str, expected: str) -> None:
    assert expected in fixed("punctuation_spacing", ocr)


def test_how_rare_a_comma_must_be_for_a_speck_is_an_option() -> None:
    ocr = "Reaffirming the importance of cooperation. with the"
    assert "cooperation, with" in fixed("punctuation_spacing", ocr, speck_comma_max=0.01)


# A held-out training page (light): a footnote marker read as a quote after a title's word.
MARKED = (
    "Recalling its resolutions declaring zones of peace in Central Asia,* the’ South\n"
    "Atlantic’ and the Indian Ocean,° and emphasizing the importance of these zones in\n"
    "maintaining stability and security in those regions,\n"
)
NOTES = "\n\n3 Resolution 2832 (XXVI).\n\n4 Resolution 41/11.\n"


def test_a_quote_after_a_title_on_a_page_with_notes_is_left_to_the_markers() -> None:
    assert "Atlantic’ and" in fixed("punctuation_spacing", MARKED + NOTES)
    assert "Atlantic and" in fixed("punctuation_spacing", MARKED)  # no notes: a speck
