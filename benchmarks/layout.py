#!/usr/bin/env python3
"""Score ocrfix's layout analysis on the generated page corpus (``corpora/pages``).

For every page the corpus holds the exact text (``NAME-pPP.gt.txt``), a label for each of its
lines (``NAME-pPP.labels.json``: header, title, body, footnote, footer, pagenum, blank) and
what Tesseract read at each degradation level (``NAME-pPP-LEVEL.ocr.txt``). This script
reports, per input:

- furniture: precision and recall of the lines ``mode="reading"`` removes as furniture,
  against the lines labelled header, footer or pagenum;
- footnotes: precision and recall of the lines taken as footnotes, against those labelled
  footnote;
- CER of the text against its reading-order ground truth (title and body lines in order,
  footnotes after them, sponsor notes first; no furniture), before (the pipeline's faithful
  output) and after (its reading output). Texts are folded first (whitespace runs to one
  space, dash variants to '-'), as benchmarks/BENCHMARK-PROTOCOL says, so only what is kept,
  dropped and moved counts.

Inputs: the GT text itself (its lines align with the labels one to one) and the OCR text of
each level, whose lines are aligned to GT lines by a monotone alignment that maximises the
characters matched over line pairs whose normalized Levenshtein similarity is > 0.6; an OCR line may
also match two adjacent GT lines that Tesseract merged, as a footer's job number and page
number). Precision counts only removed (or footnote) lines that align to a GT line; recall
counts only labelled lines that an OCR line aligns to (what the OCR never printed cannot be
removed); the unaligned counts are reported beside them.

Scopes: ``page`` (each page file alone) and ``doc`` (a document's pages joined in order,
separated by a form feed, ``doc+ff``, or by a blank line only, ``doc-ff``, so that page
breaks must be inferred from the furniture).

Usage::

    python benchmarks/layout.py [--corpus corpora/pages] [--levels light,medium,heavy]
        [--scopes page,doc+ff,doc-ff] [--no-fixers]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

import ocrfix
from ocrfix.layout import analyse

FURNITURE_LABELS = frozenset({"header", "footer", "pagenum"})
BODY_LABELS = frozenset({"title", "body"})
MATCH = 0.6
MERGE_PENALTY = 2.0
_DASHES = {c: "-" for c in [*range(0x2010, 0x2016), 0x2212]}


def fold(text: str) -> str:
    """Whitespace runs to one space, dash variants to '-', ends stripped."""
    return re.sub(r"\s+", " ", text.translate(_DASHES)).strip()


@dataclass
class Page:
    doc: str
    page: int
    gt_lines: list[str]
    labels: list[str]
    ocr: dict[str, str]  # level -> OCR text


@dataclass
class Counts:
    """Confusion counts of one detector, plus what could not be aligned."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    unaligned_predicted: int = 0
    unaligned_labelled: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.unaligned_predicted += other.unaligned_predicted
        self.unaligned_labelled += other.unaligned_labelled

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Row:
    name: str
    pairs: int = 0
    furniture: Counts = field(default_factory=Counts)
    footnotes: Counts = field(default_factory=Counts)
    gt_chars: int = 0
    edits_before: int = 0
    edits_after: int = 0


def load(corpus: Path) -> list[Page]:
    """Pages of the corpus, in document and page order, with every level's OCR."""
    pages: dict[tuple[str, int], Page] = {}
    with open(corpus / "manifest.jsonl", encoding="utf-8") as fh:
        for raw in fh:
            if not raw.strip():
                continue
            rec = json.loads(raw)
            key = (rec["doc"], int(rec["page"]))
            if key not in pages:
                gt = (corpus / rec["gt"]).read_text(encoding="utf-8")
                labels = json.loads((corpus / rec["labels_file"]).read_text(encoding="utf-8"))
                gt_lines = gt.split("\n")
                if gt_lines and gt_lines[-1] == "":
                    gt_lines.pop()
                if len(gt_lines) != len(labels):
                    print(f"warning: {rec['gt']}: {len(gt_lines)} lines, {len(labels)} labels")
                    continue
                pages[key] = Page(rec["doc"], key[1], gt_lines, labels, {})
            pages[key].ocr[rec["level"]] = (corpus / rec["ocr"]).read_text(encoding="utf-8")
    return [pages[k] for k in sorted(pages)]


