from __future__ import annotations

import pytest

from .helpers import fixed


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        ("A/C.2/61/L .12", "A/C.2/61/L.12"),
        (
            "3 General Assembly resolution 217 A (111).",
            "3 General Assembly resolution 217 A (III).",
        ),
        ("resolutions 2200 A (XX1) and 1514 (XV)", "resolutions 2200 A (XXI) and 1514 (XV)"),
        ("06-58187 hM 231006", "06-58187 (E) 231006"),
        ("Il. Trends in remittance flows", "II. Trends in remittance flows"),
        ("(il) The second item;", "(ii) The second item;"),
    ],
)
def test_repairs_symbols_and_citations(ocr: str, expected: str) -> None:
    assert fixed("document_symbols", ocr) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "4 General Assembly resolution 2106 A (XX), annex.",
        "Security Council resolution 1325 (2000) and 2719 (2023)",
        "8 A/60/871. The report",
        "see A/79/312 and E/2006/25, and 217 A (III)",
        "a total of 145 (111 women) participants",
        "06-58187 (E) 231006",
        "(l) The twelfth lettered sub-paragraph;",
        "Ill health is a concern",
        "II. Activities",
    ],
)
def test_leaves_correct_symbols(clean: str) -> None:
    assert fixed("document_symbols", clean) == clean


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # running headers and citations as Tesseract read them on the benchmark pages
        ("A/C.2/61/L,12", "A/C.2/61/L.12"),
        ("AIC,.2/79/1..18", "A/C.2/79/L.18"),
        ("A/IC.2/79/1..41", "A/C.2/79/L.41"),
        ("AVC.3/79/L..7", "A/C.3/79/L.7"),
        ("the report (A/T9/312).", "the report (A/79/312)."),
        ("draft resolution A/79/1.,31,", "draft resolution A/79/L.31,"),
        ("AJAC.301/2025/3", "A/AC.301/2025/3"),
        # the running head of a resolution's pages (session-78 real pages, medium and heavy)
        ("APRES/78/201", "A/RES/78/201"),
        ("AVRES/78/242", "A/RES/78/242"),
        ("AiRES!78/212", "A/RES/78/212"),
        ("AJRES/7B/71", "A/RES/78/71"),
        ("AMRES/T8/301", "A/RES/78/301"),
        ("ARES/T8/295", "A/RES/78/295"),
    ],
)
def test_repairs_damaged_symbols(ocr: str, expected: str) -> None:
    assert fixed("document_symbols", ocr) == expected


