"""The ``ocrfix`` command line: ``fix``, ``check``, ``explain`` and ``batch``.

Exit codes: 0 done (``check``: nothing to change), 1 ``check`` found changes (``batch``:
some files were not cleaned), 2 a usage error (one ``ocrfix: error: ...`` line).
argparse, not click: it is in the standard library and imports in about 8 ms (click: about
100 ms here), which matters for a pre-commit hook run on every commit. Heavy modules (tqdm,
multiprocessing, difflib, the HTML report) load only when a command needs them.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from . import __version__
from .pipeline import MODES

if TYPE_CHECKING:
    from collections import Counter

    from .calibration import Calibration
    from .config import Config
    from .edits import Result
    from .io import TextFile
    from .marker_shapes import MarkerShapes
    from .pipeline import Pipeline


class UsageError(Exception):
    """A user mistake: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"ocrfix: error: {message} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--config",
        metavar="FILE",
        help="TOML file (default: [tool.ocrfix] of the nearest pyproject.toml)",
    )
    common.add_argument("--mode", choices=MODES, help="output mode (default: faithful)")
    common.add_argument(
        "--min-confidence",
        type=_confidence,
        metavar="P",
        help="make no edit less confident than P, from 0 to 1 (default: 0: every edit the "
        "fixers' own thresholds allow)",
    )
    common.add_argument(
        "--encoding", metavar="ENC", help="decode input files with ENC (default: UTF-8; a BOM wins)"
    )

    parser = _Parser(prog="ocrfix", description="Repair OCR text without damaging it.")
    parser.add_argument("--version", action="version", version=f"ocrfix {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    fix = sub.add_parser(
        "fix",
        parents=[common],
        help="print or rewrite the fixed text",
        description="Print the fixed text of one file ('-': stdin), or "
        "rewrite files in place with -w.",
    )
    fix.add_argument("paths", nargs="+", metavar="PATH", help="files or folders, '-' for stdin")
    fix.add_argument(
        "-w",
        "--write",
        action="store_true",
        help="rewrite the files in place (atomically, keeping their encoding, "
        "BOM and line endings)",
    )
    fix.add_argument("-q", "--quiet", action="store_true", help="say nothing on stderr")

    check = sub.add_parser(
        "check",
        parents=[common],
        help="show what fix would change",
        description="Change nothing; exit 1 if anything would change.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="files or folders, '-' for stdin")
    check.add_argument(
        "--format",
        choices=("diff", "json"),
        default="diff",
        help="a unified diff (default) or the edits as JSON",
    )

    explain = sub.add_parser(
        "explain",
        parents=[common],
        help="list every edit and why",
        description="List every edit: line:column, before -> after, fixer, confidence, reason.",
    )
    explain.add_argument("path", metavar="PATH", help="a file, '-' for stdin")
    explain.add_argument("--html", metavar="OUT", help="also write a review page to OUT")

    batch = sub.add_parser(
        "batch",
        parents=[common],
        help="clean a tree of files into another",
        description="Clean every text file under SRC into DST (same "
        "relative paths), in parallel, with a manifest to resume from.",
    )
    batch.add_argument("src", metavar="SRC")
    batch.add_argument("dst", metavar="DST")
    batch.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="worker processes (default: the number of CPUs)"
    )
    batch.add_argument(
        "--resume",
        action="store_true",
        help="go on with an interrupted run: skip the files done already",
    )
    batch.add_argument(
        "--restart",
        action="store_true",
        help="start again: forget DST's manifest and clean every file",
    )
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")

    learn = sub.add_parser(
        "learn",
        help="learn an OCR confusion table from pages and their ground truth",
        description="Learn what your OCR engine reads for what was printed, from a folder of "
        "NAME.gt.txt / NAME.ocr.txt pairs (NAME-x.ocr.txt pairs with NAME.gt.txt too), and "
        'write it to OUT; use it with model = "OUT" in [tool.ocrfix].',
    )
    learn.add_argument("pairs", metavar="PAIRS_DIR")
    learn.add_argument("-o", "--output", required=True, metavar="OUT", help="the table file")
    learn.add_argument(
        "--min-count",
        type=int,
        default=2,
        metavar="N",
        help="learn only confusions seen N times or more (default 2)",
    )
    learn.add_argument(
        "--alone",
        action="store_true",
        help="the learned confusions only (default: they extend the built-in table)",
    )
    return parser


