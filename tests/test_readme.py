"""The README's Python examples run, and say what they print."""

from __future__ import annotations

import re
from pathlib import Path

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, re.S)


def test_api_example_runs_and_its_comments_are_true() -> None:
    block = python_blocks()[0]
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), namespace)
    import ocrfix

    # The results the example states in its comments.
    assert ocrfix.fix("Reguests the Secretary-General to submit a report") == (
        "Requests the Secretary-General to submit a report"
    )
    result = ocrfix.fix_and_explain("11. Decidesto include in the provisional agenda")
    assert result.text == "11. Decides to include in the provisional agenda"
    (edit,) = result.edits
    assert (edit.start, edit.end, edit.before, edit.after, edit.fixer) == (
        4,
        13,
        "Decidesto",
        "Decides to",
        "merged_words",
    )


def test_reading_mode_example_runs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    block = next(b for b in python_blocks() if 'mode="reading"' in b)
    exec(compile(block, "README.md", "exec"), {})
