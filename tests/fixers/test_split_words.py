"""Real fragments of the seed OCR (corpora/seed), then what must stay."""

from __future__ import annotations

import pytest

from .helpers import fixed, run


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        (
            "Recalling Commission on Population and Devel opment resolution 2006/2,1",
            "Recalling Commission on Population and Development resolution 2006/2,1",
        ),
        ("migration and devel opment,", "migration and development,"),
        (
            "sub-item entitled “International migration and devel opment”.",
            "sub-item entitled “International migration and development”.",
        ),
    ],
)
def test_joins_split_words_from_the_sample(ocr: str, expected: str) -> None:
    assert fixed("split_words", ocr) == expected


def test_joins_across_a_line_break_and_keeps_the_line() -> None:
    ocr = "the complex interrelationship between migration and devel\nopment, as well"
    out = fixed("split_words", ocr)
    assert out == "the complex interrelationship between migration and\ndevelopment, as well"


def test_reason_names_the_pieces() -> None:
    (edit,) = run("split_words", "Devel opment").edits
    assert "Devel opment" in edit.reason and edit.after == "Development"


@pytest.mark.parametrize(
    "clean",
    [
        "an ad hoc working group",
        "including, inter alia, how to maximize the benefits",
        "in to the room; a round of talks; any one of them",
        "the Group of 77 and China",
        "UN Women and UNDP",
        # a lone last letter is a misread word or debris (training pages, heavy)
        "Steps to building s common roadmap",
        "new types of weapons and new s$Steins of such weapons",
    ],
)
def test_leaves_words_written_apart(clean: str) -> None:
    assert fixed("split_words", clean) == clean


def test_a_long_text_joins_every_split_word_in_place() -> None:
    # Pieces are read through a sliding window: joins far into a long text, at the window's
    # edges and at the very end, are found as in a short one.
    unit = "the Devel opment of trade, and devel\nopment plans "
    text = unit * 700 + "for devel opment"
    result = run("split_words", text)
    assert result.text == (
        "the Development of trade, and\ndevelopment plans " * 700 + "for development"
    )
    assert len(result.edits) == 2 * 700 + 1
    for edit in result.edits:
        assert text[edit.start : edit.end] == edit.before


@pytest.mark.parametrize("text", ["opment", "devel opment", "a devel opment", "x y devel opment"])
def test_short_texts_and_groups_at_the_end(text: str) -> None:
    assert fixed("split_words", text) == text.replace("devel opment", "development")
