"""The confusion table's searches: pruned searches find exactly what the full ones find."""

from __future__ import annotations

import pickle
import random

import pytest

import ocrfix
from ocrfix import Lexicon
from ocrfix.confusions import (
    BUILT_IN,
    CONFUSIONS,
    edits1,
    ocr_distance,
    variant_spellings,
    variants,
)
from ocrfix.fixers.base import Context
from ocrfix.fixers.character_confusions import CharacterConfusionsFixer, _acceptable
from ocrfix.lexicon import RARE, Memo, default_lexicon

TOKENS = [
    "Reguests",
    "Intemational",
    "developmemt",
    "lnternationa1ly",
    "cornrnunication",
    "Céte",
    "iiiiiilllll1111",
    "G0vernments",
    "Ouagadouqou",
    "ECOSOC",
    "Straße",
    "ΣΟΦΙΑ",
]


def _garbled(seed: int, count: int) -> list[str]:
    """Words of the lexicon with one to three random confusions, insertions or deletions."""
    rnd = random.Random(seed)
    lex = default_lexicon()
    common = sorted(w for w in lex.spellings(RARE).members if w.isalpha() and w.islower())
    reads = [r for r, _, _ in CONFUSIONS]
    out = []
    for _ in range(count):
        word = rnd.choice(common)
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randrange(len(word) + 1)
            op = rnd.random()
            if op < 0.4:
                word = word[:i] + rnd.choice(reads) + word[i + 1 :]
            elif op < 0.6:
                word = word[:i] + rnd.choice("abcdefghijklmnopqrstuvwxyz1|0éü") + word[i:]
            else:
                word = word[:i] + word[i + 1 :]
        out.append(word.capitalize() if rnd.random() < 0.3 else word)
    return [w for w in out if w]


def _lexicons() -> list[Lexicon]:
    return [
        default_lexicon(),
        Lexicon(words=["Ouagadougou"], protected=["Reguests", "intemational", "ÉCOSOC", "x|y"]),
    ]


@pytest.mark.parametrize("lex", _lexicons())
def test_pruned_searches_find_what_the_full_ones_find(lex: Lexicon) -> None:
    trusted = lex.spellings(RARE)
    for token in TOKENS + _garbled(1, 300):
        full = {c.lower() for c, _ in variants(token, 2)}
        assert {c for c in full if _acceptable(c, lex)} == (
            variant_spellings(token, 2, trusted.ordered) & trusted.members
        ), token
        low = token.lower()
        assert {c for c in edits1(low) if _acceptable(c, lex)} == (
            edits1(low, trusted.ordered) & trusted.members
        ), token


def test_pruned_variants_are_variants() -> None:
    trusted = default_lexicon().spellings(RARE)
    for token in TOKENS:
        full = {c.lower() for c, _ in variants(token, 2)}
        assert variant_spellings(token, 2, trusted.ordered) <= full
        assert variant_spellings(token, 1, trusted.ordered) <= {
            c.lower() for c, _ in variants(token, 1)
        }


def test_spellings_are_exactly_what_a_fixer_accepts() -> None:
    lex = Lexicon(protected=["Reguests", "devel"])
    trusted = lex.spellings(RARE)
    for word in ["requests", "devel", "reguests", "Reguests", "the", "xqzv", "un", "UN"]:
        expected = lex.is_protected(word) or lex.known(word, RARE)
        if word == word.lower():
            assert (word in trusted.members) == expected, word
        if expected:
            lowered = word.lower()
            assert all(trusted.begins(lowered[:i]) for i in range(1, len(lowered) + 1))
    assert trusted.ordered == sorted(trusted.ordered)
    with pytest.raises(ValueError):
        lex.spellings(0)


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("Reguests", "Requests"),
        ("Intemational", "International"),
        ("cornrnunity", "community"),
        ("tor", "for"),
        ("lnternationa1ly", "internationally"),
        ("abc", "xyzw"),
        ("", "and"),
        ("and", ""),
    ],
)
def test_distance_within_a_limit(read: str, printed: str) -> None:
    full = ocr_distance(read, printed)
    for limit in (0.0, 0.3, 0.6, 1.0, 1.5, full):
        within = ocr_distance(read, printed, limit)
        assert within == (full if full <= limit else float("inf"))