def _out(text: str) -> None:
    sys.stdout.write(text)


def _utf8_stdout() -> None:
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")


def _confidence(value: str) -> float:
    try:
        p = float(value)
    except ValueError:
        p = -1.0
    if not 0 <= p <= 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number from 0 to 1")
    return p


def _config(args: argparse.Namespace) -> Config:
    import dataclasses

    from . import config

    found = config.discover(args.config)
    if getattr(args, "min_confidence", None) is not None:
        found = dataclasses.replace(found, min_confidence=args.min_confidence)
    return found


def _collect(
    paths: Sequence[str], config: Config, report: Callable[[str], None] | None = None
) -> list[str]:
    """Files named or found in folders (``include``, less ``exclude``), in order, once each.
    A link found in a folder that leads out of it is not followed (``report`` says so)."""
    out: list[str] = []
    for raw in paths:
        if raw == "-":
            out.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            from .batch import iter_files, leaves_tree  # deferred: only folders need it

            for rel in iter_files(path, config):
                if leaves_tree(path, rel):
                    if report is not None:
                        report(f"{path / rel}: symbolic link out of {raw}: not followed")
                    continue
                out.append(str(path / rel))
        elif path.exists():
            if not config.excluded(path):
                out.append(raw)
        else:
            raise UsageError(f"no such file or folder: {raw}")
    return list(dict.fromkeys(out))


def _read(path: str, encoding: str | None) -> TextFile:
    from .io import decode, read_text

    if path == "-":
        return decode(sys.stdin.buffer.read(), encoding, name="<stdin>")
    return read_text(path, encoding)


