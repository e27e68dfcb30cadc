"""The confidence of the word scorer's edits: a monotone map from posterior to share right."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocrfix.calibration import (
    CALIBRATION_FILE,
    IDENTITY,
    Calibration,
    CalibrationError,
    default_calibration,
    edit_rightness,
    fit,
    load,
    save,
)


def test_fit_pools_adjacent_violators_into_rising_steps() -> None:
    # Low posteriors right one time in two, high ones nine times in ten, a dip between.
    samples = [(0.99 + i * 1e-5, i % 2 == 0) for i in range(40)]
    samples += [(0.9995, i % 4 != 0) for i in range(40)]  # 0.75
    samples += [(0.9996, i % 3 == 0) for i in range(30)]  # 0.33: pooled with the step before
    samples += [(0.99999, i % 10 != 0) for i in range(40)]
    found = fit(samples, min_step=30)
    shares = [share for _, share, _ in found.steps]
    assert shares == sorted(shares) and len(found.steps) == 3
    assert all(n >= 30 for _, _, n in found.steps)
    assert sum(n for _, _, n in found.steps) == len(samples)
    assert found.confidence(0.99) == pytest.approx(0.5)
    assert found.confidence(0.999999) == pytest.approx(0.9)
    assert found.confidence(0.5) == found.steps[0][1]  # (below the first step: the first)


@given(st.lists(st.tuples(st.floats(0.5, 1.0), st.booleans()), max_size=300))
def test_fitted_confidence_never_falls_as_the_posterior_rises(samples) -> None:  # type: ignore[no-untyped-def]
    found = fit(samples, min_step=10)
    values = [found.confidence(p) for p in (0.5, 0.9, 0.99, 0.999, 0.99999, 1.0)]
    assert values == sorted(values) and all(0 <= v <= 1 for v in values)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    found = Calibration(((0.99, 0.6, 40), (0.999, 0.9, 50)))
    save(found, tmp_path / "c.tsv", note="a test")
    assert load(tmp_path / "c.tsv") == found
    assert IDENTITY.confidence(0.993) == 0.993


def test_a_file_that_is_no_calibration_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "x.tsv").write_text("hello\n", encoding="utf-8")
    with pytest.raises(CalibrationError, match="not an ocrfix calibration"):
        load(tmp_path / "x.tsv")
    (tmp_path / "y.tsv").write_text("# ocrfix confidence 1\n0.99\tmany\t3\n", encoding="utf-8")
    with pytest.raises(CalibrationError, match="line 2"):
        load(tmp_path / "y.tsv")


def test_the_shipped_calibration_says_a_posterior_of_099_overstates() -> None:
    assert CALIBRATION_FILE.is_file()
    shipped = default_calibration()
    assert shipped.confidence(0.99) < 0.8 < shipped.confidence(1.0)


def test_edit_rightness_judges_each_edit_in_its_token() -> None:
    gt = "Requests the Secretary-General to report, in accordance with"
    ocr = "Reguests the Secretary-General lo report, in accordanee wiih"
    spans = [
        (0, 8, "Requests"),  # writes the GT word
        (56, 60, "wish"),  # a word, not the GT's
        (45, 55, "accordance"),  # the GT's word
        (31, 40, "to report"),  # two tokens: not judged
    ]
    assert edit_rightness(gt, ocr, spans) == [True, False, True, None]
