"""The learned counts of paragraph openers (ocrfix.openers)."""

from __future__ import annotations

from pathlib import Path

from ocrfix.openers import (
    OPENERS_FORMAT,
    count_openers,
    opener_counts,
    openings,
    save_openers,
)

# A text layer as the shared resolutions hold it: blank lines with a space in them, and an
# operative paragraph's number on a line of its own.
TEXT_LAYER = (
    "The General Assembly, \n \nRecalling its resolution 77/94, \n \nRecalling also the "
    "Declaration, \n \n1. \nTakes note of the report; \n \n2. \nAlso requests the "
    "Secretary-General; \n \n3. \nAlso requests the Committee; \n"
)


def test_openings_are_the_first_two_words_of_each_paragraph() -> None:
    assert list(openings(TEXT_LAYER)) == [
        ("The", "General"),
        ("Recalling", "its"),
        ("Recalling", "also"),
        ("Takes", "note"),
        ("Also", "requests"),
        ("Also", "requests"),
    ]
    # OCR's paragraph numbers and a stray mark before the word
    assert list(openings("2.) Welcomes’ the work\n\n“davites the States")) == [
        ("Welcomes", "the"),
        ("davites", "the"),
    ]


def test_count_and_save_keep_what_was_seen_twice(tmp_path: Path) -> None:
    counts = count_openers([TEXT_LAYER])
    assert counts.paragraphs == 6
    assert counts.first["Recalling"] == 2 and counts.pair("Also", "Requests") == 2
    path = tmp_path / "openers.tsv"
    save_openers(counts, path, note="test")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == [OPENERS_FORMAT, "# test", "*\t6"]
    assert "Also requests\t2" in lines and "Recalling\t2" in lines
    assert not any(line.startswith("Takes") for line in lines)  # seen once
    assert not (tmp_path / "openers.tsv.tmp").exists()


def test_the_shipped_counts_know_how_resolutions_open_their_paragraphs() -> None:
    counts = opener_counts()
    assert counts.paragraphs > 10_000
    assert counts.first["Recalling"] > counts.first["Welcoming"] > 100
    assert counts.pair("Also", "requests") > 50
    assert counts.first.get("Recognising", 0) == 0  # UN spelling
