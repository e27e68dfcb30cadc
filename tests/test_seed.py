"""The whole real OCR sample: every artefact a reader can repair is repaired, nothing else."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

import ocrfix


def fold(text: str) -> list[str]:
    return re.sub(r"\s+", " ", text).strip().split(" ")


def wrong_tokens(gt: str, text: str) -> list[str]:
    gt_tokens, tokens = fold(gt), fold(text)
    return [
        token
        for op in Levenshtein.opcodes(gt_tokens, tokens)
        if op.tag != "equal"
        for token in gt_tokens[op.src_start : op.src_end]
    ]


def test_every_artefact_of_the_sample_is_repaired(seed_ocr: str, seed_gt: str) -> None:
    before = wrong_tokens(seed_gt, seed_ocr)
    after = wrong_tokens(seed_gt, ocrfix.fix(seed_ocr))
    assert len(before) == 19
    # Left: 'United Nation system', a real word in the wrong place.
    assert after == ["Nations"]


def test_ground_truth_is_left_alone(seed_gt: str) -> None:
    assert ocrfix.fix_and_explain(seed_gt).edits == ()


def test_repairs_are_explained(seed_ocr: str) -> None:
    fixers = {e.fixer for e in ocrfix.fix_and_explain(seed_ocr).edits}
    assert fixers >= {
        "split_words",
        "merged_words",
        "paragraph_openers",  # '10. Reguests': the sample's letter confusion opens a paragraph
        "footnote_markers",
        "document_symbols",
        "punctuation_spacing",
    }
