#!/usr/bin/env python3
"""Speed benchmark of ocrfix: start-up, throughput, memory, linearity, a symspellpy baseline,
batch scaling and adversarial input shapes, all measured in one run.

Usage::

    python benchmarks/speed.py [--mb 4] [--repeats 5] [--json OUT]
        [--budget 30] [--adversarial-scale 1] [--timeout 300]
        [--only startup,throughput,levels,symspell,batch,adversarial,profile] [--profile [N]]

The machine is shared and noisy, so every target is a median of several runs or a ratio of
two measurements taken in the same run; in-process timings use the CPU time of this process
(``time.process_time``: what one core spends, whatever else the machine runs), subprocess
timings (start-up, ``ocrfix batch``) use wall time. ``--repeats`` is the number of runs of
each measurement; a measurement stops repeating once its runs have taken ``--budget``
seconds (at least one run each), so a slow pipeline still finishes. Each in-process run
starts with the lexicon's memos emptied (``Lexicon.forget``): it sees its text for the first
time, as a worker sees an archive's pages (repeats of a page within one run still find it
remembered: the "first N pages" figure is the never-seen one).

Measurements (targets of issue 6, "Speed"):

1. start-up: ``ocrfix check`` on a small clean file (the console script beside this Python, or
   ``python -m ocrfix``) against ``python -c pass``: medians and their difference (<= 0.15 s,
   issue 16);
2. throughput of ``ocrfix.Pipeline().fix`` on at least ``--mb`` MB (10**6 bytes of UTF-8) of
   real OCR text, ``corpora/pages/*-{light,medium,heavy}.ocr.txt`` repeated as needed, fixed
   page by page and as one text (pages separated by a blank line), in MB/s and words/s of CPU
   time (>= 1 MB/s per core);
3. peak memory: the maximum RSS of a child process that loads every lexicon tier (words,
   bigrams, fuzzy index), then fixes ``--mb`` MB of the pages read one at a time, and of one
   that fixes them as one text (<= 150 MB, issue 16); this process's own peaks, which also count the
   benchmark's texts, are shown beside them;
4. linearity: CPU time per MB of the one-text run at ``--mb``/4 MB and at ``--mb`` MB
   (ratio <= 1.3);
5. symspellpy: per-word ``lookup`` (``Verbosity.CLOSEST``, max edit distance 2, its bundled
   ``frequency_dictionary_en_82_765.txt``; building the index is not timed) of every
   alphabetic token of the same text, lower-cased; ratio of ocrfix's MB/s (page by page) to
   symspellpy's (>= 5);
6. ``ocrfix batch --jobs 1`` against ``--jobs 2`` on a tree of 200 page files: speed-up
   (>= 1.7, when at least 2 CPUs are available) and identical outputs;
7. adversarial shapes, each at n and 4n (4n: a 10 MB single line, a 1 MB token, 100,000
   footnote-like lines, 1 MB of punctuation runs; ``--adversarial-scale`` scales them), each
   in a child process killed after ``--timeout`` seconds: t(4n) / t(n) <= 5.2 (4 x 1.3);
8. per damage level (``levels``, the targets of issue 16): MB/s and words/s of ``fix`` on the
   born-digital UN resolutions of ``../shared/un-documents/text`` (up to ``--mb`` MB, >= 3
   MB/s) and on every page of the real-page corpus (``corpora/real``, Tesseract's default
   segmentation) at each level (light >= 1.5, heavy >= 0.5 MB/s), each text once per run with
   empty memos, and, in the same run, symspellpy's per-word lookups on the medium pages
   (ocrfix's words/s at least symspellpy's); kinds whose files are absent are skipped.

Prints a Markdown table (target, measured value, PASS/FAIL) and details; ``--json OUT`` also
writes every number. ``--profile [N]`` adds a profile of the page-by-page run, with empty
memos: CPU time per fixer (on the first pass over a page, and on the passes after it),
throughput per OCR level, and the N functions with the most own time (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: import the ocrfix of this repository
    sys.path.insert(0, str(REPO))

import ocrfix  # noqa: E402
from ocrfix.confusions import ocr_distance  # noqa: E402
from ocrfix.lexicon import english_pairs  # noqa: E402

PAGES = REPO / "corpora" / "pages"
SEED_GT = REPO / "corpora" / "seed" / "un_draft_migration.gt.txt"
LEVELS = ("light", "medium", "heavy")
SECTIONS = ("startup", "throughput", "levels", "symspell", "batch", "adversarial")
#: Sections ``--only`` also accepts, run only when asked for.
EXTRA_SECTIONS = ("profile",)
MB = 1_000_000

# Targets of issue 6, start-up and memory as issue 16 restated them (0.3 s and 200 MB before).
STARTUP_MAX_EXTRA_S = 0.15
THROUGHPUT_MIN_MB_S = 1.0
PEAK_RSS_MAX_MB = 150.0
LINEARITY_MAX = 1.3
SYMSPELL_MIN_RATIO = 5.0
BATCH_MIN_SPEEDUP = 1.7
BATCH_FILES = 200
SHAPE_MAX_RATIO = 4 * LINEARITY_MAX

# Targets of issue 16 (per damage level, on the real-page corpus and the born-digital texts).
REAL_PAGES = REPO / "corpora" / "real"
UN_TEXTS = REPO.parent / "shared" / "un-documents" / "text"
LEVEL_MIN_MB_S = {"clean": 3.0, "light": 1.5, "heavy": 0.5}

_ALPHA = re.compile(r"[^\W\d_]+")


class BenchmarkError(Exception):
    """A problem that stops the benchmark (reported in one line)."""


@dataclass
class Check:
    """One row of the result table."""

    key: str
    measure: str
    target: str
    measured: str
    passed: bool | None  # None: not applicable here (e.g. one CPU)
    value: float | None = None


@dataclass
class Report:
    command: str
    settings: dict[str, Any]
    machine: dict[str, Any]
    checks: list[Check] = field(default_factory=list)
    results: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    run_time_s: float = 0.0


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def repeat(run: Callable[[], float], repeats: int, budget: float) -> list[float]:
    """Results of ``run`` (one measurement, in seconds), ``repeats`` times or until the runs
    have taken ``budget`` seconds of wall time (at least once)."""
    out: list[float] = []
    start = time.perf_counter()
    while len(out) < repeats:
        out.append(run())
        if time.perf_counter() - start >= budget:
            break
    return out


def cpu_time(fn: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of ``fn()`` in this process."""
    c0, w0 = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c0, time.perf_counter() - w0


