from __future__ import annotations

import pytest

from .helpers import fixed


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        (
            "11. Decidesto include in the provisional agenda of its sixty-third session the",
            "11. Decides to include in the provisional agenda of its sixty-third session the",
        ),
        (
            "capacity of developing countriesin this regard,",
            "capacity of developing countries in this regard,",
        ),
        ("the report fromthe Secretary-General", "the report from the Secretary-General"),
    ],
)
def test_separates_merged_words(ocr: str, expected: str) -> None:
    assert fixed("merged_words", ocr) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "the increasing feminization of international migration",
        "regional and interregional cooperation and subregional organizations",
        "multistakeholder partnerships and stakeholders",
        "Ouagadougou and Tegucigalpa",
        "UNCTAD and UNESCO",
    ],
)
def test_leaves_unknown_but_whole_words(clean: str) -> None:
    assert fixed("merged_words", clean) == clean
