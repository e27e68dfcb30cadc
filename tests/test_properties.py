"""What must always hold, for any input: no exception, edits replay, idempotence, clean text
unchanged."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ocrfix

# Text built from pieces OCR output is made of, so the fixers' rules actually fire.
PIECES = st.sampled_from(
    [
        "Devel",
        "opment",
        "Decidesto",
        "countriesin",
        "Reguests",
        "Families,?",
        "Women>",
        "Child,®",
        "217 A (111)",
        "A/C.2/61/L .12",
        " ;",
        "”",
        "“",
        "2",
        "1 See",
        "\n",
        "\n\n",
        " ",
        "  ",
        ".",
        ",",
        "the",
        "and",
        "resolution",
        "Intemational",
        "ﬁ",
        "Ã©",
        "?",
        ":",
        "4. ",
        "(a)",
        "ocrfix: ignore",
        "é",
        "日本",
        "مرحبا",
        "\x00",
        "\ud800",
        "\u0301",
    ]
)
OCR_LIKE = st.lists(PIECES, max_size=40).map(" ".join) | st.text(max_size=200)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(OCR_LIKE)
def test_edits_replay_to_the_output(text: str) -> None:
    result = ocrfix.fix_and_explain(text)
    assert ocrfix.apply_edits(text, result.edits) == result.text
    for edit in result.edits:
        assert text[edit.start : edit.end] == edit.before


@FAST
@given(OCR_LIKE)
def test_fix_is_idempotent(text: str) -> None:
    once = ocrfix.fix(text)
    assert ocrfix.fix(once) == once


@FAST
@given(st.data())
def test_clean_text_is_unchanged(seed_gt: str, data: st.DataObject) -> None:
    # Any run of whole lines of the ground truth is clean text.
    lines = seed_gt.splitlines(keepends=True)
    start = data.draw(st.integers(0, len(lines) - 1))
    end = data.draw(st.integers(start + 1, len(lines)))
    clean = "".join(lines[start:end])
    assert ocrfix.fix(clean) == clean
