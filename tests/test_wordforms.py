"""Well-formed words the lexicon lacks (from the clean English corpus) against OCR damage
(from the benchmark pages): the first are words, the second are not."""

from __future__ import annotations

import pytest

from ocrfix import Pipeline
from ocrfix.wordforms import well_formed

LEX = Pipeline().lexicon


@pytest.mark.parametrize(
    "word",
    [
        "formatters",  # format + ending
        "accessors",
        "parameterization",
        "neighborhood",  # the American spelling of a known word
        "scandalised",
        "serialisation",
        "traveled",
        "backend",  # two words joined
        "namespace",
        "wordlist",
        "backend",
        "bugfix",
    ],
)
def test_words_the_lexicon_lacks(word: str) -> None:
    assert well_formed(word, LEX)


@pytest.mark.parametrize(
    "damage",
    [
        "Reguests",
        "Intemational",
        "developmemt",
        "Govemment",
        "Staternent",
        "cornmittee",
        "sustainahle",
        "inforrnation",
        "Secretarv",
        "countnes",
        "horders",
        "teport",
        "evety",
    ],
)
def test_ocr_damage_is_not_well_formed(damage: str) -> None:
    assert not well_formed(damage, LEX)
