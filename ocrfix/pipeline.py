"""The pipeline: ordered fixers, each proposing edits, composed into edits of the original."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .edits import Edit, Result, apply_edits, compose, non_overlapping
from .fixers import FIXERS
from .fixers.base import Context, Fixer
from .language import other_language_spans
from .lexicon import Lexicon, default_lexicon

#: A line holding this marker is never changed.
IGNORE_MARKER = "ocrfix: ignore"
_IGNORED_LINE = re.compile(r"^.*" + re.escape(IGNORE_MARKER) + r".*$", re.M)


class ConfigError(ValueError):
    """A pipeline was configured with an unknown fixer or option."""


class Pipeline:
    """Run fixers in the canonical order (see :data:`ocrfix.fixers.FIXERS`).

    ``fixers``: names to run (default: all); ``disable``: names to skip; ``config``: options
    per fixer name, e.g. ``{"punctuation_spacing": {"stop_for_comma": False}}``;
    ``lexicon``: a :class:`Lexicon` (default: the shared English + UN lexicon).
    """

    def __init__(
        self,
        fixers: Iterable[str] | None = None,
        *,
        disable: Iterable[str] = (),
        config: Mapping[str, Mapping[str, Any]] | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
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

    def fix(self, text: str) -> str:
        return self.fix_and_explain(text).text

    def fix_and_explain(self, text: str) -> Result:
        if not isinstance(text, str):
            raise TypeError(f"ocrfix fixes str, not {type(text).__name__}")
        original = current = text
        done: list[Edit] = []
        for stage in self.stages:
            ctx = Context(self.lexicon, _guarded(current, stage.language_independent))
            proposed = [
                e for e in stage.propose(current, ctx) if not ctx.is_guarded(e.start, e.end)
            ]
            stage_edits = non_overlapping(proposed)
            if not stage_edits:
                continue
            done = compose(original, done, current, stage_edits)
            current = apply_edits(current, stage_edits)
        return Result(original, current, tuple(done))

    def pipe(self, texts: Iterable[str]) -> Iterator[str]:
        """Fix each text of a stream, lazily."""
        for text in texts:
            yield self.fix(text)


def _guarded(text: str, language_independent: bool) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = (
        [(m.start(), m.end()) for m in _IGNORED_LINE.finditer(text)]
        if IGNORE_MARKER in text
        else []
    )
    if not language_independent:
        spans.extend(other_language_spans(text))
    return tuple(sorted(spans))
