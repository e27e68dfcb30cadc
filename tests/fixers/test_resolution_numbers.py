from __future__ import annotations

import pytest

from .helpers import fixed


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # from the real-page corpus (session-78 pages, Tesseract at medium and heavy damage)
        (
            "66 22 of 2 December 2011, 68 24 of 5 December 2013, 70 22 of 7 December 2015,\n"
            "72.21 of 4 December 2017, 74 25 of 12 December 2019 and 76 17 of 6 December\n2021",
            "66/22 of 2 December 2011, 68/24 of 5 December 2013, 70/22 of 7 December 2015,\n"
            "72/21 of 4 December 2017, 74/25 of 12 December 2019 and 76/17 of 6 December\n2021",
        ),
        ("77-160 of 14 December 2022", "77/160 of 14 December 2022"),
        ("76°200 of 17 December 2021", "76/200 of 17 December 2021"),
        (
            "Recalling its resolution 75:233 of 21 December 2020",
            "Recalling its resolution 75/233 of 21 December 2020",
        ),
        ("resolution 60:60 and", "resolution 60/60 and"),  # a colon read for the slash
        ("62 14 of § December 2007", "62/14 of § December 2007"),  # a misread day
        ("6263 of 6 December 2007", "62/63 of 6 December 2007"),  # no separator at all
        (
            # (77.98 stays: a full stop may be another organ's numbering, 'WHA76.16'; 63-119
            # follows 62/63 in a list)
            "its resolutions 62 63 and\n63-119 as well as its resolution 77.98, the",
            "its resolutions 62/63 and\n63/119 as well as its resolution 77.98, the",
        ),
        # the letter of a part between the number and its date
        (
            "of 16 December 1969, 34 87 A of 17 December 1979",
            "of 16 December 1969, 34/87 A of 17 December 1979",
        ),
        (
            # a list: each item a session from the one before (the slash read as '°', '-',
            # ':', a space, or lost)
            "its resolutions 56/214 B, 57/325, 58/307, 59/307, 60°278, 61250 A, 61/250 B,\n"
            "61/250 C, 62/265,\n"
            "63/298, 64-282, 65303, 66.277, 67/279, 68/292, 69/302, 70-280, 71-307, 72-299,\n"
            "73322, 75:250 A, 75/250 B, 76:290 and 77/313;",
            "its resolutions 56/214 B, 57/325, 58/307, 59/307, 60/278, 61/250 A, 61/250 B,\n"
            "61/250 C, 62/265,\n"
            "63/298, 64/282, 65/303, 66/277, 67/279, 68/292, 69/302, 70/280, 71/307, 72/299,\n"
            "73/322, 75/250 A, 75/250 B, 76/290 and 77/313;",
        ),
    ],
)
def test_puts_back_the_slash(ocr: str, expected: str) -> None:
    assert fixed("resolution_numbers", ocr) == expected


@pytest.mark.parametrize(
    "text",
    [
        "60 48 of & December 2008",  # the year (2005 printed) is not session 60's: left
        "86 16 of 29 November 2001",  # session 56, its 5 read as 8: the year disagrees
        "Security Council resolution 2046 of 2 May 2012",
        "resolution 2625 (XXV) and resolution 31 72 (XXXI)",
        "an increase of 1.5 of 2 May 2012, decision 1.5",
        "the 2030 Agenda, adopted in its resolution 70/1 of 25 September 2015",
        "document A/78 23 of 2023",  # part of a symbol: not ours
        "resolutions 62 63/1",
        "World Health Assembly resolution 76.16 of 30 May 2023",  # another organ's numbering
        "resolutions 19/3, 2021 and 2022",  # years, not sessions 20 and 20
        "resolutions 70/1, 80 12 and 81-4",  # a step of ten sessions is no list
        "ratios of 12/5, 13.4 and 14 6",  # (no list of resolutions without the word)
    ],
)
def test_leaves_what_the_date_does_not_vouch_for(text: str) -> None:
    assert fixed("resolution_numbers", text) == text


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 training pages: the session's first digit read as '$' or 'S'; the year
        # says which session, the digit shapes that '$' and 'S' are read for a 5.
        ("further its resolutions $8°176 of 22 December 2003, and", "58/176 of 22 December"),
        ("its resolutions S447 of 1 December 1999, and", "54/47 of 1 December 1999"),
        ("Assembly resolution $9276 of 21 December 2004 and", "59/276 of 21 December"),
    ],
)
def test_a_session_whose_first_digit_was_misread(ocr: str, expected: str) -> None:
    assert expected in fixed("resolution_numbers", ocr)
    assert fixed("resolution_numbers", ocr, shapes=False) == ocr


@pytest.mark.parametrize(
    "clean",
    [
        "the S-400 of 2 June 2020 and",
        "its resolution S447 of 1 December 2010",  # the year vouches for no such session
    ],
)
def test_letters_before_numbers_that_stay(clean: str) -> None:
    assert fixed("resolution_numbers", clean) == clean
