#!/usr/bin/env python3
"""Accuracy benchmark of ocrfix and its peers, scored as BENCHMARK-PROTOCOL.md defines.

Usage::

    python benchmarks/accuracy.py [--corpus corpora/pages] [--out benchmarks/out]
        [--peers all|none|a,b] [--no-ablation] [--levels real,light,medium,heavy]
        [--limit N] [--examples N] [--jobs 2] [--pyspell-words N] [--no-seed]

Scores the seed pair (``corpora/seed``, level ``real``) and the generated page corpus
(``--corpus``: a directory with ``manifest.jsonl``, or with ``NAME-pPP.gt.txt`` and
``NAME-pPP-LEVEL.ocr.txt`` files) with ocrfix, each fixer disabled in turn, and the peers of
``benchmarks/peers.py``, all in the same run on the same pairs.  Writes ``OUT/accuracy.md``
(also printed), ``OUT/accuracy.json`` (every number) and ``OUT/accuracy.png`` (if matplotlib
is installed).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from multiprocessing import Pool
from pathlib import Path
from typing import Any

try:
    from benchmarks import peers, scoring
except ImportError:  # run as a script: put the repository root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks import peers, scoring

import ocrfix

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "corpora" / "pages"
#: Real UN pages (``make_real_corpus.py``): session 79 is the dev split, reported first and
#: never tuned on; session 78 the train split.
DEFAULT_REAL_CORPUS = REPO / "corpora" / "real"
#: Splits in report order; ``team`` is the team-written page corpus and ``seed`` the real
#: sample, both tuned on.
SPLITS = ("dev", "train", "team", "seed")
SPLIT_TITLES = {
    "dev": "real UN pages, dev split (session 79, never tuned on)",
    "train": "real UN pages, train split (session 78, may be fitted on)",
    "team": "team-written pages (tuned on)",
    "seed": "the real seed sample (tuned on)",
}
REAL_DEFAULT_PSM = 3
#: Clean English of other kinds (news, software docs, contracts, fiction...) written by the
#: team: every change ocrfix makes there is a false correction too.
CLEAN_ENGLISH = REPO / "corpora" / "clean"
ENGLISH_PREFIX = "english/"
#: The born-digital text layers of whole UN resolutions (``../shared``; not committed).
UN_TEXTS = REPO.parent / "shared" / "un-documents" / "text"
UN_TEXT_PREFIX = "un-text/"
#: The split of a resolution's text by its session: fitted on 78, reported on 79.
UN_TEXT_SPLITS = {"A_RES_78_": "train", "A_RES_79_": "dev"}
SEED_DIR = REPO / "corpora" / "seed"
SEED_NAME = "un_draft_migration"
LEVELS = ("real", "light", "medium", "heavy")
TOTAL = "total"
SYSTEM = "ocrfix"
CONTEXT_TOKENS = 6
_OCR_FILE = re.compile(r"^(?P<base>.+-p\d{2,})-(?P<level>[a-z]+)\.ocr\.txt$")


class BenchmarkError(Exception):
    """A problem with the command line or the corpus (reported in one line)."""


# ---------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """One (GT, OCR) pair; ``gt_key`` identifies its ground truth (shared across levels)."""

    name: str
    corpus: str
    level: str
    gt_key: str
    gt: str
    ocr: str
    split: str = "team"
    variant: str = ""  #: e.g. ``psm 4``: a Tesseract setting other than the split's default
    page_gt: str = ""  #: the page's own ground truth for the clean-text run (default: gt)

    @property
    def group(self) -> str:
        """Where the pair is reported: split, level and variant (``dev medium psm 4``)."""
        return " ".join(x for x in (self.split, self.level, self.variant) if x)

    @property
    def clean_gt(self) -> str:
        return self.page_gt or self.gt


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_seed(directory: Path = SEED_DIR) -> list[Pair]:
    """The real OCR sample: one pair, level ``real``."""
    gt_path = directory / f"{SEED_NAME}.gt.txt"
    ocr_path = directory / f"{SEED_NAME}.ocr.txt"
    for p in (gt_path, ocr_path):
        if not p.is_file():
            raise BenchmarkError(f"seed corpus incomplete: no file {p}")
    return [Pair(SEED_NAME, "seed", "real", str(gt_path), _read(gt_path), _read(ocr_path), "seed")]


def _record_file(rec: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = rec.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def load_pages(directory: Path, split: str = "team") -> tuple[list[Pair], list[str]]:
    """The generated page corpus in ``directory`` and a list of problems (skipped records).

    Reads ``manifest.jsonl`` (keys ``gt``/``ocr``, or ``gt_file``/``ocr_file``, file names
    relative to ``directory``; ``level``; ``name`` or ``doc`` + ``page``; for real pages
    ``split``, ``psm`` and ``page_gt``, the page's ground truth in the text layer's order).
    Without a manifest, pairs ``NAME-pPP-LEVEL.ocr.txt`` with ``NAME-pPP.gt.txt`` by file
    name.  ``split`` is the split of records that name none.
    """
    if not directory.is_dir():
        raise BenchmarkError(f"no corpus directory {directory}")
    manifest = directory / "manifest.jsonl"
    problems: list[str] = []
    pairs: list[Pair] = []
    if manifest.is_file():
        with manifest.open(encoding="utf-8") as fh:
            lines = [(k, line) for k, line in enumerate(fh, 1) if line.strip()]
        for lineno, line in lines:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{manifest.name}:{lineno}: not JSON ({exc.msg})")
                continue
            if not isinstance(rec, dict):
                problems.append(f"{manifest.name}:{lineno}: not a JSON object")
                continue
            gt_name = _record_file(rec, "gt", "gt_file", "gt_path")
            ocr_name = _record_file(rec, "ocr", "ocr_file", "ocr_path")
            level = rec.get("level")
            if gt_name is None or ocr_name is None or not isinstance(level, str):
                problems.append(f"{manifest.name}:{lineno}: no gt/ocr file or level")
                continue
            gt_path, ocr_path = directory / gt_name, directory / ocr_name
            missing = [p.name for p in (gt_path, ocr_path) if not p.is_file()]
            if missing:
                problems.append(f"{manifest.name}:{lineno}: missing {', '.join(missing)}")
                continue
            name = rec.get("name")
            if not isinstance(name, str) or not name:
                doc, page = rec.get("doc", gt_path.stem), rec.get("page", "")
                name = f"{doc}-p{page:02d}-{level}" if isinstance(page, int) else f"{doc}-{level}"
            rec_split = rec.get("split", split)
            psm = rec.get("psm")
            real = rec_split in ("dev", "train")
            variant = f"psm {psm}" if real and psm not in (None, REAL_DEFAULT_PSM) else ""
            page_name = _record_file(rec, "page_gt")
            page_path = directory / page_name if page_name else gt_path
            if not page_path.is_file():
                page_path = gt_path
            pairs.append(
                Pair(
                    name,
                    directory.name,
                    level,
                    str(page_path.resolve()),
                    _read(gt_path),
                    _read(ocr_path),
                    str(rec_split),
                    variant,
                    _read(page_path) if page_path != gt_path else "",
                )
            )
    else:
        for ocr_path in sorted(directory.glob("*.ocr.txt")):
            m = _OCR_FILE.match(ocr_path.name)
            if m is None:
                problems.append(f"{ocr_path.name}: not NAME-pPP-LEVEL.ocr.txt")
                continue
            gt_path = directory / f"{m['base']}.gt.txt"
            if not gt_path.is_file():
                problems.append(f"{ocr_path.name}: no {gt_path.name}")
                continue
            pairs.append(
                Pair(
                    f"{m['base']}-{m['level']}",
                    directory.name,
                    m["level"],
                    str(gt_path.resolve()),
                    _read(gt_path),
                    _read(ocr_path),
                    split,
                )
            )
        if not pairs:
            raise BenchmarkError(f"no manifest.jsonl and no *-LEVEL.ocr.txt pairs in {directory}")
    return pairs, problems


def level_order(levels: Iterable[str]) -> list[str]:
    """The known levels first, in their canonical order, then any others alphabetically."""
    present = set(levels)
    return [lv for lv in LEVELS if lv in present] + sorted(present - set(LEVELS))


def _group_rank(pair: Pair) -> tuple[int, int, str, str]:
    split = SPLITS.index(pair.split) if pair.split in SPLITS else len(SPLITS)
    level = LEVELS.index(pair.level) if pair.level in LEVELS else len(LEVELS)
    return (split, level, pair.level, pair.variant)


def group_order(pairs: Iterable[Pair]) -> list[str]:
    """The report groups of ``pairs``: splits in ``SPLITS`` order, then levels, then variants."""
    first: dict[str, Pair] = {}
    for p in pairs:
        first.setdefault(p.group, p)
    return sorted(first, key=lambda g: (_group_rank(first[g]), g))


def split_order(pairs: Iterable[Pair]) -> list[str]:
    present = {p.split for p in pairs}
    return [s for s in SPLITS if s in present] + sorted(present - set(SPLITS))


def split_total(split: str) -> str:
    return f"{split} {TOTAL}"


def select(
    pairs: list[Pair],
    levels: Sequence[str] | None,
    limit: int | None,
    splits: Sequence[str] | None = None,
) -> list[Pair]:
    """Pairs of the wanted levels and splits, at most ``limit`` per group (the first ones)."""
    kept = [
        p
        for p in pairs
        if (levels is None or p.level in levels) and (splits is None or p.split in splits)
    ]
    kept.sort(key=lambda p: (_group_rank(p), p.name))
    if limit is None:
        return kept
    seen: Counter[str] = Counter()
    out = []
    for p in kept:
        if seen[p.group] < limit:
            out.append(p)
            seen[p.group] += 1
    return out


# ---------------------------------------------------------------------------
# Systems (built once per process)
# ---------------------------------------------------------------------------

_pipelines: dict[str, ocrfix.Pipeline] = {}
#: ``--model``: the confusion table every ocrfix pipeline of the run uses (set before the
#: workers fork).
_model: dict[str, str | None] = {"path": None}


def pipeline(disabled: str | None = None) -> ocrfix.Pipeline:
    """The full ocrfix pipeline, or the one with fixer ``disabled`` skipped (cached)."""
    key = disabled or ""
    if key not in _pipelines:
        _pipelines[key] = ocrfix.Pipeline(
            disable=[disabled] if disabled else [], model=_model["path"]
        )
    return _pipelines[key]


_singles: dict[str, ocrfix.Pipeline] = {}


def ablation_outputs(text: str, full: str, ablate: Sequence[str]) -> dict[str, str]:
    """``Pipeline(disable=[name]).fix(text)`` for each name of ``ablate``, without rerunning
    the pipeline when that fixer changes nothing.

    The fixers run one at a time (``Pipeline(fixers=[name])``), each on the text the previous
    ones left.  When this chain ends at ``full`` (the full pipeline's output), a fixer that left
    its input unchanged is a no-op in the full run too, so disabling it yields ``full``.  Any
    other fixer, or every fixer when the chain disagrees with ``full``, is ablated for real.
    """
    names = pipeline().names
    texts = [text]
    for name in names:
        if name not in _singles:
            _singles[name] = ocrfix.Pipeline(fixers=[name], model=_model["path"])
        texts.append(_singles[name].fix(texts[-1]))
    chain_ok = texts[-1] == full
    return {
        name: full if chain_ok and texts[k] == texts[k + 1] else pipeline(name).fix(text)
        for k, name in enumerate(names)
        if name in ablate
    }


def system(name: str) -> Callable[[str], str]:
    """``ocrfix`` or a peer name -> a callable text -> text."""
    if name == SYSTEM:
        return pipeline().fix
    return peers.get_peer(name)


def warm_up(systems: Sequence[str], ablate: Sequence[str]) -> None:
    """Build every system's heavy state in this process (before forking workers)."""
    pipeline().fix("Reguests the Secretary-General")
    for name in ablate:
        pipeline(name)
    for name in systems:
        if name != SYSTEM:
            system(name)


def fixer_counts(result: ocrfix.Result) -> Counter[str]:
    """Edits per fixer of a ``fix_and_explain`` result (a merged ``a+b`` edit counts for each)."""
    counts: Counter[str] = Counter()
    for edit in result.edits:
        for name in edit.fixer.split("+"):
            counts[name] += 1
    return counts


# ---------------------------------------------------------------------------
# Work units (run in worker processes)
# ---------------------------------------------------------------------------


@dataclass
class Score:
    """Edits of an output and its token tallies."""

    edits_out: int
    counts: scoring.TokenCounts


@dataclass
class Example:
    """A token ocrfix broke or missed, with context, for tuning fixers."""

    pair: str
    level: str
    status: str
    error_class: str
    gt: str
    ocr: str
    out: str
    context: str


@dataclass
class PairResult:
    index: int
    gt_chars: int
    edits_ocr: int
    scores: dict[str, Score]
    ablation: dict[str, Score]
    fixer_edits: dict[str, int]
    classes: dict[str, dict[str, int]]
    examples: list[Example]


@dataclass
class CleanResult:
    gt_key: str
    words: int
    false: dict[str, int]
    invented: dict[str, int]
    fixer_edits: dict[str, int]


@dataclass(frozen=True)
class PairTask:
    index: int
    pair: Pair
    systems: tuple[str, ...]
    ablate: tuple[str, ...]
    pyspell: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class CleanTask:
    gt_key: str
    gt: str
    systems: tuple[str, ...]
    pyspell: dict[str, str | None] = field(default_factory=dict)


def _context(gt_tokens: Sequence[str], i: int) -> str:
    lo, hi = max(0, i - CONTEXT_TOKENS), min(len(gt_tokens), i + CONTEXT_TOKENS + 1)
    words = [*gt_tokens[lo:i], f"«{gt_tokens[i]}»", *gt_tokens[i + 1 : hi]]
    return ("… " if lo else "") + " ".join(words) + (" …" if hi < len(gt_tokens) else "")


def _score(gt: str, ocr: str, out: str) -> tuple[Score, list[scoring.TokenOutcome]]:
    outcomes = scoring.token_outcomes(gt, ocr, out)
    return Score(scoring.char_edits(gt, out), scoring.count_outcomes(outcomes)), outcomes


def run_pair(task: PairTask) -> PairResult:
    """Run every system (and every ablated pipeline) on one pair and score the outputs."""
    pair = task.pair
    if task.pyspell:
        peers.pyspell().seed(task.pyspell)
    scores: dict[str, Score] = {}
    classes: dict[str, dict[str, int]] = {}
    examples: list[Example] = []
    fixer_edits: Counter[str] = Counter()
    for name in task.systems:
        if name == SYSTEM:
            result = pipeline().fix_and_explain(pair.ocr)
            out = result.text
            fixer_edits = fixer_counts(result)
        else:
            out = system(name)(pair.ocr)
        scores[name], outcomes = _score(pair.gt, pair.ocr, out)
        if name != SYSTEM:
            continue
        gt_tokens = scoring.tokens(pair.gt)
        for t in outcomes:
            if t.status == scoring.RIGHT or t.error_class is None:
                continue
            row = classes.setdefault(t.error_class, {})
            row[t.status] = row.get(t.status, 0) + 1
            if t.status in (scoring.BROKEN, scoring.MISSED):
                examples.append(
                    Example(
                        pair.name,
                        pair.group,
                        t.status,
                        t.error_class,
                        t.gt,
                        " ".join(t.ocr),
                        " ".join(t.out),
                        _context(gt_tokens, t.index),
                    )
                )
    ablation: dict[str, Score] = {}
    if task.ablate:
        full = pipeline().fix(pair.ocr)
        full_score = scores.get(SYSTEM) or _score(pair.gt, pair.ocr, full)[0]
        for name, out in ablation_outputs(pair.ocr, full, task.ablate).items():
            ablation[name] = full_score if out == full else _score(pair.gt, pair.ocr, out)[0]
    return PairResult(
        task.index,
        len(scoring.fold(pair.gt)),
        scoring.char_edits(pair.gt, pair.ocr),
        scores,
        ablation,
        dict(fixer_edits),
        classes,
        examples,
    )


def run_clean(task: CleanTask) -> CleanResult:
    """Run every system on a ground truth alone: every change is a false correction."""
    if task.pyspell:
        peers.pyspell().seed(task.pyspell)
    false: dict[str, int] = {}
    invented: dict[str, int] = {}
    fixer_edits: Counter[str] = Counter()
    for name in task.systems:
        if name == SYSTEM:
            result = pipeline().fix_and_explain(task.gt)
            out = result.text
            fixer_edits = fixer_counts(result)
        else:
            out = system(name)(task.gt)
        false[name] = scoring.false_corrections(task.gt, out)
        invented[name] = (
            0
            if out == task.gt
            else scoring.count_outcomes(scoring.token_outcomes(task.gt, task.gt, out)).invented
        )
    return CleanResult(
        task.gt_key, len(scoring.tokens(task.gt)), false, invented, dict(fixer_edits)
    )


def correct_words(words: list[str]) -> dict[str, str | None]:
    """pyspellchecker's answers for a batch of unknown lower-cased words."""
    checker = peers.pyspell()
    return {w: checker.correct_word(w) for w in words}


def run_task(
    task: PairTask | CleanTask | list[str],
) -> PairResult | CleanResult | dict[str, str | None]:
    if isinstance(task, PairTask):
        return run_pair(task)
    if isinstance(task, CleanTask):
        return run_clean(task)
    return correct_words(task)


# ---------------------------------------------------------------------------
# pyspellchecker subset
# ---------------------------------------------------------------------------


def pyspell_subset(pairs: Sequence[Pair], budget: int | None) -> tuple[set[str], set[str]]:
    """Names of the pairs pyspellchecker runs on and the unknown words it must correct.

    Deterministic: ``budget`` (distinct unknown words of the OCR and ground truth; ``None``:
    every pair) is shared equally between the levels, and each level takes its pairs in order
    while the words they add fit in its share (a share left unused passes to the next level).
    """
    checker = peers.pyspell()
    chosen: set[str] = set()
    words: set[str] = set()
    by_level: dict[str, list[Pair]] = {}
    for p in pairs:
        by_level.setdefault(p.group, []).append(p)
    levels = group_order(pairs)
    spent = 0
    for k, level in enumerate(levels):
        share = None if budget is None else (budget - spent) // (len(levels) - k)
        used = 0
        for p in by_level[level]:
            new = (checker.unknown_words(p.ocr) | checker.unknown_words(p.gt)) - words
            if share is not None and used + len(new) > share:
                continue
            chosen.add(p.name)
            words |= new
            used += len(new)
        spent += used
    return chosen, words


# ---------------------------------------------------------------------------
# Aggregation
# ---------------------------------------------------------------------------


@dataclass
class Tally:
    """Totals over pairs for one (level, system)."""

    pairs: int = 0
    gt_chars: int = 0
    edits_ocr: int = 0
    edits_out: int = 0
    counts: scoring.TokenCounts = field(default_factory=scoring.TokenCounts)

    def add(self, gt_chars: int, edits_ocr: int, score: Score) -> None:
        self.pairs += 1
        self.gt_chars += gt_chars
        self.edits_ocr += edits_ocr
        self.edits_out += score.edits_out
        self.counts = self.counts + score.counts

    def numbers(self) -> dict[str, Any]:
        c = self.counts
        return {
            "pairs": self.pairs,
            "gt_chars": self.gt_chars,
            "edits_ocr": self.edits_ocr,
            "edits_out": self.edits_out,
            "cer_before": self.edits_ocr / self.gt_chars if self.gt_chars else None,
            "cer_after": self.edits_out / self.gt_chars if self.gt_chars else None,
            "improvement": scoring.improvement(self.edits_ocr, self.edits_out),
            "gt_tokens": c.gt_tokens,
            "wrong_tokens_ocr": c.wrong_ocr,
            "right_tokens_ocr": c.right_ocr,
            "fixed": c.fixed,
            "broken": c.broken,
            "bad_fix": c.bad_fix,
            "missed": c.missed,
            "invented": c.invented,
            "broken_per_10k_correct": scoring.broken_per_10k(c),
        }


def _tallies(
    pairs: Sequence[Pair], results: Sequence[PairResult], attr: str
) -> dict[str, dict[str, Tally]]:
    """``{group or split total: {system: Tally}}`` from the ``scores`` or ``ablation`` of
    results."""
    table: dict[str, dict[str, Tally]] = {}
    for r in results:
        pair = pairs[r.index]
        for name, score in getattr(r, attr).items():
            for key in (pair.group, split_total(pair.split)):
                table.setdefault(key, {}).setdefault(name, Tally()).add(
                    r.gt_chars, r.edits_ocr, score
                )
    return table


# ---------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------


def _pct(x: float | None, digits: int = 2) -> str:
    return "n/a" if x is None else f"{100 * x:.{digits}f} %"


def _signed_pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:+.1f} %"


