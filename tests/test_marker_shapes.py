from __future__ import annotations

from pathlib import Path

import ocrfix
from ocrfix import error_model, marker_shapes
from ocrfix.cli import main


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


def test_a_two_digit_marker_read_as_one_mark_is_weighed_by_the_learned_lengths() -> None:
    gt = "the Committee,20 including and its workplan,16 as and the Charter,1 and the Court,2 of"
    ocr = "the Committee,” including and its workplan,’ as and the Charter,! and the Court,? of"
    lengths = marker_shapes.learn_lengths([(gt, ocr)])
    assert lengths == {(2, 1): 2, (1, 1): 2}
    counts = {("1", "!"): 9, ("2", "”"): 3, ("6", "’"): 3}
    learned = marker_shapes.MarkerShapes(counts, lengths={(2, 1): 40, (2, 2): 10})
    unlearned = marker_shapes.MarkerShapes(counts)
    # Most two-digit markers were read as one mark: no longer a hundredth of a chance.
    assert learned.likelihood("”", 20) > 10 * unlearned.likelihood("”", 20)
    assert learned.length(1, 2) == (40 + 0.5) / (50 + 0.5 * 4)
    assert unlearned.length(1, 2) is None


def test_save_and_load_keep_the_counts_and_the_kinds(tmp_path: Path) -> None:
    model = marker_shapes.MarkerShapes(
        {("1", "!"): 3, ("6", ""): 2}, {"weak": (30, 12)}, {(2, 1): 4, (1, 1): 7}
    )
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


# A page whose counts disagree: note 3's marker was lost, and '§' stands where 2 or 3 was.
PAGE = (
    "The General Assembly,\n\n"
    "Recalling the Charter,! the Covenant,§ and the Statute of the Court and its rules,\n\n"
    "1 Resolution 217 A (III).\n\n"
    "2 Resolution 2200 A (XXI), annex.\n\n"
    "3 United Nations, Treaty Series, vol. 33, No. 993.\n"
)


def test_a_users_model_teaches_a_marker_shape_the_default_lacks(tmp_path: Path) -> None:
    # A scanner of our own that reads a superscript 2 as '§', which the real pages never did.
    assert marker_shapes.shapes().counts.get(("2", "§"), 0) == 0
    # (It reads every 's' as 'k' too: a model file is a confusion table first.)
    for k in range(8):
        gt = f"Recalling the Declaration,1 the Covenant,2 and the missions of its sessions {k},\n"
        (tmp_path / f"page{k}.gt.txt").write_text(gt, encoding="utf-8")
        ocr = gt.replace(",1 ", ",! ").replace(",2 ", ",§ ").replace("s", "k")
        (tmp_path / f"page{k}.ocr.txt").write_text(ocr, encoding="utf-8")
    model = tmp_path / "scanner.ocrfix"
    assert main(["learn", str(tmp_path), "-o", str(model)]) == 0
    default = ocrfix.fix(PAGE)
    assert "the Charter,1 the" in default and "Covenant,§ and" in default  # 2 or 3: unsure
    taught = ocrfix.Pipeline(model=model).fix(PAGE)
    assert "the Charter,1 the Covenant,2 and" in taught
    learned = error_model.load_markers(model)
    assert learned is not None and learned.counts[("2", "§")] == 8
    assert learned.counts[("1", "!")] > 8  # the shipped readings kept beside the user's
