"""Clean a tree of text files into another tree, in parallel, resumably.

``run(src, dst)`` writes ``dst/REL`` for every text file ``src/REL`` (``*.txt`` by default),
and records each file in ``dst/.ocrfix-manifest.jsonl`` (one JSON object a line, appended
and flushed as each file is done) and its edits in ``dst/.ocrfix-edits/REL.jsonl``.
Outputs are UTF-8 and keep their input's BOM and line endings; they are written atomically,
so an interrupted run leaves no half-written file, and ``resume=True`` skips the files the
manifest already holds with the same input hash and settings.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import hashlib
import json
import os
import sys
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .config import Config, cached_pipeline, matches, settings_key
from .io import TEMP_SUFFIX, FileFormatError, TextFormat, decode, write_bytes

MANIFEST = ".ocrfix-manifest.jsonl"
EDITS_DIR = ".ocrfix-edits"
#: Test hook: milliseconds to sleep after each file (makes an interrupted run deterministic).
SLOW_ENV = "OCRFIX_TEST_SLOW_MS"


class BatchError(ValueError):
    """A batch that cannot start: bad folders, or a manifest in the way."""


@dataclass
class Summary:
    """Counts by status over the whole batch (files done before a resume included)."""

    total: int = 0
    resumed: int = 0
    ok: int = 0
    changed: int = 0
    edits: int = 0
    skipped: int = 0
    errors: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, record: dict[str, Any]) -> None:
        status = record["status"]
        if status == "ok":
            self.ok += 1
            self.edits += record["edits"]
            self.changed += bool(record["changed"])
        elif status == "skipped":
            self.skipped += 1
        else:
            self.errors += 1
        if record.get("error"):
            self.problems.append(f"{status} {record['path']}: {record['error']}")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def output_name(rel: str, mode: str) -> str:
    """The output path of ``rel``: the same, plus ``.json`` in structured mode."""
    return rel + ".json" if mode == "structured" else rel


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts (for line:column positions)."""
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``."""
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def edit_records(text: str, edits: Iterable[Any]) -> list[dict[str, Any]]:
    """Edits as JSON-ready dicts with 1-based line and column of their start."""
    starts = line_starts(text)
    out = []
    for e in edits:
        line, column = position(starts, e.start)
        out.append(
            {
                "line": line,
                "column": column,
                "start": e.start,
                "end": e.end,
                "before": e.before,
                "after": e.after,
                "fixer": e.fixer,
                "reason": e.reason,
                "confidence": round(e.confidence, 3),
            }
        )
    return out


def run_digest(settings: dict[str, Any], encoding: str | None) -> str:
    """A short fingerprint of everything that decides an output: settings, encoding, version."""
    return _digest(settings_key(settings), encoding)


@functools.lru_cache(maxsize=8)
def _digest(settings_json: str, encoding: str | None) -> str:
    from . import __version__

    key = settings_key({**json.loads(settings_json), "encoding": encoding, "version": __version__})
    return sha256(key.encode())[:16]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def iter_files(root: Path, config: Config) -> Iterator[str]:
    """Relative POSIX paths of the files to clean under ``root``, sorted.

    Hidden folders and excluded paths are skipped; links to folders are not followed.
    """
    for folder, dirs, files in os.walk(root, followlinks=False):
        rel_folder = Path(folder).relative_to(root)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not matches(config.exclude, rel_folder / d)
        )
        for name in sorted(files):
            rel = rel_folder / name
            if config.included(name) and not matches(config.exclude, rel):
                yield rel.as_posix()


def leaves_tree(root: str | os.PathLike[str], rel: str) -> bool:
    """Is ``root/rel`` a symbolic link that leads out of the folder ``root``?"""
    path = Path(root, rel)
    if not path.is_symlink():
        return False
    # (realpath, not Path.resolve: a loop of links is then an unreadable file, not a crash.)
    return not _inside(Path(os.path.realpath(path)), Path(os.path.realpath(root)))


def read_source(src: str | os.PathLike[str], rel: str) -> bytes:
    """The bytes of ``src/rel``; a link that leads out of ``src`` is a FileFormatError."""
    if leaves_tree(src, rel):
        raise FileFormatError("symbolic link out of the source tree: not followed")
    return Path(src, rel).read_bytes()


def clean_file(
    src: str, dst: str, rel: str, settings_json: str, encoding: str | None
) -> dict[str, Any]:
    """Clean ``src/rel`` into ``dst``; return its manifest record (never raises on bad input)."""
    mode = json.loads(settings_json)["mode"]
    record: dict[str, Any] = {
        "path": rel,
        "status": "ok",
        "edits": 0,
        "changed": False,
        "input_sha256": None,
        "output_sha256": None,
        "error": None,
        "settings": _digest(settings_json, encoding),
    }
    try:
        data = read_source(src, rel)
        record["input_sha256"] = sha256(data)
        decoded = decode(data, encoding, name=rel)
        result = cached_pipeline(settings_json).fix_and_explain(decoded.text)
        if result.structure is not None:
            out = json.dumps(result.structure, ensure_ascii=False, indent=2) + "\n"
            output = out.encode("utf-8")
        else:
            fmt = TextFormat("utf-8", decoded.format.bom, decoded.format.newline)
            output = fmt.encode(result.text)
        target = Path(dst, output_name(rel, mode))
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, output)
        log = Path(dst, EDITS_DIR, rel + ".jsonl")
        if result.edits:
            log.parent.mkdir(parents=True, exist_ok=True)
            lines = [
                json.dumps(r, ensure_ascii=False) + "\n"
                for r in edit_records(decoded.text, result.edits)
            ]
            write_bytes(log, "".join(lines).encode("utf-8"))
        elif log.exists():
            log.unlink()  # a stale log of an earlier run with other settings
        record.update(
            edits=len(result.edits),
            changed=result.changed,
            output_sha256=sha256(output),
        )
    except FileFormatError as exc:
        record.update(status="skipped", error=str(exc))
    except OSError as exc:
        record.update(status="error", error=f"{exc.strerror or exc}: {exc.filename or rel}")
    except Exception as exc:  # a bug on one file must not stop a batch of thousands
        record.update(status="error", error=f"{type(exc).__name__}: {exc}")
    slow = os.environ.get(SLOW_ENV)
    if slow:
        time.sleep(int(slow) / 1000)
    return record


class Manifest:
    """The append-only JSONL record of a run, flushed after every file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[str] | None = None

    def records(self) -> dict[str, dict[str, Any]]:
        """The last record of each path (a line cut short by a kill is ignored)."""
        out: dict[str, dict[str, Any]] = {}
        try:
            with open(self.path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    if isinstance(record, dict) and isinstance(record.get("path"), str):
                        out[record["path"]] = record
        except FileNotFoundError:
            pass
        return out

    def open(self, fresh: bool) -> None:
        if fresh:
            self.path.unlink(missing_ok=True)
        elif self.path.exists():
            with open(self.path, "rb+") as fh:  # drop a last line cut short by a kill
                data = fh.read()
                if data and not data.endswith(b"\n"):
                    fh.truncate(data.rfind(b"\n") + 1)
        self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def append(self, record: dict[str, Any]) -> None:
        assert self._fh is not None
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _already_done(
    src: Path, dst: Path, rel: str, record: dict[str, Any], digest: str, mode: str
) -> bool:
    if record.get("settings") != digest or record.get("status") not in ("ok", "skipped"):
        return False
    try:
        if sha256(read_source(src, rel)) != record.get("input_sha256"):
            return False
        if record["status"] == "ok":
            return sha256(Path(dst, output_name(rel, mode)).read_bytes()) == record.get(
                "output_sha256"
            )
    except FileFormatError:  # a link out of the tree: skipped again, as recorded
        return record.get("input_sha256") is None
    except OSError:
        return False
    return True


def remove_temp_files(folder: Path) -> int:
    """Delete the temporary files that an interrupted run left in ``folder``."""
    removed = 0
    for parent, _dirs, files in os.walk(folder):
        for name in files:
            if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(parent, name))
                    removed += 1
    return removed


