from __future__ import annotations

from .helpers import fixed, run

# Lines of session-78 resolutions as Tesseract read them at heavy damage (real-page corpus):
# enough misread words around them that the page counts as damaged.
DAMAGED = """World Bank, stresses the need for improved data collection and guabty jn ‘areas that
include doiestte public debt dod domestic and eXternal private debt, a, well ay egal
and regulatory feattres. such-as. ownership, curreney denomination and jurisdiction,

inclusive and cquitable access to justice. including by addressing the challenges that
the use of such technologies may pose far people in Vulnerable situations;

and calls for donors to consider mereaseng ther support for technical coepe
Programmes aimed at increasing the statistical capacity oF des
"""


def test_a_capital_inside_a_word() -> None:
    out = fixed("letter_case", DAMAGED)
    assert "domestic and external private debt" in out
    assert "statistical capacity of des" in out


def test_a_capital_inside_a_sentence_on_a_damaged_page() -> None:
    out = fixed("letter_case", DAMAGED)
    assert "people in vulnerable situations" in out
    # a word opening a line after a cut-off one may open a paragraph: 'coepe' is no word
    assert "\nProgrammes aimed" in out


def test_a_capital_opening_a_wrapped_line() -> None:
    # training pages, heavy: running text wrapped before the misread capital
    text = DAMAGED + (
        "\nCalls for concerted efforts of Member States towards devising concrete\n"
        "Proposals to ensure the accountability of United Nations officials and experts\n"
    )
    assert "devising concrete\nproposals to ensure" in fixed("letter_case", text)


def test_a_heading_after_a_line_keeps_its_capital() -> None:
    # team pages: headings under a line that ends in a small letter, no blank line between
    for heading in ("Crimes against humanity", "Summary"):
        text = DAMAGED + (
            "\nGambia, Mexico, Sierra Leone and Slovenia and many others: draft resolution\n"
            f"{heading}\nThe present report, submitted pursuant to General Assembly resolution\n"
        )
        assert f"\n{heading}\n" in fixed("letter_case", text)


def test_titles_names_and_labels_keep_their_capitals() -> None:
    for phrase in (
        "the Special Representative on Violence against Children, and",
        "the Peacebuilding Support Office and",
        "a trust fund under Part 6 of that",
        "the Convention on the Prevention and Punishment of the Crime",
    ):
        text = DAMAGED + "\n" + phrase + " cases\n"
        assert phrase in fixed("letter_case", text)


def test_clean_text_keeps_defined_terms() -> None:
    # Clean text capitalises common nouns as defined terms; only damage makes them doubtful.
    text = (
        "Information disclosed by one Party to the other that is marked as confidential.\n"
        "and encourages the two Centres to continue to provide support to the Commissions\n"
    )
    assert fixed("letter_case", text) == text


def test_a_month_in_small_letters_before_its_year() -> None:
    result = run("letter_case", "95th plenary meeting\n28 june 2024\n")
    assert result.text == "95th plenary meeting\n28 June 2024\n"
    assert result.edits[0].reason.startswith("letter case")
    for text in ("members of the commissions,12 may participate", "in 2021 may erase them"):
        assert fixed("letter_case", text) == text
    assert fixed("letter_case", "on 5 may 2023 it") == "on 5 May 2023 it"