def _num(x: float | None, digits: int = 1) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def _delta(x: int) -> str:
    return f"{x:+d}" if x else "0"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    """A Markdown table; ``align`` holds one ``l``/``r`` per column (default: first left)."""
    align = align or "l" + "r" * (len(header) - 1)
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---:" if a == "r" else "---" for a in align) + " |",
    ]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


@dataclass
class Report:
    """Everything the run measured, ready to format."""

    command: str
    seconds: float
    pairs: list[Pair]
    systems: list[str]
    ablate: list[str]
    notes: list[str]
    results: list[PairResult]
    clean: list[CleanResult]
    pyspell_pairs: set[str] | None

    def levels(self) -> list[str]:
        """The report groups (split, level, variant) in order."""
        return group_order(self.pairs)

    def splits(self) -> list[str]:
        return split_order(self.pairs)

    def split_of_gt(self) -> dict[str, str]:
        return {p.gt_key: p.split for p in self.pairs}

    def main_table(self) -> dict[str, dict[str, Tally]]:
        return _tallies(self.pairs, self.results, "scores")

    def ablation_table(self) -> dict[str, dict[str, Tally]]:
        return _tallies(self.pairs, self.results, "ablation")

    def clean_table(
        self, english: bool = False, split: str | None = None
    ) -> dict[str, dict[str, int]]:
        """``{system: {texts, words, false}}`` over the distinct ground truths (of ``split``,
        if given), or (with ``english``) over the general English texts of ``corpora/clean``."""
        out: dict[str, dict[str, int]] = {}
        split_of = self.split_of_gt()
        for c in self.clean:
            if c.gt_key.startswith(UN_TEXT_PREFIX):
                continue
            if c.gt_key.startswith(ENGLISH_PREFIX) != english:
                continue
            if split is not None and split_of.get(c.gt_key) != split:
                continue
            for name, n in c.false.items():
                row = out.setdefault(name, {"texts": 0, "words": 0, "false": 0, "invented": 0})
                row["texts"] += 1
                row["words"] += c.words
                row["false"] += n
                row["invented"] += c.invented.get(name, 0)
        return out

    def un_text_table(self) -> dict[str, dict[str, int]]:
        """``{split: {texts, words, false, invented}}`` of ocrfix on whole UN resolutions."""
        out: dict[str, dict[str, int]] = {}
        for c in self.clean:
            if not c.gt_key.startswith(UN_TEXT_PREFIX):
                continue
            split = un_text_split(c.gt_key[len(UN_TEXT_PREFIX) :])
            row = out.setdefault(split, {"texts": 0, "words": 0, "false": 0, "invented": 0})
            row["texts"] += 1
            row["words"] += c.words
            row["false"] += c.false.get(SYSTEM, 0)
            row["invented"] += c.invented.get(SYSTEM, 0)
        return dict(sorted(out.items(), key=lambda kv: kv[0] != "dev"))

    def class_table(
        self, split: str | None = None, group: str | None = None
    ) -> dict[str, dict[str, int]]:
        """``{class: {status: tokens}}`` of ocrfix, over the pairs of ``split`` and ``group``
        (all pairs by default)."""
        table: dict[str, dict[str, int]] = {}
        for r in self.results:
            pair = self.pairs[r.index]
            if (split is not None and pair.split != split) or (
                group is not None and pair.group != group
            ):
                continue
            for cls, row in r.classes.items():
                dest = table.setdefault(cls, {})
                for status, n in row.items():
                    dest[status] = dest.get(status, 0) + n
        return table

    def fixer_table(self) -> dict[str, dict[str, int]]:
        """``{fixer: {level..., TOTAL, "clean"}}`` edit counts of ocrfix."""
        table: dict[str, dict[str, int]] = {name: {} for name in pipeline().names}
        for r in self.results:
            split = self.pairs[r.index].split
            for name, n in r.fixer_edits.items():
                row = table.setdefault(name, {})
                for key in (split_total(split), TOTAL):
                    row[key] = row.get(key, 0) + n
        for c in self.clean:
            if c.gt_key.startswith(UN_TEXT_PREFIX):
                continue  # (their own table)
            column = "english" if c.gt_key.startswith(ENGLISH_PREFIX) else "clean"
            for name, n in c.fixer_edits.items():
                row = table.setdefault(name, {})
                row[column] = row.get(column, 0) + n
        return table

    def examples(self, n: int) -> tuple[list[Example], list[Example]]:
        """Up to ``n`` broken and ``n`` missed tokens, spread evenly over the run."""
        rank = {lv: k for k, lv in enumerate(self.levels())}
        every = sorted(
            (e for r in self.results for e in r.examples),
            key=lambda e: (rank.get(e.level, 99), e.pair),
        )

        def spread(items: list[Example]) -> list[Example]:
            if len(items) <= n:
                return items
            return [items[(k * len(items)) // n] for k in range(n)]

        return (
            spread([e for e in every if e.status == scoring.BROKEN]),
            spread([e for e in every if e.status == scoring.MISSED]),
        )

    # -- Markdown ------------------------------------------------------------

    def markdown(self, n_examples: int = 0) -> str:
        lines: list[str] = ["# ocrfix accuracy benchmark", ""]
        counts = Counter(p.group for p in self.pairs)
        corpora = sorted({p.corpus for p in self.pairs})
        lines += [
            f"- command: `{self.command}`",
            f"- ocrfix {ocrfix.__version__}, fixers: {', '.join(pipeline().names)}; "
            f"Python {platform.python_version()}",
            f"- corpora: {', '.join(corpora)}; pairs: "
            + ", ".join(f"{lv} {counts[lv]}" for lv in self.levels())
            + f" (total {len(self.pairs)})",
            f"- run time: {self.seconds:.1f} s",
            "- scoring (BENCHMARK-PROTOCOL.md): texts folded (whitespace runs -> one space, "
            "dashes -> '-'); CER = total Levenshtein edits / total GT characters; improvement "
            "= (edits(OCR) - edits(OUT)) / edits(OCR); tokens aligned with "
            "Levenshtein.opcodes on token lists.",
        ]
        lines += [f"- note: {note}" for note in self.notes]
        lines.append("")

        main = self.main_table()
        lines += [
            "## Accuracy on OCR text",
            "",
            "One block per split, the dev split (real UN pages nobody tuned on) first; "
            "Tesseract's default page segmentation (psm 3) unless a row names another.",
            "",
        ]
        header = [
            "level",
            "system",
            "pairs",
            "GT chars",
            "CER before → after",
            "improvement",
            "fixed",
            "broken",
            "bad fix",
            "missed",
            "invented",
            "broken / 10k correct",
        ]
        rows = []
        groups = [
            g
            for split in self.splits()
            for g in [
                *[g for g in self.levels() if g.split(" ")[0] == split],
                split_total(split),
            ]
        ]
        for level in groups:
            for name in self.systems:
                tally = main.get(level, {}).get(name)
                if tally is None:
                    continue
                d = tally.numbers()
                label = name + (
                    " (subset)" if name == "pyspellchecker" and self._pyspell_subset() else ""
                )
                rows.append(
                    [
                        f"**{level}**" if level.endswith(TOTAL) else level,
                        label,
                        str(d["pairs"]),
                        f"{d['gt_chars']:,}",
                        f"{_pct(d['cer_before'])} → {_pct(d['cer_after'])}",
                        _signed_pct(d["improvement"]),
                        str(d["fixed"]),
                        str(d["broken"]),
                        str(d["bad_fix"]),
                        str(d["missed"]),
                        str(d["invented"]),
                        _num(d["broken_per_10k_correct"]),
                    ]
                )
        lines += _table(header, rows, "ll" + "r" * (len(header) - 2))
        lines += [
            "",
            "Tokens are ground-truth tokens: fixed = wrong in the OCR, right in the "
            "output; broken = right in the OCR, wrong in the output; missed = wrong in "
            "both and left unchanged; bad fix = wrong in both, changed; invented = changed "
            "tokens that gained a footnote marker or a punctuation mark that neither the GT "
            "nor the OCR has there (among broken and bad-fix tokens).",
            "",
        ]

        lines += [
            "## False corrections on clean text",
            "",
            "Each system run on the ground truth alone (each page once, in the text layer's "
            "order for real pages); every changed token is a false correction; invented: "
            "those that gained a footnote marker or a punctuation mark.",
            "",
        ]
        rows = [
            [split, *row]
            for split in self.splits()
            for row in _clean_rows(self.systems, self.clean_table(split=split))
        ]
        lines += _table(
            [
                "split",
                "system",
                "GT texts",
                "GT words",
                "false corrections",
                "per 10k words",
                "invented",
            ],
            rows,
            "ll" + "r" * 5,
        )
        lines.append("")
        english = self.clean_table(english=True)
        if english:
            lines += [
                "General English of other kinds (`corpora/clean`: news, software documentation, "
                "a contract, fiction, science, a British report, letters, quoted languages), "
                "written by the team: every changed token is a false correction.",
                "",
            ]
            lines += _table(
                ["system", "texts", "words", "false corrections", "per 10k words", "invented"],
                _clean_rows(self.systems, english),
            )
            lines.append("")

        un_texts = self.un_text_table()
        if un_texts:
            lines += [
                "Whole UN resolutions, their born-digital text layers "
                "(`../shared/un-documents/text`; session 79 is the dev split, 78 the "
                "training one), ocrfix alone: every changed token is a false correction.",
                "",
            ]
            lines += _table(
                ["split", "texts", "words", "false corrections", "per 10k words", "invented"],
                _clean_rows(list(un_texts), un_texts),
            )
            lines.append("")

        if self.ablate:
            lines += self._ablation_md(main)
        lines += self._classes_md()
        lines += self._fixers_md()
        if n_examples > 0:
            lines += self._examples_md(n_examples)
        return "\n".join(lines).rstrip() + "\n"

    def _pyspell_subset(self) -> bool:
        return self.pyspell_pairs is not None and len(self.pyspell_pairs) < len(self.pairs)

    def _ablation_md(self, main: dict[str, dict[str, Tally]]) -> list[str]:
        ablation = self.ablation_table()
        levels = [g for g in self.levels() if "psm" not in g]
        reference = split_total(self.splits()[0])
        full = main[reference][SYSTEM].numbers()
        lines = [
            "## Ablation (ocrfix, each fixer disabled in turn)",
            "",
            f"Deltas are versus the full pipeline over the pairs of the {reference.split()[0]} "
            "split; a fixer helps when disabling it lowers the improvement and the fixed count.",
            "",
        ]
        header = [
            "disabled",
            "improvement",
            "Δ improvement",
            "fixed",
            "Δ fixed",
            "broken",
            "Δ broken",
            *[f"improvement {lv}" for lv in levels],
        ]
        rows = [
            [
                "(none: full pipeline)",
                _signed_pct(full["improvement"]),
                "",
                str(full["fixed"]),
                "",
                str(full["broken"]),
                "",
                *[_signed_pct(main[lv][SYSTEM].numbers()["improvement"]) for lv in levels],
            ]
        ]
        for name in self.ablate:
            d = ablation[reference][name].numbers()
            gain = (
                None
                if d["improvement"] is None or full["improvement"] is None
                else d["improvement"] - full["improvement"]
            )
            rows.append(
                [
                    name,
                    _signed_pct(d["improvement"]),
                    "n/a" if gain is None else f"{100 * gain:+.1f} pp",
                    str(d["fixed"]),
                    _delta(d["fixed"] - full["fixed"]),
                    str(d["broken"]),
                    _delta(d["broken"] - full["broken"]),
                    *[_signed_pct(ablation[lv][name].numbers()["improvement"]) for lv in levels],
                ]
            )
        return [*lines, *_table(header, rows), ""]

    def _classes_md(self) -> list[str]:
        if not self.class_table():
            return []
        lines = [
            "## Error classes (ocrfix, per split)",
            "",
            "Class of the OCR error for fixed, missed and bad-fix tokens; class of the "
            "damage (output vs GT) for broken tokens.",
            "",
        ]
        statuses = [scoring.FIXED, scoring.MISSED, scoring.BAD_FIX, scoring.BROKEN]
        rows = []
        for split in self.splits():
            table = self.class_table(split)
            for cls in scoring.ERROR_CLASSES:
                row = table.get(cls, {})
                wrong = sum(row.get(s, 0) for s in statuses[:3])
                fixed = row.get(scoring.FIXED, 0)
                rows.append(
                    [
                        split,
                        cls,
                        str(wrong),
                        str(fixed),
                        _pct(fixed / wrong if wrong else None, 1),
                        *[str(row.get(s, 0)) for s in statuses[1:]],
                    ]
                )
        header = [
            "split",
            "class",
            "wrong in OCR",
            "fixed",
            "fixed %",
            "missed",
            "bad fix",
            "broken",
        ]
        lines += [*_table(header, rows, "ll" + "r" * 6), ""]
        groups = [g for g in self.levels() if g.startswith("dev ")]
        if groups:
            lines += [
                "The dev split by level: wrong tokens in the OCR → still wrong in the output "
                "(fixed %), and broken tokens.",
                "",
            ]
            tables = {g: self.class_table(group=g) for g in groups}
            rows = []
            for cls in scoring.ERROR_CLASSES:
                cells = []
                for g in groups:
                    row = tables[g].get(cls, {})
                    wrong = sum(row.get(s, 0) for s in statuses[:3])
                    fixed = row.get(scoring.FIXED, 0)
                    cells.append(
                        f"{wrong} → {wrong - fixed} ({_pct(fixed / wrong if wrong else None, 0)})"
                        + (f", {row[scoring.BROKEN]} broken" if row.get(scoring.BROKEN) else "")
                    )
                rows.append([cls, *cells])
            lines += [*_table(["class", *groups], rows), ""]
        return lines

    def _fixers_md(self) -> list[str]:
        table = self.fixer_table()
        levels = [split_total(s) for s in self.splits()]
        lines = [
            "## Edits per fixer (ocrfix, from fix_and_explain)",
            "",
            "Edits made on the OCR texts per split, and on the clean ground truths and the "
            "general English texts (where every edit is a false correction); a merged `a+b` "
            "edit counts for each.",
            "",
        ]
        rows = [
            [
                name,
                *[str(row.get(lv, 0)) for lv in levels],
                str(row.get(TOTAL, 0)),
                str(row.get("clean", 0)),
                str(row.get("english", 0)),
            ]
            for name, row in table.items()
        ]
        header = ["fixer", *levels, TOTAL, "on clean GT", "on general English"]
        return [*lines, *_table(header, rows), ""]

    def _examples_md(self, n: int) -> list[str]:
        broken, missed = self.examples(n)
        lines: list[str] = []
        for title, items in (("broken", broken), ("missed", missed)):
            lines += [f"## Examples: tokens ocrfix {title} ({len(items)})", ""]
            if not items:
                lines += ["(none)", ""]
            for e in items:
                lines.append(
                    f"- `{e.pair}` [{e.error_class}] GT `{e.gt}` · "
                    f"OCR `{e.ocr or '∅'}` · OUT `{e.out or '∅'}`"
                )
                lines.append(f"  context: {e.context}")
            lines.append("")
        return lines

    # -- JSON ----------------------------------------------------------------

    def as_json(self, n_examples: int = 0) -> dict[str, Any]:
        main = self.main_table()
        data: dict[str, Any] = {
            "command": self.command,
            "seconds": round(self.seconds, 2),
            "ocrfix_version": ocrfix.__version__,
            "python": platform.python_version(),
            "fixers": list(pipeline().names),
            "systems": self.systems,
            "peer_notes": {n: peers.PEER_NOTES[n] for n in self.systems if n != SYSTEM},
            "notes": self.notes,
            "groups": self.levels(),
            "splits": {s: SPLIT_TITLES.get(s, s) for s in self.splits()},
            "pyspellchecker_pairs": None
            if self.pyspell_pairs is None
            else sorted(self.pyspell_pairs),
            "results": {
                lv: {name: t.numbers() for name, t in row.items()} for lv, row in main.items()
            },
            **{
                key: {
                    name: {**row, "per_10k_words": scoring.per_10k(row["false"], row["words"])}
                    for name, row in self.clean_table(english, split).items()
                }
                for key, english, split in (
                    *((f"clean {s}", False, s) for s in self.splits()),
                    ("clean_english", True, None),
                )
            },
            "clean_un_texts": {
                split: {**row, "per_10k_words": scoring.per_10k(row["false"], row["words"])}
                for split, row in self.un_text_table().items()
            },
            "ablation": {
                lv: {name: t.numbers() for name, t in row.items()}
                for lv, row in self.ablation_table().items()
            },
            "error_classes": {s: self.class_table(s) for s in self.splits()},
            "error_classes_by_group": {g: self.class_table(group=g) for g in self.levels()},
            "fixer_edits": self.fixer_table(),
            "pairs": [
                {
                    "name": self.pairs[r.index].name,
                    "corpus": self.pairs[r.index].corpus,
                    "split": self.pairs[r.index].split,
                    "group": self.pairs[r.index].group,
                    "level": self.pairs[r.index].level,
                    "gt_chars": r.gt_chars,
                    "edits_ocr": r.edits_ocr,
                    "systems": {
                        n: {"edits_out": s.edits_out, **asdict(s.counts)}
                        for n, s in r.scores.items()
                    },
                    "ablation": {
                        n: {"edits_out": s.edits_out, **asdict(s.counts)}
                        for n, s in r.ablation.items()
                    },
                    "fixer_edits": r.fixer_edits,
                }
                for r in sorted(self.results, key=lambda r: r.index)
            ],
        }
        if n_examples > 0:
            broken, missed = self.examples(n_examples)
            data["examples"] = {
                "broken": [asdict(e) for e in broken],
                "missed": [asdict(e) for e in missed],
            }
        return data


def write_chart(report: Report, path: Path) -> str:
    """A grouped bar chart of CER before/after per level and system; returns a note."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "matplotlib is not installed: no chart (pip install matplotlib)"
    main = report.main_table()
    levels = [lv for lv in report.levels() if lv in main and "psm" not in lv]
    fig, axes = plt.subplots(1, len(levels), figsize=(3.2 * len(levels) + 1, 4.2), squeeze=False)
    width = 0.38
    for ax, level in zip(axes[0], levels, strict=True):
        names = [n for n in report.systems if n in main[level]]
        before = [100 * main[level][n].edits_ocr / max(1, main[level][n].gt_chars) for n in names]
        after = [100 * main[level][n].edits_out / max(1, main[level][n].gt_chars) for n in names]
        xs = range(len(names))
        ax.bar([x - width / 2 for x in xs], before, width, label="OCR (before)", color="#b0b0b0")
        ax.bar([x + width / 2 for x in xs], after, width, label="output (after)", color="#2f6db5")
        ax.set_xticks(list(xs))
        subset = report.pyspell_pairs is not None and report._pyspell_subset()
        ax.set_xticklabels(
            [n + (" (subset)" if subset and n == "pyspellchecker" else "") for n in names],
            rotation=60,
            ha="right",
            fontsize=8,
        )
        n_pairs = max(t.pairs for t in main[level].values())
        ax.set_title(f"{level} ({n_pairs} pair{'' if n_pairs == 1 else 's'})", fontsize=9)
        ax.grid(axis="y", alpha=0.3)
    axes[0][0].set_ylabel("CER (%)")
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper right", fontsize=8)
    fig.suptitle("Character error rate before and after correction", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return f"chart: {path}"


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def _parse_peers(value: str) -> list[str]:
    if value == "all":
        return [n for n in peers.PEER_NAMES if peers.available(n)]
    if value in ("none", ""):
        return []
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in peers.PEER_NAMES]
    if unknown:
        raise BenchmarkError(
            f"unknown peer(s) {', '.join(unknown)}; choose from {', '.join(peers.PEER_NAMES)}"
        )
    missing = [n for n in names if not peers.available(n)]
    if missing:
        raise BenchmarkError(
            f"peer(s) {', '.join(missing)} not installed (pip install pyspellchecker wordninja)"
        )
    return names


def _parse_levels(values: Sequence[str] | None) -> list[str] | None:
    if not values:
        return None
    return [lv.strip() for v in values for lv in v.split(",") if lv.strip()]


def _map(jobs: int, tasks: list[Any]) -> Iterator[Any]:
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(run_task, tasks)
        return
    with Pool(min(jobs, len(tasks))) as pool:
        yield from pool.imap_unordered(run_task, tasks)


def _phase(t0: float, what: str) -> None:
    print(f"[{time.perf_counter() - t0:6.1f} s] {what}", file=sys.stderr, flush=True)


def un_text_files() -> list[Path]:
    """The whole UN resolutions of the sessions the split knows (none without ``../shared``)."""
    if not UN_TEXTS.is_dir():
        return []
    return sorted(p for p in UN_TEXTS.glob("A_RES_*.json") if un_text_split(p.name) != "other")


def un_text_split(name: str) -> str:
    """``dev`` or ``train`` for a resolution's file name, by its session."""
    return next((s for prefix, s in UN_TEXT_SPLITS.items() if name.startswith(prefix)), "other")


def _clean_rows(systems: Sequence[str], table: dict[str, dict[str, int]]) -> list[list[str]]:
    """Markdown rows of a false-correction table, in the order of ``systems``."""
    return [
        [
            name,
            str(row["texts"]),
            f"{row['words']:,}",
            str(row["false"]),
            _num(scoring.per_10k(row["false"], row["words"])),
            str(row["invented"]),
        ]
        for name in systems
        if (row := table.get(name)) is not None
    ]


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        description="Score ocrfix and its peers on (GT, OCR) pairs (BENCHMARK-PROTOCOL.md)."
    )
    ap.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help=f"page corpus directory (default: {DEFAULT_CORPUS.relative_to(REPO)},"
        " skipped with a note when absent)",
    )
    ap.add_argument(
        "--real-corpus",
        type=Path,
        default=None,
        help=f"real-page corpus (default: {DEFAULT_REAL_CORPUS.relative_to(REPO)}, built by "
        "make_real_corpus.py; skipped with a note when absent)",
    )
    ap.add_argument(
        "--splits",
        nargs="+",
        metavar="SPLIT",
        help="splits to score: " + ", ".join(SPLITS) + " (commas allowed; default: all)",
    )
    ap.add_argument("--no-seed", action="store_true", help="leave out the real seed pair")
    ap.add_argument(
        "--model",
        metavar="FILE",
        help="score ocrfix with this confusion table (ocrfix learn) instead of the built-in one",
    )
    ap.add_argument(
        "--no-un-texts",
        dest="un_texts",
        action="store_false",
        help=f"leave out the whole UN resolutions of {UN_TEXTS} (ocrfix on clean text)",
    )
    ap.add_argument(
        "--no-clean-english",
        dest="clean_english",
        action="store_false",
        help="leave out the general English texts of corpora/clean",
    )
    ap.add_argument(
        "--out",
        type=Path,
        default=REPO / "benchmarks" / "out",
        help="output directory (default: benchmarks/out)",
    )
    ap.add_argument(
        "--peers",
        default="all",
        help="all, none, or a comma list of: " + ", ".join(peers.PEER_NAMES),
    )
    ap.add_argument(
        "--no-ablation", action="store_true", help="skip the runs with each fixer disabled"
    )
    ap.add_argument(
        "--levels",
        nargs="+",
        metavar="LEVEL",
        help="levels to score (real, light, medium, heavy; commas allowed)",
    )
    ap.add_argument("--limit", type=int, metavar="N", help="at most N pairs per level")
    ap.add_argument(
        "--examples",
        type=int,
        default=0,
        metavar="N",
        help="print N broken and N missed token examples for ocrfix",
    )
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument(
        "--pyspell-words",
        type=int,
        default=100,
        metavar="N",
        help="pyspellchecker runs on the first pairs of each level whose "
        "distinct unknown words fit in N, shared between levels "
        "(default 100; 0: no limit)",
    )
    return ap


