from __future__ import annotations

from pathlib import Path

from ocrfix import marker_shapes


def test_learn_counts_what_each_marker_digit_was_read_as() -> None:
    gt = "the Paris Agreement,2 and the Convention;13 2. Decides, adopted in 2008,1 Recalling"
    ocr = "the Paris Agreement.? and the Convention;!® 2. Decides, adopted in 2008, Recalling"
    counts = marker_shapes.learn([(gt, ocr)])
    # '.' for the comma before a marker is the comma's error, not the marker's; '' is lost.
    assert counts == {("2", "?"): 1, ("1", "!"): 1, ("3", "®"): 1, ("1", ""): 1}


def test_numbers_that_are_not_markers_are_not_counted() -> None:
    gt = "document A/78/L.5/Rev.1 of 12 May 2023 and resolution 77/44 of the Assembly"
    ocr = "document A/78/L.S/Rev.l of 12 May 2023 and resolution 77/44 af the Assembly"
    assert not marker_shapes.learn([(gt, ocr)])


def test_ratio_points_at_the_number_a_reading_is_usual_for() -> None:
    model = marker_shapes.MarkerShapes({("1", "!"): 9, ("2", "?"): 6, ("3", "?"): 2, ("3", "*"): 4})
    assert model.ratio("!", 1) > 1 > model.ratio("!", 2)
    assert model.ratio("?", 2) > model.ratio("?", 3) > model.ratio("?", 1)
    assert model.likelihood("!?", 12) == model.char("!", "1") * model.char("?", "2")


def test_save_and_load_keep_the_counts_and_the_kinds(tmp_path: Path) -> None:
    model = marker_shapes.MarkerShapes({("1", "!"): 3, ("6", ""): 2}, {"weak": (30, 12)})
    path = tmp_path / "markers.tsv"
    marker_shapes.save(model, path, note="test")
    loaded = marker_shapes.load(path)
    assert loaded == model
    assert loaded.text_prior("weak") == 13 / 44
    assert loaded.lost() == (2 + 0.5) / (5 + 1)
    assert marker_shapes.load(tmp_path / "missing.tsv").counts == {}


def test_the_shipped_model_knows_the_un_typesetting() -> None:
    model = marker_shapes.shapes()
    assert model.ratio("!", 1) > 3  # a superscript 1 reads as '!'
    assert model.ratio("?", 2) > 1 and model.ratio("®", 6) > 1
    assert model.text_prior("strong") < model.text_prior("weak") < model.text_prior("doubtful")
