"""Page furniture: what is taken, what is left, and where pages break."""

from __future__ import annotations

import pytest

from ocrfix.layout import analyse, structure
from ocrfix.layout.furniture import look, page_number

BODY = (
    "Recalling its resolutions 49/127 of 19 December 1994, 50/123 of 20 December\n"
    "1995, 52/189 of 18 December 1997, 54/212 of 22 December 1999, 56/203 of\n"
    "21 December 2001, 58/208 of 23 December 2003, 59/241 of 22 December 2004,\n"
    "migration and development,\n"
)


def furniture(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in analyse(text).furniture]


def page(top: str, bottom: str) -> str:
    """A page of body text between a top and a bottom furniture line."""
    return f"{top}\n\n{BODY}\n{bottom}\n"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("A/C.2/61/L.12", "header"),
        ("A/79/312", "header"),
        ("E/2023/57", "header"),
        ("A/C.2/61/L .12", "header"),
        ("A/C.2/79/L.23/Rev.1", "header"),
        ("06-58187 (E) 231006", "job_number"),
        ("06-58187 hM 231006", "job_number"),
        ("24-20871", "job_number"),
        ("2/5 24-21544", "job_number"),
        ("2", "page_number"),
        ("- 2 -", "page_number"),
        ("2/5", "page_number"),
        ("Page 2 of 5", "page_number"),
        ("*0658187*", "debris"),
        ("| ||", "debris"),
        ("ae", "debris"),
    ],
)
def test_furniture_looks(line: str, kind: str) -> None:
    found = look(line)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "line",
    [
        "21 December 2001, 58/208 of 23 December 2003, 59/241 of 22 December 2004,",
        "1995, 52/189 of 18 December 1997, 54/212 of 22 December 1999, 56/203 of",
        "The General Assembly,",
        "1. Takes note of the report",
        "(a)",
        "* * *",
        "Annex",
        "8 A/60/871.",
    ],
)
def test_text_does_not_look_like_furniture(line: str) -> None:
    assert look(line) is None


@pytest.mark.parametrize("line", ["A/C.2/61/L .12", "06-58187 (E) 231006", "- 2 -", "ae", "| ||"])
def test_furniture_at_the_edge_of_a_page_is_removed(line: str) -> None:
    text = page("A/C.2/61/L.12", line) if line != "A/C.2/61/L .12" else page(line, "2")
    assert line in [t for _, t in furniture(text)]


def test_a_bare_number_inside_the_text_is_kept() -> None:
    text = BODY + "\n2\n\n" + BODY
    assert furniture(text) == []
    assert analyse(text).kinds[5] == "body"


def test_a_symbol_inside_a_list_is_kept() -> None:
    text = BODY + "\nDocuments:\nA/79/312\nA/79/313\n\n" + BODY
    assert furniture(text) == []


def test_only_strong_furniture_without_any_text() -> None:
    assert furniture("2\n") == []
    assert furniture("06-58187 (E) 231006\n") == [("job_number", "06-58187 (E) 231006")]


def test_garbled_header_at_the_top_of_a_page() -> None:
    text = "AIC.2/79/L,23/Rev A\n\n" + BODY + "\nwa 24- 14628\n"
    assert furniture(text) == [
        ("header", "AIC.2/79/L,23/Rev A"),
        ("job_number", "wa 24- 14628"),
    ]


def test_garbled_copies_of_the_document_symbol_are_headers() -> None:
    text = page("A/C.2/61/L.12", "06-58187") + "\n" + page("AIC.2/61/L.12", "06-58187")
    assert ("header", "AIC.2/61/L.12") in furniture(text)


def test_running_heads_learned_from_the_document() -> None:
    text = "\f".join(page("UNITED NATIONS", str(n)) for n in range(1, 4))
    found = furniture(text)
    assert found.count(("header", "UNITED NATIONS")) == 3
    assert [t for k, t in found if k == "page_number"] == ["1", "2", "3"]


def test_a_repeated_paragraph_opening_is_not_a_running_head() -> None:
    text = "\f".join(page("The General Assembly,", str(n)) for n in range(1, 4))
    assert all(kind == "page_number" for kind, _ in furniture(text))


def test_pages_break_at_form_feeds() -> None:
    text = BODY + "\f" + BODY + "\n\f" + BODY
    pages = analyse(text).pages
    assert [(p.number, p.start_line) for p in pages] == [(1, 0), (2, 4), (3, 9)]


def test_pages_break_between_footer_and_header_without_form_feeds() -> None:
    text = BODY + "\n06-58187 (E) 231006\n\n\n\nA/C.2/61/L .12\n\n" + BODY + "\n2/3 06-58187\n"
    layout = analyse(text)
    assert [(p.number, p.start_line) for p in layout.pages] == [(1, 0), (2, 9)]
    assert [(f.page, f.kind) for f in layout.furniture] == [
        (1, "job_number"),
        (2, "header"),
        (2, "job_number"),
    ]


def test_page_numbers_printed_on_a_lone_page_name_it() -> None:
    data = structure("A/79/312\n\n" + BODY + "\n3/4\n24-14628\n")
    assert data["pages"] == [{"number": 3, "start_line": 0, "end_line": 9}]
    assert [f["kind"] for f in data["furniture"]] == ["header", "page_number", "job_number"]


def test_page_number_forms() -> None:
    assert [page_number(t) for t in ("2", "- 2 -", "2/5", "Page 2 of 5", "5/2")] == [
        2,
        2,
        2,
        2,
        None,
    ]


def test_a_line_marked_ignore_is_never_furniture() -> None:
    text = "A/79/312 ocrfix: ignore\n\n" + BODY
    assert look("A/79/312") is not None
    assert furniture(text) == []


@pytest.mark.parametrize(
    "line",
    [
        "ws 221544",
        "24-2) 733 (Ed 19} 124",
        "Me14h28 (Ey 000824",
        "24-206S4 ED Golt24",
        "2/3 24-2087",
    ],
)
def test_garbled_job_numbers_at_the_foot_of_a_page(line: str) -> None:
    text = "A/79/312\n\n" + BODY + "\n" + line + "\n"
    assert ("job_number", line) in furniture(text)


@pytest.mark.parametrize(
    "line", [". A/C.2/79/7L.18", "» A/AC.301/2025/3", "AC 5/7HL20", "A/C.2/79/L..23/Rey.1"]
)
def test_garbled_symbols_at_the_top_of_a_page(line: str) -> None:
    assert ("header", line) in furniture(line + "\n" + BODY)


@pytest.mark.parametrize("line", ["8 A/60/871.", "8 A/60/871", "2016-2030", "1 234 567."])
def test_footnotes_and_numbers_at_the_foot_are_not_furniture(line: str) -> None:
    assert furniture(BODY + "\n" + line + "\n") == []


def test_a_garbled_footer_and_header_make_a_page_break_without_form_feed() -> None:
    text = BODY + "(WeBIBT LE 231006\n\nA/C.2/6U/L.12\n" + BODY
    layout = analyse(text)
    assert [(f.kind, f.text) for f in layout.furniture] == [
        ("job_number", "(WeBIBT LE 231006"),
        ("header", "A/C.2/6U/L.12"),
    ]
    assert [p.start_line for p in layout.pages] == [0, 6]