def forget(pipeline: ocrfix.Pipeline) -> None:
    """Empty every memo of decisions (the lexicon's, and the OCR distance cache): a run after
    this one sees its text as never before, as an archive's pages are."""
    pipeline.lexicon.forget()
    ocr_distance.cache_clear()


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (10**6 bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak * (1 if sys.platform == "darwin" else 1024) / MB


def current_rss_mb() -> float | None:
    return proc_status_mb("VmRSS")


def proc_status_mb(field: str) -> float | None:
    """A memory ``field`` of ``/proc/self/status`` (``VmRSS``, ``VmHWM``) in MB, or None
    where there is no such file."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024 / MB
    except OSError:
        pass
    return None


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def ocr_files() -> list[Path]:
    files = sorted(p for lv in LEVELS for p in PAGES.glob(f"*-{lv}.ocr.txt"))
    if not files:
        raise BenchmarkError(f"no *-{{{','.join(LEVELS)}}}.ocr.txt pages in {PAGES}")
    return files


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def build_pages(texts: Sequence[str], megabytes: float) -> list[str]:
    """``texts`` repeated in order until they hold at least ``megabytes`` MB of UTF-8."""
    if not texts:
        raise BenchmarkError("no text to build the benchmark input from")
    out: list[str] = []
    size = 0
    while size < megabytes * MB:
        text = texts[len(out) % len(texts)]
        out.append(text)
        size += len(text.encode("utf-8"))
    return out


def join_pages(pages: Sequence[str]) -> str:
    """One text: the pages separated by a blank line."""
    return "\n\n".join(p.rstrip("\n") for p in pages) + "\n"


def nbytes(text: str) -> int:
    return len(text.encode("utf-8"))


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def fmt_rate(value: float) -> str:
    return f"{value:.3g}"


def console_command() -> tuple[list[str], str]:
    """How to run the installed command line with this Python: the console script beside the
    interpreter (not a shell shim), else ``python -m ocrfix``."""
    script = Path(sys.executable).with_name("ocrfix")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)], str(script)
    return [sys.executable, "-m", "ocrfix"], f"{sys.executable} -m ocrfix"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("OCRFIX_TEST_SLOW_MS", None)
    # An installed package has its bytecode compiled (pip does it): let the first run write
    # it, rather than compile every module on every start as PYTHONDONTWRITEBYTECODE makes.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # ``python -m ocrfix`` from a temporary folder must import this repository's ocrfix.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def warm_lexicon(pipeline: ocrfix.Pipeline) -> float:
    """Load every lexicon tier (building the on-disk caches on a first run); wall seconds."""
    t0 = time.perf_counter()
    lex = pipeline.lexicon
    lex.frequency("the")
    lex.bigram("general", "assembly")
    english_pairs().read_all()  # (rows are read as first asked: every one, here)
    lex.candidates("developmemt", 2)
    pipeline.fix(read(ocr_files()[0]))
    return time.perf_counter() - t0


# ---------------------------------------------------------------------------
# 1. Start-up
# ---------------------------------------------------------------------------


def clean_sample(pipeline: ocrfix.Pipeline) -> str:
    """A small text ocrfix leaves alone: the first lines of the seed ground truth, fixed."""
    head = "\n".join(read(SEED_GT).splitlines()[:40]) + "\n"
    text = pipeline.fix(head)
    if pipeline.fix(text) != text:
        raise BenchmarkError("the start-up sample is not a fixed point of the pipeline")
    return text


def bench_startup(args: argparse.Namespace, report: Report, pipeline: ocrfix.Pipeline) -> None:
    command, shown = console_command()
    env = child_env()
    with tempfile.TemporaryDirectory(prefix="ocrfix-speed-") as tmp:
        sample = Path(tmp) / "clean.txt"
        sample_text = clean_sample(pipeline)
        sample.write_text(sample_text, encoding="utf-8")
        bare = [sys.executable, "-c", "pass"]
        check = [*command, "check", str(sample)]

        def timed(argv: list[str]) -> tuple[float, int]:
            t0 = time.perf_counter()
            proc = subprocess.run(argv, cwd=tmp, env=env, capture_output=True, check=False)
            return time.perf_counter() - t0, proc.returncode

        timed(bare)
        _, status = timed(check)  # warm-up: page cache, .pyc files, lexicon caches
        if status != 0:
            report.notes.append(f"start-up: `ocrfix check` exited {status} on the clean sample")
        bare_s: list[float] = []
        check_s: list[float] = []
        start = time.perf_counter()
        while len(check_s) < max(args.repeats, 3):  # interleaved: both see the same load
            bare_s.append(timed(bare)[0])
            check_s.append(timed(check)[0])
            if time.perf_counter() - start >= args.budget and len(check_s) >= 3:
                break
    extra = median(check_s) - median(bare_s)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        report.notes.append(
            "start-up: PYTHONDONTWRITEBYTECODE is set here; the subprocesses ran without it, "
            "with compiled bytecode as an installed package has"
        )
    report.results["startup"] = {
        "command": f"{shown} check clean.txt",
        "sample_bytes": nbytes(sample_text),
        "python_pass_s": bare_s,
        "ocrfix_check_s": check_s,
        "python_pass_median_s": median(bare_s),
        "ocrfix_check_median_s": median(check_s),
        "extra_s": extra,
    }
    report.checks.append(
        Check(
            "startup",
            "1. start-up: `ocrfix check` small clean file − `python -c pass` (medians, wall)",
            f"≤ {STARTUP_MAX_EXTRA_S} s",
            f"{extra:+.3f} s ({median(check_s):.3f} − {median(bare_s):.3f}, {len(check_s)} runs)",
            extra <= STARTUP_MAX_EXTRA_S,
            extra,
        )
    )


# ---------------------------------------------------------------------------
# 2-4. Throughput, memory, linearity
# ---------------------------------------------------------------------------


def bench_throughput(
    args: argparse.Namespace,
    report: Report,
    pipeline: ocrfix.Pipeline,
    pages: list[str],
    distinct: int,
) -> None:
    """Throughput, memory and linearity. ``pages[:distinct]`` are the corpus pages once; the
    rest repeat them."""
    big = join_pages(pages)
    size = nbytes(big)
    words = len(big.split())
    small = join_pages(build_pages(pages, args.mb / 4))
    small_size = nbytes(small)
    chunk_bytes = sum(nbytes(p) for p in pages)
    chunk_words = sum(len(p.split()) for p in pages)
    # Every run starts with empty memos (``forget``), but pages repeated within a run are
    # partly served from them: linearity is also measured on pages that never repeat.
    fresh = pages[:distinct]
    fresh_big = join_pages(fresh)
    fresh_small = join_pages(fresh[: max(1, len(fresh) // 4)])
    walls: dict[str, list[float]] = {}
    first_pass: list[float] = []

    def timed(name: str, fn: Callable[[], object]) -> Callable[[], float]:
        def run() -> float:
            forget(pipeline)  # every run sees its text for the first time
            cpu, wall = cpu_time(fn)
            walls.setdefault(name, []).append(wall)
            return cpu

        return run

    def each_page() -> None:
        c0 = time.process_time()
        for n, page in enumerate(pages):
            if n == distinct:
                first_pass.append(time.process_time() - c0)
            pipeline.fix(page)

    progress(f"throughput: {len(pages)} pages, {size / MB:.2f} MB, page by page")
    chunks = repeat(timed("pages", each_page), args.repeats, args.budget)
    peak_pages = peak_rss_mb()
    progress(f"throughput: {size / MB:.2f} MB as one text")
    whole = repeat(timed("one_text", lambda: pipeline.fix(big)), args.repeats, args.budget)
    peak_one_text = peak_rss_mb()
    progress(f"linearity: {small_size / MB:.2f} MB as one text")
    part = repeat(timed("small", lambda: pipeline.fix(small)), args.repeats, args.budget)
    progress(
        f"linearity: pages that do not repeat, {nbytes(fresh_small) / MB:.2f} MB and "
        f"{nbytes(fresh_big) / MB:.2f} MB as one text"
    )
    fresh_part = repeat(
        timed("fresh_small", lambda: pipeline.fix(fresh_small)), args.repeats, args.budget
    )
    fresh_whole = repeat(
        timed("fresh_big", lambda: pipeline.fix(fresh_big)), args.repeats, args.budget
    )

    chunk_rate = chunk_bytes / MB / median(chunks)
    big_rate = size / MB / median(whole)
    per_mb_small = median(part) / (small_size / MB)
    per_mb_big = median(whole) / (size / MB)
    linearity = per_mb_big / per_mb_small
    fresh_per_mb_small = median(fresh_part) / (nbytes(fresh_small) / MB)
    fresh_per_mb_big = median(fresh_whole) / (nbytes(fresh_big) / MB)
    fresh_linearity = fresh_per_mb_big / fresh_per_mb_small
    first_rate = (
        sum(nbytes(p) for p in fresh) / MB / median(first_pass) if first_pass else chunk_rate
    )
    lexicon_only = lexicon_rss_mb()
    # Memory is judged in child processes that hold what a user's process holds (this one
    # also holds the benchmark's own texts); this process's peaks are kept as details.
    progress(f"memory: {args.mb:g} MB page by page, and as one text, in child processes")
    child_pages = memory_in_child("pages", args.mb)
    child_one_text = memory_in_child("one_text", args.mb)
    mem_pages = child_pages if child_pages is not None else peak_pages
    mem_one_text = child_one_text if child_one_text is not None else peak_one_text
    report.results["throughput"] = {
        "pages": len(pages),
        "distinct_pages": distinct,
        "chunks": {
            "bytes": chunk_bytes,
            "words": chunk_words,
            "cpu_s": chunks,
            "wall_s": walls["pages"],
            "mb_per_s": chunk_rate,
            "words_per_s": chunk_words / median(chunks),
            "first_pass_cpu_s": first_pass,
            "first_pass_mb_per_s": first_rate,
        },
        "one_text": {
            "bytes": size,
            "words": words,
            "cpu_s": whole,
            "wall_s": walls["one_text"],
            "mb_per_s": big_rate,
            "words_per_s": words / median(whole),
        },
    }
    report.results["linearity"] = {
        "small_bytes": small_size,
        "small_cpu_s": part,
        "big_bytes": size,
        "cpu_s_per_mb_small": per_mb_small,
        "cpu_s_per_mb_big": per_mb_big,
        "ratio": linearity,
        "distinct_small_bytes": nbytes(fresh_small),
        "distinct_small_cpu_s": fresh_part,
        "distinct_big_bytes": nbytes(fresh_big),
        "distinct_big_cpu_s": fresh_whole,
        "distinct_ratio": fresh_linearity,
        "wall_s": walls,
    }
    report.results["memory"] = {
        "peak_rss_mb_pages": mem_pages,
        "peak_rss_mb_one_text": mem_one_text,
        "child_measured": child_pages is not None and child_one_text is not None,
        "this_process_peak_rss_mb_pages": peak_pages,
        "this_process_peak_rss_mb_one_text": peak_one_text,
        "lexicon_only_rss_mb": lexicon_only,
        "rss_now_mb": current_rss_mb(),
        "fuzzy_index_loaded": pipeline.lexicon.fuzzy_loaded,
    }
    lexicon_note = f"; every lexicon tier alone: {lexicon_only:.0f} MB" if lexicon_only else ""
    report.checks += [
        Check(
            "throughput_pages",
            f"2. throughput, {len(pages)} pages one by one ({chunk_bytes / MB:.2f} MB)",
            f"≥ {THROUGHPUT_MIN_MB_S:g} MB/s per core",
            f"{fmt_rate(chunk_rate)} MB/s, {chunk_words / median(chunks):,.0f} words/s "
            f"({len(chunks)} runs; the first {distinct}, never seen before: "
            f"{fmt_rate(first_rate)} MB/s)",
            chunk_rate >= THROUGHPUT_MIN_MB_S,
            chunk_rate,
        ),
        Check(
            "throughput_one_text",
            f"2. throughput, one text of {size / MB:.2f} MB",
            f"≥ {THROUGHPUT_MIN_MB_S:g} MB/s per core",
            f"{fmt_rate(big_rate)} MB/s, {words / median(whole):,.0f} words/s ({len(whole)} runs)",
            big_rate >= THROUGHPUT_MIN_MB_S,
            big_rate,
        ),
        Check(
            "peak_rss",
            f"3. peak memory (max RSS), full lexicon loaded, {args.mb:g} MB of pages one by one",
            f"≤ {PEAK_RSS_MAX_MB:g} MB",
            f"{mem_pages:.0f} MB{lexicon_note}; this process, which also holds the "
            f"benchmark's texts: {peak_pages:.0f} MB",
            mem_pages <= PEAK_RSS_MAX_MB,
            mem_pages,
        ),
        Check(
            "peak_rss_one_text",
            f"3. peak memory (max RSS), full lexicon loaded, one text of {size / MB:.2f} MB",
            f"≤ {PEAK_RSS_MAX_MB:g} MB",
            f"{mem_one_text:.0f} MB; this process: {peak_one_text:.0f} MB",
            mem_one_text <= PEAK_RSS_MAX_MB,
            mem_one_text,
        ),
        Check(
            "linearity",
            f"4. time per MB, one text: {size / MB:.2f} MB vs {small_size / MB:.2f} MB",
            f"ratio ≤ {LINEARITY_MAX:g}",
            f"{linearity:.2f} ({per_mb_big:.2f} vs {per_mb_small:.2f} CPU s/MB)",
            linearity <= LINEARITY_MAX,
            linearity,
        ),
        Check(
            "linearity_distinct",
            f"4. time per MB, one text of pages that do not repeat: "
            f"{nbytes(fresh_big) / MB:.2f} MB vs {nbytes(fresh_small) / MB:.2f} MB",
            f"ratio ≤ {LINEARITY_MAX:g}",
            f"{fresh_linearity:.2f} ({fresh_per_mb_big:.2f} vs {fresh_per_mb_small:.2f} CPU s/MB)",
            fresh_linearity <= LINEARITY_MAX,
            fresh_linearity,
        ),
    ]


def child_memory(mode: str, megabytes: float) -> float:
    """Run in a child process: peak RSS (MB) of a Python that loads every lexicon tier, then
    fixes ``megabytes`` MB of the corpus pages, read one at a time (``pages``, as a batch
    worker does), or joined into one text (``one_text``), holding only what a user would."""
    pipeline = ocrfix.Pipeline()
    warm_lexicon(pipeline)
    paths = ocr_files()
    if mode == "pages":
        size = done = 0
        while size < megabytes * MB:
            text = read(paths[done % len(paths)])
            pipeline.fix(text)
            size += nbytes(text)
            done += 1
    else:
        text = join_pages(build_pages([read(p) for p in paths], megabytes))
        fixed = pipeline.fix(text)
        del fixed
    return high_water_mark_mb()


def high_water_mark_mb() -> float:
    """Peak RSS of this process in MB: ``VmHWM`` where there is one, else ``ru_maxrss``."""
    peak = proc_status_mb("VmHWM")
    return peak if peak is not None else peak_rss_mb()


def memory_in_child(mode: str, megabytes: float) -> float | None:
    """:func:`child_memory` in a fresh process (None if it failed)."""
    argv = [sys.executable, str(Path(__file__).resolve()), "--child-memory", mode, str(megabytes)]
    proc = subprocess.run(argv, env=child_env(), capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return None
    return float(proc.stdout.split()[-1])


def lexicon_rss_mb() -> float | None:
    """Peak RSS of a fresh Python that loads every lexicon tier and fixes one page (the
    warm-up of :func:`child_memory`, with no megabytes after it)."""
    return memory_in_child("pages", 0)


# ---------------------------------------------------------------------------
# 5. symspellpy baseline
# ---------------------------------------------------------------------------


def bench_symspell(args: argparse.Namespace, report: Report, pages: list[str]) -> None:
    progress("symspellpy: building its index (not timed)")
    t0 = time.perf_counter()
    index = symspell_index()
    if index is None:
        report.notes.append("symspellpy is not installed or its dictionary will not load")
        return
    build_s = time.perf_counter() - t0
    from symspellpy import Verbosity

    text = join_pages(pages)
    tokens = [t.lower() for t in _ALPHA.findall(text)]
    size = sum(nbytes(p) for p in pages)
    lookup = index.lookup
    closest = Verbosity.CLOSEST

    def run() -> float:
        cpu, _ = cpu_time(lambda: [lookup(t, closest, max_edit_distance=2) for t in tokens])
        return cpu

    progress(f"symspellpy: {len(tokens):,} lookups")
    runs = repeat(run, args.repeats, args.budget)
    rate = size / MB / median(runs)
    entry: dict[str, Any] = {
        "index_build_s": build_s,
        "tokens": len(tokens),
        "cpu_s": runs,
        "mb_per_s": rate,
        "words_per_s": len(tokens) / median(runs),
    }
    report.results["symspell"] = entry
    ours = report.results.get("throughput", {}).get("chunks", {}).get("mb_per_s")
    if ours is None:
        report.notes.append("symspellpy: no ocrfix throughput to compare with (--only)")
        return
    ratio = ours / rate
    entry["ocrfix_over_symspell"] = ratio
    report.checks.append(
        Check(
            "symspell_ratio",
            f"5. ocrfix MB/s ÷ symspellpy lookup MB/s ({len(tokens):,} tokens)",
            f"≥ {SYMSPELL_MIN_RATIO:g}×",
            f"{ratio:.3g}× ({fmt_rate(ours)} vs {fmt_rate(rate)} MB/s; "
            f"{len(tokens) / median(runs):,.0f} lookups/s)",
            ratio >= SYMSPELL_MIN_RATIO,
            ratio,
        )
    )


# ---------------------------------------------------------------------------
# Throughput per damage level (issue 16)
# ---------------------------------------------------------------------------


def level_texts(megabytes: float) -> dict[str, list[str]]:
    """The texts of each kind, each once: up to ``megabytes`` MB of born-digital UN
    resolutions (``clean``) and every real page read with Tesseract's default segmentation
    at each damage level (``corpora/real``); kinds whose files are absent are left out."""
    kinds: dict[str, list[str]] = {}
    clean: list[str] = []
    size = 0
    for path in sorted(UN_TEXTS.glob("A_RES_*.json")) if UN_TEXTS.is_dir() else []:
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        clean.append(text)
        size += nbytes(text)
        if size >= megabytes * MB:
            break
    if clean:
        kinds["clean"] = clean
    for level in LEVELS:
        files = sorted(REAL_PAGES.glob(f"*-{level}.ocr.txt")) if REAL_PAGES.is_dir() else []
        if files:
            kinds[level] = [read(f) for f in files]
    return kinds


def symspell_index() -> Any | None:
    """symspellpy's index of its bundled English dictionary, or None without symspellpy."""
    try:
        import symspellpy
        from symspellpy import SymSpell
    except ImportError:
        return None
    dictionary = Path(symspellpy.__file__).with_name("frequency_dictionary_en_82_765.txt")
    index = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    return index if index.load_dictionary(str(dictionary), term_index=0, count_index=1) else None


def bench_levels(args: argparse.Namespace, report: Report, pipeline: ocrfix.Pipeline) -> None:
    """MB/s and words/s of ``Pipeline.fix`` per kind of text, each text fixed once per run
    with empty memos, and symspellpy's per-word lookups on the medium pages in the same run."""
    kinds = level_texts(args.mb)
    if not kinds:
        report.notes.append(
            f"levels: neither {UN_TEXTS} nor {REAL_PAGES} is here: no per-level throughput"
        )
        return
    results: dict[str, Any] = {}
    for kind, texts in kinds.items():
        size, words = sum(nbytes(t) for t in texts), sum(len(t.split()) for t in texts)
        progress(f"levels: {kind}, {len(texts)} texts, {size / MB:.2f} MB, each once")

        def each(texts: list[str] = texts) -> float:
            forget(pipeline)
            cpu, _ = cpu_time(lambda: [pipeline.fix(t) for t in texts])
            return cpu

        runs = repeat(each, args.repeats, args.budget)
        results[kind] = {
            "texts": len(texts),
            "bytes": size,
            "words": words,
            "cpu_s": runs,
            "mb_per_s": size / MB / median(runs),
            "words_per_s": words / median(runs),
        }
    index = symspell_index() if "medium" in kinds else None
    if index is not None:
        from symspellpy import Verbosity

        tokens = [t.lower() for p in kinds["medium"] for t in _ALPHA.findall(p)]
        words = results["medium"]["words"]
        progress(f"levels: symspellpy, {len(tokens):,} lookups on the medium pages")

        def lookups() -> float:
            cpu, _ = cpu_time(
                lambda: [index.lookup(t, Verbosity.CLOSEST, max_edit_distance=2) for t in tokens]
            )
            return cpu

        runs = repeat(lookups, args.repeats, args.budget)
        # (Words as ocrfix counts them, whitespace-separated, over the same CPU time.)
        results["symspell_medium"] = {"cpu_s": runs, "words_per_s": words / median(runs)}
    report.results["levels"] = results
    for kind, minimum in LEVEL_MIN_MB_S.items():
        if kind not in results:
            continue
        r = results[kind]
        what = "born-digital UN resolutions" if kind == "clean" else f"real pages, {kind}"
        report.checks.append(
            Check(
                f"levels_{kind}",
                f"16. throughput, {what} ({r['bytes'] / MB:.2f} MB, each once)",
                f"≥ {minimum:g} MB/s",
                f"{fmt_rate(r['mb_per_s'])} MB/s, {r['words_per_s']:,.0f} words/s",
                r["mb_per_s"] >= minimum,
                r["mb_per_s"],
            )
        )
    if "symspell_medium" in results:
        ours, theirs = results["medium"], results["symspell_medium"]
        ratio = ours["words_per_s"] / theirs["words_per_s"]
        report.checks.append(
            Check(
                "levels_medium_vs_symspell",
                "16. words/s on the medium real pages, ocrfix ÷ symspellpy's per-word lookup",
                "≥ 1×",
                f"{ratio:.2f}× ({ours['words_per_s']:,.0f} vs {theirs['words_per_s']:,.0f} "
                f"words/s; ocrfix {fmt_rate(ours['mb_per_s'])} MB/s)",
                ratio >= 1.0,
                ratio,
            )
        )


# ---------------------------------------------------------------------------
# 6. Batch
# ---------------------------------------------------------------------------


def output_files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    }


