"""Passage tagging: which topics each passage discusses, how surely, and on what evidence.

A passage discusses a topic *explicitly* when it names one of the topic's aliases and every `requires` group
of the topic is named nearby. A word meets an alias word three ways:

- by lemma: the Snowball stem of both (`models.text.lemma`), so "blamed" meets "blame", "accused" meets
  "accusation" and "responsibility" meets "responsible". One exception keeps that from over-reaching: a
  gerund or an agent noun ("shipping", "receiver", "causing") names an activity or a party of its own, so
  it only meets words of the same shape, both ways ("shipping" is not every "ship", "receiver" not
  "received", and an apology "for causing concern" is not the alias "cause");
- as a hyphenated compound read as one word: "start-up" meets "startups";
- by spelling: rapidfuzz's ratio, so "S400", "S 400" and "S-400s" all meet "S-400" (`fuzzy_min`); a word
  that is the other plus a suffix ("depositor" of "deposit") is another word, not a spelling of it, and so
  are two words of English more than one letter apart ("wearing" and "warning", `_other_word`);
- a multi-word alias also matches with up to `MAX_GAP` words in between, within one clause: "denied
  involvement" meets "denied any involvement", at a slightly lower score per word skipped; a preposition or
  article inside the alias is not needed ("calls to resign" meets "called for her resignation");
- a two-word alias also matches its words the other way round, next to each other or joined by up to
  `MAX_GAP` prepositions and determiners, the way English turns a compound into a phrase: "bank run" meets
  "a run on the bank", "capital raise" meets "raise capital", "bond losses" meets "losses on bonds".

A person's name given as an alias ("Keir Starmer": two capitalised words) is met by its short forms too in
an article that gives it in full, the way news writing names a person once and then shortens the name
("Starmer said", "Sir Keir said"): each of its words rarer in English than `NAME_ZIPF` (the background
model: no "American" of "American Airlines"), capitalised and not opening a sentence, at `SHORT_QUALITY`.

An alias that opens with an article ("the King") also matches without it ("King Charles"): the article is the
user's English, not part of the name.

An alias that starts with a sign ("$1 billion", "£1") only matches where the text has the sign too.

It discusses it *implicitly* when it only refers back to it ("the deal", "these systems") close to an
explicit mention in the same article. Matching is done once per distinct word in a cache shared by all
articles of a run, so tagging costs about one dictionary look-up per word. What needs the whole corpus
(vocabulary grown from it, references by context) is `models.pipeline.context`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from models import background
from models.config import Thresholds, Topic
from models.document import TopicTag
from models.text import STOPWORDS, Token, lemma, stem, tokens

LEDE_SCORE = 0.5  # a topic the title names, on the first passage that restates the title
MAX_GAP = 2  # words a multi-word alias may have in between its own ("denied any involvement")
GAP_PENALTY = 0.05  # what each skipped word costs a match's quality
NAME_ZIPF = 5.0  # a word of a person's name rarer than this in English stands for the name (`_short_forms`)
KNOWN_ZIPF = 3.0  # a word this common in English is a word of its own, not a misspelling (`_other_word`)
SHORT_QUALITY = 0.9  # a name's short form counts this much of its full form
_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W_])")  # a hyphen inside a compound ("start-up")
_CLAUSE_BREAK = frozenset(".;:!?()[]\"“”")  # a gapped match never spans these
_OWN_SHAPES = ("ing", "er")  # alias word endings that only meet words ending the same way (see module doc)
_INFLECTIONS = frozenset({"ed", "es"})  # endings that leave a word itself (a gerund has a sense of its own)
_ARTICLES = frozenset({"the", "a", "an"})  # a leading article an alias needs not be met with
# the words that may join an inverted two-word alias ("run on the bank"): prepositions, articles, possessives
_JOINERS = frozenset("of on in at by for from to with about over the a an its their his her our this that these those".split())


@dataclass(frozen=True, slots=True)
class _Term:
    """An alias or required term as a sequence of stemmed words; `upper` terms only match capitals; `sign`
    is the symbol the term starts with ("$" of "$1 billion"), which the text must carry too."""

    words: tuple[str, ...]
    upper: bool
    text: str
    sign: str = ""
    inverts: bool = False  # a two-word alias as written (not shortened), which also matches the other way round
    capital: bool = False  # only matches a capitalised word that does not open a sentence (a name's short form)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int  # token index
    length: int
    quality: float  # 0..1, the weakest word's fuzzy score
    lead: int = 0  # characters before the first token that belong to the match (the "$" of "$1 billion")


@dataclass(frozen=True, slots=True)
class _Indexed:
    """A passage prepared for matching: tokens, stems, and where each word occurs."""

    toks: list[Token]
    stems: list[str]
    fuzzy: dict[str, list[tuple[int, float]]]
    exact: dict[str, list[int]]
    text: str
    joined: frozenset[tuple[str, int]] = frozenset()  # (word, i): met by tokens i and i + 1 as one ("start-up")

    def clause_break(self, a: int, b: int) -> bool:
        """True when punctuation that ends a clause stands between tokens `a` and `b` (a < b)."""
        between = self.text[self.toks[a].end : self.toks[b].start]
        return any(ch in _CLAUSE_BREAK for ch in between)


def _term(text: str) -> _Term:
    toks = tokens(text)
    letters = [ch for ch in text if ch.isalpha()]
    upper = len(letters) >= 2 and all(ch.isupper() for ch in letters)
    sign = text[: toks[0].start].strip() if toks else ""
    return _Term(tuple(stem(t.norm) for t in toks), upper, text, sign)


def _alias_terms(text: str) -> list[_Term]:
    """An alias as terms to match: itself and, when prepositions or articles stand between its words, also
    without them, left to the gap between the words around them ("calls to resign" meets "called for her
    resignation" as well as "calls for Truss to resign")."""
    term = _term(text)
    toks = tokens(text)
    kept = tuple(w for k, (w, t) in enumerate(zip(term.words, toks))
                 if not (0 < k < len(toks) - 1 and t.norm in _JOINERS))
    term = replace(term, inverts=len(term.words) == 2 and not term.sign and not term.upper)
    out = [term] if len(kept) == len(term.words) else [term, replace(term, words=kept, inverts=False)]
    if len(toks) >= 2 and toks[0].norm in _ARTICLES and not term.sign:
        # a leading article is the user's English, not the name: "the King" meets "King Charles" too
        out.append(replace(term, words=term.words[1:], inverts=False))
    return out


def _short_forms(text: str) -> list[_Term]:
    """The words a person's two-word name ("Keir Starmer", "Rishi Sunak") is shortened to once an article has
    given it in full: the surname ("Starmer said") or the first name after a courtesy title ("Sir Keir"). An
    alias is read as such a name when it is two capitalised words of letters; each of its words rarer in
    English than `NAME_ZIPF` (the background model) is a short form, so "Sky News" and "American Airlines"
    give no "News" or "American". A short form only meets a capitalised word inside a sentence (see
    `Tagger.tag`, which uses them only in an article that names the full alias)."""
    words = text.split()
    if len(words) != 2 or not all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words):
        return []
    out = []
    for word in words:
        toks = tokens(word)
        if len(word) >= 3 and background.zipf(toks[0].norm) < NAME_ZIPF:
            out.append(_Term((stem(toks[0].norm),), False, word, capital=True))
    return out