def check_folders(src: Path, dst: Path) -> tuple[Path, Path]:
    """Resolved ``src`` and ``dst``, or :class:`BatchError` if they cannot be used."""
    if not src.exists():
        raise BatchError(f"no such folder: {src}")
    if not src.is_dir():
        raise BatchError(f"SRC must be a folder: {src}")
    if dst.exists() and not dst.is_dir():
        raise BatchError(f"DST must be a folder: {dst}")
    real_src, real_dst = src.resolve(), dst.resolve()
    if _inside(real_dst, real_src):
        raise BatchError(f"DST {dst} is inside SRC {src}: choose a folder outside the source tree")
    if _inside(real_src, real_dst):
        raise BatchError(f"SRC {src} is inside DST {dst}: outputs could overwrite sources")
    return real_src, real_dst


_worker: tuple[str, str, str, str | None] | None = None


def _init_worker(src: str, dst: str, settings_json: str, encoding: str | None) -> None:
    global _worker  # per-process state of a pool worker
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler: just stop
    _worker = (src, dst, settings_json, encoding)
    cached_pipeline(settings_json)  # one pipeline, and so one lexicon, per worker


def _work(rel: str) -> dict[str, Any]:
    assert _worker is not None
    src, dst, settings_json, encoding = _worker
    return clean_file(src, dst, rel, settings_json, encoding)


