"""Hostile text: whatever Unicode comes in, ocrfix never raises, its edits point into the
original and replay to the output, a second run changes nothing, lines marked
``ocrfix: ignore`` stay as they are, and clean text is left alone. Checked for the whole
pipeline in every mode and for each fixer alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ocrfix
from ocrfix import MODES, Pipeline, Result
from ocrfix.pipeline import IGNORE_MARKER

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
NAMES = Pipeline().names

# Characters and clusters that break naive text code.
HOSTILE = [
    "\x00",
    "\x01",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\x0b",
    "\x0c",
    "\r",
    "\r\n",
    "\t",
    "\u2028",
    "\u2029",
    "\ud800",  # lone surrogates: a str may hold them, UTF-8 cannot
    "\udfff",
    "\ud83d",
    "\ufeff",  # BOM / zero-width no-break space
    "\u200b",
    "\u200d",
    "\u200e",
    "\u202e",  # right-to-left override
    "\u2066",
    "\ufffd",
    "\uffff",
    "\U0010ffff",
    "e\u0301",
    "\u0301\u0301\u0301",
    "a" + "\u0300\u0301\u0302\u0303\u0304" * 4,  # stacked combining marks
    "مرحبا بالعالم",
    "שָׁלוֹם",
    "إن الجمعية العامة،",
    "联合国大会",
    "第70/1号决议",
    "Ｒｅｑｕｅｓｔｓ",  # full width
    "𝐑𝐞𝐪𝐮𝐞𝐬𝐭𝐬",  # mathematical bold
    "Rеquеsts",  # Cyrillic е inside Latin
    "नमस्ते",
    "สวัสดี",
    "👍🏽",
    "🇺🇳",
    "👩‍👩‍👧‍👦",
    "¹²³",
    "Ã©",
    "ﬁ",
    "ß",
    "İ",
]
# What OCR output is made of, so that the fixers' rules fire around the hostile pieces.
OCR = [
    "Devel",
    "opment",
    "Decidesto",
    "Reguests",
    "Intemational",
    "Families,?",
    "Women>",
    "217 A (111)",
    "A/C.2/61/L .12",
    "AIC.2/79/L.27",
    "24-20654(E) 064124",
    "|. Takes",
    "{a) To",
    "tor the",
    "the.",
    " ;",
    "”",
    "“",
    "‘",
    "’",
    "1 See",
    "? Text",
    "\n",
    "\n\n",
    " ",
    "  ",
    ".",
    ",",
    "-",
    "the",
    "resolution",
    "The General Assembly,",
    "4. Requests",
    "(a)",
    IGNORE_MARKER,
]
ANY_CHAR = st.characters(exclude_categories=())  # surrogates included
PIECE = st.one_of(st.sampled_from(OCR), st.sampled_from(HOSTILE), st.text(ANY_CHAR, max_size=3))
GLUE = st.sampled_from(["", " ", " ", "\n", "\n\n"])
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=80),
    st.lists(st.tuples(PIECE, GLUE).map("".join), max_size=40).map("".join),
)
# A real OCR page (a draft resolution with footnotes) with hostile pieces put in anywhere.
SEED = (CORPORA / "seed" / "un_draft_migration.ocr.txt").read_text(encoding="utf-8")
DAMAGED_PAGE = st.lists(
    st.tuples(st.integers(0, len(SEED)), st.sampled_from(HOSTILE)), min_size=1, max_size=12
).map(lambda cuts: _insert(SEED, cuts))


def _insert(text: str, cuts: list[tuple[int, str]]) -> str:
    for pos, piece in sorted(cuts, reverse=True):
        text = text[:pos] + piece + text[pos:]
    return text


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str, result: Result) -> None:
    """The invariants of any result: edits sorted, disjoint, pointing into ``text`` and
    replaying to the output; each says which fixer made it, why, and how sure it is."""
    assert result.original == text
    assert isinstance(result.text, str)
    end = 0
    for edit in result.edits:
        assert end <= edit.start <= edit.end <= len(text), edit
        assert text[edit.start : edit.end] == edit.before
        assert edit.before != edit.after
        assert edit.fixer and edit.reason and 0 < edit.confidence <= 1
        assert set(edit.fixer.split("+")) <= {*NAMES, "layout"}
        end = edit.end
    assert ocrfix.apply_edits(text, result.edits) == result.text


def check_ignored_lines(text: str, result: Result) -> None:
    """No edit touches a line marked ``ocrfix: ignore`` (faithful mode)."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if IGNORE_MARKER in line:
            assert all(e.end <= start or e.start >= end for e in result.edits), line
            assert line in result.text.split("\n")
        start = end + 1


