#!/usr/bin/env python3
"""Build the real-page corpus: official UN PDF pages, degraded, read by Tesseract.

Pages of the official PDFs in ``../shared/un-documents/pdf`` (General Assembly resolutions
of sessions 78 and 79, in the UN's own typesetting) are rasterised with ``pdftoppm`` at
300 dpi, degraded at three levels (the same degradation as ``make_corpus.py``) and read by
Tesseract with its DEFAULT settings (page segmentation mode 3); a share of the pages is also
read with ``--psm 4`` and ``--psm 6``. The ground truth of each page is the PDF's own text
layer (PyMuPDF), superscript footnote markers written as plain characters glued to the
previous character (``Development,2``), as in ``corpora/pages``.

The split that nothing crosses: session 78 (``A_RES_78_*``) is ``train``, the pages that
rules and thresholds may be fitted on; session 79 (``A_RES_79_*``) is ``dev``, reported and
never tuned on.

Usage::

    python benchmarks/make_real_corpus.py [--documents ../shared/un-documents]
        [--out corpora/real] [--pages 48] [--psm-pages 12] [--levels light,medium,heavy]
        [--splits train,dev] [--jobs 2] [--keep-images DIR] [--reuse-ocr] [--other-pages]

See benchmarks/README-corpus.md (section "Real pages") for the output format. The output
folder's text files are git-ignored (they are derived from documents we do not commit); its
``manifest.jsonl`` is committed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path
from typing import Any

try:
    import pymupdf
    from PIL import Image
except ImportError as exc:  # pragma: no cover - environment problem
    sys.exit(
        f"make_real_corpus.py: missing Python package ({exc}); "
        "install with: pip install pymupdf pillow numpy rapidfuzz"
    )

try:
    from benchmarks import make_corpus, real_pages
except ImportError:  # run as a script: put the repository root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks import make_corpus, real_pages

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DOCUMENTS = REPO.parent / "shared" / "un-documents"
DEFAULT_OUT = REPO / "corpora" / "real"
DPI = make_corpus.DPI
LEVELS = make_corpus.LEVEL_ORDER
#: Session of a document -> split. Session 78 may be fitted on; session 79 is reported.
SPLITS = {"78": "train", "79": "dev"}
DEFAULT_PSM = 3  # what Tesseract does when no --psm is given
OTHER_PSMS = (4, 6)

# ---------------------------------------------------------------------------
# Page selection
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PageJob:
    pdf: str
    doc: str
    split: str
    page: int
    pages: int
    psms: tuple[int, ...]
    levels: tuple[str, ...]
    keep_dir: str | None = None
    reuse_dir: str | None = None  #: read the OCR texts found here instead of running Tesseract


def split_of(doc: str) -> str | None:
    m = re.match(r"^A_RES_(\d+)_", doc)
    return SPLITS.get(m.group(1)) if m else None


def select_pages(
    pdf_dir: Path,
    splits: Sequence[str],
    per_split: int,
    psm_pages: int,
    levels: Sequence[str],
    keep_dir: str | None = None,
    other_pages: bool = False,
) -> list[PageJob]:
    """Up to ``per_split`` pages of each split, one page of each document, documents and
    pages chosen by a stable hash; the first ``psm_pages`` of them also read at psm 4 and 6.
    With ``other_pages``: of every document of more than one page, another page than the one
    the corpus takes (a check, within a split, of rules designed on its corpus pages)."""
    jobs: list[PageJob] = []
    for split in splits:
        docs = sorted(
            (p for p in pdf_dir.glob("*.pdf") if split_of(p.stem) == split),
            key=lambda p: make_corpus.stable_int("real-doc", p.stem),
        )
        for rank, path in enumerate(docs if other_pages else docs[:per_split]):
            with pymupdf.open(path) as pdf:
                count = pdf.page_count
            page = 1 + make_corpus.stable_int("real-page", path.stem) % count
            if other_pages:
                if count < 2:
                    continue
                corpus_page = page
                page = 1 + make_corpus.stable_int("real-page-extra", path.stem) % count
                if page == corpus_page:
                    page = page % count + 1
            psms = (DEFAULT_PSM, *OTHER_PSMS) if rank < psm_pages else (DEFAULT_PSM,)
            jobs.append(
                PageJob(str(path), path.stem, split, page, count, psms, tuple(levels), keep_dir)
            )
    return sorted(jobs, key=lambda j: (j.doc, j.page))


# ---------------------------------------------------------------------------
# Worker
# ---------------------------------------------------------------------------


#: UN body text is set at 10 pt, the team's pages at 12 pt: the scan resolution of each level
#: is raised in that ratio, so that a letter has as many pixels as on the team's pages and a
#: level means the same damage (not a fitted constant: the ratio of the two type sizes).
UN_BODY_PT = 10.0
DPI_SCALE = make_corpus.BODY_PT / UN_BODY_PT


def degradation_params(doc: str, page: int, level: str) -> dict[str, Any]:
    """``make_corpus``'s degradation of this page and level, at the scaled scan dpi."""
    params = dict(make_corpus.degradation_params(doc, page, level))
    params["dpi"] = round(params["dpi"] * DPI_SCALE)
    return params


