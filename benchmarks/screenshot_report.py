#!/usr/bin/env python3
"""Render the ``ocrfix explain --html`` review page in headless Chromium and screenshot it.

A check by eye that the page archivists review renders well: corrections struck through and
highlighted in context, the table of corrections, a tooltip (shown for one correction).

Usage::

    apt-get install -y chromium        # once
    python benchmarks/screenshot_report.py [FILE] [--out benchmarks/out] [--chromium PATH]

Writes ``report.html`` and ``report.png`` (the first screen, 1200x900) and, when Pillow is
installed, ``report-full.png`` (the whole page) and ``report-tooltip.png`` (a tooltip shown)
into the output folder, and prints their paths.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ocrfix  # noqa: E402
from ocrfix.io import read_text  # noqa: E402
from ocrfix.report import render  # noqa: E402

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def screenshot(chromium: str, page: Path, png: Path, width: int = 1200, height: int = 900) -> None:
    """Screenshot ``page`` (a local HTML file) into ``png`` with headless Chromium."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--screenshot={png}",
                f"--window-size={width},{height}",
                page.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def trim(png: Path) -> bool:
    """Cut the empty background below the page's content (needs Pillow)."""
    try:
        from PIL import Image, ImageChops
    except ImportError:
        return False
    with Image.open(png) as image:
        rgb = image.convert("RGB")
    background = Image.new("RGB", rgb.size, rgb.getpixel((rgb.width - 1, rgb.height - 1)))
    box = ImageChops.difference(rgb, background).getbbox()
    if box:
        rgb.crop((0, 0, rgb.width, min(rgb.height, box[3] + 24))).save(png)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "file", nargs="?", default=str(ROOT / "corpora/seed/un_draft_migration.ocr.txt")
    )
    parser.add_argument("--out", default=str(ROOT / "benchmarks/out"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    if not Path(args.chromium).exists():
        print(f"no Chromium at {args.chromium}: apt-get install -y chromium", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    text = read_text(args.file).text
    result = ocrfix.fix_and_explain(text)
    page = out / "report.html"
    html = render(text, result.edits, title=args.file, version=ocrfix.__version__)
    page.write_text(html, encoding="utf-8")
    written = [page]

    screenshot(args.chromium, page, out / "report.png")
    written.append(out / "report.png")
    lines = text.count("\n") + 1
    full_height = 400 + 23 * lines + 34 * len(result.edits) + 200
    screenshot(args.chromium, page, out / "report-full.png", height=full_height)
    if trim(out / "report-full.png"):
        written.append(out / "report-full.png")
    if result.edits:  # the same page with its first correction focused: its tooltip shows
        forced = out / "report-tooltip.html"
        forced.write_text(html.replace('id="e1" ', 'id="e1" autofocus '), encoding="utf-8")
        screenshot(args.chromium, forced, out / "report-tooltip.png")
        written.append(out / "report-tooltip.png")
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