def bench_batch(args: argparse.Namespace, report: Report) -> None:
    command, _ = console_command()
    env = child_env()
    files = ocr_files()[:BATCH_FILES]
    with tempfile.TemporaryDirectory(prefix="ocrfix-speed-batch-") as tmp:
        src = Path(tmp) / "src"
        for f in files:
            folder = src / f.name.split("-p")[0]
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, folder / f.name)
        size = sum(f.stat().st_size for f in files)
        outputs: dict[int, dict[str, bytes]] = {}
        cpu: dict[int, list[float]] = {1: [], 2: []}  # all processes of the run

        def run(jobs: int) -> float:
            dst = Path(tmp) / f"dst{jobs}"
            shutil.rmtree(dst, ignore_errors=True)
            argv = [*command, "batch", str(src), str(dst), "--jobs", str(jobs), "-q"]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.run(argv, cwd=tmp, env=env, capture_output=True, check=False)
            elapsed = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[jobs].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if proc.returncode != 0:
                raise BenchmarkError(
                    f"ocrfix batch --jobs {jobs} exited {proc.returncode}: "
                    f"{proc.stderr.decode(errors='replace').strip()[:300]}"
                )
            outputs[jobs] = output_files(dst)
            return elapsed

        one: list[float] = []
        two: list[float] = []
        start = time.perf_counter()
        progress(f"batch: {len(files)} files, --jobs 1 and --jobs 2")
        while len(one) < args.repeats:  # interleaved: both see the same load
            one.append(run(1))
            two.append(run(2))
            if time.perf_counter() - start >= 2 * args.budget:
                break
        same = outputs[1] == outputs[2] and len(outputs[1]) == len(files)
    speedup = median(one) / median(two)
    n_cpus = cpus()
    report.results["batch"] = {
        "files": len(files),
        "bytes": size,
        "jobs1_s": one,
        "jobs2_s": two,
        "jobs1_cpu_s": cpu[1],
        "jobs2_cpu_s": cpu[2],
        "jobs2_cpu_per_wall": median(cpu[2]) / median(two),
        "speedup": speedup,
        "speedup_of_fastest_runs": min(one) / min(two),
        "cpus": n_cpus,
        "identical_outputs": same,
    }
    if not same:
        report.notes.append("batch: --jobs 1 and --jobs 2 wrote different outputs")
    busy = median(cpu[2]) / median(two)
    if n_cpus >= 2 and busy < 1.5:
        report.notes.append(
            f"batch: the --jobs 2 runs kept only {busy:.2f} CPUs busy on average (load average "
            f"{load_average()}): other processes held the rest, which bounds the speed-up"
        )
    report.checks.append(
        Check(
            "batch_speedup",
            f"6. `ocrfix batch` {len(files)} files: --jobs 1 ÷ --jobs 2 (medians, wall)",
            f"≥ {BATCH_MIN_SPEEDUP:g} on ≥ 2 CPUs",
            f"{speedup:.2f}× ({median(one):.1f} s vs {median(two):.1f} s, {len(one)} runs; "
            f"fastest runs: {min(one) / min(two):.2f}×; "
            f"--jobs 2 kept {median(cpu[2]) / median(two):.2f} CPUs busy; "
            f"outputs {'identical' if same else 'DIFFER'})",
            None if n_cpus < 2 else (speedup >= BATCH_MIN_SPEEDUP and same),
            speedup,
        )
    )