def page_name(doc: str, page: int) -> str:
    return f"{doc}-p{page:02d}"


def ocr_name(doc: str, page: int, level: str, psm: int) -> str:
    suffix = "" if psm == DEFAULT_PSM else f"-psm{psm}"
    return f"{page_name(doc, page)}-{level}{suffix}"


def rasterise(pdf: str, page: int, tmpdir: str) -> Image.Image:
    stem = os.path.join(tmpdir, "page")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(DPI),
            "-gray",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            pdf,
            stem,
        ],
        check=True,
        capture_output=True,
    )
    with Image.open(stem + ".png") as im:
        return im.convert("L")


@dataclass
class PageResult:
    job: PageJob
    blocks: list[real_pages.Block]
    ocr: dict[tuple[str, int], str] = field(default_factory=dict)
    params: dict[str, dict[str, Any]] = field(default_factory=dict)


def _reused(job: PageJob) -> dict[tuple[str, int], str] | None:
    """The page's OCR texts from an earlier run, if ``job.reuse_dir`` holds every one."""
    if job.reuse_dir is None:
        return None
    texts = {}
    for level in job.levels:
        for psm in job.psms:
            path = Path(job.reuse_dir) / f"{ocr_name(job.doc, job.page, level, psm)}.ocr.txt"
            if not path.is_file():
                return None
            texts[(level, psm)] = path.read_text(encoding="utf-8")
    return texts


def run_page(job: PageJob) -> PageResult:
    with pymupdf.open(job.pdf) as pdf:
        blocks = real_pages.page_blocks(pdf[job.page - 1], job.page)
    result = PageResult(job, blocks)
    result.params = {lv: degradation_params(job.doc, job.page, lv) for lv in job.levels}
    reused = _reused(job)
    if reused is not None:
        result.ocr = reused
        return result
    with tempfile.TemporaryDirectory(prefix="ocrfix-real-") as tmp:
        clean = rasterise(job.pdf, job.page, tmp)
        if job.keep_dir:
            clean.save(os.path.join(job.keep_dir, page_name(job.doc, job.page) + ".png"))
        for level in job.levels:
            params = result.params[level]
            degraded = make_corpus.degrade(clean, params)
            for psm in job.psms:
                stem = ocr_name(job.doc, job.page, level, psm)
                psm_arg = None if psm == DEFAULT_PSM else str(psm)
                result.ocr[(level, psm)] = make_corpus.run_tesseract(
                    degraded, params["dpi"], tmp, stem, psm_arg
                )
            if job.keep_dir:
                degraded.save(
                    os.path.join(job.keep_dir, f"{page_name(job.doc, job.page)}-{level}.png"),
                    dpi=(params["dpi"],) * 2,
                )
    return result


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def _write(path: Path, text: str, written: set[str]) -> None:
    path.write_text(text, encoding="utf-8")
    written.add(path.name)


def write_page(
    result: PageResult, out: Path, tesseract: str, written: set[str]
) -> list[dict[str, Any]]:
    """Write a page's files (their names added to ``written``); its manifest records, one per
    OCR run."""
    job = result.job
    base = page_name(job.doc, job.page)
    _write(out / f"{base}.gt.txt", real_pages.blocks_text(result.blocks), written)
    labels = real_pages.blocks_labels(result.blocks)
    _write(out / f"{base}.labels.json", json.dumps(labels) + "\n", written)
    records = []
    for level in job.levels:
        for psm in job.psms:
            name = ocr_name(job.doc, job.page, level, psm)
            text = result.ocr[(level, psm)]
            ordered, moved = real_pages.order_like(result.blocks, text)
            gt = real_pages.blocks_text(ordered)
            _write(out / f"{name}.ocr.txt", text, written)
            _write(out / f"{name}.gt.txt", gt, written)
            edits, chars = make_corpus.cer(text, gt)
            params = result.params[level]
            records.append(
                {
                    "name": name,
                    "doc": job.doc,
                    "split": job.split,
                    "page": job.page,
                    "pages": job.pages,
                    "level": level,
                    "psm": psm,
                    "render_dpi": DPI,
                    "dpi": params["dpi"],
                    "degradation": {k: v for k, v in params.items() if k != "dpi"},
                    "gt": f"{name}.gt.txt",
                    "page_gt": f"{base}.gt.txt",
                    "labels_file": f"{base}.labels.json",
                    "ocr": f"{name}.ocr.txt",
                    "blocks_moved": moved,
                    "gt_chars": chars,
                    "edits": edits,
                    "cer": round(edits / chars, 5) if chars else None,
                    "tesseract": tesseract,
                }
            )
    return records


