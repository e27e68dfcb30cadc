"""Configuration: ``[tool.ocrfix]`` in ``pyproject.toml``, or a TOML file given with ``--config``.

Keys (all optional)::

    [tool.ocrfix]
    fixers = ["split_words", ...]      # the fixers to run (default: all)
    disable = ["merged_words"]          # fixers to skip
    mode = "faithful"                   # faithful | reading | structured
    words = ["our_words.txt"]           # extra word lists, relative to this file
    protected = ["Ouagadougou"]         # words no fixer may change
    model = "scanner.ocrfix"            # a confusion table from `ocrfix learn`
    min_confidence = 0.9                # make no edit less confident than this
    include = ["*.txt"]                 # files taken when a folder is given
    exclude = ["drafts", "*.gt.txt"]    # files and folders never touched

    [tool.ocrfix.fixer_options.punctuation_spacing]
    stop_for_comma = false

An unknown key, fixer, option or mode is a :class:`~ocrfix.pipeline.ConfigError`.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from .pipeline import MODES, ConfigError, Pipeline

KEYS: tuple[str, ...] = (
    "fixers",
    "disable",
    "fixer_options",
    "mode",
    "words",
    "protected",
    "model",
    "min_confidence",
    "include",
    "exclude",
)
DEFAULT_INCLUDE: tuple[str, ...] = ("*.txt",)


@dataclass(frozen=True)
class Config:
    """A validated configuration; ``root`` is the folder relative paths start from."""

    fixers: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    fixer_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    mode: str = "faithful"
    words: tuple[str, ...] = ()
    protected: tuple[str, ...] = ()
    model: str | None = None  #: a confusion table file (``ocrfix learn``), absolute
    min_confidence: float = 0.0  #: edits less confident than this are not made
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None

    def settings(self, mode: str | None = None) -> dict[str, Any]:
        """What a worker needs to build the pipeline: plain, JSON-ready data."""
        settings: dict[str, Any] = {
            "fixers": None if self.fixers is None else list(self.fixers),
            "disable": list(self.disable),
            "fixer_options": {k: dict(v) for k, v in self.fixer_options.items()},
            "mode": mode or self.mode,
            "words": list(self.words),
            "protected": list(self.protected),
        }
        if self.model is not None:  # (absent otherwise: earlier batch manifests still match)
            settings["model"] = self.model
        if self.min_confidence:  # (the same: absent at its default)
            settings["min_confidence"] = self.min_confidence
        return settings

    def pipeline(self, mode: str | None = None) -> Pipeline:
        """Build (and so validate) the pipeline this configuration describes."""
        return pipeline_from_settings(self.settings(mode), self.source)

    def excluded(self, path: str | os.PathLike[str], base: Path | None = None) -> bool:
        """Does an ``exclude`` pattern match ``path`` (relative to ``base``, else ``root``)?"""
        return bool(self.exclude) and matches(self.exclude, _relative(Path(path), base, self))

    def included(self, path: str | os.PathLike[str]) -> bool:
        """Does an ``include`` pattern match the name of ``path``?"""
        name = PurePath(path).name
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in self.include)


def _relative(path: Path, base: Path | None, config: Config) -> PurePath:
    absolute = Path(os.path.abspath(path))
    for folder in (base, config.root, Path.cwd()):
        if folder is None:
            continue
        try:
            return absolute.relative_to(os.path.abspath(folder))
        except ValueError:
            continue
    return PurePath(*path.parts[1:]) if path.is_absolute() else path


def matches(patterns: Iterable[str], rel: PurePath) -> bool:
    """Match ``rel`` against gitignore-like globs.

    A pattern without ``/`` matches any file or folder name on the path (``drafts``,
    ``*.gt.txt``); a pattern with ``/`` matches the path from its start (``scans/1990/*``);
    a folder that matches excludes everything below it.
    """
    parts = [p for p in rel.as_posix().split("/") if p not in ("", ".")]
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for raw in patterns:
        pattern = raw.strip("/")
        if not pattern:
            continue
        candidates = prefixes if "/" in pattern else parts
        if any(fnmatch.fnmatchcase(c, pattern) for c in candidates):
            return True
    return False


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def from_mapping(table: Mapping[str, Any], *, root: Path, source: Path | None = None) -> Config:
    """Validate the keys of a ``[tool.ocrfix]`` table and return its :class:`Config`."""
    where = str(source) if source else "configuration"
    unknown = [k for k in table if k not in KEYS]
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {unknown[0]!r} in [tool.ocrfix]; known keys: {', '.join(KEYS)}"
        )
    values: dict[str, Any] = {"root": root, "source": source}
    for key in ("disable", "words", "protected", "include", "exclude"):
        if key in table:
            values[key] = _strings(table[key], key, where)
    if "fixers" in table:
        values["fixers"] = _strings(table["fixers"], "fixers", where)
    if "words" in values:
        values["words"] = tuple(str((root / w).resolve()) for w in values["words"])
    if "model" in table:
        if not isinstance(table["model"], str):
            raise ConfigError(f"{where}: 'model' must be the path of a confusion table file")
        values["model"] = str((root / table["model"]).resolve())
    if "min_confidence" in table:
        value = table["min_confidence"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ConfigError(f"{where}: 'min_confidence' must be a number from 0 to 1")
        values["min_confidence"] = float(value)
    if "mode" in table:
        mode = table["mode"]
        if mode not in MODES:
            raise ConfigError(f"{where}: unknown mode {mode!r}; modes: {', '.join(MODES)}")
        values["mode"] = mode
    if "fixer_options" in table:
        options = table["fixer_options"]
        if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
            raise ConfigError(
                f"{where}: 'fixer_options' must hold one table per fixer, "
                "e.g. [tool.ocrfix.fixer_options.punctuation_spacing]"
            )
        values["fixer_options"] = options
    config = Config(**values)
    config.pipeline()  # unknown fixers and options are reported now, naming the file
    return config


def _parse(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):  # deferred: most runs find no config to parse
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        with open(path, "rb") as fh:
            data: dict[str, Any] = tomllib.load(fh)
            return data
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load(path: str | os.PathLike[str]) -> Config:
    """Read a config file: ``[tool.ocrfix]`` of a pyproject.toml, or a TOML file whose keys
    are at the top level or under ``[tool.ocrfix]``."""
    path = Path(path)
    data = _parse(path)
    tool = data.get("tool")
    if isinstance(tool, dict) and "ocrfix" in tool:
        table = tool["ocrfix"]
    elif path.name == "pyproject.toml":
        table = {}
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.ocrfix] must be a table")
    return from_mapping(table, root=path.resolve().parent, source=path)


def find(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.ocrfix]`` table, from ``start`` upward."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        if b"ocrfix" not in raw:  # cheap: most projects' files need no parsing
            continue
        tool = _parse(path).get("tool")
        if isinstance(tool, dict) and "ocrfix" in tool:
            return path
    return None


def discover(config_file: str | os.PathLike[str] | None = None) -> Config:
    """``--config FILE`` if given, else the nearest ``[tool.ocrfix]``, else the defaults."""
    if config_file is not None:
        return load(config_file)
    found = find()
    return load(found) if found is not None else Config()


def pipeline_from_settings(settings: Mapping[str, Any], source: Path | None = None) -> Pipeline:
    """Build a :class:`Pipeline` from :meth:`Config.settings` (in a worker, say)."""
    from .lexicon import Lexicon

    lexicon = None
    words: list[str] = []
    for name in settings.get("words", ()):
        try:
            words.extend(Path(name).read_text(encoding="utf-8").splitlines())
        except OSError as exc:
            where = f"{source}: " if source else ""
            raise ConfigError(f"{where}cannot read word list {name}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise ConfigError(f"word list {name} is not UTF-8 text") from None
    protected = list(settings.get("protected", ()))
    if words or protected:
        lexicon = Lexicon(words=words, protected=protected)
    try:
        return Pipeline(
            settings.get("fixers"),
            disable=settings.get("disable", ()),
            config=settings.get("fixer_options"),
            lexicon=lexicon,
            mode=settings.get("mode", "faithful"),
            model=settings.get("model"),
            min_confidence=settings.get("min_confidence", 0.0),
        )
    except ConfigError as exc:
        raise ConfigError(f"{source}: {exc}" if source else str(exc)) from None


@functools.lru_cache(maxsize=8)
def cached_pipeline(settings_json: str) -> Pipeline:
    """One pipeline (and lexicon) per process for each settings, built on first use."""
    return pipeline_from_settings(json.loads(settings_json))


def settings_key(settings: Mapping[str, Any]) -> str:
    """The canonical JSON of ``settings``: a cache key that travels cheaply to workers."""
    return json.dumps(settings, sort_keys=True, ensure_ascii=False)
