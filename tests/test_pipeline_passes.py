"""Passes until stable: a stage is not run again on a text every stage has left unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

import ocrfix
from ocrfix.edits import Edit, apply_edits
from ocrfix.fixers.base import Context
from ocrfix.pipeline import MAX_PASSES


@dataclass
class _Recorder:
    """A stage that replaces ``old`` by ``new`` and records the texts it was given."""

    old: str
    new: str
    seen: list[str] = field(default_factory=list)
    name: ClassVar[str] = "recorder"
    language_independent: ClassVar[bool] = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        self.seen.append(text)
        start = text.find(self.old)
        if start >= 0:
            yield Edit(start, start + len(self.old), self.old, self.new, self.name, "test", 1.0)


def _pipeline(*stages: _Recorder) -> ocrfix.Pipeline:
    pipeline = ocrfix.Pipeline(fixers=[])
    pipeline.stages = stages
    return pipeline


def _full_passes(stages: tuple[_Recorder, ...], text: str) -> str:
    """The text after every pass of every stage (no run skipped), as the pipeline was."""
    for _ in range(MAX_PASSES):
        changed = False
        for stage in stages:
            edits = list(stage.propose(text, Context(ocrfix.Lexicon(english=False, un=False))))
            if edits:
                changed = True
                text = apply_edits(text, edits)
        if not changed:
            break
    return text


def test_stages_after_the_last_change_are_not_run_again() -> None:
    a, b, c = _Recorder("x", "y"), _Recorder("y", "z"), _Recorder("q", "r")
    result = _pipeline(a, b, c).fix_and_explain("x")
    assert result.text == "z"
    # Pass 1: a, b (changes), c; pass 2: a and b again, and c would see the text it saw.
    assert a.seen == ["x", "z"] and b.seen == ["y", "z"] and c.seen == ["z"]


def test_clean_text_runs_each_stage_once() -> None:
    stages = (_Recorder("x", "y"), _Recorder("y", "z"))
    assert _pipeline(*stages).fix("abc") == "abc"
    assert [s.seen for s in stages] == [["abc"], ["abc"]]


def test_the_same_text_as_full_passes() -> None:
    for text in ["xq", "qx", "xxx", "yq x", "", "abc"]:
        make = lambda: (_Recorder("x", "y"), _Recorder("q", "x"), _Recorder("y", "z"))  # noqa: E731
        assert _pipeline(*make()).fix(text) == _full_passes(make(), text), text
