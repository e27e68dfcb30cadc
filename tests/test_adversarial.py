"""Adversarial input never hangs: huge lines and tokens, floods of footnote-like lines, runs of
punctuation, text that is mostly digits, and the shapes that made a regular expression
backtrack without end. Each case runs in a subprocess under a generous timeout, so that a
hang fails the test instead of blocking the run; none asserts a speed (linear time is shown
by benchmarks/speed.py, not here).

Regexes found super-linear and rewritten: the job-number footer (exponential on a run of
dashes), the word tokenizer (quadratic on a long token before '/', or on a run of '|'), the
line-end hyphen of the layout (quadratic on a long word), the paragraph splitter (a state
per character: 1.3 GB for a 10 MB paragraph). Scans rewritten: stray quotes and footnote
markers (the paragraph recounted for each mark), footnote numbering and footnote zones (each
note rescanned the notes after it).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
SEED = ROOT / "corpora" / "seed" / "un_draft_migration.ocr.txt"


def isolated(call: str, timeout: float = 120) -> None:
    """Run ``test_adversarial.<call>`` in a fresh interpreter; fail if it raises or hangs."""
    code = (
        f"import sys; sys.path[:0] = [{str(ROOT)!r}, {str(TESTS)!r}]; "
        f"import test_adversarial as t; t.{call}"
    )
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    except subprocess.TimeoutExpired as exc:
        done = (exc.stdout or b"")[-2000:]
        pytest.fail(f"{call} did not finish in {timeout} s (a hang); it got through:\n{done!r}")
    assert proc.returncode == 0, proc.stderr[-4000:]


# -- what runs in the subprocess ------------------------------------------------------------


def survive(text: str, modes: tuple[str, ...] = ("faithful",), alone: bool = False) -> None:
    """Fix ``text`` in ``modes`` (and with each fixer alone): no exception, edits replay."""
    import ocrfix
    from ocrfix import Pipeline

    pipeline = Pipeline()
    for mode in modes:
        result = pipeline.fix_and_explain(text, mode)  # type: ignore[arg-type]
        assert ocrfix.apply_edits(text, result.edits) == result.text
        print(f"{mode}: {len(text)} characters, {len(result.edits)} edits", flush=True)
    if alone:
        for name in pipeline.names:
            result = Pipeline(fixers=[name]).fix_and_explain(text)
            assert ocrfix.apply_edits(text, result.edits) == result.text
            print(f"{name} alone: {len(result.edits)} edits", flush=True)


def long_line(size: int, modes: tuple[str, ...]) -> None:
    """Real OCR text (the seed page) as one line of ``size`` characters."""
    line = " ".join(SEED.read_text(encoding="utf-8").split()) + " "
    survive((line * (size // len(line) + 1))[:size], modes)


TOKENS = {
    "letters": "a",
    "word": "Reguests",
    "pipes": "|",
    "letters and digits": "a1",
    "digits": "1",
    "accented": "é",
    "capitals": "AB",
}


def long_tokens(size: int, modes: tuple[str, ...], alone: bool, tails: int = 3) -> None:
    """Tokens of ``size`` characters with no space, then a mark that refuses a word."""
    for unit in TOKENS.values():
        token = unit * (size // len(unit))
        for after in ("/", "-\nnext", "--")[:tails]:
            survive(f"Recalls {token}{after} the report\n", modes, alone)


NOTE_LINES = [
    "{n} See the report of the Secretary-General (A/61/188).",
    "? text",
    "? Text of a note whose mark OCR garbled.",
    "* On behalf of the Group of 77 and China.",
    "“ Quoted text",
    "’ Resolution 69/313, annex.",
    "Body text that goes on",
]


def note_lines(count: int, modes: tuple[str, ...], kinds: int = len(NOTE_LINES)) -> None:
    """``count`` footnote-like lines of each kind (the first ``kinds``), then all kinds
    interleaved."""
    for shape in NOTE_LINES[:kinds]:
        survive("".join(shape.format(n=i % 999 + 1) + "\n" for i in range(count)), modes)
    mixed = [NOTE_LINES[i % len(NOTE_LINES)].format(n=i % 999 + 1) for i in range(count)]
    survive("\n".join(mixed) + "\n", modes)


PUNCTUATION = [".", ",", ";", ":", "?", "!", "’", "'", "”", "“", "(", ")", "-", "—", "|", "*"]


def punctuation_runs(size: int, modes: tuple[str, ...]) -> None:
    for mark in PUNCTUATION:
        survive(f"word {mark * size} word\n", modes)
        survive(f"word{f' {mark}' * (size // 2)} word\n", modes)
    mixed = "".join(PUNCTUATION)
    survive(("a " + mixed + " ") * (size // (len(mixed) + 3)), modes)
    survive(("the. of, and: " * (size // 14)), modes)


def mostly_digits(size: int, modes: tuple[str, ...]) -> None:
    survive("1234567890" * (size // 10), modes)
    survive("12 345 6789 10/11 2006/2 A/61/L.12 217 A (111) 24-20654 " * (size // 56), modes)
    survive("\n".join(f"{i}. {i}" for i in range(size // 12)), modes)
    survive(("24-12345" + "-" * 60 + "010203\n") * (size // 75), modes)


def regex_shapes() -> None:
    """The inputs that made each rewritten regex super-linear, on the regex and its fixer."""
    from ocrfix.fixers import _words, document_symbols, paragraph_endings
    from ocrfix.language import other_language_spans
    from ocrfix.layout import paragraphs

    n = 100_000
    shapes: list[tuple[re.Pattern[str], str]] = [
        (document_symbols._JOB_FOOTER.first, "24-12345" + "-" * 60 + "x"),  # exponential
        (document_symbols._JOB_FOOTER.first, "24-12345" + " " * n + "x"),
        (document_symbols._JOB_FOOTER.first, "24-12345" + " -" * n + "x"),
        (document_symbols._JOB_FOOTER.rest, "\n24-12345" + " -" * n + "x"),
        (_words.WORD, "a" * n + "/"),
        (_words.WORD, "|" * n),
        (_words.WORD, "|a" * n + "/"),
        (_words.WORD, "a1" * n + "@"),
        (paragraphs._HYPHEN_END, "a" * n + "--"),
        (paragraph_endings._PARAGRAPH, "word " * n),
    ]
    for pattern, text in shapes:
        for _ in pattern.finditer(text):
            pass
        print(f"{pattern.pattern[:40]!r} on {len(text)} characters", flush=True)
        survive(text, ("reading",) if pattern is paragraphs._HYPHEN_END else ("faithful",))
    list(other_language_spans("word " * n))
    assert paragraphs.join("a" * n + "--", "next").separator == " "


def _patterns(module: object) -> list[tuple[str, re.Pattern[str]]]:
    """The module-level regexes of ``module``, with the two of each ``AtStarts``."""
    from ocrfix.fixers._words import AtStarts
    from ocrfix.lazy_re import LazyPattern

    found: list[tuple[str, re.Pattern[str]]] = []
    for name, value in vars(module).items():
        if isinstance(value, LazyPattern):  # (compiled on first use)
            found.append((name, value.compiled()))
        elif isinstance(value, re.Pattern):
            found.append((name, value))
        elif isinstance(value, AtStarts):
            found += [(f"{name}.first", value.first), (f"{name}.rest", value.rest)]
    return found


def regex_sweep(size: int) -> None:
    """Every module-level regex of ocrfix on long runs of hostile characters, used as the code
    uses it: ``finditer`` over the whole text, or, for those the code only applies at one
    position or inside a short window, ``match`` and ``fullmatch`` and a bounded search."""
    import importlib
    import pkgutil

    import ocrfix

    windowed = {  # pattern -> how the code bounds it
        "fixers.footnote_markers._FOOTER": "match after blank space",
        "fixers.footnote_markers._TITLE_RUN": "search in the 160 characters before a comma",
        "fixers.footnote_markers._QUESTION": "search in the 200 characters before a mark",
        "fixers.paragraph_endings._PREAMBULAR": "match at a paragraph start",
        "fixers.paragraph_endings._NUMBERED": "match at a paragraph start",
        "fixers.paragraph_endings._LETTERED": "match at a paragraph start",
        "fixers.paragraph_endings._LABEL_READ": "match at a paragraph start",
        "fixers.paragraph_endings._OPERATIVE_READ": "match at a paragraph start",
        "fixers.paragraph_endings._FIRST_INNER": "fullmatch of a label's inside",
        "fixers.short_words._PREV": "search in the 30 characters before a token",
        "fixers.punctuation_spacing._WORD_BEFORE": "search in the 40 characters before a stop",
        "fixers.punctuation_spacing._TITLE_PAIR": "search in the 60 characters before a quote",
        "fixers.punctuation_spacing._PARAGRAPH_NUMBER": "search in 8 characters",
        "fixers.punctuation_spacing._PARAGRAPH_OPENING": "search in a short window",
        "fixers._words._PREV_WORD": "search in 24 characters",
        "fixers._words._NEXT_WORD": "match in 24 characters",
        "fixers._words._PREV_WORD_ABOVE": "search in 30 characters",
        "fixers._words._NEXT_WORD_BELOW": "match in 30 characters",
        "fixers._words._ITEM_START": "search in 12 characters",
        "fixers._words._TITLE": "search in 12 characters",
        "fixers.document_symbols._CITATION_CUE": "search in 60 characters",
        "fixers.split_words._GAP": "fullmatch of the gap between two pieces",
        "fixers.footnote_markers._WORD_BEFORE": "search in the 40 characters before a mark",
        "fixers.document_symbols._COMMITTEE": "search in the 40 characters before a bracket",
        "fixers.resolution_numbers._CITING": "search in the 300 characters before a list",
        "fixers.dates._LAST_WORD": "search in the 30 characters before a day",
        "fixers.dates._DAY": "search in the 8 characters before a month",
        "fixers.dates._YEAR": "match after a month",
        "openers.OPENING": "match at a paragraph start",
        "fixers.cut_lines._NO_END": "match at the first line of a short block",
        "fixers.paragraph_openers.OPENING": "match at a paragraph start",
    }
    units = [
        *"aA1 \n.,-|/?’'“(*\té大",
        *["a ", " .", "a.", "a-", "a’ ", "\n\n", " \n", "1.", "(a)", "ab/", "Ab ", "-\n"],
        *["the ", "of, ", "1 See\n", "? Text\n", "24-12345", "Il.", " /1", "—-", "ae\n"],
    ]
    texts = [(unit * (size // len(unit)))[:size] + tail for unit in units for tail in ("", "!")]
    modules = [
        importlib.import_module(m.name)
        for m in pkgutil.walk_packages(ocrfix.__path__, "ocrfix.")
        if not m.name.endswith(("__main__", ".dask"))
    ]
    count = 0
    for module in modules:
        for name, pattern in _patterns(module):
            key = f"{module.__name__.removeprefix('ocrfix.')}.{name}"
            count += 1
            for text in texts:
                pattern.match(text)
                pattern.fullmatch(text)
                if key in windowed:
                    pattern.search(text, 0, 200)
                elif key.endswith(".first"):
                    pass  # (an AtStarts' body is only matched at the start of the text)
                else:
                    for _ in pattern.finditer(text):
                        pass
            print(f"{key}: done", flush=True)
    assert count > 80  # the sweep found the regexes


# -- the tests --------------------------------------------------------------------------------

ALL_MODES = ("faithful", "reading", "structured")


def test_a_long_single_line() -> None:
    isolated("long_line(300_000, ('faithful', 'reading'))")


@pytest.mark.slow
def test_a_10_mb_single_line() -> None:
    isolated("long_line(10_000_000, ('faithful',))", timeout=900)


def test_long_tokens() -> None:
    isolated("long_tokens(100_000, ('faithful',), alone=False)")


@pytest.mark.slow
def test_1_mb_tokens_in_every_mode_and_every_fixer_alone() -> None:
    isolated(f"long_tokens(1_000_000, {ALL_MODES!r}, alone=True, tails=2)", timeout=900)


def test_footnote_like_lines() -> None:
    isolated("note_lines(3_000, ('faithful', 'reading'))")


@pytest.mark.slow
def test_100_000_footnote_like_lines() -> None:
    isolated("note_lines(100_000, ('faithful', 'reading'), kinds=2)", timeout=1800)


def test_runs_of_punctuation() -> None:
    isolated("punctuation_runs(20_000, ('faithful', 'reading'))")


def test_text_that_is_mostly_digits() -> None:
    isolated("mostly_digits(100_000, ('faithful', 'reading'))")


def test_the_shapes_that_made_regexes_backtrack() -> None:
    isolated("regex_shapes()")


@pytest.mark.slow
def test_every_regex_on_hostile_runs() -> None:
    isolated("regex_sweep(100_000)", timeout=900)
