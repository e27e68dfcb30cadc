"""Joining lines: hyphenation, compounds, rejoining across interruptions, labels."""

from __future__ import annotations

import pytest

import ocrfix
from ocrfix.layout import analyse
from ocrfix.layout.paragraphs import continues, join, label


def read(text: str) -> str:
    edits = ocrfix.layout.reading_edits(text)
    return ocrfix.apply_edits(text, edits)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("Population and devel-", "opment resolution", "Population and development resolution"),
        ("the inter-", "national community", "the international community"),
        ("the Secretary-", "General to submit", "the Secretary-General to submit"),
        (
            "an appropriate follow-",
            "up to the Dialogue",
            "an appropriate follow-up to the Dialogue",
        ),
        ("at its sixty-", "third session", "at its sixty-third session"),
        ("contributing to capacity-", "building;", "contributing to capacity-building;"),
        ("a practice known as de-", "risking, which", "a practice known as de-risking, which"),
        ("to low- ", "and middle-income", "to low- and middle-income"),
        (
            "On behalf of the States Members of the United Nations that are members of the",
            "Group of 77 and China.",
            "On behalf of the States Members of the United Nations that are members of the "
            "Group of 77 and China.",
        ),
    ],
)
def test_line_end_hyphenation(first: str, second: str, joined: str) -> None:
    text = f"{first}\n{second}\n"
    assert read(text) == joined + "\n"


def test_join_says_why() -> None:
    assert join("devel-", "opment").drop_hyphen
    assert join("devel-", "opment").reason == "removed line-end hyphenation: 'development'"
    assert not join("follow-", "up").drop_hyphen
    assert join("follow-", "up").separator == ""
    assert join("the", "General").separator == " "


@pytest.mark.parametrize(
    ("prev", "nxt", "expected"),
    [
        ("regional consultative processes, where", "they exist, towards", True),
        ("including the", "Millennium Development Goals", True),
        ("the capacity of devel-", "oping countries", True),
        ("forced international migration,", "Acknowledging further the", False),
        ("in this regard;", "5. Takes note of the", False),
        ("the global community,", "(a) Fostering competition", False),
        ("of the present resolution.", "the report", False),
    ],
)
def test_continues_across_an_interruption(prev: str, nxt: str, expected: bool) -> None:
    assert continues(prev, nxt) is expected


def test_a_paragraph_rejoined_across_a_page_break() -> None:
    text = (
        "Recalling further its resolution 60/265 on the follow-up to the development\n"
        "outcome of the 2005 World Summit, including the\n"
        "\n06-58187 (E) 231006\n\fA/C.2/61/L.12\n\n"
        "Millennium Development Goals and the other internationally agreed goals,\n"
    )
    assert read(text) == (
        "Recalling further its resolution 60/265 on the follow-up to the development "
        "outcome of the 2005 World Summit, including the Millennium Development Goals and "
        "the other internationally agreed goals,\n"
    )
    (paragraph,) = analyse(text).paragraphs
    assert paragraph.pages == (1, 2)


def test_a_new_paragraph_after_a_page_break_stays_apart() -> None:
    text = (
        "Acknowledging also the negative impacts of forced international migration,\n"
        "\n06-58187 (E) 231006\n\fA/C.2/61/L.12\n\n"
        "Acknowledging further the important contribution provided by migrants,\n"
    )
    assert read(text).split("\n\n") == [
        "Acknowledging also the negative impacts of forced international migration,",
        "Acknowledging further the important contribution provided by migrants,\n",
    ]


def test_a_block_of_short_lines_keeps_its_lines() -> None:
    text = "Distr.: Limited\n14 November 2024\nOriginal: English\n\nThe General Assembly,\n"
    assert read(text) == text


@pytest.mark.parametrize(
    ("line", "number", "rest"),
    [
        ("1. Takes note of the report", "1", "Takes note of the report"),
        ("(a) Fostering competition", "a", "Fostering competition"),
        ("II. Trends in remittance flows", "II", "Trends in remittance flows"),
        ("A. Volume and direction", "A", "Volume and direction"),
        ("Recalling its resolution", None, "Recalling its resolution"),
        ("21 December 2001, 58/208", None, "21 December 2001, 58/208"),
    ],
)
def test_labels(line: str, number: str | None, rest: str) -> None:
    assert label(line) == (number, rest)


def test_a_line_marked_ignore_keeps_its_own_line() -> None:
    text = "First line of a paragraph that goes on\nocrfix: ignore this one\nand ends here.\n"
    assert read(text) == text
