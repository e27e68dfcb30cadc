"""The learned comma statistics (ocrfix.commas) and the punctuation decisions they drive."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocrfix import Pipeline
from ocrfix.commas import COMMAS_FORMAT, comma_probability, count_commas, save_commas


def test_count_commas_counts_a_comma_that_stands_alone_between_two_words() -> None:
    text = (
        "Recalling its resolutions, in particular resolution 70/1,\nand noting, the report (a; b)"
    )
    after, before, between = count_commas([text])
    assert between["resolutions in"] == 1
    assert between["noting the"] == 1
    assert after["resolutions"] == 1 and before["in"] == 1
    # not across a line break, nor beside a number ('70/1,') or another mark
    assert "and" not in before and "resolution" not in after
    assert between["a b"] == 0


def test_save_commas_keeps_the_words_and_pairs_the_un_counts_know(tmp_path: Path) -> None:
    path = tmp_path / "commas.tsv"
    save_commas(count_commas(["the States, in particular, and zzqx, in"]), path, note="test")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == [COMMAS_FORMAT, "# test"]
    assert "states\t1\t0" in lines
    assert not any(line.startswith("zzqx") for line in lines)  # a word the counts lack
    assert not (tmp_path / "commas.tsv.tmp").exists()


def test_the_shipped_counts_know_where_un_text_writes_commas() -> None:
    held, states = comma_probability("held", "in"), comma_probability("States", "in")
    assert held is not None and states is not None
    assert held < 0.01 < states
    assert comma_probability("view", "of") < 0.01  # type: ignore[operator]
    assert 0 < comma_probability("Assembly", "and") < 1  # type: ignore[operator]


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # a speck read as a full stop (real OCR of a session-78 page, light damage)
        (
            "Non-Aligned Countries, held. in Kuala Lumpur from 20 to 25 February 2003,",
            "Non-Aligned Countries, held in Kuala Lumpur from 20 to 25 February 2003,",
        ),
        (
            "debt sustainability, and, in view. of the new",
            "debt sustainability, and, in view of the new",
        ),
        # a comma read as a full stop
        (
            "Taking note of the report of the Secretary-General. in which he recommends",
            "Taking note of the report of the Secretary-General, in which he recommends",
        ),
    ],
)
def test_a_stop_before_a_lower_case_word_is_a_comma_or_a_speck(ocr: str, expected: str) -> None:
    result = Pipeline(fixers=["punctuation_spacing"]).fix_and_explain(ocr)
    assert result.text == expected
    assert len(result.edits) == 1


def test_count_stops_counts_a_stop_between_two_words_of_a_line() -> None:
    from ocrfix.commas import count_stops

    found = count_stops(["the General Assembly. The Committee met.\nThe end. of it"])
    assert found["assembly the"] == 1
    assert found["end of"] == 1
    assert found["met the"] == 0  # not across a line break


def test_a_speck_inside_a_title_goes_a_sentence_end_stays() -> None:
    from ocrfix.commas import stops_between

    stops, together = stops_between("United", "Nations")
    assert stops == 0 and together > 1000
    fix = Pipeline(fixers=["punctuation_spacing"]).fix
    # real OCR of session-78 first pages (light and medium): specks in titles
    assert fix("of the United. Nations Commission on International Trade. Law") == (
        "of the United Nations Commission on International Trade Law"
    )
    assert fix("the Convention on. Trade in Endangered Species") == (
        "the Convention on Trade in Endangered Species"
    )
    for clean in (
        "the first session of the General Assembly. The Committee met in June.",
        "as noted by the Special Committee. Recalling the report",
        "Mr. Smith and Ms. Jones",
    ):
        assert fix(clean) == clean