def reading_truth(gt_lines: Sequence[str], labels: Sequence[str]) -> str:
    """The reading order of labelled lines: title and body, then footnotes (stars first)."""
    body = [t for t, lab in zip(gt_lines, labels) if lab in BODY_LABELS]
    notes: list[list[str]] = []
    prev = "blank"
    for text, lab in zip(gt_lines, labels):
        if lab == "footnote":
            if prev != "footnote":
                notes.append([])
            notes[-1].append(text)
        prev = lab
    ordered = [n for n in notes if n[0].startswith("*")] + [
        n for n in notes if not n[0].startswith("*")
    ]
    return fold(" ".join(body + [" ".join(n) for n in ordered]))


def align(ocr: Sequence[str], gt: Sequence[str]) -> list[list[int]]:
    """For each OCR line, the GT lines it matches (none, one, or two merged neighbours).

    A monotone alignment maximising the characters matched (half the Indel similarity) over
    pairs whose normalized Levenshtein similarity exceeds ``MATCH``; a merge of two GT lines
    pays a small penalty and needs each of them found in the OCR line.
    """
    o_idx = [i for i, t in enumerate(ocr) if t.strip()]
    g_idx = [j for j, t in enumerate(gt) if t.strip()]
    o_txt = [fold(ocr[i]) for i in o_idx]
    g_txt = [fold(gt[j]) for j in g_idx]
    n, m = len(o_idx), len(g_idx)

    def gain(a: str, b: str) -> float:
        if Levenshtein.normalized_similarity(a, b) <= MATCH:
            return -1.0
        return Indel.similarity(a, b) / 2

    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    for a in range(n + 1):
        for b in range(m + 1):
            if not (a or b):
                continue
            best, how = -1.0, (0, 0)
            if a and score[a - 1][b] > best:
                best, how = score[a - 1][b], (1, 0)
            if b and score[a][b - 1] > best:
                best, how = score[a][b - 1], (0, 1)
            if a and b:
                one = gain(o_txt[a - 1], g_txt[b - 1])
                if one > 0 and score[a - 1][b - 1] + one > best:
                    best, how = score[a - 1][b - 1] + one, (1, 1)
                if b >= 2 and all(
                    fuzz.partial_ratio(piece, o_txt[a - 1]) >= 70
                    for piece in (g_txt[b - 2], g_txt[b - 1])
                ):
                    first, second = g_txt[b - 2], g_txt[b - 1]
                    two = max(
                        gain(o_txt[a - 1], f"{first} {second}"),
                        gain(o_txt[a - 1], f"{second} {first}"),
                    )
                    if two > 0 and score[a - 1][b - 2] + two - MERGE_PENALTY > best:
                        best, how = score[a - 1][b - 2] + two - MERGE_PENALTY, (1, 2)
            score[a][b], move[a][b] = best, how
    out: list[list[int]] = [[] for _ in ocr]
    a, b = n, m
    while a or b:
        da, db = move[a][b]
        if da and db:
            out[o_idx[a - 1]] = [g_idx[b - k] for k in range(db, 0, -1)]
        a, b = a - da, b - db
    return out


def count(
    predicted: Sequence[bool], matches: Sequence[Sequence[int]], positive: Sequence[bool]
) -> Counts:
    """Confusion counts of OCR-line predictions against GT-line labels via the alignment."""
    c = Counts()
    hit = [False] * len(positive)
    aligned = [False] * len(positive)
    for pred, gts in zip(predicted, matches):
        for j in gts:
            aligned[j] = True
            hit[j] = hit[j] or pred
        if not pred:
            continue
        if not gts:
            c.unaligned_predicted += 1
        elif any(positive[j] for j in gts):
            c.tp += 1
        else:
            c.fp += 1
    for j, pos in enumerate(positive):
        if not pos:
            continue
        if not aligned[j]:
            c.unaligned_labelled += 1
        elif not hit[j]:
            c.fn += 1
    return c


