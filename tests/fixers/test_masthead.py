from __future__ import annotations

import pytest

from .helpers import fixed

HEAD = "United Nations A/C.2/79/L.41\nGeneral Assembly\n"


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # masthead lines as Tesseract read them on the benchmark pages
        ("Diste.: Limited", "Distr.: Limited"),
        ("Dist: Limited", "Distr.: Limited"),
        ("Distr: Linsited", "Distr.: Limited"),
        ("Distr.:-Linited", None),  # the hyphen glues the words: not a two-word line
        ("Distr. Limied", "Distr.: Limited"),
        ("Distr.: Limited,", "Distr.: Limited"),
        ("Original: Fingtish", "Original: English"),
        ("‘Original English", "Original: English"),
        ("Origunal’ English", "Original: English"),
        ("Agenda item 25 (by", "Agenda item 25 (b)"),
        ("Agenda item 17 (¢}", "Agenda item 17 (c)"),
        ("Agenda item 99 (k}*", "Agenda item 99 (k)*"),
    ],
)
def test_restores_masthead_lines(ocr: str, expected: str | None) -> None:
    text = HEAD + ocr + "\n"
    assert fixed("masthead", text) == (text if expected is None else HEAD + expected + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "Distr.: General",
        "Distr.: Restricted",
        "Original: French",
        "Original: Arabic and English",
        "Agenda item 21 (c)",
        "Agenda items 12 (b), 18 (e) and 19 (a)",
        "Dixie: Limited",  # too far from 'Distr' to be sure
        "Original: Portuguese",  # not an official language: nothing close enough
    ],
)
def test_leaves_correct_or_doubtful_lines(line: str) -> None:
    text = HEAD + line + "\n"
    assert fixed("masthead", text) == text


def test_only_the_top_of_a_page_is_a_masthead() -> None:
    body = "".join(f"{n}. Paragraph {n} of the body.\n" for n in range(1, 20))
    text = HEAD + body + "Dist: Limited\n"
    assert fixed("masthead", text) == text
    page_two = text + "\f" + HEAD + "Dist: Limited\n"
    assert fixed("masthead", page_two) == text + "\f" + HEAD + "Distr.: Limited\n"


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # first pages of session-78 resolutions (real-page corpus, medium): the masthead's two
        # columns read as one line
        ("General Assembly Distr: General\n", "General Assembly Distr.: General\n"),
        ("Genera] Assembly Distt: General\n", "Genera] Assembly Distr.: General\n"),
        ("\\y General Assembly Distr Generai\n", "\\y General Assembly Distr.: General\n"),
    ],
)
def test_the_distribution_beside_the_organ(ocr: str, expected: str) -> None:
    assert fixed("masthead", ocr) == expected


def test_a_body_line_ending_in_general_stays() -> None:
    text = "Welcomes the report of the Secretary-General\nand the Director General\n"
    assert fixed("masthead", text) == text


# The head of a first page of a session-78 resolution as OCR read it (real-page corpus,
# light), cut to the lines the symbol repair reads.
FIRST_PAGE = """United Nations Avresi78/106

¥as™ General Assembly Distr.: General

Seventy-eighth session

Agenda item 77

Resolution adopted by the General Assembly
on 7 December 2023

[on the report of the Sixth Committee (A/78/433, para. 13)]

78/106. Guide on Access to Credit for Micro-, Small and Medium-sized
Enterprises of the United Nations Commission on International
"""


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("Avresi78/106", "United Nations A/RES/78/106\n"),
        ("A res-78-106", "United Nations A/RES/78/106\n"),  # split in tokens
        ("ACRES 78-106  ¥as™", "United Nations A/RES/78/106  ¥as™\n"),  # debris after it
    ],
)
def test_the_symbol_of_a_first_page_from_its_title(read: str, expected: str) -> None:
    page = FIRST_PAGE.replace("Avresi78/106", read)
    assert fixed("masthead", page).startswith(expected)


@pytest.mark.parametrize(
    "page",
    [
        FIRST_PAGE.replace("Avresi78/106", "A/RES/78/106"),  # read right
        FIRST_PAGE.replace("Avresi78/106", "Ariss 33"),  # too far to tell
        FIRST_PAGE.replace("Resolution adopted by", "Draft resolution submitted by"),
        FIRST_PAGE.replace("78/106. Guide", "Guide"),  # no number to read it from
    ],
)
def test_a_symbol_nothing_vouches_for_stays(page: str) -> None:
    assert fixed("masthead", page).startswith(page.split("\n")[0] + "\n")


# The same first page as OCR read it in columns (real-page corpus, light): the number of the
# title alone on its line, above the heading; or its full stop read as a comma.
NUMBER_APART = FIRST_PAGE.replace("78/106. Guide", "Guide").replace(
    "Agenda item 77\n", "Agenda item 77\n\n78/106.\n\nrei\n"
)


@pytest.mark.parametrize(
    "page",
    [
        NUMBER_APART,
        FIRST_PAGE.replace("78/106. Guide", "78/106, Guide"),
    ],
)
def test_the_symbol_from_a_title_number_read_apart(page: str) -> None:
    assert fixed("masthead", page).startswith("United Nations A/RES/78/106\n")


@pytest.mark.parametrize(
    "page",
    [
        NUMBER_APART.replace("Agenda item 77\n", "Agenda item 77\n78/109.\n"),  # which one?
        NUMBER_APART.replace("Resolution adopted by", "Draft resolution submitted by"),
        FIRST_PAGE.replace("78/106. Guide", "78/106 Guide"),  # no stop: a citation's number
    ],
)
def test_a_title_number_read_apart_must_be_the_only_one(page: str) -> None:
    assert fixed("masthead", page).startswith("United Nations Avresi78/106\n")


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 real pages, light damage: the heading's square brackets read as others.
        (
            "{on the report of the Second Committee (A/78/461, para. 53)}\n78/144. Agricultural",
            "[on the report of the Second Committee (A/78/461, para. 53)]\n78/144. Agricultural",
        ),
        (
            "(without reference to a Main Committee (A/78/L.96)|\n78/323. International Day",
            "[without reference to a Main Committee (A/78/L.96)]\n78/323. International Day",
        ),
        (  # wrapped onto a second line, only the closing bracket misread
            "[on the report of the Fifth Committee (A/78/920,\npara. 13)|\n78/295. Financing",
            "[on the report of the Fifth Committee (A/78/920,\npara. 13)]\n78/295. Financing",
        ),
    ],
)
def test_the_brackets_of_a_resolution_heading(ocr: str, expected: str) -> None:
    assert fixed("masthead", ocr) == expected


def test_a_bracket_in_running_text_stays() -> None:
    text = "as it decided (on the report of the Committee) in 2023,\nand (on the report of\nthe"
    assert fixed("masthead", text) == text
