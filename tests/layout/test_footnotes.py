"""Footnote blocks: numbered and sponsor notes, garbled marks, continuations, and the body
lines that only look like notes."""

from __future__ import annotations

import pytest

from ocrfix.layout import analyse
from ocrfix.layout.footnotes import opening

BODY = (
    "Recalling also the Addis Ababa Action Agenda of the Third International\n"
    "Conference on Financing for Development and the Global Compact for Safe, Orderly\n"
    "and Regular Migration, and its own resolution 78/166 of 19 December 2023,\n"
)


def notes(text: str) -> list[tuple[str, str]]:
    return [(n.number, n.text) for n in analyse(text).footnotes]


@pytest.mark.parametrize(
    ("line", "mark", "how"),
    [
        ("2 General Assembly resolution 45/158, annex.", "2", "digit"),
        ("8 A/60/871.", "8", "digit"),
        ("7 See resolutions 55/2 and 60/1.", "7", "digit"),
        ("* On behalf of the States Members of the United Nations", "*", "star"),
        ("’ Resolution 69/313, annex.", "’", "garbled"),
        ("® General Assembly resolution 34/180, annex.", "®", "garbled"),
        ("‘The summary of the meeting is on file with the Secretariat.", "‘", "garbled"),
    ],
)
def test_openings(line: str, mark: str, how: str) -> None:
    found = opening(line)
    assert found is not None and (found.mark, found.how) == (mark, how)


@pytest.mark.parametrize(
    "line",
    [
        "21 December 2001, 58/208 of 23 December 2003, 59/241 of 22 December 2004,",
        "1995, 52/189 of 18 December 1997, 54/212 of 22 December 1999, 56/203 of",
        "1. Takes note of the report of the Secretary-General",
        "2 Welcomes the recent convening of the High-level Dialogue on",
        "3 per cent of the transaction costs",
    ],
)
def test_body_lines_that_do_not_open_notes(line: str) -> None:
    assert opening(line) is None


def test_numbered_notes_with_continuation_lines() -> None:
    text = (
        BODY + "\n* On behalf of the States Members of the United Nations that are members of\n"
        "the Group of 77 and China.\n\n"
        "1 See Official Records of the Economic and Social Council, 2006, Supplement No. 5,\n"
        "chap. I, para. 2.\n"
        "2 Resolution 73/195, annex.\n"
    )
    assert notes(text) == [
        (
            "*",
            "On behalf of the States Members of the United Nations that are members of the "
            "Group of 77 and China.",
        ),
        (
            "1",
            "See Official Records of the Economic and Social Council, 2006, Supplement No. 5, "
            "chap. I, para. 2.",
        ),
        ("2", "Resolution 73/195, annex."),
    ]


def test_a_wrapped_body_line_starting_with_a_number_stays_body() -> None:
    text = (
        "Recalling its resolutions 49/127 of 19 December 1994, 50/123 of 20 December\n"
        "1995, 52/189 of 18 December 1997, 54/212 of 22 December 1999, 56/203 of\n"
        "21 December 2001, 58/208 of 23 December 2003, 59/241 of 22 December 2004,\n"
    )
    assert set(analyse(text).kinds) == {"body"}


def test_the_body_resumes_after_a_footnote_block() -> None:
    text = (
        "4. Welcomes further the ongoing efforts of Governments in the area of\n"
        "regional and interregional cooperation and regional consultative processes, where\n"
        "\n"
        "7 See resolutions 55/2 and 60/1.\n"
        "\n"
        "8 A/60/871.\n"
        " they exist, towards facilitating the dialogue and the exchange of information and\n"
        "experiences;\n"
    )
    layout = analyse(text)
    assert layout.kinds == (
        "body", "body", "blank", "footnote", "blank", "footnote", "body", "body",
    )  # fmt: skip
    (paragraph,) = layout.paragraphs
    assert "processes, where they exist, towards" in paragraph.text


def test_garbled_marks_at_the_foot_of_a_page_are_numbered_in_order() -> None:
    text = (
        BODY + "\n’ Resolution 69/313, annex.\n? Resolution 73/195, annex.\n"
        "> See A/79/312, paras. 6-9.\n\n24-21544 (E) 141124\n"
    )
    assert [n for n, _ in notes(text)] == ["1", "2", "3"]


