"""The noisy-channel scorer: posteriors, the keep hypothesis, and edits' confidence."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ocrfix
from ocrfix.calibration import default_calibration
from ocrfix.confusions import BUILT_IN
from ocrfix.lexicon import default_lexicon
from ocrfix.noisy_channel import (
    Weights,
    count_skips,
    count_words,
    domain_counts,
    domain_skips,
    language_score,
    rank,
)
from ocrfix.pipeline import ConfigError

SEED = Path(__file__).resolve().parent.parent / "corpora" / "seed"
LEX = default_lexicon()
WEIGHTS = Weights()


def _costs(token: str, *words: str) -> dict[str, float]:
    return {w: BUILT_IN.distance(token, w) for w in words}


def test_a_common_confusion_wins_and_keeping_loses() -> None:
    # 'Reguests' (q read as g) in the seed draft resolution
    ranking = rank(
        "reguests",
        _costs("reguests", "requests", "bequests"),
        ("", "the"),
        LEX,
        WEIGHTS,
        WEIGHTS.unknown,
    )
    assert ranking.best == "requests" and ranking.posterior > WEIGHTS.threshold
    assert ranking.choice(WEIGHTS.threshold) == "requests"
    assert {w for w, _ in ranking.hypotheses} == {"reguests", "requests", "bequests"}


def test_a_name_is_kept_when_the_evidence_is_thin() -> None:
    # 'Gotan' (Golan, a name) read on a real page: a name prior keeps an unknown capitalised
    # word unless the misreading is far likelier than a name of its own
    costs = _costs("gotan", "golan")
    as_name = rank("Gotan", costs, ("the", "Heights"), LEX, WEIGHTS, keep=30.0)
    assert as_name.choice(WEIGHTS.threshold) is None and as_name.best == "Gotan"


@given(
    st.dictionaries(
        st.sampled_from(["nations", "notions", "rations", "motions"]), st.floats(0, 2), min_size=1
    ),
    st.floats(-5, 20),
)
def test_posteriors_are_a_distribution_best_first(costs: dict[str, float], keep: float) -> None:
    ranking = rank("naticns", costs, ("United", "and"), LEX, WEIGHTS, keep)
    ps = [p for _, p in ranking.hypotheses]
    assert math.isclose(sum(ps), 1.0) and ps == sorted(ps, reverse=True)
    assert len(ps) == len(costs) + 1  # every candidate, and the token kept


def test_an_edit_carries_its_posterior_and_names_the_runner_up() -> None:
    text = "Reguests the Secretary-General to report"
    raw = ocrfix.Pipeline(config={"character_confusions": {"calibrated": False}})
    (edit,) = [e for e in raw.fix_and_explain(text).edits if e.fixer == "character_confusions"]
    assert edit.after == "Requests"
    assert WEIGHTS.threshold <= edit.confidence <= 1.0
    assert "next:" in edit.reason and "P = " in edit.reason
    # By default the confidence is the share of edits right at that posterior (calibrated on
    # the training pages), which the reason's posterior overstates.
    (shown,) = [e for e in ocrfix.fix_and_explain(text).edits if e.fixer == "character_confusions"]
    assert shown.after == edit.after and shown.reason == edit.reason
    assert shown.confidence == default_calibration().confidence(edit.confidence)
    assert 0.5 < shown.confidence <= edit.confidence


def test_min_confidence_drops_the_less_confident_edits() -> None:
    text = (SEED / "un_draft_migration.ocr.txt").read_text(encoding="utf-8")
    edits = ocrfix.fix_and_explain(text).edits
    cut = sorted({e.confidence for e in edits})[-1]
    strict = ocrfix.Pipeline(min_confidence=cut).fix_and_explain(text).edits
    assert strict and all(e.confidence >= cut for e in strict)
    assert len(strict) < len(edits)
    with pytest.raises(ConfigError, match="min_confidence"):
        ocrfix.Pipeline(min_confidence=1.5)


def test_the_un_counts_speak_for_the_un_word() -> None:
    # 'Sixth Committe' (a real page, session 78): 'committee' and 'committed' are one letter
    # away; the UN resolutions' counts, beside the general English ones, say which
    counts = domain_counts()
    assert counts.words["committee"] > 10 * counts.words["committed"]
    assert counts.pairs["sixth committee"] > 0
    assert language_score("committee", ("Sixth", ""), LEX, WEIGHTS.context) > language_score(
        "committed", ("Sixth", ""), LEX, WEIGHTS.context
    )
    text = "on the recommendation of the Sixth Committe, the General Assembly"
    assert ocrfix.fix(text) == text.replace("Committe,", "Committee,")


def test_counts_are_counted_within_lines() -> None:
    words, pairs = count_words(["Requests the Secretary-General\nto report", "the report"])
    assert words["the"] == 2 and words["secretary-general"] == 1
    assert pairs["the secretary-general"] == 1 and pairs["secretary-general to"] == 0


def test_count_capitals_counts_uses_inside_sentences() -> None:
    from ocrfix.noisy_channel import count_capitals

    text = "Recalling the report of the Committee. Committee members and the committee met"
    capitalised, inside = count_capitals([text])
    assert inside["committee"] == 2  # after a full stop a capital says nothing
    assert capitalised["committee"] == 1
    assert "recalling" not in inside  # the start of the text


def test_the_shipped_capital_counts_tell_titles_from_common_words() -> None:
    from ocrfix.noisy_channel import capital_log_share

    assert capital_log_share("Committee") > capital_log_share("area") > capital_log_share("arena")
    assert capital_log_share("assembly") > -0.1  # nearly always 'Assembly' inside a sentence
    assert capital_log_share("the") < -3


def test_a_name_is_not_taken_for_a_word_the_un_never_capitalises() -> None:
    # From a session-78 resolution's own text: a town, not 'Area'.
    text = "used sulfur mustard in Marea, Syrian Arab Republic"
    assert ocrfix.Pipeline(fixers=["character_confusions"]).fix(text) == text


def test_skip_pairs_are_words_two_apart_within_lines() -> None:
    skips = count_skips(["that a crime may have\nbeen committed"])
    assert skips == {"that crime": 1, "a may": 1, "crime have": 1}  # (none across lines)


def test_the_words_two_apart_speak_for_the_un_word() -> None:
    # Session-78 resolutions write 'that a crime ... have', never 'that a time ... have'.
    lex = default_lexicon()
    assert domain_skips().get("that crime", 0) > domain_skips().get("that time", 0)
    near = ("a", "may")
    far = ("that", "have")
    plain = language_score("crime", near, lex, 0.5) - language_score("time", near, lex, 0.5)
    wide = language_score("crime", near, lex, 0.5, far, 0.5) - language_score(
        "time", near, lex, 0.5, far, 0.5
    )
    assert wide > plain
