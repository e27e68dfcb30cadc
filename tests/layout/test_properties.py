"""What must hold for any text: edits replay without overlaps, nothing but furniture is ever
deleted, and -- on documents laid out as UN pages are -- every body line survives, every
furniture line goes, footnotes end up after the body, and reading is idempotent."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocrfix.edits import apply_edits, non_overlapping
from ocrfix.layout import analyse, reading_edits, structure

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Lines OCR output is made of, traps included, shuffled at will.
LINES = st.sampled_from(
    [
        "Recalling its resolutions 49/127 of 19 December 1994, 50/123 of 20 December",
        "1995, 52/189 of 18 December 1997, 54/212 of 22 December 1999, 56/203 of",
        "21 December 2001, 58/208 of 23 December 2003, 59/241 of 22 December 2004,",
        "4. Welcomes further the ongoing efforts of Governments in the area of",
        "regional and interregional cooperation and regional consultative processes, where",
        " they exist, towards facilitating the dialogue and the exchange of information and",
        "the Secretary-General to submit a report on the devel-",
        "opment of follow-",
        "up measures and capacity-",
        "(a) Fostering competition among remittance service providers;",
        "* On behalf of the States Members of the United Nations that are members of the Group",
        "1 See Official Records of the Economic and Social Council, 2006, Supplement No. 5",
        "2 General Assembly resolution 45/158, annex.",
        "8 A/60/871.",
        "’ Resolution 69/313, annex.",
        "06-58187 (E) 231006",
        "06-58187 hM 231006",
        "24-20871",
        "A/C.2/61/L.12",
        "A/C.2/61/L .12",
        "2",
        "- 2 -",
        "2/5",
        "Page 2 of 5",
        "*0658187*",
        "| ||",
        "ae",
        "UNITED NATIONS",
        "The General Assembly,",
        "ocrfix: ignore this line",
        "",
        "",
        "\f",
        "   ",
    ]
)
SOUP = st.lists(LINES, max_size=40).map("\n".join) | st.text(max_size=300)

SENTENCES = [
    "Recalling its resolutions 49/127 of 19 December 1994, 50/123 of 20 December",
    "1995, 52/189 of 18 December 1997 and 54/212 of 22 December 1999 on international",
    "21 December 2001, 58/208 of 23 December 2003, 59/241 of 22 December 2004,",
    "migration and development, and the need to deal with the challenges and",
    "opportunities that migration presents to countries of origin, transit and",
    "destination, and recognizing that migration brings benefits as well as challenges",
    "to the global community, including the Millennium Development Goals and the",
    "requests the Secretary-General to submit a report on the implementation of the",
    "2 per cent of gross domestic product in the least developed countries and in",
]
NOTES = [
    "General Assembly resolution 45/158, annex.",
    "See Official Records of the Economic and Social Council, 2006, Supplement No. 5",
    "A/60/871.",
    "See resolutions 55/2 and 60/1.",
]


@dataclass
class Document:
    """A generated document and what a reader must get from it."""

    text: str = ""
    body: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """Pages as UN documents print them: running header, body paragraphs, footnotes at the
    foot, a job-number footer with the page number; pages split by form feeds or not."""
    pages = draw(st.integers(1, 4))
    feeds = draw(st.booleans())
    symbol = draw(st.sampled_from(["A/C.2/61/L.12", "A/79/312", "E/2023/57", "A/C.2/61/L .12"]))
    doc = Document()
    out: list[str] = []
    note = 0
    for number in range(1, pages + 1):
        page: list[str] = []
        if number > 1:
            page += [symbol, ""]
            doc.furniture.append(symbol)
        for _ in range(draw(st.integers(1, 3))):
            lines = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4))
            label = draw(st.sampled_from(["", "", "1. ", "(a) "]))
            lines = [label + lines[0], *lines[1:]]
            page += [*lines, ""]
            doc.body += lines
        if number == 1 and draw(st.booleans()):
            star = "* On behalf of the States Members of the United Nations that are members"
            page += [star, "of the Group of 77 and China.", ""]
            doc.notes.append(star)
        for _ in range(draw(st.integers(0, 2))):
            note += 1
            text = f"{note} {draw(st.sampled_from(NOTES))}"
            page += [text, ""]
            doc.notes.append(text)
        footer = draw(st.sampled_from(["06-58187 (E) 231006", "06-58187", "24-20871"]))
        pagenum = draw(st.sampled_from([str(number), f"{number}/{pages}", f"- {number} -"]))
        page += [footer, pagenum] if number > 1 else [footer]
        doc.furniture += [footer, pagenum] if number > 1 else [footer]
        out.append("\n".join(page) + "\n")
    doc.text = ("\f" if feeds else "\n\n").join(out)
    return doc


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@FAST
@given(SOUP)
def test_edits_are_non_overlapping_and_replay(text: str) -> None:
    edits = reading_edits(text)
    assert non_overlapping(edits) == sorted(edits, key=lambda e: (e.start, e.end))
    assert all(e.fixer == "layout" and e.reason for e in edits)
    apply_edits(text, edits)  # raises if an edit does not match the text


@FAST
@given(SOUP)
def test_only_furniture_is_deleted_and_every_deletion_is_listed(text: str) -> None:
    layout = analyse(text)
    furniture = {f.line for f in layout.furniture}
    notes = {i for n in layout.footnotes for i in n.lines}
    assert {f["line"] for f in structure(text)["furniture"]} == furniture
    for edit in reading_edits(text):
        covered = {
            line.index
            for line in layout.lines
            if not line.blank and edit.start <= line.content_start < edit.end
        }
        if edit.reason.startswith("removed"):
            assert covered <= furniture, edit
        elif edit.reason.startswith("moved footnote "):
            assert covered <= notes, edit
        else:  # joining lines: only whitespace, and a line-end hyphen, go
            assert not edit.before.strip().strip("-"), edit


@FAST
@given(documents())
def test_a_document_reads_in_order(doc: Document) -> None:
    out = apply_edits(doc.text, reading_edits(doc.text))
    body_end = out.index(doc.notes[0]) if doc.notes else len(out)
    body = _fold(out[:body_end])
    position = 0
    for line in doc.body:  # every body line survives, in order, before the footnotes
        found = body.find(_fold(line), position)
        assert found >= 0, line
        position = found
    notes = _fold(out[body_end:])
    for note in doc.notes:
        assert _fold(note) in notes
    kept = {_fold(line) for line in out.split("\n")}
    for line in doc.furniture:
        assert _fold(line) not in kept, line


@FAST
@given(documents())
def test_reading_is_idempotent(doc: Document) -> None:
    once = apply_edits(doc.text, reading_edits(doc.text))
    assert reading_edits(once) == []


@FAST
@given(documents())
def test_structure_counts_pages_and_furniture(doc: Document) -> None:
    data = structure(doc.text)
    assert len(data["furniture"]) == len(doc.furniture)
    assert [n["number"] for n in data["footnotes"] if n["number"] != "*"] == [
        str(k + 1) for k in range(len([n for n in doc.notes if not n.startswith("*")]))
    ]
    assert data["pages"][-1]["end_line"] == len(analyse(doc.text).lines)