def check_tools() -> str:
    if shutil.which("pdftoppm") is None:
        raise SystemExit(
            "make_real_corpus.py: 'pdftoppm' is not installed; "
            "install it with: apt-get update && apt-get install -y poppler-utils"
        )
    return make_corpus.check_tesseract()


def summary(records: Sequence[dict[str, Any]]) -> list[str]:
    """Pooled CER per split, psm and level."""
    groups: dict[tuple[str, int, str], list[dict[str, Any]]] = {}
    for r in records:
        groups.setdefault((r["split"], r["psm"], r["level"]), []).append(r)
    lines = [
        "| split | psm | level | pages | pooled CER | min | max |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for (split, psm, level), rs in sorted(
        groups.items(), key=lambda kv: (kv[0][0] != "dev", kv[0][1], LEVELS.index(kv[0][2]))
    ):
        cers = [r["cer"] for r in rs if r["cer"] is not None]
        pooled = sum(r["edits"] for r in rs) / max(1, sum(r["gt_chars"] for r in rs))
        lines.append(
            f"| {split} | {psm} | {level} | {len(rs)} | {100 * pooled:.2f} % | "
            f"{100 * min(cers):.2f} % | {100 * max(cers):.2f} % |"
        )
    return lines


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--documents",
        type=Path,
        default=DEFAULT_DOCUMENTS,
        help="the un-documents folder (default: ../shared/un-documents)",
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    ap.add_argument("--pages", type=int, default=48, help="pages per split (default 48)")
    ap.add_argument(
        "--psm-pages",
        type=int,
        default=12,
        help="of those, pages also read with --psm 4 and --psm 6 (default 12)",
    )
    ap.add_argument(
        "--other-pages",
        action="store_true",
        help="another page of every document of the splits than the corpus takes, read at "
        "psm 3 only (write them to another --out: a check of rules on pages of the same "
        "split they were not designed on)",
    )
    ap.add_argument("--levels", default=",".join(LEVELS))
    ap.add_argument("--splits", default="train,dev")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep-images", metavar="DIR", help="also save the page images here")
    ap.add_argument(
        "--reuse-ocr",
        action="store_true",
        help="take the OCR texts already in --out instead of running Tesseract again "
        "(rebuilds the ground truth after a change to real_pages.py; pages without them "
        "are read anew)",
    )
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    levels = [lv for lv in args.levels.split(",") if lv]
    splits = [s for s in args.splits.split(",") if s]
    bad = [lv for lv in levels if lv not in LEVELS] + [
        s for s in splits if s not in SPLITS.values()
    ]
    if bad:
        print(f"make_real_corpus.py: error: unknown level or split {bad[0]!r}", file=sys.stderr)
        return 2
    pdf_dir = args.documents / "pdf"
    if not pdf_dir.is_dir():
        print(f"make_real_corpus.py: error: no folder {pdf_dir}", file=sys.stderr)
        return 2
    tesseract = check_tools()
    if args.keep_images:
        os.makedirs(args.keep_images, exist_ok=True)
    psm_pages = 0 if args.other_pages else args.psm_pages
    if args.other_pages and args.out.resolve() == DEFAULT_OUT.resolve():
        print("make_real_corpus.py: error: --other-pages needs another --out", file=sys.stderr)
        return 2
    jobs = select_pages(
        pdf_dir, splits, args.pages, psm_pages, levels, args.keep_images, args.other_pages
    )
    if args.reuse_ocr:
        jobs = [dataclasses.replace(j, reuse_dir=str(args.out)) for j in jobs]
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    records: list[dict[str, Any]] = []
    written: set[str] = set()
    with Pool(max(1, args.jobs)) as pool:
        for k, result in enumerate(pool.imap_unordered(run_page, jobs), 1):
            records += write_page(result, args.out, tesseract, written)
            print(f"\r  {k}/{len(jobs)} pages", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    for old in [*args.out.glob("*.txt"), *args.out.glob("*.labels.json")]:
        if old.name not in written:  # a page no longer chosen
            old.unlink()
    records.sort(key=lambda r: (r["doc"], r["page"], LEVELS.index(r["level"]), r["psm"]))
    with (args.out / "manifest.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n")
    print("\n".join(summary(records)))
    print(
        f"{len(jobs)} pages, {len(records)} OCR runs in {time.perf_counter() - t0:.0f} s; "
        f"written to {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