@pytest.mark.parametrize(
    "text",
    [
        "AIDS/HIV and tuberculosis",
        "E/2025/L.A7",  # damaged, but no single repair makes it a symbol: left alone
        "A/C.2/79/L.12/Rev.1 and A/RES/70/1.",
        "Apr./May 2025, E.24.I.6",
        "ST/SGB/2019/8",
        "ASRES/7Q/87",  # 'Q': no digit it stands for is sure
        "APRES/78/2O1 and ARES for short",  # not a symbol once repaired; a word
    ],
)
def test_leaves_symbols_it_cannot_restore(text: str) -> None:
    assert fixed("document_symbols", text) == text


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # footnotes of session-78 real pages (training split), light damage, as Tesseract read them
        ("1 See A'65/S17-8/2010/534, annex.", "1 See A/65/517-S/2010/534, annex."),
        ("3 A/73/967-8:2019/613, annex,", "3 A/73/967-S/2019/613, annex,"),
        ("6 A/S3/868-8/1999/303, annex I.", "6 A/53/868-S/1999/303, annex I."),
        ("(A°34:45 and A:34°45.Corr.1).", "(A/34/45 and A/34/45/Corr.1)."),
        ("see A‘AC.109/2023-15, para. 4", "see A/AC.109/2023/15, para. 4"),
        ("ASAC.109/2014/20/Rev,1", "A/AC.109/2014/20/Rev.1"),
        ("(A(CONF.157/24 (Part I)", "(A/CONF.157/24 (Part I)"),
        ("the report A78:279.", "the report A/78/279."),
    ],
)
def test_a_symbol_with_its_slashes_misread(ocr: str, expected: str) -> None:
    # Each character that may be a misread part of a symbol is read each way; the repair is
    # the one reading that is a valid symbol.
    assert fixed("document_symbols", ocr) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the Assembly's own report, A/65/517-S/2010/534, annex",  # valid already
        "A‘S2/871-S/1 998/318.",  # a space inside the year: no single token to repair
        "AS78305: the slash after 'S' or no slash at all",  # two readings: left alone
        "A'la carte, E:20 and S°4",  # marks, but no symbol
    ],
)
def test_symbols_whose_slashes_cannot_be_told_stay(text: str) -> None:
    assert fixed("document_symbols", text) == text


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # the feet of benchmark pages: the job number lost its hyphen
        ("the present resolution.\n\n2420433 2\n", "the present resolution.\n\n24-20433 2\n"),
        ("alternatives to imprisonment.\n\n2418804 33\n\f", None),
        ("eightieth session,\n\n22 2418264\n", "eightieth session,\n\n22 24-18264\n"),
    ],
)
def test_restores_the_hyphen_of_a_job_number(ocr: str, expected: str | None) -> None:
    if expected is None:
        expected = ocr.replace("2418804", "24-18804")
    assert fixed("document_symbols", ocr) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Total\n\n1234567\n\nThe next paragraph.\n",  # not at the foot of a page
        "The population reached\n8123456 in 2024.\n",
        "24-20433 2\n",
    ],
)
def test_leaves_other_numbers(text: str) -> None:
    assert fixed("document_symbols", text) == text


@pytest.mark.parametrize(
    ("read", "symbol"),
    # the heading under the titles of session-78 first pages, as Tesseract read it (medium)
    [
        ("[on the report of the Sixih Commitive (4. 78.433, para. 13)]", "(A/78/433, para. 13)]"),
        ("[on the report of the Sixth Committee (Ae78'457, para. 7)}", "(A/78/457, para. 7)}"),
        ("[on the report of the First Committee (4-28 401, para. 7)]", "(A/78/401, para. 7)]"),
    ],
)
def test_the_symbol_of_the_committee_report(read: str, symbol: str) -> None:
    page = "Seventy-eighth session\nAgenda item 77\n\n" + read + "\n"
    assert symbol in fixed("document_symbols", page)


@pytest.mark.parametrize(
    "text",
    [
        # no session to say which report it is
        "[on the report of the Sixth Committee (4. 78.433, para. 13)]",
        # a report cited in the text, of another session perhaps: no bracket closes a heading
        "Seventy-eighth session\n\nthe report of the Sixth Committee (A:77 18, para. 5), and",
        # the session and the number glued: a digit or the slash may be lost
        "Seventy-eighth session\n\n[on the report of the Second Committee (A. 78464, para. 53)]",
    ],
)
def test_a_report_symbol_that_cannot_be_told_stays(text: str) -> None:
    assert fixed("document_symbols", text) == text


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # footnotes and citations of session-78 real pages (training split), light damage
        ("4 A/50/474, annex [.", "4 A/50/474, annex I."),
        ("9 A/53/258-S/1998/763, annex Il, appendix", "annex II, appendix"),
        ("article 1V of the Treaty on the Non-Proliferation", "article IV of the Treaty"),
        ("(NPT/CONF.2010/50 (Vol. l)), part", "(Vol. I)), part"),
    ],
)
def test_a_cited_roman_number_misread(ocr: str, expected: str) -> None:
    assert expected in fixed("document_symbols", ocr)


@pytest.mark.parametrize(
    "text",
    [
        "annex 1 to the Convention and part 11 of the report",  # digits may be right
        "article 19 of the Covenant, annex IV, chap. XII",  # right as read
        "the Annex left and the part lIke",  # no roman number there
    ],
)
def test_cited_numbers_that_stay(text: str) -> None:
    assert fixed("document_symbols", text) == text
