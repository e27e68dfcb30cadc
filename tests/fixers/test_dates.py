from __future__ import annotations

import pytest

from ocrfix.fixers.dates import DatesFixer

from .helpers import fixed, run


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 real pages (training split), light to heavy damage.
        (
            "19 December 2019, 76°220 of £7 December 2021 and 77-184 of 14 December 2022",
            "19 December 2019, 76°220 of 17 December 2021 and 77-184 of 14 December 2022",
        ),
        (
            "Recalling its resolutians 50°70 M of [2 December 1995, SL 45 E of 10 December",
            "Recalling its resolutians 50°70 M of 12 December 1995, SL 45 E of 10 December",
        ),
        (
            "of 17 December 198] and 2334 (2016) of 23 December 2016,",
            "of 17 December 1981 and 2334 (2016) of 23 December 2016,",
        ),
        (
            "2 December $983, 39 1S} of 14 December L984,",
            "2 December 1983, 39 1S} of 14 December 1984,",
        ),
        ("from 14 to {6 May 2024,", "from 14 to 16 May 2024,"),
    ],
)
def test_days_and_years_read_with_letters_or_marks(ocr: str, expected: str) -> None:
    assert fixed("dates", ocr) == expected


@pytest.mark.parametrize(
    "text",
    [
        "adopted on 22 December 2023 and 16 May 2024,",  # digits are kept as read
        "the session from May to June 2024",  # a word before the month is no day
        "Protocol I May be applied",  # not after a word that introduces a date
        "in paragraph 1. June 2024 saw",  # a stop is a speck, not a digit
        "of 1S December 2023",  # 15 or 18: the shapes cannot tell
        "in the year Ocean 2024",  # not a month
    ],
)
def test_what_stays(text: str) -> None:
    assert fixed("dates", text) == text


def test_every_edit_says_which_part_of_the_date_and_how_sure() -> None:
    (edit,) = run("dates", "of 12 August [949 and").edits
    assert edit.after == "1949" and "year" in edit.reason
    assert DatesFixer().threshold <= edit.confidence <= 1


def test_a_month_at_a_line_start_has_no_day_on_the_line_above() -> None:
    # A born-digital session-79 text: an item label, then 'May' opening the next line.
    text = "available to the general public;\n\n(b) \nMay, at its discretion, decide"
    assert fixed("dates", text) == text


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Specks read as stops inside dates on session-78 real pages (light damage).
        ("62/14 of 5. December 2007,", "62/14 of 5 December 2007,"),
        (
            "held in Nairobi from 9 to 20 May. 2022, and",
            "held in Nairobi from 9 to 20 May 2022, and",
        ),
        (
            "on 16 and 18 September. 1998, respectively,",
            "on 16 and 18 September 1998, respectively,",
        ),
    ],
)
def test_a_stop_inside_a_date(ocr: str, expected: str) -> None:
    assert fixed("dates", ocr) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the programme of work adopted in May. 2030 Agenda targets",  # no day: a sentence end
        "as set out in paragraph 5. December was chosen",  # no date word before the number
        "in 2005. December saw the first session",  # a year is no day
    ],
)
def test_a_stop_that_ends_a_sentence_stays(text: str) -> None:
    assert fixed("dates", text) == text


def test_of_misread_between_a_resolution_and_its_date() -> None:
    # A list of resolutions on a session-78 page at heavy damage (real-page corpus).
    text = "Recalling its resolutions 54/54 Of 1 December 1999, $6 16 af 29 November 2001.\n"
    result = run("dates", text)
    assert "$6 16 of 29 November 2001." in result.text
    assert any("resolution's number and its date" in e.reason for e in result.edits)
    # a date word stays, and so does a word no confusion of 'of' explains
    for kept in ("resolution 56/16 on 29 November 2001", "resolution 56/16 by 29 November 2001"):
        assert fixed("dates", kept) == kept
    assert fixed("dates", "resolution 56/16 xz 29 November 2001") == (
        "resolution 56/16 xz 29 November 2001"
    )


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 training pages: the space inside a date read as a mark.
        ("adopted on 20-December 2023, and", "on 20 December 2023, and"),
        ("of 14 December.2008; and", "14 December 2008; and"),
        ("on 5 June’2017, the", "5 June 2017, the"),
    ],
)
def test_a_mark_read_for_the_space_inside_a_date(ocr: str, expected: str) -> None:
    assert expected in fixed("dates", ocr)
    assert fixed("dates", ocr, glued=False) == ocr


@pytest.mark.parametrize(
    "clean",
    [
        "held from 30 November-1 December 2023",
        "see A/78/L.12-December",
        "the 1990-2000 decade and May.",
    ],
)
def test_marks_near_dates_that_stay(clean: str) -> None:
    assert fixed("dates", clean) == clean


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # training pages: '6' read for '0' (the learned confusions), a year no date has
        (
            "November 2002, 5845 of 8 December 2603. 59 68 of 3 December 2004. 60:60 of",
            "November 2002, 5845 of 8 December 2003. 59 68 of 3 December 2004. 60:60 of",
        ),
        ("14 August 2624", "14 August 2024"),
    ],
)
def test_a_year_no_date_has(ocr: str, expected: str) -> None:
    assert fixed("dates", ocr) == expected


@pytest.mark.parametrize(
    "text",
    [
        "by 31 December 2030 and by 2100",  # years that may be
        "on 1 June 2923 the",  # no learned confusion explains it ('9' for '0'?)
        "in May 5000 units",  # no year of 1900 to 2099 one digit away
    ],
)
def test_years_that_stay(text: str) -> None:
    assert fixed("dates", text) == text
