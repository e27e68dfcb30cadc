"""The Dask extra on a real local cluster: two worker processes, one pipeline each."""

from __future__ import annotations

import io
import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

db = pytest.importorskip("dask.bag", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
cloudpickle = pytest.importorskip("cloudpickle")

from ocrfix import Lexicon, Pipeline  # noqa: E402
from ocrfix.batch import MANIFEST  # noqa: E402
from ocrfix.config import cached_pipeline  # noqa: E402
from ocrfix.dask import clean_bag, clean_paths  # noqa: E402
from ocrfix.pipeline import ConfigError  # noqa: E402

DIRTY = "Recalling Commission on Population and Devel opment resolution 2006/2,\n"
FIXED = "Recalling Commission on Population and Development resolution 2006/2,\n"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def pipelines_built(client: Any) -> dict[str, int]:
    """How many pipelines each worker process has built (cache misses)."""
    return dict(client.run(lambda: cached_pipeline.cache_info().misses))


def test_clean_paths_writes_outputs_and_manifest_like_batch(client: Any, tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "dst"
    for i in range(12):
        (src / f"d{i % 3}").mkdir(parents=True, exist_ok=True)
        (src / f"d{i % 3}" / f"doc{i:02d}.txt").write_text(DIRTY, encoding="utf-8")
    (src / "latin.txt").write_bytes(b"caf\xe9\n")

    summary = clean_paths(src, dst, npartitions=4)

    assert (summary.total, summary.ok, summary.skipped, summary.edits) == (13, 12, 1, 12)
    records = [json.loads(x) for x in (dst / MANIFEST).read_text().splitlines()]
    assert len(records) == 13
    assert {r["path"]: r["status"] for r in records}["latin.txt"] == "skipped"
    for i in range(12):
        assert (dst / f"d{i % 3}" / f"doc{i:02d}.txt").read_text() == FIXED
    built = pipelines_built(client)
    assert len(built) == 2 and all(n <= 1 for n in built.values())  # once per worker
    assert sum(built.values()) >= 1

    again = clean_paths(src, dst, resume=True)
    assert (again.resumed, again.total) == (13, 13)


def test_clean_bag_of_texts(client: Any) -> None:
    texts = [DIRTY, "A/C.2/61/L .12", "The General Assembly,"] * 4
    bag = db.from_sequence(texts, npartitions=4)
    assert clean_bag(bag).compute() == [FIXED, "A/C.2/61/L.12", "The General Assembly,"] * 4
    explained = clean_bag(bag, explain=True).compute()
    assert explained[0]["text"] == FIXED
    assert explained[0]["edits"][0]["fixer"] == "split_words"
    only = clean_bag(bag, {"fixers": ["document_symbols"]}).compute()
    assert only[:2] == [DIRTY, "A/C.2/61/L.12"]
    assert all(n <= 2 for n in pipelines_built(client).values())  # one per settings


def test_tasks_carry_settings_not_pipelines(client: Any) -> None:
    bag = clean_bag(db.from_sequence([DIRTY] * 8, npartitions=2), {"protected": ["Devel"]})
    found: list[object] = []

    class Spy(cloudpickle.Pickler):  # type: ignore[misc]
        def persistent_id(self, obj: object) -> None:
            if isinstance(obj, (Pipeline, Lexicon)):
                found.append(obj)

    graph = dict(bag.__dask_graph__())
    Spy(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL).dump(graph)
    assert found == []
    assert len(cloudpickle.dumps(graph)) < 20_000


def test_bad_settings_fail_on_the_client() -> None:
    with pytest.raises(ConfigError, match="unknown fixer 'spelling'"):
        clean_bag(db.from_sequence(["x"]), {"disable": ["spelling"]})
