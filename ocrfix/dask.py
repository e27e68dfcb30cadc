"""Clean texts and file trees on a Dask cluster (``pip install 'ocrfix[dask]'``).

Tasks carry only the settings as a JSON string; each worker process builds its pipeline,
and so loads the lexicon, once, on first use (:func:`ocrfix.config.cached_pipeline`), and
reuses it for every later task. No pipeline or lexicon is ever pickled into a task.

>>> import dask.bag as db                                        # doctest: +SKIP
>>> clean_bag(db.from_sequence(["Reguests the report"])).compute()  # doctest: +SKIP
['Requests the report']
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .batch import Summary, clean_file, prepare
from .config import Config, cached_pipeline, from_mapping, settings_key

ConfigLike = Config | Mapping[str, Any] | None


def _config(config: ConfigLike) -> Config:
    """A :class:`Config`, or a ``[tool.ocrfix]``-style mapping validated into one."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    return from_mapping(config, root=Path.cwd())


def settings_json(config: ConfigLike = None, mode: str | None = None) -> str:
    """The settings string that tasks carry: validated here, on the client."""
    resolved = _config(config)
    resolved.pipeline(mode)  # fail on the client, not in a thousand tasks
    return settings_key(resolved.settings(mode))


def fix_text(text: str, settings: str) -> str:
    """Fix one text with the worker's cached pipeline for ``settings``."""
    return cached_pipeline(settings).fix(text)


def explain_text(text: str, settings: str) -> dict[str, Any]:
    """Fix one text; return the text with its edits as JSON-ready dicts."""
    from .batch import edit_records

    result = cached_pipeline(settings).fix_and_explain(text)
    return {
        "text": result.text if result.structure is None else result.structure,
        "edits": edit_records(text, result.edits),
    }


def clean_bag(
    bag: Any, config: ConfigLike = None, *, mode: str | None = None, explain: bool = False
) -> Any:
    """Map a Dask bag of texts to their fixed texts (or, with ``explain``, dicts with edits)."""
    settings = settings_json(config, mode)
    return bag.map(explain_text if explain else fix_text, settings)


def clean_paths(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str],
    *,
    config: ConfigLike = None,
    mode: str | None = None,
    encoding: str | None = None,
    resume: bool = False,
    restart: bool = False,
    npartitions: int | None = None,
    client: Any = None,
) -> Summary:
    """Clean the tree ``src`` into ``dst`` like ``ocrfix batch``, on Dask.

    Same outputs, edit logs and manifest as :func:`ocrfix.batch.run`; ``src`` and ``dst``
    must be visible to every worker (a shared file system). With a distributed ``client``
    (default: the current one, if any) the manifest is written as each partition finishes,
    so an interrupted run can be resumed; without one, Dask's default scheduler is used.
    """
    import dask.bag as db
    from dask.base import compute

    plan = prepare(
        src,
        dst,
        config=_config(config),
        mode=mode,
        resume=resume,
        restart=restart,
        encoding=encoding,
    )
    try:
        if not plan.todo:
            return plan.summary
        parts = min(len(plan.todo), npartitions or max(1, min(256, len(plan.todo) // 8)))
        bag = db.from_sequence(plan.todo, npartitions=parts)  # type: ignore[no-untyped-call,unused-ignore]
        args = (str(plan.src), str(plan.dst))
        records = bag.map(_clean, *args, plan.settings_json, plan.encoding)
        delayed = records.to_delayed()
        if client is None:
            client = _current_client()
        if client is not None:
            from distributed import as_completed

            futures = client.compute(delayed)
            for future in as_completed(futures):  # type: ignore[no-untyped-call,unused-ignore]
                for record in future.result():
                    plan.record(record)
        else:
            for partition in compute(*delayed):  # type: ignore[no-untyped-call,unused-ignore]
                for record in partition:
                    plan.record(record)
    finally:
        plan.manifest.close()
    return plan.summary


def _clean(rel: str, src: str, dst: str, settings: str, encoding: str | None) -> dict[str, Any]:
    return clean_file(src, dst, rel, settings, encoding)


def _current_client() -> Any:
    try:
        from distributed import get_client
    except ImportError:
        return None
    try:
        return get_client()
    except ValueError:  # no client: the default scheduler will do
        return None