def _all_modes(text: str) -> None:
    pipeline = Pipeline()
    for mode in MODES:
        result = pipeline.fix_and_explain(text, mode)
        check(text, result)
        if mode == "faithful":
            check_ignored_lines(text, result)
            assert pipeline.fix(result.text) == result.text  # idempotent
        if mode == "structured":
            assert result.structure is not None
            json.loads(pipeline.fix(text, mode))


@FAST
@given(TEXT)
def test_the_pipeline_survives_any_text_in_every_mode(text: str) -> None:
    _all_modes(text)


@pytest.mark.slow
@SLOW
@given(TEXT)
def test_the_pipeline_survives_any_text_in_every_mode_long(text: str) -> None:
    _all_modes(text)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DAMAGED_PAGE)
def test_a_real_page_with_hostile_pieces_anywhere(text: str) -> None:
    _all_modes(text)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DAMAGED_PAGE)
def test_a_real_page_with_hostile_pieces_anywhere_long(text: str) -> None:
    _all_modes(text)
    for name in NAMES:
        _alone(name, text)


def _alone(name: str, text: str) -> None:
    pipeline = Pipeline(fixers=[name])
    result = pipeline.fix_and_explain(text)
    check(text, result)
    check_ignored_lines(text, result)
    assert pipeline.fix(result.text) == result.text, name  # idempotent alone too


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_each_fixer_alone_survives_any_text(name: str, text: str) -> None:
    _alone(name, text)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_each_fixer_alone_survives_any_text_long(name: str, text: str) -> None:
    _alone(name, text)


@pytest.mark.parametrize("piece", HOSTILE, ids=[ascii(p)[1:-1][:24] for p in HOSTILE])
def test_each_hostile_piece_inside_ocr_text(piece: str) -> None:
    # Every fixer alone and the pipeline in every mode, the piece glued to each artefact.
    text = piece.join(OCR) + "\n" + " ".join([piece, *OCR, piece]) + piece * 3
    _all_modes(text)
    for name in NAMES:
        _alone(name, text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "\n\n\n",
        " ",
        "\t\t",
        "\r\n",
        "\x00",
        "�",
        "\ufeff",
        IGNORE_MARKER,
        "a",
        "² Devel",
        "Women²\n\n² See the report.\n",
        "٣ See the report.\n",
    ],  # '²'.isdigit()
    ids=repr,
)
def test_degenerate_texts(text: str) -> None:
    _all_modes(text)
    for name in NAMES:
        _alone(name, text)


def _ground_truths() -> list[str]:
    files = sorted(CORPORA.glob("pages/*.gt.txt")) + sorted(CORPORA.glob("seed/*.gt.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


GROUND_TRUTHS = _ground_truths()
GT_LINES = sorted({line for text in GROUND_TRUTHS for line in text.splitlines(keepends=True)})


def test_the_ground_truths_are_clean_text() -> None:
    assert len(GROUND_TRUTHS) >= 50 and len(GT_LINES) > 1000


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_runs_of_clean_lines_are_unchanged(data: st.DataObject) -> None:
    # Any run of whole lines of any ground truth, and any single line, is clean text.
    text = data.draw(st.sampled_from(GROUND_TRUTHS))
    lines = text.splitlines(keepends=True)
    start = data.draw(st.integers(0, len(lines) - 1))
    end = data.draw(st.integers(start + 1, min(len(lines), start + 30)))
    for clean in ("".join(lines[start:end]), data.draw(st.sampled_from(GT_LINES))):
        assert ocrfix.fix(clean) == clean
        for name in NAMES:
            assert Pipeline(fixers=[name]).fix(clean) == clean, name


@pytest.mark.slow
def test_every_clean_line_and_page_is_unchanged() -> None:
    changed = [line for line in GT_LINES if ocrfix.fix(line) != line]
    changed += [text[:80] for text in GROUND_TRUTHS if ocrfix.fix(text) != text]
    assert changed == []
