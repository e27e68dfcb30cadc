"""The pipeline: ordered fixers, each proposing edits, composed into edits of the original."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal, TypeVar, get_args

from . import calibration, digit_shapes, error_model, lazy_re, marker_shapes
from .confusions import ConfusionTable
from .edits import Edit, Result, apply_edits, compose, map_spans, non_overlapping
from .fixers import FIXERS
from .fixers._words import damaged
from .fixers.base import Context, Fixer
from .language import other_language_spans
from .lexicon import Lexicon, default_lexicon

_Part = TypeVar("_Part")

#: A line holding this marker is never changed.
IGNORE_MARKER = "ocrfix: ignore"
_IGNORED_LINE = lazy_re.compile(r"^.*" + re.escape(IGNORE_MARKER) + r".*$", re.M)


Mode = Literal["faithful", "reading", "structured"]
#: ``faithful``: same lines, artefacts fixed; ``reading``: page furniture removed, footnotes
#: gathered at the end, paragraphs rejoined; ``structured``: JSON of pages, paragraphs,
#: footnotes and furniture.
MODES: tuple[str, ...] = get_args(Mode)


#: Passes over the text at most; the second finds what the first revealed, rarely a third.
MAX_PASSES = 3


class ConfigError(ValueError):
    """A pipeline was configured with an unknown fixer, option or mode."""


class Pipeline:
    """Run fixers in the canonical order (see :data:`ocrfix.fixers.FIXERS`).

    ``fixers``: names to run (default: all); ``disable``: names to skip; ``config``: options
    per fixer name, e.g. ``{"punctuation_spacing": {"stop_for_comma": False}}``;
    ``lexicon``: a :class:`Lexicon` (default: the shared English + UN lexicon);
    ``mode``: the default output mode (see :data:`MODES`); ``model``: the OCR confusion
    table the word fixers weigh candidates with, a :class:`~ocrfix.confusions.ConfusionTable`
    or the path of a file written by ``ocrfix learn`` (default: the shipped model,
    learned from the training pages; ``ocrfix.confusions.BUILT_IN`` is the team's table); a
    file that also carries footnote-marker and digit shapes, or a calibration of the word
    scorer's confidence, gives those to the fixers;
    ``min_confidence``: edits less confident than this (0 to 1) are not made (the word
    scorer's confidence is the share of its edits right at that posterior on the training
    pages, see :mod:`ocrfix.calibration`).
    """

    def __init__(
        self,
        fixers: Iterable[str] | None = None,
        *,
        disable: Iterable[str] = (),
        config: Mapping[str, Mapping[str, Any]] | None = None,
        lexicon: Lexicon | None = None,
        mode: Mode = "faithful",
        model: ConfusionTable | str | os.PathLike[str] | None = None,
        min_confidence: float = 0.0,
    ) -> None:
        self.mode: Mode = _check_mode(mode)
        if not isinstance(min_confidence, (int, float)) or not 0 <= min_confidence <= 1:
            raise ConfigError(
                f"min_confidence must be a number from 0 to 1, not {min_confidence!r}"
            )
        self.min_confidence = float(min_confidence)
        self.confusions = _confusion_table(model)
        self.markers = _model_part(model, error_model.load_markers, marker_shapes.shapes)
        self.digits = _model_part(model, error_model.load_digits, digit_shapes.shapes)
        self.calibration = _model_part(
            model, error_model.load_calibration, calibration.default_calibration
        )
        by_name = {cls.name: cls for cls in FIXERS}
        wanted = list(by_name) if fixers is None else list(fixers)
        skipped = set(disable)
        config = dict(config or {})
        for name in [*wanted, *skipped, *config]:
            if name not in by_name:
                raise ConfigError(f"unknown fixer {name!r}; known fixers: {', '.join(by_name)}")
        stages: list[Fixer] = []
        for cls in FIXERS:  # canonical order, whatever order the names came in
            if cls.name not in wanted or cls.name in skipped:
                continue
            options = dict(config.get(cls.name, {}))
            fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
            unknown = set(options) - fields
            if unknown:
                raise ConfigError(
                    f"unknown option(s) {', '.join(sorted(unknown))} for fixer {cls.name!r}; "
                    f"options: {', '.join(sorted(fields)) or 'none'}"
                )
            stages.append(cls(**options))
        self.stages: tuple[Fixer, ...] = tuple(stages)
        self._lexicon = lexicon

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    @property
    def lexicon(self) -> Lexicon:
        return self._lexicon if self._lexicon is not None else default_lexicon()

    def fix(self, text: str, mode: Mode | None = None) -> str:
        """The fixed text; in ``structured`` mode, a JSON document."""
        result = self._run(text, mode, explain=False)
        if result.structure is not None:
            return json.dumps(result.structure, ensure_ascii=False, indent=2) + "\n"
        return result.text

    def fix_and_explain(self, text: str, mode: Mode | None = None) -> Result:
        """The fixed text with every edit; ``structured`` mode adds ``Result.structure``."""
        return self._run(text, mode, explain=True)

    def _run(self, text: str, mode: Mode | None, explain: bool) -> Result:
        """The passes of the stages over ``text``; the edits of the original are composed
        only when ``explain`` asks for them (a long text's edits cost memory and time)."""
        if not isinstance(text, str):
            raise TypeError(f"ocrfix fixes str, not {type(text).__name__}")
        mode = self.mode if mode is None else _check_mode(mode)
        original = current = text
        done: list[Edit] = []
        # Ignored lines and other-language paragraphs, found once and followed through edits.
        ignored = _ignored_lines(text)
        foreign: list[tuple[int, int]] | None = None  # found after the Unicode repair
        # Damage is judged on the text as it came in: the fixers late in a pass see a text the
        # earlier ones repaired, which no longer shows how damaged the page was.
        input_damaged = damaged(text, self.lexicon)
        # Stage runs in a row that changed nothing: once every stage has run on the current
        # text without changing it, every later run would see the text it saw and change
        # nothing again (a stage's edits depend only on the text and the lexicon), so the
        # remaining runs of the pass are skipped: the same result as running them.
        unchanged = 0
        for _ in range(MAX_PASSES):
            # A repair can reveal another for an earlier stage ('4.  countriesin': the stop
            # after '4' is judged by the word after it), so passes repeat until nothing
            # changes: that is what makes ``fix`` idempotent.
            changed = False
            for stage in self.stages:
                if unchanged >= len(self.stages):
                    break
                if stage.language_independent:
                    guarded = ignored
                else:
                    if foreign is None:
                        foreign = list(other_language_spans(current))
                    guarded = _merge(ignored + foreign)
                ctx = Context(
                    self.lexicon,
                    tuple(guarded),
                    self.confusions,
                    self.markers,
                    self.digits,
                    self.calibration,
                    input_damaged,
                )
                proposed = [
                    e
                    for e in stage.propose(current, ctx)
                    if e.confidence >= self.min_confidence and not ctx.is_guarded(e.start, e.end)
                ]
                stage_edits = non_overlapping(proposed)
                if not stage_edits:
                    unchanged += 1
                    continue
                unchanged = 0
                changed = True
                if explain:
                    done = compose(original, done, current, stage_edits)
                current = apply_edits(current, stage_edits)
                ignored = map_spans(ignored, stage_edits)
                if foreign is not None:
                    foreign = map_spans(foreign, stage_edits)
            if not changed or unchanged >= len(self.stages):
                break
        if mode == "faithful":
            return Result(original, current, tuple(done))
        from . import layout  # deferred: only the layout modes need it

        if mode == "structured":
            return Result(original, current, tuple(done), layout.structure(current))
        moves = non_overlapping(layout.reading_edits(current))
        if explain:
            done = compose(original, done, current, moves)
        return Result(original, apply_edits(current, moves), tuple(done))

    def pipe(self, texts: Iterable[str]) -> Iterator[str]:
        """Fix each text of a stream, lazily."""
        for text in texts:
            yield self.fix(text)


def _confusion_table(model: ConfusionTable | str | os.PathLike[str] | None) -> ConfusionTable:
    from .error_model import ModelError, default_table, load

    if model is None:
        return default_table()
    if isinstance(model, ConfusionTable):
        return model

    try:
        return load(model)
    except ModelError as exc:
        raise ConfigError(str(exc)) from None


def _model_part(
    model: ConfusionTable | str | os.PathLike[str] | None,
    load: Callable[[str | os.PathLike[str]], _Part | None],
    shipped: Callable[[], _Part],
) -> _Part:
    """What ``load`` finds in a model file (the marker or digit shapes ``ocrfix learn``
    writes beside the table), else the shipped model."""
    from .error_model import ModelError

    if model is None or isinstance(model, ConfusionTable):
        return shipped()
    try:
        return load(model) or shipped()
    except ModelError as exc:
        raise ConfigError(str(exc)) from None


def _check_mode(mode: str) -> Mode:
    if mode not in MODES:
        raise ConfigError(f"unknown mode {mode!r}; modes: {', '.join(MODES)}")
    return mode  # type: ignore[return-value]


def _ignored_lines(text: str) -> list[tuple[int, int]]:
    if IGNORE_MARKER not in text:
        return []
    return [(m.start(), m.end()) for m in _IGNORED_LINE.finditer(text)]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
