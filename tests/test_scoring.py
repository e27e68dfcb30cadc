"""The benchmark's metric functions (benchmarks/scoring.py) on tiny hand-made examples."""

from __future__ import annotations

import pytest

from benchmarks import scoring


def test_fold_whitespace_and_dashes() -> None:
    text = "  Recalling\tits \n\n resolution\u00a02006/2 \u2013 and 5\u22123\u2014 "
    assert scoring.fold(text) == "Recalling its resolution 2006/2 - and 5-3-"
    assert scoring.fold("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g") == "a-b-c-d-e-f-g"
    assert scoring.fold(" \n\t ") == ""
    assert scoring.tokens(" \n ") == []
    assert scoring.tokens("Devel\nopment,  2006") == ["Devel", "opment,", "2006"]


def test_char_edits_ignore_layout() -> None:
    assert scoring.char_edits("follow-up to the\noutcome", "follow\u2013up  to the outcome") == 0
    assert scoring.char_edits("Requests the", "Reguests the") == 1


def test_cer_known_pair_and_pooling() -> None:
    # one substitution over 11 ground-truth characters
    assert scoring.cer([("hello world", "hellp world")]) == pytest.approx(1 / 11)
    # pooled over pairs, not a mean of ratios: (1 + 0) / (4 + 4), not (1/4 + 0/4) / 2 ...
    pairs = [("abcd", "abce"), ("wxyz", "wxyz")]
    assert scoring.cer(pairs) == pytest.approx(1 / 8)
    # ... which differs from the mean of ratios when lengths differ
    pairs = [("ab", "ax"), ("abcdefgh", "abcdefgh")]
    assert scoring.cer(pairs) == pytest.approx(1 / 10)
    assert scoring.cer([]) == 0.0


def test_improvement_sign() -> None:
    assert scoring.improvement(10, 4) == pytest.approx(0.6)
    assert scoring.improvement(10, 10) == 0.0
    worse = scoring.improvement(10, 25)
    assert worse is not None and worse < 0
    assert worse == pytest.approx(-1.5)
    assert scoring.improvement(0, 3) is None


def test_one_fixed_one_broken_one_missed_one_bad_fix() -> None:
    gt = "Requests that the programmes be implemented in Africa"
    ocr = "Reguests that the programmes be imp1emented in Afnca"
    out = "Requests that the programs be imp1emented in Afina"
    outcomes = scoring.token_outcomes(gt, ocr, out)
    status = {t.gt: t.status for t in outcomes}
    assert status == {
        "Requests": scoring.FIXED,
        "that": scoring.RIGHT,
        "the": scoring.RIGHT,
        "programmes": scoring.BROKEN,
        "be": scoring.RIGHT,
        "implemented": scoring.MISSED,
        "in": scoring.RIGHT,
        "Africa": scoring.BAD_FIX,
    }
    counts = scoring.count_outcomes(outcomes)
    assert (counts.fixed, counts.broken, counts.missed, counts.bad_fix) == (1, 1, 1, 1)
    assert counts.gt_tokens == 8
    assert counts.right_ocr == 5  # that, the, programmes, be, in
    assert counts.right_out == 5  # Requests, that, the, be, in
    assert counts.wrong_ocr == 3
    assert scoring.broken_per_10k(counts) == pytest.approx(2000.0)


def test_counts_add() -> None:
    a = scoring.TokenCounts(gt_tokens=3, right_ocr=2, fixed=1)
    b = scoring.TokenCounts(gt_tokens=4, right_ocr=4, broken=1)
    total = a + b
    assert (total.gt_tokens, total.right_ocr, total.fixed, total.broken) == (7, 6, 1, 1)


