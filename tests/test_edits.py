from __future__ import annotations

import pytest

from ocrfix.edits import Edit, apply_edits, compose, non_overlapping


def edit(start: int, before: str, after: str, fixer: str = "f") -> Edit:
    return Edit(start, start + len(before), before, after, fixer, "test")


def test_apply_edits_replays_in_order() -> None:
    text = "Devel opment and Reguests"
    edits = [edit(17, "Reguests", "Requests"), edit(0, "Devel opment", "Development")]
    assert apply_edits(text, edits) == "Development and Requests"


def test_apply_edits_rejects_a_stale_edit() -> None:
    with pytest.raises(ValueError):
        apply_edits("abc", [edit(0, "x", "y")])


def test_edit_checks_its_span() -> None:
    with pytest.raises(ValueError):
        Edit(0, 3, "ab", "x", "f", "r")


def test_non_overlapping_keeps_the_first() -> None:
    kept = non_overlapping([edit(0, "abc", "x"), edit(1, "b", "y"), edit(4, "d", "d")])
    assert kept == [edit(0, "abc", "x")]


def test_compose_maps_later_stages_back_to_the_original() -> None:
    original = "Decidesto include the Devel opment item"
    first = [edit(22, "Devel opment", "Development")]
    current = apply_edits(original, first)
    done = compose(original, [], original, first)
    second = [edit(0, "Decidesto", "Decides to")]
    done = compose(original, done, current, second)
    final = apply_edits(current, second)
    assert apply_edits(original, done) == final
    assert [e.before for e in done] == ["Decidesto", "Devel opment"]


def test_compose_merges_edits_that_touch() -> None:
    original = "Families ,?"
    first = [edit(8, " ", "")]
    current = apply_edits(original, first)  # "Families,?"
    second = [edit(8, ",?", ",2", fixer="g")]
    done = compose(original, compose(original, [], original, first), current, second)
    assert apply_edits(original, done) == "Families,2"
    assert [(e.start, e.end, e.before, e.after, e.fixer) for e in done] == [
        (8, 11, " ,?", ",2", "f+g")
    ]