def score(
    row: Row,
    pipeline: ocrfix.Pipeline,
    text: str,
    gt_lines: Sequence[str],
    labels: Sequence[str],
    is_gt: bool,
) -> None:
    """Add one (text, GT) pair to ``row``: detection on the text the pipeline hands the
    layout (its faithful output), CER of the reading output."""
    faithful = pipeline.fix(text)
    reading = pipeline.fix(text, mode="reading")
    layout = analyse(faithful)
    lines = [line.text for line in layout.lines]
    if is_gt and len(lines) == len(gt_lines):
        matches = [[i] if gt_lines[i].strip() else [] for i in range(len(lines))]
    else:
        matches = align(lines, gt_lines)
    kinds = list(layout.kinds)
    furniture = [lab in FURNITURE_LABELS for lab in labels]
    notes = [lab == "footnote" for lab in labels]
    row.furniture.add(count([k == "furniture" for k in kinds], matches, furniture))
    row.footnotes.add(count([k == "footnote" for k in kinds], matches, notes))
    truth = reading_truth(gt_lines, labels)
    row.pairs += 1
    row.gt_chars += len(truth)
    row.edits_before += Levenshtein.distance(fold(faithful), truth)
    row.edits_after += Levenshtein.distance(fold(reading), truth)


def documents(pages: Sequence[Page]) -> list[list[Page]]:
    """The pages of each document, in order."""
    docs: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        docs[page.doc].append(page)
    return list(docs.values())


def run(
    pages: Sequence[Page], levels: Sequence[str], scopes: Sequence[str], fixers: bool = True
) -> list[Row]:
    pipeline = ocrfix.Pipeline() if fixers else ocrfix.Pipeline(fixers=[])
    rows: list[Row] = []
    for scope in scopes:
        units = [[p] for p in pages] if scope == "page" else documents(pages)
        form_feed = scope == "doc+ff"
        for level in ["gt", *levels]:
            row = Row(f"{'GT' if level == 'gt' else 'OCR ' + level}, {scope}")
            for unit in units:
                if level != "gt" and any(level not in p.ocr for p in unit):
                    continue
                gt_lines: list[str] = []
                labels: list[str] = []
                texts: list[str] = []
                for k, p in enumerate(unit):
                    if k and not form_feed:  # a blank line between two pages
                        gt_lines.append("")
                        labels.append("blank")
                    gt_lines.extend(p.gt_lines)
                    labels.extend(p.labels)
                    page_text = "\n".join(p.gt_lines) + "\n" if level == "gt" else p.ocr[level]
                    texts.append(page_text if page_text.endswith("\n") else page_text + "\n")
                text = ("\f" if form_feed else "\n").join(texts)
                score(row, pipeline, text, gt_lines, labels, level == "gt")
            if row.pairs:
                rows.append(row)
    return rows


def table(rows: Sequence[Row]) -> str:
    head = (
        "| input | texts | furniture P | furniture R | footnote P | footnote R "
        "| unaligned (removed / furniture) | CER before | CER reading |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    out = [head]
    for r in rows:
        out.append(
            f"| {r.name} | {r.pairs} | {r.furniture.precision:.3f} | {r.furniture.recall:.3f} "
            f"| {r.footnotes.precision:.3f} | {r.footnotes.recall:.3f} "
            f"| {r.furniture.unaligned_predicted} / {r.furniture.unaligned_labelled} "
            f"| {100 * r.edits_before / max(1, r.gt_chars):.2f}% "
            f"| {100 * r.edits_after / max(1, r.gt_chars):.2f}% |"
        )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default="corpora/pages", type=Path)
    ap.add_argument("--levels", default="light,medium,heavy")
    ap.add_argument("--scopes", default="page,doc+ff,doc-ff")
    ap.add_argument(
        "--no-fixers",
        action="store_true",
        help="score the layout alone: no word fixers run before it",
    )
    args = ap.parse_args(argv)
    if not (args.corpus / "manifest.jsonl").is_file():
        print(f"no page corpus at {args.corpus} (build it with benchmarks/make_corpus.py)")
        return 2
    pages = load(args.corpus)
    levels = [lv for lv in args.levels.split(",") if lv]
    scopes = [s for s in args.scopes.split(",") if s]
    bad = [s for s in scopes if s not in ("page", "doc+ff", "doc-ff")]
    if bad:
        ap.error(f"unknown scope(s) {bad}")
    started = time.perf_counter()
    rows = run(pages, levels, scopes, fixers=not args.no_fixers)
    print(table(rows))
    docs = len(documents(pages))
    print(
        f"\n{len(pages)} pages of {docs} documents from {args.corpus}; "
        f"{time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
