"""Paragraph numbers and labels, from Tesseract's reading of the corpus pages."""

from __future__ import annotations

import pytest

from .helpers import fixed


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        ("|. Takes note of the report", "1. Takes note of the report"),
        ("5, Requests the Secretary-General", "5. Requests the Secretary-General"),
        ("1... Takes note of the report", "1. Takes note of the report"),
        ("8. . Calls upon all relevant bodies", "8. Calls upon all relevant bodies"),
        ("6. - Urges the international community", "6. Urges the international community"),
        ("{a) To submit a report;", "(a) To submit a report;"),
        ("(b} To consider;", "(b) To consider;"),
        ("(a) One;\n\n(6) Two;\n\n(c) Three;", "(a) One;\n\n(b) Two;\n\n(c) Three;"),
        (
            "4. Urges x\n\n4. Invites y\n\n6. Decides z",
            "4. Urges x\n\n5. Invites y\n\n6. Decides z",
        ),
        ("the lessons learned.\n22\n24-19840\n", "the lessons learned.\n2/2\n24-19840\n"),
        # the page number on the footer's line (benchmark pages, light degradation)
        ("the World Bank.\n\n22 24-19307\n", "the World Bank.\n\n2/2 24-19307\n"),
        ("a quarter of 2025.\n\n24-20112 33\n\f", "a quarter of 2025.\n\n24-20112 3/3\n\f"),
    ],
)
def test_restores_numbers_and_labels(ocr: str, expected: str) -> None:
    assert fixed("paragraph_numbers", ocr) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "I. Introduction",
        "(l) The twelfth item;",
        "1. Takes note\n\n2. Requests\n\n4. Decides",  # a gap of two: not ours to guess
        "In 22 countries the share rose.\n24-19840\n",
        "Page 22\n",
        "24-20112 33\n\nThe report continues on this page.\n",  # not the foot of a page
        "24-20112 32\n",  # page 3 of 2 is no page number
    ],
)
def test_leaves_numbers_alone(clean: str) -> None:
    assert fixed("paragraph_numbers", clean) == clean


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # operative paragraphs of session-78 pages as Tesseract read them (real-page corpus)
        (
            "1. Reaffirms the right;\n\n2 Also reaffirms its support;\n\n3. Decides",
            "1. Reaffirms the right;\n\n2. Also reaffirms its support;\n\n3. Decides",
        ),
        ("5. Notes;\n\n6) Also encourages the", "5. Notes;\n\n6. Also encourages the"),
        ("11. Notes;\n\n12.) Requests the", "11. Notes;\n\n12. Requests the"),
        ("8. Urges;\n\n9.- Also calls upon", "8. Urges;\n\n9. Also calls upon"),
        # (a speck after the stop read as a zero, on a session-78 page)
        (
            "3. Welcomes;\n\n4.0 Urges that constitutional discussions with the",
            "3. Welcomes;\n\n4. Urges that constitutional discussions with the",
        ),
    ],
)
def test_a_lost_full_stop_between_its_neighbours(ocr: str, expected: str) -> None:
    assert fixed("paragraph_numbers", ocr) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2 United Nations, Treaty Series, vol. 1249.\n\n3. Requests",  # a footnote
        "1. Notes;\n\n7 Requests the Secretary-General",  # out of step with its neighbours
        "1. Notes;\n\n7.0 Requests the Secretary-General",
        "4 Calls upon States to act",  # no neighbour to vouch for it
    ],
)
def test_a_number_no_neighbour_vouches_for_stays(text: str) -> None:
    assert fixed("paragraph_numbers", text) == text


@pytest.mark.parametrize(
    ("read", "number"),
    # numbers of operative paragraphs as Tesseract read them (session-78 pages, medium)
    [("Ll", "11"), ("!3", "13"), ("1S", "15"), ("1}", "11"), ("x", "8")],
)
def test_a_garbled_number_between_its_neighbours(read: str, number: str) -> None:
    n = int(number)
    text = f"{n - 1}. Notes;\n\n{read}. Recognizes that\n\n{n + 1}. Decides"
    assert fixed("paragraph_numbers", text) == text.replace(f"{read}.", f"{number}.")
    # without the neighbours to vouch for it, the label stays as read
    alone = f"{read}. Recognizes that"
    assert fixed("paragraph_numbers", alone) == alone


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # A session-78 page (real-page corpus, heavy): the paragraph after 14.
        (
            "14. Encourages training for United\nNations officials and experts on mission:\n\n"
            "IS. Reiterates its decision that, bearing in mind its resolutions",
            "14. Encourages training for United\nNations officials and experts on mission:\n\n"
            "15. Reiterates its decision that, bearing in mind its resolutions",
        ),
        # The paragraph before 12., with nothing above it on the page.
        ("§1. Urges all States;\n\n12. Requests", "11. Urges all States;\n\n12. Requests"),
    ],
)
def test_a_number_read_with_letters_after_or_before_its_neighbour(ocr: str, expected: str) -> None:
    assert fixed("paragraph_numbers", ocr) == expected


@pytest.mark.parametrize(
    "text",
    [
        "9. Encourages;\n\nNo. Reiterates",  # a word
        "14. Encourages;\n\nAb. Reiterates",  # 'A' was never read for a 1
        "IS. Reiterates its decision",  # no neighbour says what it must be
        "14. Encourages;\n\nIS. Reiterates;\n\n17. Requests",  # the neighbours disagree
    ],
)
def test_what_the_neighbours_do_not_settle(text: str) -> None:
    assert fixed("paragraph_numbers", text) == text


def test_a_report_section_label_is_no_paragraph_number() -> None:
    # A team page (a Secretary-General's report): 'A.' opens a subsection after a numbered
    # paragraph; the digit shapes would read 'A' for 2, 3, 4 or 8.
    text = "2. The report covers it.\n\nII. Trends in remittance flows\n\nA. Volume and direction"
    assert fixed("paragraph_numbers", text) == text