def _opens_sentence(doc: _Indexed, i: int) -> bool:
    """True when token `i` is the first word of a sentence (or of the passage)."""
    before = doc.text[: doc.toks[i].start].rstrip(" \"“‘'([")
    return not before or before[-1] in ".!?:"


def _kindred(a: str, b: str) -> bool:
    """True when two words of one Snowball stem differ only in their last letters: the shorter one, less
    its last two, starts the longer ("accused"/"accusation", "responsible"/"responsibility"), which keeps
    the stemmer's wilder joins apart ("responsiveness"/"responsible")."""
    shorter = min(len(a), len(b))
    same = 0
    for x, y in zip(a, b):
        if x != y:
            break
        same += 1
    return same >= shorter - 2


def _derived(a: str, b: str) -> bool:
    """True when one word is the other with a suffix of two letters or more ("deposit"/"depositor"): a word
    derived from it, which only the lemma may join (`_kindred`), not a spelling variant. An inflection
    ("recover"/"recovered") is the same word."""
    short, long = sorted((a, b), key=len)
    suffix = long[len(short):]
    return len(suffix) >= 2 and suffix not in _INFLECTIONS and long.startswith(short) and short.isalpha()


def _other_word(a: str, b: str) -> bool:
    """True when two words rapidfuzz finds alike are two words of English, not spellings of one: both in the
    background model (`KNOWN_ZIPF`) and more than one edit apart ("wearing" is not "warning"; "defense" and
    "defence", one letter apart, are one word), unless Snowball gives both one stem (`lemma`) ("investigating" is a
    form of "investigation": the alias's own word, which the lemma match may miss)."""
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short):] in _INFLECTIONS:
        return False  # "recovered" is "recover"
    if lemma(a) == lemma(b):
        return False  # "investigating" and "investigation": one Snowball stem, forms of one word
    return (Levenshtein.distance(a, b) > 1 and background.zipf(a) >= KNOWN_ZIPF
            and background.zipf(b) >= KNOWN_ZIPF)