def test_memo_is_bounded_and_keeps_the_newest() -> None:
    memo: Memo[int, int] = Memo(8)
    for n in range(100):
        memo.put(n, n * n)
    assert len(memo) <= 8
    assert memo.get(99) == 99 * 99
    assert memo.get(0) is None


def test_fixer_memos_live_with_the_lexicon_and_do_not_change_decisions() -> None:
    text = "The Secretary-General Reguests an Intemational report; Reguests again.\n"
    fresh = Lexicon()
    fixer = CharacterConfusionsFixer()
    first = list(fixer.propose(text, Context(fresh)))
    assert len(fresh.memo("character_confusions.candidates")) > 0
    again = list(fixer.propose(text, Context(fresh)))
    assert first == again
    assert [e.after for e in first] == ["Requests", "International", "Requests"]
    # Another fixer configuration does not reuse this one's candidates.
    strict = CharacterConfusionsFixer(max_cost=0.0)
    assert list(strict.propose(text, Context(fresh))) == list(
        strict.propose(text, Context(Lexicon()))
    )
    # A pickled lexicon leaves its memos behind.
    copy = pickle.loads(pickle.dumps(fresh))
    assert len(copy.memo("character_confusions.candidates")) == 0


def test_the_index_of_words_is_built_only_for_many_unknown_words(seed_gt: str) -> None:
    # Start-up: a clean page is checked without building the index (a tenth of a second).
    lex = Lexicon()
    ocrfix.Pipeline(lexicon=lex).fix(seed_gt)
    assert lex.built_spellings(RARE) is None
    # Many unknown words: the index is built, and the searches find the same candidates.
    garbled = _garbled(2, 200)
    fixer = CharacterConfusionsFixer()
    without = [fixer._candidates(w, False, lex, False) for w in garbled]
    text = " ".join(garbled) + "\n"
    list(fixer.propose(text, Context(lex)))
    trusted = lex.built_spellings(RARE)
    assert trusted is not None
    assert [fixer._candidates(w, False, lex, False, trusted) for w in garbled] == without


def test_a_dear_confusion_weighs_but_spells_no_candidate() -> None:
    from ocrfix.confusions import OTHER, SPELLING_COST, ConfusionTable

    table = ConfusionTable((("q", "g", 0.3), ("x", "k", SPELLING_COST + 0.1)))
    assert {v for v, _ in table.variants("xeq", 2)} == {"xeg"}
    assert table.variant_spellings("xeq", 2, ["keg", "xeg"]) == {"xeg"}
    assert table.distance("xeq", "keg") == SPELLING_COST + 0.1 + 0.3 < 2 * OTHER


@pytest.mark.parametrize("word", ["", "a", "rn", "tbe", "Intemational", "cl1ent", "Reguests"])
def test_variants1_are_the_one_change_variants(word: str) -> None:
    from ocrfix.error_model import default_table

    for table in (BUILT_IN, default_table()):
        assert table.variants1(word) == [v for v, _ in table.variants(word, 1)]


def test_the_heads_of_the_spellings_find_what_bisection_finds() -> None:
    trusted = default_lexicon().spellings(RARE)
    ordered, heads = trusted.ordered, trusted.heads
    for head, (lo, hi) in list(heads.items())[::50]:  # each range: exactly the entries
        assert all(e.startswith(head) for e in ordered[lo:hi])
        assert lo == 0 or not ordered[lo - 1].startswith(head)
        assert hi == len(ordered) or not ordered[hi].startswith(head)
    for token in TOKENS + _garbled(2, 300):
        for changes in (1, 2):
            assert variant_spellings(token, changes, ordered, heads) == variant_spellings(
                token, changes, ordered
            ), token