# ---------------------------------------------------------------------------
# 7. Adversarial shapes
# ---------------------------------------------------------------------------

_SENTENCE = (
    "Reguests the Secretary-General to submit to the General Assembly at its sixty-third "
    "session a report on the implementation of the present resolution, including on "
    "international migration and devel opment; "
)
_WORDS = "developmentassistanceinternationalcooperationsecretarygeneralremittances"


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def shape_line(size: int) -> str:
    """One line of ``size`` characters: a UN sentence with two OCR errors, repeated."""
    return _fill(_SENTENCE, size)


def shape_token(size: int) -> str:
    """One token of ``size`` letters: UN words run together (the merged-word segmenter's
    worst case), between two ordinary words."""
    return "The " + _fill(_WORDS, size) + " continues.\n"


def shape_footnotes(lines: int) -> str:
    """``lines`` footnote-like lines (number, reference, trailing marker digit)."""
    return "".join(
        f"{i} See resolution {60 + i % 9}/{i % 300} of the General Assembly, para. {i % 7}.\n"
        for i in range(1, lines + 1)
    )


def shape_punctuation(size: int) -> str:
    """Four punctuation runs of ``size``/4 characters each (leader dots, hyphens, commas,
    '?!'), between words."""
    k = size // 4
    return (
        f"Contents\n{'.' * k} 3\nIntroduction {'-' * k}\nNotes: {_fill(', ', k)}\n"
        f"Why{_fill('?!', k)} not.\n"
    )