def test_garbled_marks_take_their_number_from_their_neighbours() -> None:
    text = BODY + "\n4 General Assembly resolution 2106 A (XX), annex.\n® Resolution 34/180.\n"
    assert [n for n, _ in notes(text)] == ["4", "5"]


def test_a_star_among_numbered_notes_is_a_misread_number() -> None:
    text = BODY + "\n6 Resolution 44/25, annex.\n\n* See resolutions 55/2 and 60/1.\n"
    assert [n for n, _ in notes(text)] == ["6", "7"]


def test_a_quotation_opening_a_paragraph_is_not_a_note() -> None:
    text = BODY + "\n‘Transforming our world’ is the title of the Agenda.\n\n" + BODY
    assert notes(text) == []
    quoted = "“Transforming our world: the 2030 Agenda for Sustainable Development”"
    assert notes(BODY + "\n" + quoted + "\n\n06-58187 (E) 231006\n") == []


def test_a_star_read_as_a_quote_among_notes() -> None:
    text = (
        BODY + "\n“The text of the present draft resolution was recommended by the Committee in\n"
        "A/AC.109/2024/L.5.\n\n’ Official Records of the General Assembly, Supplement No. 23.\n"
        "\n24-18264 (E) 081024\n"
    )
    assert [n for n, _ in notes(text)] == ["1", "2"]


def test_a_note_whose_number_was_lost_at_the_foot_of_a_page() -> None:
    text = (
        BODY + "\n3 General Assembly resolution 217 A (III).\n"
        "General Assembly resolution 2106 A (XX), annex.\n\n06-58187 (E) 231006\n"
    )
    assert notes(text) == [
        ("3", "General Assembly resolution 217 A (III)."),
        ("4", "General Assembly resolution 2106 A (XX), annex."),
    ]


def test_an_operative_paragraph_that_lost_its_full_stop_is_body() -> None:
    text = (
        "1. Takes note of the report;\n\n"
        "2 Welcomes the recent convening of the High-level Dialogue on\n"
        "International Migration and Development;\n"
    )
    assert notes(text) == []


def test_an_operative_paragraph_whose_number_lost_its_stop_is_body_when_text_follows() -> None:
    text = (
        "4. Welcomes the report;\n\n"
        "5 faves the International Monetary Fund and the World Bank to continue\n"
        "reviewing their joint debt sustainability framework,\n\n"
        "6. Encourages creditors to participate;\n"
    )
    assert notes(text) == []


def test_the_sponsor_note_right_under_the_body() -> None:
    text = (
        "Convention on the Elimination of All Forms of Racial Discrimination,4 the Convention\n"
        "~ On behalf of the States Members of the United Nations that are members of the Group\n"
        "of 77 and China.\n"
    )
    assert [n for n, _ in notes(text)] == ["~"]


def test_notes_whose_marks_are_lost_between_notes() -> None:
    text = (
        BODY + "\n* On behalf of the States Members of the United Nations that are members.\n\n"
        "United Nations Conference on Trade and Development, A World of Debt 2024.\n\n"
        "2 A/79/167.\n\n24-19307 (E) 211024\n"
    )
    assert [n for n, _ in notes(text)] == ["*", "1", "2"]


def test_a_garbled_footer_closes_the_zone_of_notes() -> None:
    text = (
        BODY + "\n' Resolution 69/313, annex.\n\n(WeBIBT LE 231006\n\n"
        "A/C.2/61/L.12\n\nRecalling its resolution 70/1 of 25 September 2015,\n"
    )
    assert [n for n, _ in notes(text)] == ["1"]


def test_a_number_out_of_sequence_is_read_as_garbled() -> None:
    text = BODY + "\n2 A/79/210.\n\n3 See A/C.6/79/INF/2.\n\n2 A/79/209.\n\n24-21958 (E) 211124\n"
    assert [n for n, _ in notes(text)] == ["2", "3", "4"]


def test_a_numbered_paragraph_ending_with_a_semicolon_is_body() -> None:
    text = (
        BODY + "\n4 Grees Member States to develop or update costed national health and care\n"
        "workforce strategies and to increase domestic public investment in\n"
        "health workers;\n\n5 Resolutions 78/4, 78/5 and 78/6, respectively.\n"
    )
    assert notes(text) == [("5", "Resolutions 78/4, 78/5 and 78/6, respectively.")]