class _Run:
    """Shared state of one command: the pipeline and the worst exit status so far."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.config = _config(args)
        self.mode: Any = args.mode or self.config.mode
        self.pipeline: Pipeline = self.config.pipeline(self.mode)
        self.encoding: str | None = args.encoding
        if self.encoding is not None:
            import codecs

            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise UsageError(f"unknown encoding {self.encoding!r}") from None
        self.status = 0

    def load(self, path: str) -> tuple[TextFile, Result] | None:
        """Read and fix ``path``; report an unreadable file and return None."""
        from .io import FileFormatError

        try:
            file = _read(path, self.encoding)
        except FileFormatError as exc:
            self.fail(str(exc))
            return None
        except OSError as exc:
            self.fail(f"cannot read {path}: {exc.strerror or exc}")
            return None
        return file, self.pipeline.fix_and_explain(file.text, self.mode)

    def fail(self, message: str) -> None:
        print(f"ocrfix: error: {message}", file=sys.stderr)
        self.status = 2


def _fixed(result: Result) -> str:
    if result.structure is not None:
        import json

        return json.dumps(result.structure, ensure_ascii=False, indent=2) + "\n"
    return result.text


def cmd_fix(args: argparse.Namespace) -> int:
    run = _Run(args)
    files = _collect(args.paths, run.config, run.fail)
    if args.write:
        if "-" in files:
            raise UsageError("-w/--write cannot rewrite stdin ('-')")
        if run.mode == "structured":
            raise UsageError("-w/--write with --mode structured would replace text by JSON")
    elif len(files) > 1:
        raise UsageError(
            f"{len(files)} files to fix: pass -w/--write to rewrite them in place, "
            "or use 'ocrfix check' to see the changes"
        )
    from .io import FileFormatError, TextFormat, write_text

    for path in files:
        loaded = run.load(path)
        if loaded is None:
            continue
        file, result = loaded
        if not args.write:
            newline = "\n" if result.structure is not None else file.format.newline
            sys.stdout.flush()
            sys.stdout.buffer.write(TextFormat("utf-8", False, newline).encode(_fixed(result)))
            sys.stdout.flush()
        elif result.changed:
            try:
                write_text(path, result.text, file.format, expected=file.data)
            except FileFormatError as exc:
                run.fail(str(exc))
                continue
            except OSError as exc:
                run.fail(f"cannot write {path}: {exc.strerror or exc}")
                continue
            if not args.quiet:
                n = len(result.edits)
                print(f"fixed {path} ({n} edit{'s' * (n != 1)})", file=sys.stderr)
    return run.status


def _diff(path: str, before: str, after: str) -> str:
    import difflib

    def lines(text: str) -> list[str]:
        out = text.splitlines(keepends=True)
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n\\ No newline at end of file\n"
        return out

    name = path if path != "-" else "<stdin>"
    return "".join(difflib.unified_diff(lines(before), lines(after), f"a/{name}", f"b/{name}"))


def cmd_check(args: argparse.Namespace) -> int:
    run = _Run(args)
    if run.mode == "structured":
        raise UsageError("check compares text: --mode structured cannot be checked")
    files = _collect(args.paths, run.config, run.fail)
    _utf8_stdout()
    changed = 0
    records: list[dict[str, Any]] = []
    for path in files:
        loaded = run.load(path)
        if loaded is None:
            continue
        file, result = loaded
        if not result.changed:
            continue
        changed += 1
        if args.format == "json":
            from .batch import edit_records  # deferred: only JSON output needs it

            name = path if path != "-" else "<stdin>"
            records.extend({"path": name, **r} for r in edit_records(file.text, result.edits))
        else:
            _out(_diff(path, file.text, result.text))
    if args.format == "json":
        import json

        _out(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if changed:
        print(f"ocrfix: {changed} file{'s' * (changed != 1)} would be fixed", file=sys.stderr)
    return max(run.status, 1 if changed else 0)


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + "'"


def cmd_explain(args: argparse.Namespace) -> int:
    run = _Run(args)
    if args.path != "-" and not Path(args.path).is_file():
        what = "a folder" if Path(args.path).is_dir() else "no such file"
        raise UsageError(f"explain takes one file: {args.path} is {what}")
    loaded = run.load(args.path)
    if loaded is None:
        return run.status
    file, result = loaded
    from .batch import edit_records

    _utf8_stdout()
    name = args.path if args.path != "-" else "<stdin>"
    for r in edit_records(file.text, result.edits):
        _out(
            f"{name}:{r['line']}:{r['column']}: {_quote(r['before'])} -> {_quote(r['after'])}"
            f"  [{r['fixer']} {r['confidence']:.2f}] {r['reason']}\n"
        )
    n = len(result.edits)
    print(f"ocrfix: {n} edit{'s' * (n != 1)} in {name}", file=sys.stderr)
    if args.html:
        from .io import write_text
        from .report import render

        page = render(file.text, result.edits, title=name, version=__version__)
        try:
            write_text(args.html, page)
        except OSError as exc:
            raise UsageError(f"cannot write {args.html}: {exc.strerror or exc}") from None
        print(f"ocrfix: wrote {args.html}", file=sys.stderr)
    return run.status


def cmd_batch(args: argparse.Namespace) -> int:
    from . import batch

    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.resume and args.restart:
        raise UsageError("--resume and --restart contradict each other")
    config = _config(args)
    try:
        summary = batch.run(
            args.src,
            args.dst,
            config=config,
            mode=args.mode,
            jobs=args.jobs,
            resume=args.resume,
            restart=args.restart,
            encoding=args.encoding,
            progress=not args.quiet and sys.stderr.isatty(),
            report=lambda message: print(f"ocrfix: {message}", file=sys.stderr),
        )
    except batch.BatchError as exc:
        raise UsageError(str(exc)) from None
    if not args.quiet:
        s = summary
        before = f"; {s.resumed} done in an earlier run" if s.resumed else ""
        print(
            f"ocrfix: cleaned {s.ok} of {s.total} files into {args.dst} ({s.changed} changed, "
            f"{s.edits} edits{before}); {s.skipped} skipped, {s.errors} errors",
            file=sys.stderr,
        )
    return 1 if summary.skipped or summary.errors else 0


def cmd_learn(args: argparse.Namespace) -> int:
    from . import error_model

    if args.min_count < 1:
        raise UsageError("--min-count must be at least 1")
    try:
        learned = error_model.learn_folder(
            args.pairs, min_count=args.min_count, extend=not args.alone
        )
        markers, digits = _learn_shapes(args.pairs, alone=args.alone)
        error_model.save(learned, args.output, markers=markers, digits=digits)
        # How often the word scorer's edits with this model are right on these pairs: the
        # confidence its edits will carry.
        confidence = _learn_confidence(args.pairs, args.output)
        if confidence is not None:
            error_model.save(
                learned, args.output, markers=markers, digits=digits, confidence=confidence
            )
    except error_model.ModelError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    seen = 0 if markers is None else sum(markers.counts.values())
    judged = 0 if confidence is None else sum(n for _, _, n in confidence.steps)
    print(
        f"ocrfix: learned {len(learned.counts)} confusions from {learned.pairs} pairs "
        f"({learned.words} aligned words); {len(learned.table.entries)} in {args.output}; "
        f"{seen} footnote markers read, {sum(digits.values())} digits read as other characters; "
        f"confidence calibrated on {judged} word-scorer edits",
        file=sys.stderr,
    )
    return 0


def _learn_confidence(folder: str, model: str) -> Calibration | None:
    """The calibration of the word scorer's confidence with ``model`` on the pairs of
    ``folder`` (None when it made no edit there that could be judged)."""
    from . import calibration, error_model
    from .pipeline import Pipeline

    pairs = [
        (gt.read_text(encoding="utf-8"), ocr.read_text(encoding="utf-8"))
        for gt, ocr in error_model.pair_files(folder)
    ]
    raw = Pipeline(model=model, config={"character_confusions": {"calibrated": False}})
    found = calibration.samples(pairs, raw)
    return calibration.fit(found) if found else None


def _learn_shapes(folder: str, alone: bool) -> tuple[MarkerShapes | None, Counter[tuple[str, str]]]:
    """The footnote-marker shapes (None when the pairs hold no marker) and the digit-shape
    counts of a folder's pairs, each added to the shipped ones unless ``alone``."""
    from . import digit_shapes, error_model, marker_shapes
    from .fixers.footnote_markers import learn_kinds
    from .lexicon import default_lexicon

    pairs = [
        (gt.read_text(encoding="utf-8"), ocr.read_text(encoding="utf-8"))
        for gt, ocr in error_model.pair_files(folder)
    ]
    digits = digit_shapes.learn(pairs)
    if digits and not alone:
        digits.update(digit_shapes.shipped_counts())
    counts = marker_shapes.learn(pairs)
    if not counts:
        return None, digits
    learned = marker_shapes.MarkerShapes(
        dict(counts),
        learn_kinds(pairs, default_lexicon()),
        dict(marker_shapes.learn_lengths(pairs)),
    )
    return (learned if alone else marker_shapes.merged(marker_shapes.shapes(), learned)), digits


_COMMANDS = {
    "fix": cmd_fix,
    "check": cmd_check,
    "explain": cmd_explain,
    "batch": cmd_batch,
    "learn": cmd_learn,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    from .pipeline import ConfigError

    previous = _on_sigterm()
    try:
        return _COMMANDS[args.command](args)
    except (UsageError, ConfigError) as exc:
        print(f"ocrfix: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        hint = "; run it again with --resume to go on" if args.command == "batch" else ""
        print(f"ocrfix: interrupted{hint}", file=sys.stderr)
        return 130
    except _Terminated:
        print("ocrfix: terminated", file=sys.stderr)
        return 143
    except BrokenPipeError:  # e.g. 'ocrfix check ... | head'
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    finally:
        if previous is not None:
            import signal

            signal.signal(signal.SIGTERM, previous)


class _Terminated(BaseException):
    """SIGTERM, raised where the program is: writes in progress remove their temporary file."""


def _on_sigterm() -> Any:
    """Turn SIGTERM (a timeout, ``kill``) into :class:`_Terminated`; the previous handler."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated

    return signal.signal(signal.SIGTERM, terminate)


if __name__ == "__main__":
    raise SystemExit(main())