#: name -> (builder, size of 4n at scale 1, unit, description)
SHAPES: dict[str, tuple[Callable[[int], str], int, str, str]] = {
    "single_line": (shape_line, 10 * MB, "characters", "a single line"),
    "long_token": (shape_token, 1 * MB, "characters", "one token"),
    "footnote_lines": (shape_footnotes, 100_000, "lines", "footnote-like lines"),
    "punctuation_runs": (shape_punctuation, 1 * MB, "characters", "punctuation runs"),
}


def child_shape(name: str, big: int, repeats: int, budget: float) -> dict[str, Any]:
    """Run in a child process: CPU times of one shape at n = big/4 and at 4n."""
    build = SHAPES[name][0]
    pipeline = ocrfix.Pipeline()
    warm_lexicon(pipeline)
    out: dict[str, Any] = {}
    for label, size in (("n", max(1, big // 4)), ("4n", big)):
        text = build(size)
        runs = repeat(lambda t=text: cpu_time(lambda: pipeline.fix(t))[0], repeats, budget)
        out[label] = {"size": size, "bytes": nbytes(text), "cpu_s": runs}
    return out


def bench_adversarial(args: argparse.Namespace, report: Report) -> None:
    env = child_env()
    results: dict[str, Any] = {}
    for name, (_, full, unit, what) in SHAPES.items():
        big = max(4, int(full * args.adversarial_scale))
        progress(f"adversarial: {name}, n = {big // 4:,} and 4n = {big:,} {unit}")
        argv = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child-shape",
            name,
            str(big),
            str(args.repeats),
            str(args.budget),
        ]
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(
                argv, env=env, capture_output=True, text=True, timeout=args.timeout, check=False
            )
        except subprocess.TimeoutExpired:
            results[name] = {"timeout_s": args.timeout}
            report.checks.append(
                Check(
                    f"shape_{name}",
                    f"7. {what}: t(4n) ÷ t(n), 4n = {big:,} {unit}",
                    f"≤ {SHAPE_MAX_RATIO:g}",
                    f"timed out after {args.timeout:g} s",
                    False,
                )
            )
            continue
        if proc.returncode != 0:
            tail = proc.stderr.strip().splitlines()[-1:] or ["no message"]
            raise BenchmarkError(f"adversarial shape {name} failed: {tail[0]}")
        data = json.loads(proc.stdout)
        data["child_wall_s"] = time.perf_counter() - t0
        t_n, t_4n = median(data["n"]["cpu_s"]), median(data["4n"]["cpu_s"])
        ratio = t_4n / max(t_n, 1e-9)
        data["ratio"] = ratio
        results[name] = data
        report.checks.append(
            Check(
                f"shape_{name}",
                f"7. {what}: t(4n) ÷ t(n), 4n = {big:,} {unit} ({data['4n']['bytes'] / MB:.2f} MB)",
                f"≤ {SHAPE_MAX_RATIO:g}",
                f"{ratio:.2f} ({fmt_s(t_4n)} vs {fmt_s(t_n)} CPU)",
                ratio <= SHAPE_MAX_RATIO,
                ratio,
            )
        )
    report.results["adversarial"] = results


# ---------------------------------------------------------------------------
# Profile
# ---------------------------------------------------------------------------


def bench_profile(args: argparse.Namespace, report: Report, pages: list[str]) -> None:
    """CPU time per fixer, on the first pass and on the passes after it, and per OCR level
    (no profiler), then cProfile's top functions; each run with empty memos."""
    pipeline = ocrfix.Pipeline()
    warm_lexicon(pipeline)
    first_pass: dict[str, float] = dict.fromkeys(pipeline.names, 0.0)
    later: dict[str, float] = dict.fromkeys(pipeline.names, 0.0)
    passes = [0]  # of the text being fixed: every pass starts with the first stage
    for stage in pipeline.stages:
        propose = stage.propose

        def timed(text: str, ctx: Any, _propose: Any = propose, _name: str = stage.name) -> Any:
            if _name == pipeline.names[0]:
                passes[0] += 1
            c0 = time.process_time()
            edits = list(_propose(text, ctx))
            (first_pass if passes[0] <= 1 else later)[_name] += time.process_time() - c0
            return edits

        object.__setattr__(stage, "propose", timed)  # frozen dataclasses: this instance only

    def each_page() -> None:
        for page in pages:
            passes[0] = 0
            pipeline.fix(page)

    progress(f"profile: {len(pages)} pages, CPU time per fixer")
    forget(pipeline)
    total, _ = cpu_time(each_page)
    stages = {
        name: {
            "cpu_s": first_pass[name] + later[name],
            "first_pass_cpu_s": first_pass[name],
            "later_passes_cpu_s": later[name],
            "share": (first_pass[name] + later[name]) / total,
        }
        for name in pipeline.names
    }
    other = total - sum(v["cpu_s"] for v in stages.values())
    stages["(pipeline: language spans, edit composition)"] = {
        "cpu_s": other,
        "first_pass_cpu_s": other,
        "later_passes_cpu_s": 0.0,
        "share": other / total,
    }

    levels: dict[str, Any] = {}
    plain = ocrfix.Pipeline()
    for level in ("gt", *LEVELS):
        pattern = "*.gt.txt" if level == "gt" else f"*-{level}.ocr.txt"
        texts = [read(p) for p in sorted(PAGES.glob(pattern))]
        size = sum(nbytes(t) for t in texts)
        progress(f"profile: level {level}, {size / MB:.2f} MB")
        forget(plain)
        cpu, _ = cpu_time(lambda ts=texts: [plain.fix(t) for t in ts])  # type: ignore[misc]
        levels[level] = {"bytes": size, "cpu_s": cpu, "mb_per_s": size / MB / cpu}

    progress("profile: cProfile")
    forget(plain)
    profiler = cProfile.Profile()
    profiler.enable()
    for p in pages:
        plain.fix(p)
    profiler.disable()
    stats = pstats.Stats(profiler)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    profiled_total = sum(v[2] for v in raw.values())
    top = sorted(raw.items(), key=lambda kv: kv[1][2], reverse=True)[: args.profile]
    hot = [
        {
            "function": f"{Path(fn).name}:{line}({func})" if fn != "~" else func,
            "calls": calls,
            "own_s": own,
            "own_share": own / profiled_total,
            "cumulative_s": cum,
            "cumulative_share": cum / profiled_total,
        }
        for (fn, line, func), (_cc, calls, own, cum, _callers) in top
    ]
    report.results["profile"] = {"stages": stages, "levels": levels, "hotspots": hot}


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def render(report: Report) -> str:
    s = report.settings
    m = report.machine
    lines = [
        "# ocrfix speed benchmark",
        "",
        f"- command: `{report.command}`",
        f"- ocrfix {ocrfix.__version__}, Python {m['python']}, {m['cpus']} CPUs, "
        f"load average {m['load_before']} before, {m.get('load_after')} after",
        f"- settings: {s['mb']} MB of OCR text, {s['repeats']} repeats (at most "
        f"{s['budget']} s each), adversarial scale {s['adversarial_scale']}",
        f"- run time: {report.run_time_s:.0f} s",
        "",
        "| measure | target | measured | result |",
        "| --- | --- | --- | --- |",
    ]
    for c in report.checks:
        verdict = "n/a" if c.passed is None else ("PASS" if c.passed else "FAIL")
        lines.append(f"| {c.measure} | {c.target} | {c.measured} | {verdict} |")
    lines.append("")
    lines.append(
        "In-process times are CPU seconds of one process (one core); start-up and batch are "
        "wall seconds of subprocesses; each figure is the median of the runs shown."
    )
    prof = report.results.get("profile")
    if prof:
        lines += [
            "",
            "## Profile",
            "",
            "| fixer | CPU s | first pass | later passes | share |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for name, v in sorted(prof["stages"].items(), key=lambda kv: -kv[1]["cpu_s"]):
            lines.append(
                f"| {name} | {v['cpu_s']:.2f} | {v['first_pass_cpu_s']:.2f} | "
                f"{v['later_passes_cpu_s']:.2f} | {100 * v['share']:.1f} % |"
            )
        lines += ["", "| level | MB | MB/s |", "| --- | ---: | ---: |"]
        for level, v in prof["levels"].items():
            lines.append(f"| {level} | {v['bytes'] / MB:.2f} | {v['mb_per_s']:.3g} |")
        lines += [
            "",
            "cProfile (its overhead inflates call-heavy code), by own time:",
            "",
            "| function | calls | own | cumulative |",
            "| --- | ---: | ---: | ---: |",
        ]
        for h in prof["hotspots"]:
            lines.append(
                f"| `{h['function']}` | {h['calls']:,} | {100 * h['own_share']:.1f} % | "
                f"{100 * h['cumulative_share']:.1f} % |"
            )
    if report.notes:
        lines += ["", "Notes:", ""] + [f"- {n}" for n in report.notes]
    return "\n".join(lines) + "\n"


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        description="Speed of ocrfix: start-up, throughput, memory, linearity, symspellpy "
        "baseline, batch scaling, adversarial shapes (issue 6)."
    )
    ap.add_argument(
        "--mb", type=float, default=4.0, help="MB of OCR text for throughput (default 4)"
    )
    ap.add_argument("--repeats", type=int, default=5, help="runs of each measurement (default 5)")
    ap.add_argument(
        "--budget",
        type=float,
        default=30.0,
        metavar="S",
        help="stop repeating a measurement after S seconds of runs (default 30; "
        "at least one run each)",
    )
    ap.add_argument(
        "--adversarial-scale",
        type=float,
        default=1.0,
        metavar="F",
        help="scale the adversarial sizes (4n = 10 MB line, 1 MB token, 100,000 lines, "
        "1 MB of punctuation at 1.0)",
    )
    ap.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="S",
        help="kill an adversarial shape's child process after S seconds (default 300)",
    )
    ap.add_argument(
        "--only",
        metavar="SECTIONS",
        help="comma list of sections to run: " + ", ".join(SECTIONS + EXTRA_SECTIONS),
    )
    ap.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=25,
        default=0,
        metavar="N",
        help="also profile the page-by-page run: per fixer, per level, top N functions",
    )
    ap.add_argument("--json", type=Path, metavar="OUT", help="write every number to OUT")
    ap.add_argument("--child-shape", nargs=4, help=argparse.SUPPRESS)
    ap.add_argument("--child-memory", nargs=2, help=argparse.SUPPRESS)
    return ap


