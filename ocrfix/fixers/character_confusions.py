"""Characters OCR confused: ``Reguests`` -> ``Requests``, ``Intemational`` -> ``International``.

Only words the lexicon does not know are considered. Candidates come from the OCR confusion
table (g/q, rn/m, cl/d, li/h, 1/l, 0/o, e/c ...), from single edits, and on a damaged page,
for words of five letters or more, from the common words within four edits (:mod:`._near`),
up to an OCR cost of ``max_cost``. The noisy-channel scorer (:mod:`ocrfix.noisy_channel`)
weighs each against keeping the word as read: how likely OCR made that error, how common the
word is, whether it fits its neighbours (word pairs) and the words two apart. A correction
is made only when the best candidate's posterior reaches ``threshold``; a capitalised word
inside a sentence (a name) starts with a higher prior of being right as read, a regular form
of a known word ('antimicrobials', but also 'discase': 'dis' + 'case') a far higher one, and
a word a text repeats ('config') is its own unless a cheap misreading explains it.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from ..calibration import IDENTITY
from ..confusions import BUILT_IN, ConfusionTable, edits1
from ..edits import Edit
from ..lexicon import RARE, Lexicon, Memo, Spellings
from ..noisy_channel import Weights, capital_log_share, rank, split_score
from ..tokens import case_shape, match_case, without_accents
from ..wordforms import well_formed
from ._near import near
from ._words import (
    MAX_WORD,
    PARAGRAPH_MEMO_CHARS,
    WORD,
    foreign_nearby,
    in_title,
    neighbourhood,
    neighbours,
    opens_sentence,
    sentence_start,
    shifted,
    split_paragraphs,
    word_counts,
    words,
)
from .base import Context
from .merged_words import MergedWordsFixer

#: Where two words run together are found (see ``run_together``).
_MERGED = MergedWordsFixer()

#: A paragraph's word tokens of ``min_length`` or more, and those not known: (start, end,
#: token, derived: the regular form of a known word that it looks like, see ``_DERIVED``).
_Scan = tuple[int, tuple[tuple[int, int, str, bool], ...]]


@dataclass(frozen=True)
class CharacterConfusionsFixer:
    """Correct unknown words to the one known word OCR most likely misread."""

    name: ClassVar[str] = "character_confusions"
    language_independent: ClassVar[bool] = False
    min_length: int = 4
    # The dearest misreading a candidate may need (words of 9 letters or more: +0.5), for a
    # name (a capitalised word inside a sentence), for a word of fewer than 7 letters.
    max_cost: float = 1.5
    name_cost: float = 1.0
    short_cost: float = 1.0
    fuzzy: bool = True  # search far for long words with no closer candidate, when damaged
    fuzzy_length: int = 5  # ... of this many letters or more
    # On damaged text (see ``FUZZY_SHARE``): the extra misreading cost a word of 7 letters
    # or more may carry.
    damaged_cost: float = 0.5
    short_damaged_cost: float = 0.5  # ... and a shorter word
    # The far search: at most this many edits (half the word's letters) over the common
    # words (``_near.near``); 0: the symspellpy index's two edits instead.
    deep: int = 4
    deep_share: float = 0.5  # ... and at most this share of the word's letters
    deep_min_count: float = 3e6  # ... over the words this common (English or UN counts)
    # ... two letters longer or shorter than the token from this length ('Metiiber'), else one
    deep_spread_length: int = 7
    far_when_undecided: bool = True  # ... also where near candidates leave a word undecided
    # A word at a line's edge takes its context from the line above or below.
    context_lines: bool = True
    # On a damaged page, a lower-case word with capitals inside is read as a lower-case word.
    inner_capitals: bool = True
    # A word whose first letter was misread takes its case from its place, not from OCR.
    case_by_place: bool = True
    # A capital after a paragraph's debris or garbled number ('17, Enconrawes') is no name's.
    debris_starts: bool = True
    # On a damaged page, a capitalised word in a title may be a word titles capitalise.
    title_words: bool = True
    # On any page, a word of this many letters or more (0: none) that no near spelling
    # explains is searched far too ('coniumitments'), within the clean page's limits.
    clean_far_length: int = 8
    # An unknown word met this often in a text is kept (0: never) ...
    term_repeats: int = 3
    term_cost: float = 0.8  # ... unless a misreading cheaper than this explains it
    # The prior of a regular form of a known word ('antimicrobials', 'remunerate'), kept as
    # read, on a damaged page (elsewhere, and with inf, it is never judged).
    derived_prior: float = 15.0
    # ... and on a page that is not (inf: not judged there).
    clean_derived_prior: float = 21.0
    # The scorer's weights and threshold (see ``noisy_channel.Weights``).
    channel: float = Weights.channel
    context: float = Weights.context
    unknown_prior: float = Weights.unknown
    name_prior: float = Weights.name
    threshold: float = Weights.threshold
    capitals: float = Weights.capitals
    skip: float = Weights.skip
    # An edit's confidence: the share of edits right at its posterior on the training pages
    # (see ``ocrfix.calibration``), or the posterior itself.
    calibrated: bool = True
    # Two words run together ('inorder', split by ``merged_words``) are one more explanation
    # weighed with the candidates; where it wins, the token is left to ``merged_words``.
    run_together: bool = True

    @property
    def _limits(self) -> tuple[float, ...]:
        """What the candidates of a token depend on, besides the token."""
        return (
            self.max_cost,
            self.name_cost,
            self.short_cost,
            self.fuzzy_length,
            self.damaged_cost,
            self.short_damaged_cost,
            self.deep,
            self.deep_share,
            self.deep_min_count,
            self.deep_spread_length,
            self.inner_capitals,
            self.clean_far_length,
        )

    @property
    def weights(self) -> Weights:
        return Weights(
            self.channel,
            self.context,
            self.unknown_prior,
            self.name_prior,
            self.threshold,
            self.capitals,
            self.skip,
        )

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        lex = ctx.lexicon
        # Paragraph by paragraph (see ``paragraphs``): word tokens, their neighbours, the
        # sentence start before them and the French or Spanish words near them are found
        # within their paragraph. Only whether the far search is used depends on the whole
        # text (its share of unknown words), so each paragraph's scan is remembered, then its
        # corrections for that choice.
        scans: Memo[tuple[Hashable, str], _Scan] = lex.memo("character_confusions.scans", 4_000)
        fixes: Memo[tuple[Hashable, str], tuple[Edit, ...]]
        fixes = lex.memo(ctx.memo_name("character_confusions.paragraphs"), 4_000)
        parts: list[tuple[int, str, _Scan]] = []
        long_words = suspects = 0
        for offset, part in split_paragraphs(text, lex):
            remember = 0 < len(part) <= PARAGRAPH_MEMO_CHARS
            scan_key = ((self.min_length, self._derived), part)
            scan = scans.get(scan_key) if remember else None
            if scan is None:
                scan = self._scan(part, lex)
                if remember:
                    scans.put(scan_key, scan)
            long_words += scan[0]
            # (Regular forms of known words are no sign of damage: see ``_DERIVED``.)
            suspects += sum(1 for *_, derived in scan[1] if not derived)
            if scan[1]:
                parts.append((offset, part, scan))
        # The far search (and a dearer misreading, and doubt of regular forms) only for text
        # that is badly damaged: clean text, names and all, stays under the share.
        fuzzy = self.fuzzy and suspects >= FUZZY_SHARE * max(long_words, 50)
        # A word written the same way this often, and no cheap misreading of a known word, is
        # a term of the text ('config', 'async'): OCR's errors seldom repeat exactly, but for
        # its commonest confusions ('Seeretary' four times on a page).
        terms: frozenset[str] = frozenset()
        if self.term_repeats:
            seen = Counter(token.lower() for *_, scan in parts for _, _, token, _ in scan[1])
            # (In a long text a misreading repeats by chance: the count grows with the text.)
            least = max(self.term_repeats, long_words * TERM_SHARE)
            terms = frozenset(t for t, n in seen.items() if n >= least)
        for offset, part, scan in parts:
            kept = frozenset(t for _, _, t, _ in scan[1] if t.lower() in terms) if terms else terms
            if len(part) > PARAGRAPH_MEMO_CHARS:
                yield from shifted(self._fix(part, scan[1], fuzzy, lex, ctx, kept), offset)
                continue
            key = ((self, fuzzy, kept, ctx.calibration), part)
            edits = fixes.get(key)
            if edits is None:
                edits = tuple(self._fix(part, scan[1], fuzzy, lex, ctx, kept))
                fixes.put(key, edits)
            yield from shifted(edits, offset)

    def _scan(self, text: str, lex: Lexicon) -> _Scan:
        """The number of word tokens of at least ``min_length`` characters, and the ones
        that are not known words (start, end, token)."""
        verdicts: Memo[str, int] = lex.memo("character_confusions.suspect", 30_000)
        suspect = verdicts.get
        # The forms ``_inflection_of_known`` tries are lower case and hold no hyphen (word
        # tokens hold none): with the index built, set membership answers ``_acceptable``.
        trusted = lex.built_spellings(RARE)
        accept = trusted.members.__contains__ if trusted is not None else _acceptor(lex)
        min_length = self.min_length
        # Each distinct token judged once; the tokens are walked one by one (for where the
        # suspects stand) only when there is one.
        tokens = WORD.findall(text)
        counts = word_counts(text, lex, tokens)
        # (The counts of the tokens of ``min_length`` or more, summed in C.)
        long_words = sum(
            itertools.compress(counts.values(), map(min_length.__le__, map(len, counts)))
        )
        # A token among the trusted spellings is acceptable, so no doubt: with the index built,
        # only the others are judged (one set difference, in C).
        doubts: dict[str, bool] = {}  # token -> derived
        least = _DERIVED if self._derived else _DOUBTFUL
        for token in counts.keys() - trusted.members if trusted is not None else counts:
            if len(token) < min_length:
                continue
            verdict = suspect(token)
            if verdict is None:
                verdict = self._verdict(token, lex, accept)
                verdicts.put(token, verdict)
            if verdict >= least:
                doubts[token] = verdict == _DERIVED
        if not doubts:
            return long_words, ()
        # Where they stand: the indices of the doubtful tokens found in C, then only their
        # matches made into spans (the tokens between them skipped in C).
        suspects = []
        matches = words(text)
        read = 0  # tokens consumed from ``matches``
        for k in itertools.compress(range(len(tokens)), map(doubts.__contains__, tokens)):
            m = next(itertools.islice(matches, k - read, None))
            read = k + 1
            token = m.group()
            suspects.append((m.start(), m.end(), token, doubts[token]))
        return long_words, tuple(suspects)

    @property
    def _derived(self) -> bool:
        return self.derived_prior != math.inf

    @staticmethod
    def _verdict(token: str, lex: Lexicon, accept: Callable[[str], bool]) -> int:
        """_DOUBTFUL: not a known word, nor a word carrying a footnote marker ('Women5'),
        nor a well-formed one; _DERIVED: a regular form of a known word; else _KNOWN."""
        if _acceptable(token, lex) or (
            token.rstrip("0123456789").isalpha() and not token.isalpha()
        ):
            return _KNOWN
        if well_formed(token, lex):
            # A capitalised one: a name's or a title's form ('Rohingyas', 'Discriminations').
            # A lower-case one: a form English may make ('accessor', 'neighborhood', 'backend'),
            # or OCR may ('consullation': 'consul' + 'l' + 'ation'; 'copperation'): judged,
            # against the prior of a regular form.
            return _DERIVED if token.islower() else _KNOWN
        if _inflection_of_known(token.lower(), accept):
            return _DERIVED
        return _DOUBTFUL

    def _fix(
        self,
        text: str,
        suspects: tuple[tuple[int, int, str, bool], ...],
        fuzzy: bool,
        lex: Lexicon,
        ctx: Context,
        terms: frozenset[str] = frozenset(),
    ) -> Iterator[Edit]:
        """The corrections of the ``suspects`` of ``text``; ``terms``: the suspects that
        are kept unless a cheap misreading explains them (see ``term_cost``)."""
        # Decisions that depend only on the token and the lexicon are kept with the lexicon:
        # a token seen on an earlier pass, page or text is not searched again.
        found: Memo[tuple[tuple[float, ...], str, int, bool], dict[str, float]]
        found = lex.memo(ctx.memo_name("character_confusions.candidates"), 10_000)
        weights = self.weights
        calibrate = (ctx.calibration if self.calibrated else IDENTITY).confidence
        for start, end, token, derived in suspects:
            if derived and not fuzzy and self.clean_derived_prior == math.inf:
                continue  # (a regular form of a known word is doubted on a damaged page only)
            # (A paragraph's first word after debris or a garbled number opens a sentence too.)
            name_like = (
                token[:1].isupper()
                and not sentence_start(text, start)
                and not (self.debris_starts and opens_sentence(text, start))
            )
            # A capitalised word of a title on a damaged page ('Agenda for Suvtwinable') may
            # be any word a title capitalises, not only those UN text always does.
            title = name_like and fuzzy and self.title_words and in_title(text, start, end)
            key = (self._limits, token, name_like + title, fuzzy)  # (0, 1 a name, 2 a title)
            costs = found.get(key)
            if costs is None:
                # The pruned search needs an index of the lexicon's words, built on first use:
                # the first few searches (a clean page's names) do without it.
                trusted = lex.built_spellings(RARE)
                if trusted is None and len(found) >= UNINDEXED_SEARCHES:
                    trusted = lex.spellings(RARE)
                costs = self._candidates(
                    token, name_like, lex, fuzzy, trusted, ctx.confusions, title=title
                )
                found.put(key, costs)
            if not costs or (token in terms and min(costs.values()) >= self.term_cost):
                continue
            if foreign_nearby(text, start, end):
                continue  # a French or Spanish phrase inside an English paragraph
            derived_prior = self.derived_prior if fuzzy else self.clean_derived_prior
            keep = weights.name if name_like else derived_prior if derived else weights.unknown
            if self.skip:
                context, far = neighbourhood(text, start, end, self.context_lines)
            else:
                context, far = neighbours(text, start, end, self.context_lines), ("", "")
            extra = self._run_together(token, context, lex, ctx, weights)
            ranking = rank(token, costs, context, lex, weights, keep, name_like, far, extra)
            if extra and ranking.best in extra:
                continue  # two words run together: merged_words splits them
            best = ranking.choice(weights.threshold)
            if (
                best is None
                and self.far_when_undecided
                and fuzzy
                and len(token) >= self.fuzzy_length
            ):
                # The near candidates leave the word undecided: the far search, which they
                # spared, may find the word it is ('neluding': 'eluding' near, 'including').
                far_found = lex.memo(ctx.memo_name("character_confusions.far"), 10_000)
                far_costs = far_found.get(key)
                if far_costs is None:
                    trusted = lex.built_spellings(RARE) or lex.spellings(RARE)
                    far_costs = self._candidates(
                        token, name_like, lex, fuzzy, trusted, ctx.confusions, far=True, title=title
                    )
                    far_found.put(key, far_costs)
                if far_costs.keys() - costs.keys():
                    ranking = rank(
                        token, far_costs, context, lex, weights, keep, name_like, far, extra
                    )
                    if extra and ranking.best in extra:
                        continue
                    best = ranking.choice(weights.threshold)
            if best is not None:
                shape = case_shape(token.replace("1", "l").replace("0", "o"))
                fixed = match_case(best, shape)
                if self.case_by_place and shape != "upper" and best[:1] != token[:1].lower():
                    # The first letter was misread (or lost). A capital as read, or a capital
                    # I read as 'l' or 't', may be the misreading ('Tesources' inside a
                    # sentence): the place and the word decide. A small letter as read is
                    # seldom a capital's misreading, but for words UN text always
                    # capitalises ('atiuns' for 'Nations').
                    if shape == "title" or (best[:1] == "i" and token[:1] in _CAPITAL_I_READS):
                        capital = _capital_here(text, start, end, best)
                    else:
                        capital = capital_log_share(best) >= _ALWAYS_CAPITALISED
                    fixed = best[:1].upper() + best[1:] if capital else best
                if fixed != token:
                    yield Edit(
                        start,
                        end,
                        token,
                        fixed,
                        self.name,
                        ranking.reason(),
                        calibrate(ranking.posterior),
                    )

    def _run_together(
        self,
        token: str,
        context: tuple[str, str],
        lex: Lexicon,
        ctx: Context,
        weights: Weights,
    ) -> dict[str, float] | None:
        """The two words ``token`` may be, run together, with their score (see
        :func:`~ocrfix.noisy_channel.split_score`), where ``merged_words`` would split it."""
        if not self.run_together:
            return None
        split = _MERGED._split(token, lex)
        if split is None:
            return None
        first, second = split.lower().split(" ", 1)
        cost = ctx.confusions.distance(token.lower(), split.lower(), math.inf)
        return {split: split_score(first, second, cost, context, lex, weights)}

    def _candidates(
        self,
        token: str,
        name_like: bool,
        lex: Lexicon,
        fuzzy: bool,
        trusted: Spellings | None = None,
        table: ConfusionTable = BUILT_IN,
        far: bool = False,
        title: bool = False,
    ) -> dict[str, float]:
        """Known words ``token`` may be a misreading of, with their OCR cost (within limits);
        ``title``: a capitalised token in a title (see ``title_words``).
        With ``trusted`` (``lex.spellings(RARE)``) only the spellings that begin a trusted
        word are generated; without it, all of them: the same candidates either way."""
        if len(token) > MAX_WORD:
            return {}  # no word is this long: debris, or a run of text without spaces
        shape = case_shape(token.replace("1", "l").replace("0", "o"))
        if shape == "mixed" and fuzzy and self.inner_capitals and token[:1].islower():
            # On a damaged page, a capital inside a lower-case word is a misread letter or
            # two ('coHaborate', 'resSlution', 'eMorts'), not a name's casing.
            shape = "lower"
        if shape == "mixed" or (shape == "upper" and not any(c.isdigit() for c in token)):
            return {}  # acronyms and odd casing: not ours to guess
        low = token.lower()
        # Short words have many neighbours one arbitrary edit away ('devel' -> 'level'): they
        # need a confusion-table explanation; long words may carry one arbitrary edit. Names
        # only the strongest confusions (rn/m, cl/d ...), unless the word is one UN text
        # capitalises inside sentences anyway ('Comaittce', 'Germiary'): see the end.
        long_limit = self.max_cost + (0.5 if len(low) >= 9 else 0.0)
        limit = self.short_cost if len(low) < 7 else long_limit
        base_limit = limit
        if fuzzy and len(low) >= 7:
            limit += self.damaged_cost
        elif fuzzy:
            limit += self.short_damaged_cost
        # (Costs over the limit come back as inf: they are dropped below all the same.)
        costs: dict[str, float] = {}
        # With the index, only spellings that begin a word the fixer trusts are built (the
        # others could not pass ``_acceptable``), and they are checked by set membership:
        # see ``Spellings``, exact for spellings without a hyphen (word tokens hold none).
        pruned = trusted if "-" not in token else None
        if pruned is None:
            found = {
                v for v in {c.lower() for c, _ in table.variants(token, 2)} if _acceptable(v, lex)
            }
        else:
            found = table.variant_spellings(token, 2, pruned.ordered, pruned.heads) & pruned.members
        for cl in found:
            if cl != low:
                costs[cl] = table.distance(token, match_case(cl, shape), limit)
        if low.isascii():
            if pruned is None:
                edits = {c for c in edits1(low) if _acceptable(c, lex)}
            else:
                edits = edits1(low, pruned.ordered) & pruned.members
            for cand in edits:
                if cand not in costs:
                    costs[cand] = table.distance(low, cand, limit)
            # (On a page that is not damaged, a long word no name's that nothing near explains:
            # see ``clean_far_length``.)
            long_clean = not fuzzy and 0 < self.clean_far_length <= len(low) and not name_like
            if (
                (fuzzy or long_clean)
                and len(low) >= self.fuzzy_length
                and low.isalpha()
                and (far or not any(c <= base_limit for c in costs.values()))
            ):
                if self.deep:
                    max_distance = min(int(self.deep), int(len(low) * self.deep_share + 1e-9))
                    spread = 2 if len(low) >= self.deep_spread_length else 1
                    near_words = near(low, lex, max_distance, self.deep_min_count, spread=spread)
                else:
                    near_words = [t for t, _, _ in lex.candidates(low, 2) if _acceptable(t, lex)]
                for term in near_words:
                    if len(low) - len(term) >= 2 and (low.startswith(term) or low.endswith(term)):
                        continue  # a word run into another ('tomaintain'): not a misreading
                    if term not in costs:
                        costs[term] = table.distance(low, term, limit)
        # (A name's candidates: words UN text capitalises inside sentences; in a title, all
        # but those it seldom does.)
        capitals = _RARELY_CAPITALISED if title else _USUALLY_CAPITALISED
        plain = without_accents(token) if "é" in token else None
        if plain is not None:
            # An accent OCR put on a letter besides another misreading ('commérciat'): the
            # candidates of the word without it, at the accent's cost on top. For a name
            # ('Tomás', 'Rémy'), only words UN text capitalises inside sentences
            # ('Seéretariat', 'Deeémber'). (The accent alone is the accents fixer's to judge.)
            # Only 'é', the accent OCR puts on English words (128 of the 154 accents read on
            # plain letters of the training pairs): 'integración' is Spanish, not 'integration'.
            accents = [i for i, (a, b) in enumerate(zip(token, plain)) if a != b]
            extra = ACCENT_COST * len(accents)
            plain_costs = self._candidates(
                plain, name_like, lex, fuzzy, trusted, table, title=title
            )
            for c, cost in plain_costs.items():
                if (
                    cost + extra < costs.get(c, math.inf)
                    and c != plain.lower()
                    and _keeps_accented_letters(token, plain.lower(), c, accents)
                    and (not name_like or capital_log_share(c) >= capitals)
                ):
                    costs[c] = cost + extra
        if name_like:
            return {
                c: cost
                for c, cost in costs.items()
                if cost <= self.name_cost or (cost <= limit and capital_log_share(c) >= capitals)
            }
        return {c: cost for c, cost in costs.items() if cost <= limit}


#: What ``_verdict`` makes of a token: a word, a regular form of a known word, or in doubt.
_KNOWN, _DERIVED, _DOUBTFUL = 0, 1, 2

#: Share of unknown words (of four letters or more) above which text counts as badly damaged:
#: clean UN pages stay under it (at most 8 % of a page, names and French titles included).
FUZZY_SHARE = 0.08
#: In a long text, a term is met at least this share of its long words (see ``term_repeats``):
#: three times in a page or a resolution, about 20 times in a 100-page document.
TERM_SHARE = 1 / 2000
#: The cost of an accent OCR read on a letter: what the error model's scale makes of 'é' read
#: for 'e' on the training pairs (128 times in 97,847 printed e's: 0.52). The learned table
#: leaves accents out (a French word is not a misread English one): the accents fixer and this
#: fixer's non-names use it.
ACCENT_COST = 0.5
#: What OCR reads for a capital I at the start of a word (a lower-case i has its dot).
_CAPITAL_I_READS = frozenset("lt|[1!f")
#: log P(capitalised inside a sentence) below which a word is written in lower case there.
_RARELY_CAPITALISED = math.log(0.05)
#: ... and above which it is capitalised there (most uses of it, in UN text).
_USUALLY_CAPITALISED = math.log(0.5)
#: ... and above which it is a name's word, capitalised wherever it stands ('Nations').
_ALWAYS_CAPITALISED = math.log(0.975)

#: Candidate searches a lexicon makes without the index of its words (``Lexicon.spellings``):
#: building it costs about as much as this many full searches.
UNINDEXED_SEARCHES = 32

_SUFFIXES = ("s", "es", "d", "ed", "ing", "er", "ers", "ly", "al", "ally", "ive")
_PREFIXES = (
    "un",
    "re",
    "non",
    "pre",
    "sub",
    "inter",
    "multi",
    "anti",
    "dis",
    "over",
    "under",
    "mis",
    "post",
    "micro",
    "macro",
    "cross",
    "counter",
    "self",
)


def _capital_here(text: str, start: int, end: int, word: str) -> bool:
    """Does ``word``, standing at ``start:end``, begin with a capital? At a sentence's start; after
    a capitalised word inside one (a title: 'Conference on Financing'), unless UN text rarely
    capitalises it; elsewhere, when UN text mostly does ('Assembly', 'January')."""
    if opens_sentence(text, start):
        return True
    least = _RARELY_CAPITALISED if in_title(text, start, end) else _USUALLY_CAPITALISED
    return capital_log_share(word) >= least


def _keeps_accented_letters(token: str, plain: str, candidate: str, accents: list[int]) -> bool:
    """Does ``candidate`` change none of the accented letters of ``token`` (``plain`` is it
    without them), but for an 'é' read for a 'c'? Of the accents OCR read on the training pairs,
    'é' stood for 'e' 128 times and for 'c' 13 times; 'Céte' for 'Côte' is no 'cote'."""
    from rapidfuzz.distance import Levenshtein  # (deferred: few tokens carry accents)

    for op in Levenshtein.editops(plain, candidate):
        if op.src_pos in accents and not (
            op.tag == "replace" and token[op.src_pos] == "é" and candidate[op.dest_pos] == "c"
        ):
            return False
    return True


def _inflection_of_known(word: str, accept: Callable[[str], bool]) -> bool:
    """Is ``word`` a regular inflection, a base or a prefixed form of a known word?
    (``antimicrobials``, ``remunerate`` for ``remunerated``, ``unbanked``): real words the
    lists miss, which OCR confusions would otherwise 'correct' into their neighbours.
    ``accept``: :func:`_acceptable` for the forms tried (lower case, as ``word``)."""
    if len(word) < 6:
        return False
    if word.endswith("ies") and accept(word[:-3] + "y"):
        return True
    if word.endswith("bly") and accept(word[:-1] + "e"):
        return True  # 'inequitably', 'commendably': the adverb of a known adjective
    if word.endswith(("ism", "isms", "ist", "ists")) and accept(word.rsplit("is", 1)[0] + "y"):
        return True  # 'mercenarism': the doctrine of a known noun in '-y'
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stem = word[: -len(suffix)]
            if accept(stem) or accept(stem + "e"):
                return True
        if accept(word + suffix) and not accept(word + "e"):
            return True  # (a base form; but 'committe' of 'committee' lost its last letter)
    if not word.startswith(_PREFIXES):
        return False
    for prefix in _PREFIXES:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            if len(rest) >= 4 and (accept(rest) or _inflection_of_known_simple(rest, accept)):
                return True
    return False


def _inflection_of_known_simple(word: str, accept: Callable[[str], bool]) -> bool:
    return any(word.endswith(s) and accept(word[: -len(s)]) for s in ("s", "ed", "d", "ing"))


def _acceptor(lex: Lexicon) -> Callable[[str], bool]:
    """:func:`_acceptable` with ``lex``."""
    return lambda word: _acceptable(word, lex)


def _acceptable(word: str, lex: Lexicon) -> bool:
    """A word the fixers trust as real: protected, from the UN lists, or not rare English."""
    return lex.is_protected(word) or lex.known(word, min_count=RARE)