def run(args: argparse.Namespace, command: str) -> Report:
    t0 = time.perf_counter()
    notes: list[str] = []
    systems = [SYSTEM, *_parse_peers(args.peers)]
    levels = _parse_levels(args.levels)
    if args.limit is not None and args.limit < 1:
        raise BenchmarkError("--limit must be at least 1")

    pairs: list[Pair] = []
    if not args.no_seed and (levels is None or "real" in levels):
        pairs += load_seed()
    real_dir = args.real_corpus or DEFAULT_REAL_CORPUS
    try:
        real_pairs, real_problems = load_pages(real_dir)
    except BenchmarkError as exc:
        if args.real_corpus is not None:
            raise
        real_pairs, real_problems = [], []
        notes.append(f"{exc}: no real pages (python benchmarks/make_real_corpus.py builds them)")
    if real_problems and not real_pairs:
        notes.append(
            f"{real_dir.name}: {len(real_problems)} records without their files "
            "(python benchmarks/make_real_corpus.py builds them): no real pages"
        )
    elif real_problems:
        notes.append(f"{len(real_problems)} real-page record(s) skipped, e.g. {real_problems[0]}")
    pairs += real_pairs
    if args.corpus is not None:
        corpus_pairs, problems = load_pages(args.corpus)
        pairs += corpus_pairs
    else:
        problems = []
        try:
            corpus_pairs, problems = load_pages(DEFAULT_CORPUS)
            pairs += corpus_pairs
        except BenchmarkError as exc:  # the default corpus is optional
            notes.append(
                f"{exc} (python benchmarks/make_corpus.py builds "
                f"{DEFAULT_CORPUS.relative_to(REPO)}): seed only"
            )
    if problems:
        notes.append(f"{len(problems)} corpus record(s) skipped, e.g. {problems[0]}")
    splits = _parse_levels(args.splits)
    pairs = select(pairs, levels, args.limit, splits)
    if not pairs:
        raise BenchmarkError(
            "no pairs to score"
            + (f" at levels {', '.join(levels)}" if levels else "")
            + ("; " + "; ".join(notes) if notes else "")
        )
    names = {p.name for p in pairs}
    if len(names) != len(pairs):
        raise BenchmarkError("duplicate pair names in the corpus")

    _model["path"] = args.model
    if args.model:
        notes.append(f"ocrfix with the confusion table {args.model}")
    ablate = [] if args.no_ablation else list(pipeline().names)
    warm_up(systems, ablate)
    _phase(t0, f"{len(pairs)} pairs loaded, systems built")

    pyspell_pairs: set[str] | None = None
    answers: dict[str, str | None] = {}
    jobs = max(1, args.jobs)
    if "pyspellchecker" in systems:
        budget = args.pyspell_words if args.pyspell_words > 0 else None
        pyspell_pairs, words = pyspell_subset(pairs, budget)
        batches = [sorted(words)[k :: max(1, 4 * jobs)] for k in range(max(1, 4 * jobs))]
        for found in _map(jobs, [b for b in batches if b]):
            answers.update(found)
        peers.pyspell().seed(answers)  # inherited by forked workers
        _phase(t0, f"pyspellchecker: {len(words)} unknown words corrected")
        if len(pyspell_pairs) < len(pairs):
            notes.append(
                f"pyspellchecker (its correction of an unknown word takes up to ~2 s) ran on "
                f"a deterministic subset: {len(pyspell_pairs)} of {len(pairs)} pairs, the "
                f"first of each level whose distinct unknown words fit in a budget of "
                f"{budget} words shared between levels (--pyspell-words); its rows cover "
                f"that subset only"
            )

    def systems_for(pair_name: str) -> tuple[str, ...]:
        if pyspell_pairs is None or pair_name in pyspell_pairs:
            return tuple(systems)
        return tuple(s for s in systems if s != "pyspellchecker")

    def answers_for(*texts: str) -> dict[str, str | None]:
        if not answers:
            return {}
        checker = peers.pyspell()
        wanted = set().union(*(checker.unknown_words(t) for t in texts))
        return {w: answers[w] for w in wanted if w in answers}

    tasks: list[PairTask | CleanTask] = []
    for k, p in enumerate(pairs):
        chosen = systems_for(p.name)
        spell = answers_for(p.ocr) if "pyspellchecker" in chosen else {}
        tasks.append(PairTask(k, p, chosen, tuple(ablate), spell))
    clean_systems: dict[str, set[str]] = {}
    gts: dict[str, str] = {}
    for p in pairs:
        clean_systems.setdefault(p.gt_key, set()).update(systems_for(p.name))
        gts[p.gt_key] = p.clean_gt
    for key, chosen_set in clean_systems.items():
        chosen = tuple(s for s in systems if s in chosen_set)
        spell = answers_for(gts[key]) if "pyspellchecker" in chosen else {}
        tasks.append(CleanTask(key, gts[key], chosen, spell))
    # (pyspellchecker, at a second or two per unknown word, is left out of these: names and
    # terms of art are unknown words.)
    english = tuple(s for s in systems if s != "pyspellchecker")
    for path in sorted(CLEAN_ENGLISH.glob("*.txt")) if args.clean_english else ():
        text = path.read_text(encoding="utf-8")
        tasks.append(CleanTask(ENGLISH_PREFIX + path.name, text, english))
    wanted_splits = set(splits) if splits else None
    for path in un_text_files() if args.un_texts else []:
        if wanted_splits is not None and un_text_split(path.name) not in wanted_splits:
            continue
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        tasks.append(CleanTask(UN_TEXT_PREFIX + path.name, text, (SYSTEM,)))
    # longest first, for a balanced pool
    tasks.sort(
        key=lambda t: (
            -(len(t.pair.ocr) * (1 + len(t.ablate)) if isinstance(t, PairTask) else len(t.gt))
        )
    )

    results: list[PairResult] = []
    clean: list[CleanResult] = []
    for k, res in enumerate(_map(jobs, list(tasks)), 1):
        if isinstance(res, PairResult):
            results.append(res)
        elif isinstance(res, CleanResult):
            clean.append(res)
        print(f"\r  {k}/{len(tasks)} tasks", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    _phase(t0, f"{len(tasks)} tasks run")
    results.sort(key=lambda r: r.index)
    clean.sort(key=lambda c: c.gt_key)
    for name in systems:
        if name != SYSTEM:
            notes.append(f"peer {name}: {peers.PEER_NOTES[name]}")
    return Report(
        command,
        time.perf_counter() - t0,
        pairs,
        systems,
        ablate,
        notes,
        results,
        clean,
        pyspell_pairs,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = "python benchmarks/accuracy.py " + " ".join(sys.argv[1:] if argv is None else argv)
    try:
        report = run(args, command.strip())
    except BenchmarkError as exc:
        print(f"accuracy.py: error: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    chart_note = write_chart(report, args.out / "accuracy.png")
    text = report.markdown(args.examples)
    (args.out / "accuracy.md").write_text(text, encoding="utf-8")
    with (args.out / "accuracy.json").open("w", encoding="utf-8") as fh:
        json.dump(report.as_json(args.examples), fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    sys.stdout.write(text)
    print(
        f"\nwritten: {args.out / 'accuracy.md'}, {args.out / 'accuracy.json'}; {chart_note}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