def _shape(word: str, key: str) -> str:
    """The ending that gives `word` a sense of its own beside its lemma `key` ("ing" of "shipping"), or ""."""
    for ending in _OWN_SHAPES:
        if word.endswith(ending) and not key.endswith(ending):
            return ending
    return ""


class Tagger:
    """Tags passages with the configured topics. One Tagger serves a whole run (its word cache is shared)."""

    def __init__(self, topics: tuple[Topic, ...], thresholds: Thresholds) -> None:
        self.topics = topics
        self.thresholds = thresholds
        self._aliases = {t.id: [x for a in t.aliases for x in _alias_terms(a)] for t in topics}
        self._requires = {t.id: [[x for r in group for x in _alias_terms(r)] for group in t.requires] for t in topics}
        self._short = {t.id: [(_term(a), forms) for a in t.aliases if (forms := _short_forms(a))] for t in topics}
        self._refs = {t.id: [_term(r) for r in t.references] for t in topics}
        self._weak = {t.id: [_term(r) for r in t.weak_references] for t in topics}
        fuzzy_words = {w for terms in (*self._aliases.values(), *[g for gs in self._requires.values() for g in gs])
                       for term in terms for w in term.words}
        self._vocab = sorted(fuzzy_words)
        self._vocab_set = frozenset(fuzzy_words)
        self._by_lemma: dict[str, list[str]] = {}
        for word in self._vocab:
            if len(word) >= 3 and not any(ch.isdigit() for ch in word):
                self._by_lemma.setdefault(lemma(word), []).append(word)
        self._cache: dict[str, dict[str, float]] = {}
        self._reference_firsts = frozenset(
            term.words[0] for terms in (*self._refs.values(), *self._weak.values()) for term in terms if term.words
        )

    # -- words ----------------------------------------------------------------------------------------

    def _similar(self, word: str) -> dict[str, float]:
        """Vocabulary words that `word` fuzzily equals, with their score in 0..1 (cached)."""
        found = self._cache.get(word)
        if found is not None:
            return found
        found = {}
        if word in self._vocab_set:
            found[word] = 1.0
        key = lemma(word) if len(word) >= 3 else word
        for choice in self._by_lemma.get(key, ()):
            shape = _shape(choice, key)
            if (not shape or word.endswith(shape)) and _kindred(word, choice) and _shape(word, key) in ("", shape):
                found[choice] = 1.0
        if len(word) >= 5:
            for choice, score, _ in process.extract(
                word, self._vocab, scorer=fuzz.ratio, limit=None, score_cutoff=self.thresholds.fuzzy_min
            ):
                shortest = min(len(choice), len(word))
                need = self.thresholds.fuzzy_min if shortest >= 7 else self.thresholds.fuzzy_min_short
                shape = _shape(choice, lemma(choice))
                if (shortest >= 5 and score >= need and choice not in found and (not shape or word.endswith(shape))
                        and not _derived(word, choice) and not _other_word(word, choice)):
                    found[choice] = score / 100.0
        self._cache[word] = found
        return found

    def _index(self, text: str) -> _Indexed:
        """Tokens of `text`, with where each vocabulary word (fuzzily) and each reference's first word
        (exactly) occurs. This runs for every passage, so it does one dictionary look-up per word."""
        toks = tokens(text)
        stems = [stem(t.norm) for t in toks]
        fuzzy: dict[str, list[tuple[int, float]]] = {}
        exact: dict[str, list[int]] = {}
        cache, firsts = self._cache, self._reference_firsts
        for i, s in enumerate(stems):
            if s in firsts:
                exact.setdefault(s, []).append(i)
            found = cache.get(s)
            if found is None:
                found = self._similar(s)
            if found:
                for word, score in found.items():
                    fuzzy.setdefault(word, []).append((i, score))
        joined: set[tuple[str, int]] = set()
        hyphens = [m.start() for m in _HYPHEN.finditer(text)] if "-" in text else []
        by_end = {t.end: i for i, t in enumerate(toks)} if hyphens else {}
        for at in hyphens:  # a hyphenated compound read as one word: "start-up" meets "startups"
            i = by_end.get(at, -1)
            if 0 <= i < len(toks) - 1 and toks[i + 1].start == at + 1:
                for word, score in self._similar(stem(toks[i].norm + toks[i + 1].norm)).items():
                    if (i, score) not in fuzzy.get(word, ()) and word != stems[i]:
                        fuzzy.setdefault(word, []).append((i, score))
                        joined.add((word, i))
        return _Indexed(toks, stems, fuzzy, exact, text, frozenset(joined))

    def _find(self, terms: list[_Term], doc: _Indexed, fuzzy: bool) -> list[tuple[_Term, _Hit]]:
        """Every place a term occurs in `doc`; the longest wins where terms overlap."""
        hits: list[tuple[_Term, _Hit]] = []
        for term in terms:
            if not term.words:
                continue
            if fuzzy:
                starts = doc.fuzzy.get(term.words[0], ())
            else:
                starts = [(i, 1.0) for i in doc.exact.get(term.words[0], ())]
            for i, quality in starts:
                lead = 0
                if term.sign:
                    before = doc.text[: doc.toks[i].start]
                    if not before.rstrip().endswith(term.sign):
                        continue
                    lead = len(before) - len(before.rstrip()[: -len(term.sign)])
                found = self._rest(term, doc, i, quality, fuzzy)
                if found is not None:
                    hits.append((term, replace(found, lead=lead) if lead else found))
            if fuzzy and term.inverts and term.words[1] in doc.fuzzy:
                hits.extend((term, hit) for hit in self._inverted(term, doc))
        hits.sort(key=lambda h: (h[1].start, -h[1].length))
        kept: list[tuple[_Term, _Hit]] = []
        covered = -1
        for term, hit in hits:
            if hit.start > covered:
                kept.append((term, hit))
                covered = hit.start + hit.length - 1
        return kept

    def _rest(self, term: _Term, doc: _Indexed, i: int, quality: float, fuzzy: bool) -> _Hit | None:
        """The match of `term` whose first word is token `i`: each further word next, or (a multi-word alias
        matched fuzzily) after at most MAX_GAP skipped words in all, within the clause."""
        n = len(doc.stems)
        at = i + 1 if (term.words[0], i) in doc.joined else i
        skipped = 0
        positions = [i]
        for want in term.words[1:]:
            reach = MAX_GAP - skipped if fuzzy else 0
            found: tuple[int, float] | None = None
            for j in range(at + 1, min(n, at + 2 + reach)):
                if j > at + 1 and doc.clause_break(at, j):
                    break  # a skipped word never takes the match into the next clause
                got = doc.stems[j]
                score = 1.0 if got == want else (self._similar(got).get(want) if fuzzy else None)
                if score is not None:
                    found = (j, score)
                    break
            if found is None:
                return None
            j, score = found
            skipped += j - at - 1
            quality = min(quality, score)
            at = j
            positions.append(j)
        if term.upper and not all(doc.toks[k].raw.rstrip("s'’").isupper() for k in positions):
            return None
        if term.capital:
            if not doc.toks[i].raw[:1].isupper() or _opens_sentence(doc, i):
                return None
            quality *= SHORT_QUALITY
        return _Hit(i, at - i + 1, quality * (1.0 - GAP_PENALTY * skipped))

    def _inverted(self, term: _Term, doc: _Indexed) -> list[_Hit]:
        """Matches of a two-word alias "A B" as "B A" or "B <joiners> A" ("bank run": "run on the bank")."""
        first, second = term.words
        hits = []
        for j, quality in doc.fuzzy.get(second, ()):
            for k in range(j + 1, min(len(doc.stems), j + 2 + MAX_GAP)):
                if doc.clause_break(j, k) or (k > j + 1 and doc.toks[k - 1].norm not in _JOINERS):
                    break
                score = 1.0 if doc.stems[k] == first else self._similar(doc.stems[k]).get(first)
                if score is not None:
                    hits.append(_Hit(j, k - j + 1, min(quality, score) * (1.0 - GAP_PENALTY * (k - j))))
                    break
        return hits

    # -- tagging --------------------------------------------------------------------------------------

    def tag(self, texts: list[str], ids: list[str], title: str | None = None) -> list[tuple[TopicTag, ...]]:
        """Tags for each passage of one article (`texts` in order, `ids` their passage ids).

        Explicit tags come first, for every topic; implicit ones are inferred afterwards, so that a reference
        ("the sale") is read against the nearest passage that names any topic, the way an anaphor points back
        to the last thing discussed.
        """
        docs = [self._index(t) for t in texts]
        title_doc = self._index(title) if title else None
        tags: list[dict[str, TopicTag]] = [{} for _ in texts]
        mentions: dict[str, list[int]] = {}
        th = self.thresholds

        for topic in self.topics:
            explicit: list[int] = []
            groups = self._requires[topic.id]
            found: dict[tuple[int, int], list[tuple[_Term, _Hit]]] = {}  # (group, passage) -> hits

            def named_in(g: int, q: int) -> list[tuple[_Term, _Hit]]:
                if (g, q) not in found:
                    found[(g, q)] = self._find(groups[g], docs[q], fuzzy=True)
                return found[(g, q)]

            found_by = self._alias_hits(topic, docs, title_doc)
            for p, text in enumerate(texts):
                hits = found_by[p]
                if not hits:
                    continue
                support: list[str] = []
                near_only = False
                satisfied = True
                for g, group in enumerate(groups):
                    here = named_in(g, p)
                    if here:
                        support.append(_span(text, docs[p], here[0][1]))
                        continue
                    lo, hi = max(0, p - topic.window), min(len(texts), p + topic.window + 1)
                    near = any(named_in(g, q) for q in range(lo, hi) if q != p)
                    if topic.title_context:  # the article's title frames every passage
                        near = near or bool(title_doc and self._find(group, title_doc, fuzzy=True))
                    if not near:
                        satisfied = False
                        break
                    near_only = True
                if not satisfied:
                    continue
                quality = max(hit.quality for _, hit in hits)
                score = quality * min(1.0, 0.7 + 0.1 * (len(hits) - 1)) * (0.9 if near_only else 1.0)
                evidence = _unique([_span(text, docs[p], hit) for _, hit in hits] + support)
                if score >= th.tag_min_score:
                    tags[p][topic.id] = TopicTag(topic.id, round(score, 3), False, tuple(evidence))
                    explicit.append(p)
            mentions[topic.id] = explicit

        named = [p for p in range(len(texts)) if tags[p]]  # passages naming any topic
        for topic in self.topics:
            if mentions[topic.id]:
                self._infer(topic, texts, ids, docs, named, tags)

        if title_doc is not None and title and texts:
            self._lede(title, title_doc, docs[0], tags[0])
        order = {t.id: i for i, t in enumerate(self.topics)}
        return [tuple(sorted(d.values(), key=lambda tag: (tag.implicit, order[tag.topic]))) for d in tags]

    def _alias_hits(self, topic: Topic, docs: list[_Indexed], title_doc: _Indexed | None) -> list[list[tuple[_Term, _Hit]]]:
        """Each passage's matches of the topic's aliases; in an article that gives a person's name in full (an
        alias), its short forms as well (`_short_forms`: "Sir Keir" after "Sir Keir Starmer")."""
        aliases = self._aliases[topic.id]
        hits = [self._find(aliases, doc, fuzzy=True) for doc in docs]
        if not self._short[topic.id]:
            return hits
        named = {term.text for found in hits for term, _ in found}
        if title_doc is not None:
            named.update(term.text for term, _ in self._find(aliases, title_doc, fuzzy=True))
        forms = [form for full, shorts in self._short[topic.id] if full.text in named for form in shorts]
        if not forms:
            return hits
        return [self._find(aliases + forms, doc, fuzzy=True) for doc in docs]

    def _lede(self, title: str, title_doc: _Indexed, lede: _Indexed, tags: dict[str, TopicTag]) -> None:
        """The first passage of a news article restates its headline (the inverted pyramid): it gets the
        topics the title names, as implicit, with the title's words as evidence. A topic narrowed with
        `requires` is left to its requirement (`title_context` already lets the title meet it). A first
        passage that names a topic itself says what it discusses, and is not read as the headline restated
        (as in `_infer`, a passage that names a topic is not a reference to another). A first passage that
        shares no content word with the title does not restate it (a byline or a caption left at the top)."""
        if any(not tag.implicit for tag in tags.values()) or not _restates(title_doc, lede):
            return
        for topic in self.topics:
            if topic.requires or topic.id in tags:
                continue
            hits = self._find(self._aliases[topic.id], title_doc, fuzzy=True)
            if hits:
                evidence = _unique([_span(title, title_doc, h) for _, h in hits])
                tags[topic.id] = TopicTag(topic.id, LEDE_SCORE, True, tuple(f"title: {e}" for e in evidence))

    def _infer(self, topic: Topic, texts: list[str], ids: list[str], docs: list[_Indexed],
               named: list[int], tags: list[dict[str, TopicTag]]) -> None:
        """Give the topic as implicit to passages that refer back (or ahead) to it: the nearest passage
        naming any topic, within reach, must name this one."""
        th = self.thresholds
        reach = max(th.implicit_back, th.implicit_forward, th.weak_implicit_distance)
        for p in range(len(texts)):
            if tags[p]:
                continue  # a passage that names a topic itself is not read as a reference to another
            i = bisect_left(named, p)
            before = named[i - 1] if i > 0 else None
            after = named[i] if i < len(named) else None
            if before is not None and p - before <= th.implicit_back and topic.id not in tags[before]:
                continue  # the last thing discussed was another topic: the reference points there
            back = p - before if before is not None and topic.id in tags[before] else None
            fwd = after - p if after is not None and topic.id in tags[after] else None
            if min(d for d in (back, fwd, reach + 1) if d is not None) > reach:
                continue
            for terms, weak in ((self._refs[topic.id], False), (self._weak[topic.id], True)):
                hits = self._find(terms, docs[p], fuzzy=False)
                if not hits:
                    continue
                if weak:
                    limit_back = limit_fwd = th.weak_implicit_distance
                else:
                    limit_back, limit_fwd = th.implicit_back, th.implicit_forward
                options = [(d, e) for d, e in ((back, p - (back or 0)), (fwd, p + (fwd or 0))) if d is not None]
                options = [(d, e) for d, e in options if d <= (limit_back if e < p else limit_fwd)]
                if not options:
                    continue
                distance, source = min(options)
                score = (0.45 if weak else 0.6) * max(0.5, 1.0 - 0.1 * (distance - 1))
                if score < th.tag_min_score:
                    continue
                evidence = _unique([_span(texts[p], docs[p], hit) for _, hit in hits])
                tags[p][topic.id] = TopicTag(topic.id, round(score, 3), True, tuple(evidence), inferred_from=source)
                break


def _restates(title: _Indexed, lede: _Indexed) -> bool:
    """True when the first passage shares a content word with the title (by lemma)."""
    def words(doc: _Indexed) -> set[str]:
        return {lemma(t.norm) for t in doc.toks if t.norm not in STOPWORDS and len(t.norm) > 2}
    return bool(words(title) & words(lede))


def _span(text: str, doc: _Indexed, hit: _Hit) -> str:
    return text[doc.toks[hit.start].start - hit.lead : doc.toks[hit.start + hit.length - 1].end]


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.lower()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