def run(args: argparse.Namespace, command: str) -> Report:
    t0 = time.perf_counter()
    sections = SECTIONS if not args.only else tuple(s.strip() for s in args.only.split(","))
    unknown = [s for s in sections if s not in SECTIONS + EXTRA_SECTIONS]
    if unknown:
        raise BenchmarkError(
            f"unknown section(s) {', '.join(unknown)}; choose from "
            + ", ".join(SECTIONS + EXTRA_SECTIONS)
        )
    if "profile" in sections and not args.profile:
        args.profile = 25
    if args.mb <= 0 or args.repeats < 1 or args.budget < 0 or args.adversarial_scale <= 0:
        raise BenchmarkError("--mb and --adversarial-scale must be > 0, --repeats >= 1")
    report = Report(
        command=command,
        settings={
            "mb": args.mb,
            "repeats": args.repeats,
            "budget": args.budget,
            "adversarial_scale": args.adversarial_scale,
            "sections": list(sections),
        },
        machine={
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": cpus(),
            "load_before": load_average(),
        },
    )
    pipeline = ocrfix.Pipeline()
    texts = [read(p) for p in ocr_files()]
    pages = build_pages(texts, args.mb)
    distinct = min(len(texts), len(pages))
    needs_pipeline = {"startup", "throughput", "levels"} & set(sections) or args.profile
    if needs_pipeline:
        progress("loading the lexicon (every tier)")
        report.results["lexicon_load_s"] = warm_lexicon(pipeline)
    if "startup" in sections:
        progress("start-up")
        bench_startup(args, report, pipeline)
    if "throughput" in sections:
        bench_throughput(args, report, pipeline, pages, distinct)
    if "levels" in sections:
        bench_levels(args, report, pipeline)
    if "symspell" in sections:
        bench_symspell(args, report, pages)
    if "batch" in sections:
        bench_batch(args, report)
    if "adversarial" in sections:
        bench_adversarial(args, report)
    if args.profile:
        bench_profile(args, report, pages)
    report.machine["load_after"] = load_average()
    report.run_time_s = time.perf_counter() - t0
    return report


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.child_memory:
        mode, megabytes = args.child_memory
        print(child_memory(mode, float(megabytes)))
        return 0
    if args.child_shape:
        name, big, repeats, budget = args.child_shape
        print(json.dumps(child_shape(name, int(big), int(repeats), float(budget))))
        return 0
    command = "python benchmarks/speed.py" + "".join(
        f" {a}" for a in (sys.argv[1:] if argv is None else argv)
    )
    try:
        report = run(args, command)
    except BenchmarkError as exc:
        print(f"speed.py: error: {exc}", file=sys.stderr)
        return 2
    print(render(report), end="")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        data = asdict(report)
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        print(f"written: {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
