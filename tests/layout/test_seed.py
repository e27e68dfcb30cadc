"""The real OCR sample in reading and structured modes: furniture gone, footnotes at the end,
paragraphs continuous, and no body line lost."""

from __future__ import annotations

import json
import re

import pytest

import ocrfix
from ocrfix.edits import apply_edits, non_overlapping
from ocrfix.layout import analyse, reading_edits, structure

FURNITURE = {"06-58187 (E) 231006", "06-58187 hM 231006", "A/C.2/61/L.12", "A/C.2/61/L .12"}


@pytest.fixture(scope="module")
def reading(seed_ocr: str) -> str:
    return ocrfix.fix(seed_ocr, mode="reading")


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_numbered_paragraphs_are_continuous(reading: str) -> None:
    numbered = [p for p in paragraphs(reading) if re.match(r"\d+\. ", p)]
    assert [p.split(".")[0] for p in numbered] == [str(n) for n in range(1, 12)]
    assert all("\n" not in p for p in numbered)
    assert numbered[3].startswith("4. Welcomes further the ongoing efforts")
    assert "regional consultative processes, where they exist, towards facilitating" in numbered[3]
    assert numbered[3].endswith("contributing to capacity-building;")


def test_footnotes_come_last_in_order_sponsor_note_first(reading: str) -> None:
    notes = paragraphs(reading)[-1].strip().split("\n")
    assert [n.split(" ")[0] for n in notes] == ["*", "1", "2", "3", "4", "5", "6", "7", "8"]
    assert notes[0] == (
        "* On behalf of the States Members of the United Nations that are members of the "
        "Group of 77 and China."
    )
    assert notes[1].endswith("Supplement No. 5 (E/2006/25), chap. I, para. 2.")
    assert notes[-1] == "8 A/60/871."
    body = reading[: reading.index(notes[0])]
    assert "General Assembly resolution 45/158, annex." not in body


def test_no_header_or_footer_line_is_left(reading: str) -> None:
    lines = {line.strip() for line in reading.split("\n")}
    assert not lines & FURNITURE
    assert "06-58187" not in reading
    assert "A/C.2/61/L" not in reading


def test_every_body_line_of_the_ground_truth_survives(seed_gt: str) -> None:
    out = fold(ocrfix.fix(seed_gt, mode="reading"))
    for line in seed_gt.split("\n"):
        if line.strip() and line.strip() not in FURNITURE:
            assert fold(line) in out, line


def test_body_lines_that_start_with_numbers_are_body(seed_ocr: str) -> None:
    layout = analyse(seed_ocr)
    for prefix in ("21 December 2001, 58/208", "1995, 52/189", "60/206 of 22 December"):
        (line,) = [ln for ln in layout.lines if ln.content.startswith(prefix)]
        assert layout.kinds[line.index] == "body"
    out = ocrfix.fix(seed_ocr, mode="reading")
    assert "20 December 1995, 52/189 of 18 December 1997" in out
    assert "56/203 of 21 December 2001, 58/208 of 23 December 2003, 59/241 of 22 December" in out


def test_reading_edits_replay_without_overlaps(seed_ocr: str) -> None:
    edits = reading_edits(seed_ocr)
    assert non_overlapping(edits) == sorted(edits, key=lambda e: (e.start, e.end))
    out = apply_edits(seed_ocr, edits)
    assert "where they exist" in out
    result = ocrfix.fix_and_explain(seed_ocr, mode="reading")
    assert apply_edits(result.original, result.edits) == result.text


def test_every_removal_and_move_says_why(seed_ocr: str) -> None:
    reasons = [e.reason for e in reading_edits(seed_ocr)]
    assert "removed running header 'A/C.2/61/L .12' (page 2)" in reasons
    assert "removed job number '06-58187 hM 231006' (page 1)" in reasons
    for note in ("*", "1", "2", "8"):
        assert any(r.startswith(f"moved footnote {note} to the end") for r in reasons)
    assert any(
        r.startswith("moved footnotes *, 1, 2, 3, 4, 5, 6, 7, 8 to the end") for r in reasons
    )
    explained = ocrfix.fix_and_explain(seed_ocr, mode="reading")
    assert any("removed running header" in e.reason for e in explained.edits)


def test_reading_is_idempotent(reading: str) -> None:
    assert ocrfix.fix(reading, mode="reading") == reading


def test_with_form_feeds_between_pages(seed_ocr: str, reading: str) -> None:
    with_feeds = seed_ocr.replace("\n\n\n\nA/C.2/61/L .12", "\n\fA/C.2/61/L .12")
    assert "\f" in with_feeds
    assert ocrfix.fix(with_feeds, mode="reading") == reading


def test_structured_mode_is_the_same_as_json(seed_ocr: str, reading: str) -> None:
    data = json.loads(ocrfix.fix(seed_ocr, mode="structured"))
    assert data == structure(ocrfix.fix(seed_ocr))
    assert [p["number"] for p in data["pages"]] == [1, 2]
    assert data["pages"][0]["start_line"] == 0
    assert data["pages"][1]["start_line"] == data["pages"][0]["end_line"]
    kinds = [(f["page"], f["kind"], f["line"]) for f in data["furniture"]]
    assert kinds == [(1, "job_number", 32), (2, "header", 36)]
    assert data["furniture"][0]["text"] == "06-58187 (E) 231006"
    assert data["furniture"][1]["text"].startswith("A/C.2/61/L")
    numbered = [p for p in data["paragraphs"] if p["number"]]
    assert [p["number"] for p in numbered] == [str(n) for n in range(1, 12)]
    assert numbered[3]["text"].startswith("Welcomes further")
    assert "where they exist, towards" in numbered[3]["text"]
    assert [n["number"] for n in data["footnotes"]] == ["*", "1", "2", "3", "4", "5", "6", "7", "8"]
    assert data["footnotes"][2]["text"] == "General Assembly resolution 45/158, annex."
    assert data["paragraphs"][0] == {"number": None, "text": "The General Assembly,", "pages": [1]}
    for paragraph in data["paragraphs"]:
        assert paragraph["text"] in reading