def test_split_word_classified_split() -> None:
    gt = "Population and Development resolution"
    ocr = "Population and Devel opment resolution"
    outcomes = scoring.token_outcomes(gt, ocr, ocr)
    (wrong,) = [t for t in outcomes if t.status != scoring.RIGHT]
    assert wrong.gt == "Development"
    assert wrong.ocr == ("Devel", "opment")
    assert wrong.status == scoring.MISSED
    assert wrong.error_class == "split"
    assert scoring.error_class("Development", ["Devel", "opment"]) == "split"


def test_other_error_classes() -> None:
    outcomes = scoring.token_outcomes(
        "11. Decides to include", "11. Decidesto include", "11. Decides to include"
    )
    merged = [t for t in outcomes if t.status == scoring.FIXED]
    assert [(t.gt, t.error_class) for t in merged] == [("Decides", "merge"), ("to", "merge")]
    assert all(t.ocr == ("Decidesto",) for t in merged)
    assert scoring.error_class("Families,2", ["Families,?"]) == "marker"
    assert scoring.error_class("Discrimination,4", ["Discrimination,"]) == "marker"
    assert scoring.error_class("Persons,", ["Persons,1"]) == "marker"
    assert scoring.error_class("2006", ["20061"]) == "digit/roman"
    assert scoring.error_class("Families,", ["Families", ","]) == "punctuation"
    assert scoring.error_class("(III).", ["(111)."]) == "digit/roman"
    assert scoring.error_class("2006", ["2O06"]) == "digit/roman"
    assert scoring.error_class("Requests", ["Reguests"]) == "character"
    assert scoring.error_class("Requests", []) == "lost"


def test_alignment_maps_region_tokens() -> None:
    gt = ["the", "Development", "of", "Decides", "to", "go"]
    ocr = ["the", "Devel", "opment", "of", "Decidesto", "go"]
    alignment = scoring.align_tokens(gt, ocr)
    assert alignment.right == (True, False, True, False, False, True)
    assert alignment.aligned == ((0,), (1, 2), (3,), (4,), (4,), (5,))


def test_false_corrections_zero_on_identical_text() -> None:
    gt = "Reaffirms the programmes of interregional cooperation, inter alia,\n"
    assert scoring.false_corrections(gt, gt) == 0
    # reflowed whitespace and dash variants are not changes either
    assert scoring.false_corrections(gt, gt.replace(" ", "\n", 1)) == 0
    assert scoring.false_corrections(gt, gt.replace("programmes", "programs")) == 1
    assert scoring.false_corrections(gt, gt.replace("interregional", "inter regional")) == 1
    assert scoring.per_10k(1, 8) == pytest.approx(1250.0)
    assert scoring.per_10k(0, 0) is None


def test_invented_markers_and_marks_counted_only_where_the_system_added_them() -> None:
    gt = "Persons with Disabilities, Families,2 and the Child, adopted"
    # OCR: a stray '?' after "Persons", a garbled marker, a lost comma
    ocr = "Persons? with Disabilities, Families,? and the Child adopted"
    out = "Persons2 with Disabilities,; Families,2 and the Child, adopted."
    outcomes = {t.gt: t for t in scoring.token_outcomes(gt, ocr, out)}
    assert scoring.invented(outcomes["Persons"])  # '?' turned into a marker: invented
    assert scoring.invented(outcomes["Disabilities,"])  # ';' added, in neither GT nor OCR
    assert scoring.invented(outcomes["adopted"])  # '.' added
    assert not scoring.invented(outcomes["Families,2"])  # the marker restored
    assert not scoring.invented(outcomes["Child,"])  # a lost comma restored
    assert scoring.count_outcomes(outcomes.values()).invented == 3


def test_invented_ignores_what_the_ocr_already_had() -> None:
    gt = "the Development Goals"
    ocr = "the Deve1opment, Goals2"
    out = "the Development, Goals2"  # the letter fixed, the OCR's comma and digit left alone
    counts = scoring.count_outcomes(scoring.token_outcomes(gt, ocr, out))
    assert counts.invented == 0
    assert counts.bad_fix == 1 and counts.missed == 1
