"""General English that is no UN text and holds no OCR errors (corpora/clean, written by the
team): every change ocrfix makes there is a false correction."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ocrfix import Pipeline

CLEAN = sorted((Path(__file__).resolve().parent.parent / "corpora" / "clean").glob("*.txt"))
PIPELINE = Pipeline()
#: Unknown terms of art ('args', 'rewetting') still draw a few corrections from
#: character_confusions: at most this many per 10,000 words (10 in 6,999 measured).
MAX_PER_10K = 20


def test_the_corpus_is_there() -> None:
    assert len(CLEAN) >= 8


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_no_fixer_but_character_confusions_changes_clean_english(path: Path) -> None:
    result = PIPELINE.fix_and_explain(path.read_text(encoding="utf-8"))
    assert {e.fixer for e in result.edits} <= {"character_confusions"}, result.edits


def test_false_corrections_stay_rare() -> None:
    words = 0
    changed: Counter[str] = Counter()
    for path in CLEAN:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        for edit in PIPELINE.fix_and_explain(text).edits:
            changed[edit.before] += 1
    assert sum(changed.values()) * 10_000 <= MAX_PER_10K * words, changed
