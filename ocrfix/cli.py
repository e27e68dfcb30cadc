"""The ``ocrfix`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ocrfix", description="Repair OCR text.")
    parser.add_argument("--version", action="version", version=f"ocrfix {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    fix_cmd = sub.add_parser("fix", help="print the fixed text of FILE ('-' for stdin)")
    fix_cmd.add_argument("path", metavar="FILE")
    args = parser.parse_args(argv)

    from .pipeline import Pipeline

    try:
        text = _read(args.path)
    except FileNotFoundError:
        print(f"ocrfix: error: no such file: {args.path}", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"ocrfix: error: {args.path} is not UTF-8 text", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"ocrfix: error: cannot read {args.path}: {exc.strerror}", file=sys.stderr)
        return 2
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    sys.stdout.write(Pipeline().fix(text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