@dataclass
class Plan:
    """A batch ready to go: the files still to clean, and the manifest to record them in."""

    src: Path
    dst: Path
    settings_json: str
    encoding: str | None
    todo: list[str]
    summary: Summary
    manifest: Manifest

    def record(self, record: dict[str, Any]) -> None:
        """Append one file's record to the manifest and count it."""
        self.manifest.append(record)
        self.summary.add(record)


def prepare(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str],
    *,
    config: Config | None = None,
    mode: str | None = None,
    resume: bool = False,
    restart: bool = False,
    encoding: str | None = None,
) -> Plan:
    """Check the folders and the configuration, list the files to clean, open the manifest."""
    config = config or Config()
    real_src, real_dst = check_folders(Path(src), Path(dst))
    settings = config.settings(mode)
    config.pipeline(mode)  # a bad configuration fails here, before any worker starts
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise BatchError(f"unknown encoding {encoding!r}") from None
    digest = run_digest(settings, encoding)
    manifest = Manifest(real_dst / MANIFEST)
    if manifest.path.exists() and manifest.path.stat().st_size and not (resume or restart):
        raise BatchError(
            f"{dst} already holds a batch ({MANIFEST}): pass --resume to go on with it, "
            "or --restart to clean every file again"
        )
    real_dst.mkdir(parents=True, exist_ok=True)
    remove_temp_files(real_dst)
    files = list(iter_files(real_src, config))
    previous = manifest.records() if resume else {}
    todo = [
        rel
        for rel in files
        if rel not in previous
        or not _already_done(real_src, real_dst, rel, previous[rel], digest, settings["mode"])
    ]
    manifest.open(fresh=restart)
    summary = Summary(total=len(files), resumed=len(files) - len(todo))
    pending = set(todo)
    for rel in files:  # the files done before count in the totals of the whole batch
        if rel not in pending:
            summary.add(previous[rel])
    return Plan(real_src, real_dst, settings_key(settings), encoding, todo, summary, manifest)


def run(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str],
    *,
    config: Config | None = None,
    mode: str | None = None,
    jobs: int | None = None,
    resume: bool = False,
    restart: bool = False,
    encoding: str | None = None,
    progress: bool = False,
    report: Callable[[str], None] | None = None,
) -> Summary:
    """Clean the tree ``src`` into ``dst`` (see the module doc); ``report`` gets each problem."""
    plan = prepare(
        src, dst, config=config, mode=mode, resume=resume, restart=restart, encoding=encoding
    )
    todo = plan.todo
    args = (str(plan.src), str(plan.dst), plan.settings_json, plan.encoding)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    pool: Any = None
    try:
        if jobs == 1:
            results: Iterator[dict[str, Any]] = (
                clean_file(args[0], args[1], rel, *args[2:]) for rel in todo
            )
        else:
            import multiprocessing

            pool = multiprocessing.Pool(jobs, initializer=_init_worker, initargs=args)
            chunk = max(1, min(16, len(todo) // (jobs * 16)))
            results = pool.imap_unordered(_work, todo, chunksize=chunk)
        with _progress(len(todo), progress) as bar:
            for record in results:
                plan.record(record)
                if record.get("error"):
                    message = plan.summary.problems[-1]
                    if bar is not None:
                        bar.write(f"ocrfix: {message}", file=sys.stderr)
                    elif report is not None:
                        report(message)
                if bar is not None:
                    bar.update(1)
        if pool is not None:
            pool.close()
            pool.join()
            pool = None
    finally:
        if pool is not None:
            pool.terminate()
        plan.manifest.close()
    return plan.summary


@contextlib.contextmanager
def _progress(total: int, enabled: bool) -> Iterator[Any]:
    if not enabled or total == 0:
        yield None
        return
    from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]  # deferred: only a TTY needs it

    bar = tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True, smoothing=0.05)
    try:
        yield bar
    finally:
        bar.close()
