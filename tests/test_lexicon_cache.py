"""The lexicon's on-disk caches: the same answers parsed, cached, mapped, or without a cache."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from ocrfix import Lexicon, lexicon

WORDS = [
    "development",
    "developments",
    "developing",
    "envelopment",
    "requests",
    "request",
    "quests",
    "international",
    "internationale",
    "inter-agency",
    "UNHCR",
    "Ouagadougou",
    "capacity-building",
    "remittances",
    "ad hoc",
    "inter alia",
    "Distr.",
]
PROBES = ["developmemt", "reguests", "intemational", "remitances", "unhcr", "agency", "a", "xyz"]
_TIERS = (
    lexicon._english_unigrams,
    lexicon.english_pairs,
    lexicon._un_tables,
    lexicon._un_words,
    lexicon._un_phrases,
    lexicon._un_stamp,
    lexicon._default_counts,
    lexicon._code_stamp,
)


def _forget() -> None:
    for tier in _TIERS:
        tier.cache_clear()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh cache folder; the shared tiers are reloaded from it, and afterwards from the
    usual one."""
    monkeypatch.setenv("OCRFIX_CACHE", str(tmp_path))
    _forget()
    yield tmp_path / "ocrfix"
    _forget()


def _answers(lex: Lexicon) -> list[object]:
    return [
        [lex.frequency(w) for w in [*WORDS, *PROBES]],
        [lex.known(w, 30_000) for w in [*WORDS, *PROBES]],
        [
            lex.bigram(a, b)
            for a, b in [("inter", "alia"), ("ad", "hoc"), ("of", "the"), ("a b", "c")]
        ],
        sorted(lex.abbreviations),
        [lex.candidates(p, d) for p in PROBES for d in (1, 2)],
    ]


def _small() -> Lexicon:
    # No bundled English: a fuzzy index small enough to build in a test.
    return Lexicon(words=WORDS, english=False)


def test_cached_and_uncached_lexicons_answer_alike(cache: Path, tmp_path: Path) -> None:
    first = _answers(_small())  # parses the lists and writes the caches
    assert {p.name.split("-v")[0] for p in cache.iterdir()} >= {"un-words", "un-phrases", "fuzzy"}
    _forget()
    again = _small()
    assert _answers(again) == first  # read back from the caches, the fuzzy index mapped
    assert type(again._fuzzy._deletes).__name__ == "_MappedDeletes"


def test_mapped_index_answers_as_symspellpy_does(cache: Path) -> None:
    lex = _small()
    mapped = lex._fuzzy_index()
    plain = lexicon._new_index()
    for word, count in lex._counts.items():  # type: ignore[union-attr]
        plain.create_dictionary_entry(word, count)
    from symspellpy import Verbosity

    for probe in [*PROBES, *(w.lower() for w in WORDS)]:
        for verbosity in (Verbosity.ALL, Verbosity.CLOSEST, Verbosity.TOP):
            got = [(s.term, s.distance, s.count) for s in mapped.lookup(probe, verbosity, 2)]
            want = [(s.term, s.distance, s.count) for s in plain.lookup(probe, verbosity, 2)]
            assert got == want, probe


def test_unwritable_cache_folder_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("OCRFIX_CACHE", str(blocker))
    _forget()
    try:
        lex = _small()
        assert lex.candidates("developmemt", 1)[0][0] == "development"
        assert lex.known("inter-agency") and lex.bigram("inter", "alia") > 0
    finally:
        _forget()


def test_damaged_cache_files_are_rebuilt(cache: Path) -> None:
    first = _answers(_small())
    for path in cache.iterdir():
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    _forget()
    assert _answers(_small()) == first


def test_old_caches_are_pruned(cache: Path) -> None:
    cache.mkdir(parents=True)
    for n in range(8):
        (cache / f"fuzzy-v1-0.1.0-{n:016x}.pickle.gz").write_bytes(b"old")
    _small().candidates("developmemt")
    assert len(list(cache.glob("fuzzy-v*"))) == lexicon._CACHES_KEPT


def test_a_pickled_lexicon_leaves_its_index_behind(cache: Path) -> None:
    lex = _small()
    lex.candidates("developmemt")
    copy = pickle.loads(pickle.dumps(lex))
    assert not copy.fuzzy_loaded
    assert copy.candidates("developmemt") == lex.candidates("developmemt")


def test_a_data_file_is_parsed_once_then_read_from_the_cache(cache: Path, tmp_path: Path) -> None:
    from ocrfix.lexicon import cached_parse

    source = tmp_path / "counts.tsv"
    source.write_text("a\t1\n", encoding="utf-8")
    calls: list[int] = []

    def parse() -> dict[str, int]:
        calls.append(1)
        word, count = source.read_text(encoding="utf-8").split()
        return {word: int(count)}

    assert cached_parse("test-counts", source, parse) == {"a": 1}
    assert cached_parse("test-counts", source, parse) == {"a": 1}
    assert len(calls) == 1  # the second came from the cache
    source.write_text("b\t22\n", encoding="utf-8")  # a changed file is parsed again
    assert cached_parse("test-counts", source, parse) == {"b": 22}
    assert cached_parse("test-counts", tmp_path / "absent.tsv", dict) == {}


PAIRS = [("of", "the"), ("general", "assembly"), ("the", "of"), ("zzq", "the"), ("of", "zzq")]


def test_pair_counts_read_row_by_row_answer_as_parsed(cache: Path) -> None:
    parsed = lexicon.english_pairs()  # no cache yet: parsed, every row in memory
    want = [parsed.get(a, b) for a, b in PAIRS]
    assert want[0] > want[1] > 0 and want[3:] == [0, 0]
    _forget()
    rows = lexicon.english_pairs()  # from the cache file: no row read yet
    assert not rows._rows
    assert [rows.get(a, b) for a, b in PAIRS] == want
    assert set(rows._rows) == {"of", "general", "the"}  # only the rows asked for


def test_a_damaged_pair_count_file_is_rebuilt(cache: Path) -> None:
    want = [lexicon.english_pairs().get(a, b) for a, b in PAIRS]
    (path,) = cache.glob("bigrams-*")
    path.write_bytes(path.read_bytes()[:-100])
    _forget()
    assert [lexicon.english_pairs().get(a, b) for a, b in PAIRS] == want
