from __future__ import annotations

from pathlib import Path

import pytest

import ocrfix
from ocrfix import digit_shapes, error_model
from ocrfix.cli import main


def test_learn_counts_the_characters_read_for_digits_inside_numbers() -> None:
    gt = "adopted on 12 December 1949 (resolution 304), 11 votes"
    ocr = "adopted on [2 December [949 (resolution 3O4), 1l votes"
    counts = digit_shapes.learn([(gt, ocr)])
    assert counts == {("[", "1"): 2, ("O", "0"): 1, ("l", "1"): 1}


def test_a_word_or_a_marker_is_not_a_number() -> None:
    # 'Rights,1' read as 'Rights,!' is a footnote marker (its own fixer); 'of' is no number.
    assert not digit_shapes.learn([("Human Rights,1 of the", "Human Rights,! af the")])


def test_save_and_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shapes.tsv"
    digit_shapes.save(digit_shapes.learn([("of 15 May 1985", "of 1S May 198S")]), path, "test")
    monkeypatch.setattr(digit_shapes, "SHAPES_FILE", path)
    digit_shapes.shapes.cache_clear()
    try:
        assert digit_shapes.shapes() == {"S": (("5", 1.0),)}
    finally:
        digit_shapes.shapes.cache_clear()


def test_readings_keep_digits_and_weigh_each_shape() -> None:
    model = {"S": (("5", 0.75), ("8", 0.25)), "|": (("1", 1.0),)}
    assert digit_shapes.readings("|S", model) == {"15": 0.75, "18": 0.25}
    assert digit_shapes.readings("2S", model) == {"25": 0.75, "28": 0.25}
    assert digit_shapes.readings("2?", model) == {}  # a character never seen read for a digit


def test_the_shipped_shapes_know_the_strokes() -> None:
    model = digit_shapes.shapes()
    assert model["|"][0][0] == "1" and model["S"][0][0] == "5"


def test_a_users_model_teaches_a_digit_shape(tmp_path: Path) -> None:
    # A scanner of our own that reads a 7 as '¶' (and every 's' as 'k': a model file is a
    # confusion table first).
    assert "¶" not in digit_shapes.shapes()
    for k in range(3):
        gt = f"adopted on 17 May 1977 at its sessions, and on 27 June 2017 in {k}\n"
        (tmp_path / f"page{k}.gt.txt").write_text(gt, encoding="utf-8")
        ocr = gt.replace("7", "¶").replace("s", "k")
        (tmp_path / f"page{k}.ocr.txt").write_text(ocr, encoding="utf-8")
    model = tmp_path / "scanner.ocrfix"
    assert main(["learn", str(tmp_path), "-o", str(model)]) == 0
    text = "Recalling its resolution of 1¶ December 2021,"
    assert ocrfix.fix(text) == text  # the shipped shapes never saw '¶'
    assert ocrfix.Pipeline(model=model).fix(text) == "Recalling its resolution of 17 December 2021,"
    learned = error_model.load_digits(model)
    assert learned is not None and learned["¶"][0][0] == "7"
    assert learned["|"][0][0] == "1"  # the shipped shapes kept beside the user's
