"""Voices: the people and bodies each article quotes or cites, and where.

Who an outlet lets speak is as much a part of its perspective as the words it uses. A voice is found by
reported speech: a speaker next to a verb of saying ("Turan said", "said professor Ilter Turan", "a defense
source told BBC Turkish", "Litovkin claimed that", "spokesman Peskov to once again warn"), a citation
("according to Litovkin", "citing Sergei Chemezov", "the announcement from Alexander Mikheyev", "in
Erdoğan's words"), or a quotation followed by its speaker. Words inside a quotation are the speaker's, so
they are never read as attributions themselves.

Speakers are kept honest: a named person or body is a voice under its name, with the role the text gives
it ("international relations professor", "the head of Russia's arms export agency Rosoboronexport");
anonymous sources ("a defense source", "sources close to the Turkish defense industry") are voices of their
own kind, never guessed names, and "the same source" goes back to the last anonymous source. A pronoun ("He
said") is given to the named person mentioned last before it, or dropped; a description ("The Russian
expert stated") goes to the last named voice with that role, or stays anonymous.

Within an article the names of one person meet by surname ("Recep Tayyip Erdogan", "President Erdogan",
"Erdogan"); across articles they are matched with rapidfuzz on folded names, so spelling variants
("Erdoğan", "Erdogan", "Mikheyev", "Mikheev") become one speaker.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from models.document import Article, Corpus, Passage
from models.text import STOPWORDS, Token, fold, sentences, tokens

PERSON, ORGANISATION, UNNAMED = "person", "organisation", "unnamed"

SPEECH_VERBS = frozenset(
    """said says say told tells noted notes added adds stressed stresses warned warns claimed claims stated
    argued argues argue explained explains recalled recalls hinted hints wrote writes commented comments
    insisted insists announced announces reported declared declares lamented laments emphasised emphasized
    emphasises emphasizes reiterated reiterates underlined underlines underscored acknowledged admitted admits
    denied denies confirmed confirms revealed suggested predicted asserted asserts maintained contended
    concluded observed remarked replied cautioned complained conceded highlighted""".split()
)
# Base forms after "to": "prompting spokesman Peskov to once again warn about ..."
INFINITIVES = frozenset("say warn claim stress argue insist tell note add deny confirm announce declare explain".split())
# Nouns of citation: "the announcement last week from X", "the remarks of X".
CITING_NOUNS = frozenset("announcement statement statements remarks comments words warning claim claims".split())
PASSIVE = frozenset("was were is are been be being".split())
ADVERBS = frozenset(
    """also again once later then further too still recently earlier previously has have had will would could
    nevertheless however meanwhile moreover separately subsequently even just already indeed""".split()
)
CLAUSE_BREAKS = frozenset(
    """that which who whom whose and but when while as because if since although though where so then whether or
    nor than until unless after before once whereas whereby""".split()
)
PRONOUNS = frozenset("he she".split())
SKIP_SUBJECTS = frozenset("i we you they it this these those there one many some few all both each others".split())
# Heads of anonymous-source phrases.
SOURCE_NOUNS = frozenset(
    """source sources official officials bureaucrat bureaucrats diplomat diplomats analyst analysts expert experts
    observer observers insider insiders aide aides critic critics commentator commentators spokesman spokeswoman
    spokesperson media report reports study survey document documents statement people person figure figures lawmaker
    lawmakers member members authorities officer officers adviser advisers advisor advisors""".split()
)
# Role nouns: what a pre-modifier or appositive must end in (or contain) to be a role.
ROLE_NOUNS = frozenset(
    """professor analyst expert commentator spokesman spokeswoman spokesperson minister president secretary
    ambassador director chief head chairman chairwoman chair ceo official researcher fellow journalist editor
    correspondent columnist reporter lawyer general adviser advisor diplomat economist historian scholar lecturer
    leader founder deputy senator lawmaker mp envoy colonel admiral commander governor mayor representative
    negotiator strategist specialist observer author writer scientist politician activist officer consultant
    manager executive coordinator bureaucrat source premier chancellor member candidate""".split()
)
ORG_NOUNS = frozenset(
    """agency outlet newspaper paper company corporation broadcaster channel website portal daily weekly group firm
    ministry network government administration office department council commission committee embassy army
    military parliament presidency kremlin side institute university think tank service bank fund organisation
    organization association alliance party union exporter manufacturer maker producer supplier contractor
    regulator watchdog giant directorate authority command headquarters secretariat bureau court police""".split()
)
# Capitalised words that make a name a body, not a person.
ORG_WORDS = frozenset(
    """ministry agency university institute institution company corporation council commission committee department
    office bank fund times news post journal press kremlin pentagon parliament congress senate government army navy
    forces organisation organization association union party group foundation center centre service services
    network daily herald tribune gazette monitor review federation administration presidency embassy reuters
    bloomberg xinhua anadolu sputnik states kingdom republic emirates nations directorate authority command
    headquarters secretariat bureau court police coalition""".split()
)
TITLES = frozenset(
    """president minister secretary dr mr mrs ms miss prof professor sen senator rep gen general chancellor king
    queen prince princess sheikh ayatollah pope mayor governor judge ambassador colonel col admiral lt lieutenant
    captain capt major maj sergeant premier spokesman spokeswoman chairman chairwoman ceo director chief
    commander deputy envoy""".split()
)
PARTICLES = frozenset("bin ibn al el de da di del della van von der den la le du dos das ter".split())
NAME_PREPOSITIONS = frozenset("of from at with in on during since last after before for".split())
AFFILIATION_PREPOSITIONS = frozenset("of from at with".split())
DETERMINERS = frozenset("the a an".split())
# "in Moscow", "across Turkey" (not "in Erdogan's view"): a single word used as a place.
_LOCATIVE = re.compile(r"\b(?:in|into|across|throughout|inside)\s+(?:the\s+)?([A-Z][\w-]*)\b(?![’'-])")
_BASED = re.compile(r"\b([A-Z][\w’'-]+)-based\b")
_QUOTE_OPEN, _QUOTE_CLOSE = "“", "”"
_BOUNDARY = set(",;:()[]“”\"‘’—–!?.…")


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, as a trie so a long word list stays fast to search."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(tree)


_CUE = re.compile(
    r"\b" + _trie(SPEECH_VERBS | INFINITIVES | CITING_NOUNS | {"according", "According", "citing", "Citing", "words"})
    + r"\b"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an article gives a voice the word.

    `cue` is what marks it ("said", "told BBC Turkish", "according to", "citing", "quote"); `quote` the
    direct quotation attributed there, if any; `sentence` the attributing sentence and `start`/`end` its
    offsets in the passage text.
    """

    passage_id: str
    topic_ids: tuple[str, ...]
    cue: str
    quote: str | None
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Voice:
    """A person, a body or an anonymous source that one article quotes or cites.

    `key` is unique within the article (folded name; "unnamed:<phrase>" for anonymous sources). `name` is
    the fullest form the article uses, `names` every form it used for the speaker. `kind` is "person",
    "organisation" or "unnamed". `role` is what the text calls it ("international relations professor"),
    `affiliation` the body it is said to be from ("Istanbul Bilgi University"), None when the text does not
    say. `mentions` are in reading order.
    """

    key: str
    name: str
    kind: str
    role: str | None
    affiliation: str | None
    names: tuple[str, ...]
    mentions: tuple[Mention, ...]

    @property
    def passage_ids(self) -> tuple[str, ...]:
        """The passages it speaks in, in reading order, each once."""
        return tuple(dict.fromkeys(m.passage_id for m in self.mentions))

    @property
    def topic_ids(self) -> tuple[str, ...]:
        """The topics of the passages it speaks in, first seen first."""
        return tuple(dict.fromkeys(t for m in self.mentions for t in m.topic_ids))


@dataclass(frozen=True, slots=True)
class Speaker:
    """One voice across articles: the same person or body as quoted by each article that quotes it.

    `members` are (article id, voice key) pairs in corpus order; `names` the spellings used; anonymous
    sources are never merged across articles, so each is a speaker of its own.
    """

    key: str
    name: str
    kind: str
    role: str | None
    names: tuple[str, ...]
    members: tuple[tuple[str, str], ...]
    mention_count: int

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for a, _ in self.members))


class VoiceIndex:
    """The voices of a corpus: each article's, worked out when first asked for, and the speakers they make
    across articles, matched when first asked for. Get one with `voices(corpus)`."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._voices: dict[str, tuple[Voice, ...]] = {}
        self._speakers: tuple[Speaker, ...] | None = None
        self._speaker_of: dict[tuple[str, str], Speaker] = {}

    def of_article(self, article_id: str) -> tuple[Voice, ...]:
        """The voices of one article, most mentioned first (ties: first to speak first)."""
        found = self._voices.get(article_id)
        if found is None:
            article = self.corpus.articles_by_id.get(article_id)
            if article is None:
                return ()
            found = self._voices[article_id] = article_voices(article)
        return found

    @property
    def by_article(self) -> dict[str, tuple[Voice, ...]]:
        """Every article's voices, keyed by article id in corpus order."""
        return {a.id: self.of_article(a.id) for a in self.corpus.articles}

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """Speakers across articles, those quoted by the most articles first, then the most mentioned."""
        if self._speakers is None:
            self._speakers = match_speakers(self.by_article)
            self._speaker_of = {member: sp for sp in self._speakers for member in sp.members}
        return self._speakers

    def speaker_of(self, article_id: str, voice_key: str) -> Speaker | None:
        """The cross-article speaker a voice of an article belongs to."""
        self.speakers
        return self._speaker_of.get((article_id, voice_key))

    def in_passage(self, passage_id: str) -> list[tuple[Voice, Mention]]:
        """The voices speaking in one passage, each with its mention there, in reading order."""
        passage = self.corpus.passages_by_id.get(passage_id)
        if passage is None:
            return []
        found = [(v, m) for v in self.of_article(passage.article_id) for m in v.mentions if m.passage_id == passage_id]
        return sorted(found, key=lambda vm: vm[1].start)

    def on_topic(self, topic_id: str) -> dict[str, tuple[Voice, ...]]:
        """Per article (only those with any), the voices with a mention in a passage on `topic_id`."""
        out = {}
        for article_id, voices in self.by_article.items():
            chosen = tuple(v for v in voices if any(topic_id in m.topic_ids for m in v.mentions))
            if chosen:
                out[article_id] = chosen
        return out


# -- reading noun phrases -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Phrase:
    """A noun phrase read as a speaker.

    `kind` is person, organisation, unnamed, "pronoun", "description" (a definite description such as "the
    Russian expert", resolved later against the named voices) or "" when the phrase names no speaker.
    """

    kind: str
    name: str = ""
    role: str | None = None
    affiliation: str | None = None
    title: str | None = None
    head: str = ""
    proper: tuple[str, ...] = ()  # folded capitalised words of a description ("rosoboronexport")
    fallback: str = UNNAMED  # the kind of a description no named voice answers to


_NOTHING = _Phrase("")


class _Sentence:
    """The tokens of one sentence and what stands between them; `lo`..`hi` is the token range in reach."""

    def __init__(self, text: str, toks: list[Token], lo: int, hi: int) -> None:
        self.text, self.toks, self.lo, self.hi = text, toks, lo, hi

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i ("" for the sentence's first token)."""
        return self.text[self.toks[i - 1].end : self.toks[i].start] if i > self.lo else ""

    def breaks_before(self, i: int) -> bool:
        """Whether punctuation (a comma, a quotation mark, a spaced dash...) separates token i from i-1."""
        gap = self.gap(i)
        return any(ch in _BOUNDARY for ch in gap) or (gap.strip() == "-" and gap != "-")

    def span(self, idx: list[int]) -> str:
        return self.text[self.toks[idx[0]].start : self.toks[idx[-1]].end] if idx else ""


def _bare(raw: str) -> str:
    """A word or name without its possessive ending ("Erdoğan’s" -> "Erdoğan")."""
    if raw.endswith(("'s", "’s")):
        return raw[:-2]
    return raw.rstrip("'’")


def _possessive(tok: Token) -> bool:
    return tok.raw.endswith(("'s", "’s", "s'", "s’"))


def _is_capital(tok: Token) -> bool:
    return tok.raw[:1].isupper() and not any(ch.isdigit() for ch in tok.raw)


def _name_token(tok: Token) -> bool:
    """A capitalised word that can be part of a name: not a sentence-initial common word ("Sources", "The")."""
    if not _is_capital(tok):
        return False
    low = fold(_bare(tok.raw))
    if low in STOPWORDS or low in PRONOUNS or low in SKIP_SUBJECTS or low in SOURCE_NOUNS:
        return False
    return low in TITLES or low not in ROLE_NOUNS


def _walk_back(s: _Sentence, end: int, limit: int = 12) -> list[int]:
    """Token indexes of the noun phrase ending at token `end`, walking back to a clause edge; empty when no
    edge comes within `limit` words (a subject that long is not a speaker's name)."""
    toks = s.toks
    out: list[int] = []
    i = end
    while i >= s.lo:
        if len(out) >= limit:
            return []
        tok = toks[i]
        low = tok.norm
        if low in CLAUSE_BREAKS:
            between_roles = (low == "and" and out and i > s.lo and toks[i - 1].norm in ROLE_NOUNS
                             and toks[out[0]].norm in ROLE_NOUNS)
            if not between_roles:
                break
        if tok.raw.islower() and (low in SPEECH_VERBS or low in PASSIVE):
            break
        if tok.raw.islower() and low.endswith("ing") and len(low) > 5 and not (out and toks[out[0]].norm in ROLE_NOUNS):
            break
        out.insert(0, i)
        if s.breaks_before(i):
            break
        i -= 1
    return out


def _walk_forward(s: _Sentence, start: int) -> list[int]:
    """Token indexes of the noun phrase starting at token `start`, up to punctuation or a clause word."""
    out: list[int] = []
    i = start
    while i < s.hi and len(out) < 14:
        if out and s.breaks_before(i):
            break
        tok = s.toks[i]
        if tok.norm in CLAUSE_BREAKS and tok.norm != "and":
            break
        out.append(i)
        i += 1
    return out


def _read_phrase(s: _Sentence, idx: list[int]) -> _Phrase:
    """What a noun phrase says about a speaker: a name (with role, title, affiliation), a pronoun, an
    anonymous source, a description ("the Russian expert"), or nothing usable."""
    toks = s.toks
    while idx and toks[idx[0]].norm in _DISCOURSE:
        idx = idx[1:]
    if not idx:
        return _NOTHING
    if len(idx) == 1 and toks[idx[0]].norm in PRONOUNS:
        return _Phrase("pronoun", toks[idx[0]].raw)
    if toks[idx[0]].norm in SKIP_SUBJECTS and (len(idx) == 1 or toks[idx[1]].norm not in SOURCE_NOUNS):
        return _NOTHING
    whole = idx
    idx, affiliation = _cut_affiliation(s, idx)
    last = toks[idx[-1]]
    if _name_token(last) and not _possessive(last):
        run = [idx[-1]]
        for n in range(len(idx) - 2, -1, -1):
            t = idx[n]
            joins_title = (toks[t].norm == "of" and n > 0 and _name_token(toks[idx[n - 1]])
                           and (toks[idx[n - 1]].norm in TITLES or fold(_bare(toks[idx[n - 1]].raw)) in ORG_WORDS))
            if _name_token(toks[t]) or (toks[t].raw.islower() and (toks[t].norm in PARTICLES or joins_title)):
                run.insert(0, t)
            else:
                break
        while run and toks[run[0]].raw.islower():
            run.pop(0)
        title_end = -1
        for k, t in enumerate(run):
            if toks[t].norm.rstrip(".") in TITLES:
                title_end = k
            elif toks[t].norm == "of" and title_end == k - 1 and k + 2 < len(run):
                title_end = k + 1  # "Secretary of State Antony Blinken"
        if title_end < len(run) - 1 and toks[run[title_end + 1]].raw[:1].isupper():
            return _read_name(s, idx, run, title_end, affiliation)
    return _read_anonymous(s, whole)


# Words that open a clause without being part of its subject ("Yesterday Erdogan said").
_DISCOURSE = frozenset(
    """however but yet also meanwhile still instead yesterday today tonight tomorrow now earlier later separately
    previously recently finally then""".split()
)


def _cut_affiliation(s: _Sentence, idx: list[int]) -> tuple[list[int], str | None]:
    """Cut a prepositional phrase after a name: "Amberin Zaman of Al-Monitor" -> ("Amberin Zaman",
    "Al-Monitor"); "Erdoğan in Spring 2016" -> ("Erdoğan", None). "Ministry of Defence" stays whole."""
    toks = s.toks
    for k in range(1, len(idx)):
        tok, prev = toks[idx[k]], toks[idx[k - 1]]
        if not (tok.raw.islower() and tok.norm in NAME_PREPOSITIONS and _name_token(prev)):
            continue
        if tok.norm == "of" and (fold(_bare(prev.raw)) in ORG_WORDS or prev.norm in TITLES):
            continue  # "Ministry of Defence", "Secretary of State"
        affiliation = None
        if tok.norm in AFFILIATION_PREPOSITIONS:
            run: list[int] = []
            for t in idx[k + 1 :]:
                if _is_capital(toks[t]) or (run and toks[t].raw.islower() and toks[t].norm in PARTICLES):
                    run.append(t)
                elif not run and toks[t].norm in DETERMINERS:
                    continue
                else:
                    break
            if run:
                affiliation = _bare(s.span(run))
        return idx[:k], affiliation
    return idx, None


def _read_name(s: _Sentence, idx: list[int], run: list[int], title_end: int, affiliation: str | None) -> _Phrase:
    """A named speaker: the name run (titles in front of it taken off as `title`) and the words before it,
    which must be a role ("international relations professor") or nothing at all."""
    toks = s.toks
    pre = [t for t in idx if t < run[0]]
    while pre and toks[pre[0]].norm in DETERMINERS:
        pre = pre[1:]
    role = _premodifier(s, pre) if pre else None
    if pre and role is None:
        # Words before the name that are not a known role: a modifier ("state arms exporter") when they hold
        # no function word or verb form, otherwise the name is not the subject ("Erdogan's meeting with Joe
        # Biden ... underscored").
        if any(toks[t].raw.islower() and (toks[t].norm in STOPWORDS or toks[t].norm.endswith(("ing", "ed")))
               for t in pre) or len(pre) > 6:
            return _NOTHING
        if toks[pre[-1]].raw.islower():
            role = s.span(pre)
    title = s.span(run[: title_end + 1]) if title_end >= 0 else None
    name_idx = run[title_end + 1 :]
    name = s.span(name_idx)
    words = {fold(_bare(toks[t].raw)) for t in name_idx}
    acronym = len(name_idx) == 1 and toks[name_idx[0]].raw.isupper() and len(toks[name_idx[0]].raw) > 1
    org = bool(words & ORG_WORDS) or acronym or bool(role and fold(role.split()[-1]) in ORG_NOUNS)
    return _Phrase(ORGANISATION if org else PERSON, _bare(name), role, affiliation, title)


_SOURCE_MODIFIERS = frozenset("unnamed anonymous unidentified informed retired senior former".split())
_POSTMODIFIERS = frozenset("close familiar with in at from of for on inside within near".split())
_QUANTIFIERS = frozenset("some several two three four many other".split())
_SOURCE_ONLY = frozenset("source sources media report reports study survey document documents statement".split())


def _read_anonymous(s: _Sentence, idx: list[int]) -> _Phrase:
    """A phrase without a name: an anonymous source ("a defense source", "sources close to ..."), a body
    ("the government"), a description of someone named before ("the Russian expert"), or nothing."""
    toks = s.toks
    last = toks[idx[-1]]
    if last.norm in ORG_NOUNS and last.raw.islower():
        # "the Turkish government", "state-owned Anadolu news agency": a body, named by its proper words when
        # it has some; "the ministry" is the ministry named before, if any.
        proper = [k for k, t in enumerate(idx) if k > 0 and _name_token(toks[t])]
        determined = toks[idx[0]].norm in DETERMINERS | _QUANTIFIERS
        if (determined or proper) and not any(toks[t].raw.islower() and toks[t].norm in STOPWORDS for t in idx[1:]):
            if proper:
                return _Phrase(ORGANISATION, s.span(idx[proper[0]:]))
            if toks[idx[0]].norm == "the":
                return _Phrase("description", _lower_start(s, idx), head=last.norm, fallback=ORGANISATION)
            return _Phrase(ORGANISATION, _lower_start(s, idx))
    heads = [k for k, t in enumerate(idx) if toks[t].norm in SOURCE_NOUNS or toks[t].norm in ROLE_NOUNS]
    if not heads:
        return _NOTHING
    h = heads[0]
    while h + 1 < len(idx) and (toks[idx[h + 1]].norm in SOURCE_NOUNS or toks[idx[h + 1]].norm in ROLE_NOUNS):
        h += 1  # "media reports", "defense officials"
    head = toks[idx[h]].norm
    # The phrase starts at its determiner, or where the modifiers in front of the head start.
    start = h
    while start > 0:
        tok = toks[idx[start - 1]]
        low = tok.norm
        if low in DETERMINERS or low in _QUANTIFIERS:
            start -= 1
            break
        acronym = len(tok.raw) > 1 and tok.raw.isupper()
        if (low in STOPWORDS and low != "same" and not acronym) or (_possessive(tok) and not _is_capital(tok)):
            break
        if tok.raw.islower() and low.endswith(("ed", "ing")) and low not in _SOURCE_MODIFIERS:
            break
        start -= 1
    end = h + 1
    if end < len(idx) and toks[idx[end]].norm in _POSTMODIFIERS:
        end = len(idx)
    chosen = idx[start:end]
    determiner = toks[chosen[0]].norm
    if head == "people" and len(chosen) == 1:
        return _NOTHING
    if determiner == "the" and head not in _SOURCE_ONLY:
        proper = tuple(fold(_bare(toks[t].raw)) for t in chosen[1:] if _is_capital(toks[t]))
        return _Phrase("description", _lower_start(s, chosen), head=head, proper=proper)
    return _Phrase(UNNAMED, _lower_start(s, chosen), head=head)


_COMMON_STARTS = STOPWORDS | SOURCE_NOUNS | ROLE_NOUNS | _SOURCE_MODIFIERS | _QUANTIFIERS | DETERMINERS


def _lower_start(s: _Sentence, idx: list[int]) -> str:
    """The phrase's text, its first letter lowercased when only the sentence start capitalised it."""
    text = s.span(idx)
    first = s.toks[idx[0]]
    acronym = len(first.raw) > 1 and first.raw.isupper()
    if idx[0] == s.lo and first.raw[:1].isupper() and not acronym and fold(first.raw) in _COMMON_STARTS:
        text = text[0].lower() + text[1:]
    return text


def _premodifier(s: _Sentence, pre: list[int]) -> str | None:
    """A role standing before a name ("international relations professor", "the TASS military expert and
    commentator" without its article), or None when the words before the name are not one."""
    toks = s.toks
    if not pre or len(pre) > 8:
        return None
    if toks[pre[-1]].norm not in ROLE_NOUNS and toks[pre[-1]].norm not in ORG_NOUNS:
        return None
    if any(toks[t].raw.islower() and toks[t].norm in STOPWORDS and toks[t].norm not in ("and", "of") for t in pre):
        return None
    return s.span(pre)


# -- finding attributions -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    """A mention before voices are merged: who (as read), the cue, the quotation, and where."""

    phrase: _Phrase
    passage: Passage
    cue: str
    quote: tuple[int, int] | None  # span of the quotation in the passage
    sentence: tuple[int, int]
    at: int  # offset of the cue in the passage
    offset: int  # offset of the cue in the article text


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotations of a passage as (start, end) offsets including the marks: curly pairs, then straight pairs."""
    spans: list[tuple[int, int]] = []
    i = 0
    while (start := text.find(_QUOTE_OPEN, i)) >= 0:
        end = text.find(_QUOTE_CLOSE, start + 1)
        end = len(text) if end < 0 else end + 1
        spans.append((start, end))
        i = end
    marks = [m.start() for m in re.finditer('"', text) if not any(s <= m.start() < e for s, e in spans)]
    spans.extend((a, b + 1) for a, b in zip(marks[::2], marks[1::2]))
    return sorted(spans)


def _sentence_spans(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, a sentence that ends inside a quotation joined to the next one."""
    out: list[tuple[int, int]] = []
    for start, end in sentences(text):
        if out and any(s < out[-1][1] < e for s, e in quotes):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _quote_text(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]].strip(" “”\"").strip()


def _speech_quote(text: str, span: tuple[int, int]) -> bool:
    """A quotation of speech, not a scare-quoted term: at least three words."""
    return len(_quote_text(text, span).split()) >= 3


def _near_quote(s: _Sentence, quotes: list[tuple[int, int]], sentence: tuple[int, int], before: int,
                after: int) -> tuple[int, int] | None:
    """The quotation an attribution closes (ending just before offset `before`) or introduces (the first
    starting after offset `after` in the same sentence)."""
    lo, hi = sentence
    closing = [q for q in quotes if lo <= q[0] and q[1] <= before and not _WORDS.search(s.text, q[1], before)]
    opening = [q for q in quotes if after <= q[0] < hi]
    for q in closing[-1:] + opening[:1]:
        if _speech_quote(s.text, q):
            return q
    return None


_WORDS = re.compile(r"[^\W_]")


def _attribution(s: _Sentence, i: int, quotes: list[tuple[int, int]],
                 sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """The speaker, cue and quotation of an attribution cued by token `i`, or None."""
    tok = s.toks[i]
    low = tok.norm
    if low == "according" and i + 1 < s.hi and s.toks[i + 1].norm == "to":
        phrase = _read_phrase(s, _walk_forward(s, i + 2))
        return (phrase, "according to", _near_quote(s, quotes, sentence, tok.start, tok.end)) if phrase.kind else None
    if low == "citing":
        phrase = _read_phrase(s, _walk_forward(s, i + 1))
        return (phrase, "citing", None) if phrase.kind else None
    if low == "words":
        return _in_words(s, i, quotes, sentence)
    if low in CITING_NOUNS and tok.raw.islower():
        found = _citing_noun(s, i)
        if found is not None or low not in SPEECH_VERBS | INFINITIVES:
            return found
    if tok.raw == low and (low in SPEECH_VERBS or low in INFINITIVES):
        return _speech_verb(s, i, quotes, sentence)
    return None


def _in_words(s: _Sentence, i: int, quotes: list[tuple[int, int]],
              sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """"In Erdoğan's (troubling) words: ..." -> Erdoğan."""
    toks = s.toks
    j = i - 1
    while j > s.lo and i - j <= 3 and not _possessive(toks[j]):
        j -= 1
    if j <= s.lo or not _possessive(toks[j]) or not _name_token(toks[j]):
        return None
    run = [j]
    while run[0] - 1 >= s.lo and _name_token(toks[run[0] - 1]) and not s.breaks_before(run[0]):
        run.insert(0, run[0] - 1)
    if run[0] - 1 < s.lo or toks[run[0] - 1].norm != "in":
        return None
    title_end = max((k for k, t in enumerate(run[:-1]) if toks[t].norm in TITLES), default=-1)
    phrase = _read_name(s, run, run, title_end, None)
    return (phrase, "in the words of", _near_quote(s, quotes, sentence, toks[i].end, toks[i].end)) if phrase.kind else None


def _citing_noun(s: _Sentence, i: int) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """"The announcement last week from Alexander Mikheyev", "the remarks of the CEO of Rosoboronexport"."""
    toks = s.toks
    j = i + 1
    while j < s.hi and j - i <= 4 and toks[j].norm not in ("from", "by", "of") and not s.breaks_before(j):
        j += 1
    if j >= s.hi or toks[j].norm not in ("from", "by", "of") or s.breaks_before(j):
        return None
    phrase = _read_phrase(s, _walk_forward(s, j + 1))
    if phrase.kind in (PERSON, ORGANISATION, "description"):
        return phrase, f"{toks[i].raw} {toks[j].norm}", None
    return None


def _speech_verb(s: _Sentence, i: int, quotes: list[tuple[int, int]],
                 sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """"X said", "X, however, said", "X to once again warn", "..., ” said X", "X told BBC Turkish"."""
    toks = s.toks
    low = toks[i].norm
    j = i - 1
    infinitive = False
    while j >= s.lo:
        n = toks[j].norm
        if n == "to" and not infinitive:
            infinitive = True
        elif not (n in ADVERBS or (n.endswith("ly") and len(n) > 4 and toks[j].raw.islower())):
            break
        j -= 1
    if infinitive and low not in INFINITIVES:
        return None  # "to said" is no attribution; "officials warn" (a plain present) is one
    if j >= s.lo and toks[j].norm in PASSIVE:
        return None
    cue = low
    if low in ("told", "tells", "tell") and i + 1 < s.hi and _name_token(toks[i + 1]):
        k = i + 1
        while k + 1 < s.hi and _is_capital(toks[k + 1]) and not s.breaks_before(k + 1):
            k += 1
        cue = f"{low} {s.span([i + 1, k])}"
    between = s.text[toks[j].end : toks[i].start] if j >= s.lo else ""
    marks = [ch for ch in between if ch in _BOUNDARY]
    if j >= s.lo and (not marks or (marks == [",", ","] and j + 1 < i)):
        # "X said", "X, however, said": the subject ends at token j.
        idx = _walk_back(s, j)
        phrase = _read_phrase(s, idx)
        if not phrase.kind:
            return None
        return phrase, cue, _near_quote(s, quotes, sentence, toks[idx[0]].start, toks[i].end)
    if infinitive:
        return None
    if j >= s.lo and marks == [","] and j + 1 == i:
        found = _across_aside(s, j)
        if found is not None:
            phrase, first = found
            return phrase, cue, _near_quote(s, quotes, sentence, toks[first].start, toks[i].end)
    # Nothing before the verb but a quotation or a comma: "..., ” said professor Ilter Turan".
    if j >= s.lo and not any(ch in between for ch in ",”\"’"):
        return None
    phrase = _read_phrase(s, _walk_forward(s, i + 1))
    if not phrase.kind:
        return None
    return phrase, cue, _near_quote(s, quotes, sentence, toks[i].start, toks[i].end)


def _across_aside(s: _Sentence, j: int) -> tuple[_Phrase, int] | None:
    """The subject before an aside ending at token `j`: "Smith, a former NATO ambassador, warned", "A senior
    official, who spoke on condition of anonymity, said", "Erdogan, speaking to reporters, said". An
    appositive aside gives the speaker's role."""
    toks = s.toks
    k = j
    while k > s.lo and not s.breaks_before(k) and j - k < 14:
        k -= 1
    if k <= s.lo or [ch for ch in s.gap(k) if ch in _BOUNDARY] != [","]:
        return None
    aside = list(range(k, j + 1))
    words = [toks[t].norm for t in aside]
    relative = words[0] in ("who", "whose") or (words[0].endswith("ing") and toks[k].raw.islower())
    start = 1 if words[0] in DETERMINERS else 0
    appositive = not relative and any(w in ROLE_NOUNS for w in words[start : start + 5])
    if not (relative or appositive):
        return None
    idx = _walk_back(s, k - 1)
    phrase = _read_phrase(s, idx)
    if phrase.kind not in (PERSON, ORGANISATION, UNNAMED):
        return None
    if appositive and phrase.role is None and phrase.kind != UNNAMED:
        phrase.role = s.span(aside)
    return phrase, idx[0]


def _find_in_passage(passage: Passage, offset: int) -> list[_Found]:
    """Every attribution in one passage; `offset` is the passage's start in the article text. Only the
    sentences with a cue word are tokenised."""
    text = passage.text
    has_quote = _QUOTE_OPEN in text or '"' in text
    if not has_quote and not _CUE.search(text):
        return []
    quotes = _quote_spans(text)
    found: list[_Found] = []
    for lo, hi in _sentence_spans(text, quotes):
        here: list[_Found] = []
        cues = [m.start() for m in _CUE.finditer(text, lo, hi) if not any(qs < m.start() < qe for qs, qe in quotes)]
        if cues:
            sentence = text[lo:hi]
            toks = tokens(sentence)
            at = {t.start: n for n, t in enumerate(toks)}
            local = [(max(qs, lo) - lo, min(qe, hi) - lo) for qs, qe in quotes if qs < hi and qe > lo]
            s = _Sentence(sentence, toks, 0, len(toks))
            for cue_at in cues:
                i = at.get(cue_at - lo)
                hit = None if i is None else _attribution(s, i, local, (0, hi - lo))
                if hit is not None:
                    phrase, cue, quote = hit
                    span = (quote[0] + lo, quote[1] + lo) if quote else None
                    here.append(_Found(phrase, passage, cue, span, (lo, hi), cue_at, offset + cue_at))
        _one_owner_per_quote(here)
        if here:
            found.extend(here)
            continue
        # A quotation standing alone right after an attribution that has none belongs to it.
        inner = [q for q in quotes if lo <= q[0] < hi and _speech_quote(text, q)]
        if inner and found and found[-1].quote is None and not _outside_words(text, lo, hi, inner):
            found[-1].quote = inner[0]
    return found


def _one_owner_per_quote(here: list[_Found]) -> None:
    """When two attributions of a sentence claim one quotation, the cue nearest before it keeps it."""
    by_quote: dict[tuple[int, int], list[_Found]] = {}
    for f in here:
        if f.quote is not None:
            by_quote.setdefault(f.quote, []).append(f)
    for quote, claims in by_quote.items():
        if len(claims) < 2:
            continue
        before = [f for f in claims if f.at < quote[0]]
        owner = max(before, key=lambda f: f.at) if before else min(claims, key=lambda f: f.at)
        for f in claims:
            if f is not owner:
                f.quote = None


def _outside_words(text: str, lo: int, hi: int, inner: list[tuple[int, int]]) -> bool:
    """Whether the sentence has words outside its quotations."""
    pos = lo
    for s, e in inner:
        if _WORDS.search(text, pos, s):
            return True
        pos = e
    return bool(_WORDS.search(text, pos, hi))


# -- merging mentions into voices ---------------------------------------------------------------------------


_AFTER_CAPITAL = re.compile(r"\b([A-Z][\w’'.-]*) ([A-Z][\w-]*)\b(?![’'-])")


def _places(texts: Iterable[str]) -> frozenset[str]:
    """Single capitalised words used as places more often than as people: such a speaker ("Moscow said") is
    a state or body speaking through its capital, not a person.

    Place uses are "in Moscow", "across Turkey", "Moscow-based"; person uses are a name after a title or a
    given name ("President Erdogan", "Tayyip Erdogan"), so that "confidence in Erdogan" alone does not turn
    Erdogan into a place.
    """
    place: Counter[str] = Counter()
    person: Counter[str] = Counter()
    for text in texts:
        place.update(fold(m.group(1)) for m in _LOCATIVE.finditer(text))
        place.update(fold(m.group(1)) for m in _BASED.finditer(text))
        for m in _AFTER_CAPITAL.finditer(text):
            first = fold(_bare(m.group(1))).rstrip(".")
            if first not in STOPWORDS and first not in _DISCOURSE and not m.group(1).isupper():
                person[fold(m.group(2))] += 1
    return frozenset(name for name, n in place.items() if n > person[name])


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in re.findall(r"[^\W_]+(?:['’.-][^\W_]+)*", _bare(name)))


class _Draft:
    """A voice being put together from its mentions."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.names: list[str] = []
        self.roles: list[str] = []
        self.titles: list[str] = []
        self.affiliations: list[str] = []
        self.found: list[_Found] = []
        self.role: str | None = None
        self.name = ""

    def add(self, f: _Found) -> None:
        p = f.phrase
        if p.name and p.kind not in ("pronoun", "description"):
            self.names.append(p.name)
        if p.role:
            self.roles.append(p.role)
        if p.title:
            self.titles.append(p.title)
        if p.affiliation:
            self.affiliations.append(p.affiliation)
        self.found.append(f)


def article_voices(article: Article, places: frozenset[str] | None = None) -> tuple[Voice, ...]:
    """The voices of one article, most mentioned first (ties: first to speak first).

    `places` are single-word names known to be places ("Moscow", "Ankara"): a speaker with such a name and
    no title or role is an organisation. By default they are read from the article itself (see `_places`).
    """
    found: list[_Found] = []
    for passage in article.passages:
        found.extend(_find_in_passage(passage, passage.start))
    drafts = _named_and_anonymous(article, found, places)
    _pronouns_and_descriptions(article, found, drafts)
    voices = [_finish(d) for d in drafts if d.found]
    keys: Counter[str] = Counter()
    unique = []
    for v in voices:
        keys[v.key] += 1
        unique.append(v if keys[v.key] == 1 else _rekey(v, f"{v.key}#{keys[v.key]}"))
    order = {id(v): n for n, v in enumerate(unique)}
    unique.sort(key=lambda v: (-len(v.mentions), order[id(v)]))
    return tuple(unique)


def _rekey(v: Voice, key: str) -> Voice:
    return Voice(key, v.name, v.kind, v.role, v.affiliation, v.names, v.mentions)


def _named_and_anonymous(article: Article, found: list[_Found], places: frozenset[str] | None) -> list[_Draft]:
    """First pass: one draft per named person (by surname), body, or anonymous source."""
    drafts: list[_Draft] = []
    people: dict[str, list[_Draft]] = {}  # folded surname -> the people of that surname
    bodies: dict[str, _Draft] = {}
    anonymous: dict[str, _Draft] = {}
    last_anonymous: _Draft | None = None
    for f in found:
        p = f.phrase
        if p.kind in (PERSON, ORGANISATION):
            words = _name_key(p.name)
            if not words:
                continue
            kind = p.kind
            if kind == PERSON and len(words) == 1 and words[0] not in people and not p.title and not p.role:
                if f.cue in ("reported", "reports"):
                    kind = ORGANISATION  # "Reuters reported"
                else:
                    if places is None:
                        places = _places([article.text])
                    if words[0] in places:
                        kind = ORGANISATION  # "Moscow said": a place speaking for its state
            if kind == PERSON:
                d = _person(people.setdefault(words[-1], []), words)
                if d is None:
                    d = _Draft(kind)
                    people[words[-1]].append(d)
                    drafts.append(d)
            else:
                d = bodies.get(" ".join(words))
                if d is None:
                    d = bodies[" ".join(words)] = _Draft(kind)
                    drafts.append(d)
            d.add(f)
        elif p.kind == UNNAMED:
            low = fold(p.name)
            if re.match(r"(the )?(same )?(source|sources)$", low) and low != "sources" and last_anonymous is not None:
                d = last_anonymous
            else:
                d = anonymous.get(low)
                if d is None:
                    d = anonymous[low] = _Draft(UNNAMED)
                    drafts.append(d)
            d.add(f)
            last_anonymous = d
    for d in drafts:
        _settle(article, d)
    return drafts


def _person(same_surname: list[_Draft], words: tuple[str, ...]) -> _Draft | None:
    """Which person of this surname a name is: the one with the same given name, or, for a bare surname
    ("Erdogan"), the one mentioned last; None for a new person ("Hunter Biden" beside "Joe Biden")."""
    if not same_surname:
        return None
    if len(words) == 1:
        return max(same_surname, key=lambda d: max(f.offset for f in d.found))
    for d in same_surname:
        given = {_name_key(n)[0] for n in d.names if len(_name_key(n)) > 1}
        if not given or any(_same_given(words[0], g) for g in given):
            return d
    return None


def _pronouns_and_descriptions(article: Article, found: list[_Found], drafts: list[_Draft]) -> None:
    """Second pass: "He said" goes to the person named last before it; "the Russian expert" to the last
    named voice with that role (or a capitalised word of it in the role); otherwise a pronoun is dropped and
    a description stays an anonymous voice of its own."""
    named = [d for d in drafts if d.kind == PERSON]
    anonymous = {fold(d.name): d for d in drafts if d.kind == UNNAMED}
    for f in found:
        p = f.phrase
        if p.kind == "pronoun":
            d = _last_named(article.text, f.offset, named)
            if d is not None:
                d.found.append(f)
        elif p.kind == "description":
            d = _described(f, p, [d for d in drafts if d.kind != UNNAMED]) or anonymous.get(fold(p.name))
            if d is None:
                d = anonymous[fold(p.name)] = _Draft(p.fallback)
                d.names.append(p.name)
                d.name = p.name
                drafts.append(d)
            d.found.append(f)


def _last_named(text: str, offset: int, named: list[_Draft], reach: int = 600) -> _Draft | None:
    """The named person whose surname (as the article spells it) occurs last within `reach` characters
    before `offset`, or who spoke last there."""
    best: tuple[int, _Draft] | None = None
    lo = max(0, offset - reach)
    for d in named:
        for name in set(d.names) | {d.name}:
            surname = _bare(name).split()[-1] if name.split() else ""
            if not surname:
                continue
            at = text.rfind(surname, lo, offset)
            if at >= 0 and (best is None or at > best[0]):
                best = (at, d)
        for f in d.found:
            if lo <= f.offset < offset and (best is None or f.offset > best[0]):
                best = (f.offset, d)
    return best[1] if best else None


def _described(f: _Found, p: _Phrase, candidates: list[_Draft]) -> _Draft | None:
    """The named voice a description refers to: the last one before it whose role has the description's
    head noun ("expert") or one of its capitalised words ("Rosoboronexport")."""
    best: tuple[int, _Draft] | None = None
    for d in candidates:
        said = [d.role, *d.affiliations] + ([d.name] if d.kind == ORGANISATION else [])
        words = set(re.findall(r"[^\W_]+", fold(" ".join(filter(None, said)))))
        if p.head in words or any(w in words for w in p.proper):
            first = min(x.offset for x in d.found)
            if first < f.offset and (best is None or first > best[0]):
                best = (first, d)
    return best[1] if best else None


def _settle(article: Article, d: _Draft) -> None:
    """A draft's display name and role, from its mentions and the article text."""
    names = list(dict.fromkeys(d.names))
    if d.kind == UNNAMED:
        d.name = names[0]
        return
    d.name = max(names, key=lambda n: (len(_name_key(n)), n))
    if d.kind == PERSON:
        fuller = _fullest(article.text, d.name)
        if fuller:
            d.name = fuller
            d.names.append(fuller)
    spelled = sorted(set(d.names), key=lambda n: -len(n))
    role = (d.roles[0] if d.roles else None) or next(filter(None, (_appositive(article.text, n) for n in spelled)), None)
    if role is None and d.kind == PERSON:
        role = _premodified(article.text, spelled) or (d.titles[0] if d.titles else None) or _titled(article.text, spelled)
    d.role = _truecase(article.text, role) if role else None


def _truecase(text: str, phrase: str) -> str:
    """Lowercase a phrase's first word when only a sentence start capitalised it: the article uses the word
    in lowercase elsewhere ("Foreign policy analyst" -> "foreign policy analyst"; "Pentagon spokesman" stays)."""
    first, _, rest = phrase.partition(" ")
    if not rest or not first[:1].isupper() or first.isupper() or not rest[:1].islower():
        return phrase
    low = first.lower()
    if low in DETERMINERS or re.search(r"(?<![\w’'-])" + re.escape(low) + r"(?![\w’'-])", text):
        return low + " " + rest
    return phrase


def _finish(d: _Draft) -> Voice:
    """A draft as a Voice, mentions in reading order."""
    d.found.sort(key=lambda f: f.offset)
    mentions = tuple(_mention(f) for f in d.found)
    names = tuple(dict.fromkeys([*d.names, d.name]))
    if d.kind == UNNAMED:
        key = "unnamed:" + " ".join(_name_key(d.name))
    else:
        key = " ".join(_name_key(d.name))
    affiliation = d.affiliations[0] if d.affiliations else None
    return Voice(key, d.name, d.kind, d.role, affiliation, names, mentions)


def _mention(f: _Found) -> Mention:
    lo, hi = f.sentence
    text = f.passage.text
    quote = _quote_text(text, f.quote) if f.quote else None
    return Mention(f.passage.id, f.passage.topic_ids, f.cue, quote, text[lo:hi], lo, hi)


def _preceding(text: str, name: str, reach: int = 120) -> list[list[str]]:
    """For each place `name` stands in `text` as whole words, the words right before it (at most `reach`
    characters back, only when nothing but a space separates them from the name)."""
    out: list[list[str]] = []
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        whole = not (end < len(text) and (text[end].isalnum() or text[end] == "-"))
        if whole and at > 0 and text[at - 1].isspace():
            before = text[max(0, at - reach) : at]
            words = before.split()
            out.append(words[1:] if at > reach else words)
        at = text.find(name, at + 1)
    return out


def _fullest(text: str, name: str) -> str | None:
    """The longest run of capitalised words in `text` that ends with the person's name ("Recep Tayyip
    Erdogan" for "Erdogan"), titles and sentence words left out; None when there is none longer."""
    best: str | None = None
    for words in _preceding(text, name, 60):
        kept: list[str] = []
        words = words[-4:]
        for word in reversed(words[-3:]):
            parts = [fold(p) for p in word.split("-")]
            if not word[:1].isupper() or word.isupper() or word.endswith(("'s", "’s")) or not word[-1:].isalpha() \
                    or any(p in TITLES or p in STOPWORDS or p in ROLE_NOUNS or p in ORG_WORDS for p in parts):
                break
            kept.insert(0, word)
        if kept and len(kept) < len(words) and fold(words[-len(kept) - 1]) == "of":
            continue  # "Secretary of State Antony Blinken": "State" ends a title, not a name
        if kept:
            candidate = " ".join([*kept, name])
            if best is None or len(candidate) > len(best):
                best = candidate
    return best


def _appositive(text: str, name: str) -> str | None:
    """A role set off after a name: "Alexander Mikheyev – the head of ..." or "Sergei Chemezov, the Head of ..."."""
    pattern = re.compile(
        re.escape(name)
        + r"\s*(?:,|–|—|\s-\s)\s*((?:(?:the|a|an|its|his|her)\s+)?[^,;:.–—()“”\"]{3,140}?)\s*(?=[,;:.–—()]|\s-\s|$)"
    )
    for m in pattern.finditer(text):
        role = m.group(1).strip()
        words = [fold(w) for w in re.findall(r"[^\W\d_]+", role)]
        determined = bool(words) and words[0] in ("the", "a", "an", "its", "his", "her")
        if any(w in ROLE_NOUNS for w in (words[:6] if determined else words[:3])):
            return role
    return None


def _premodified(text: str, names: list[str]) -> str | None:
    """A role written right before one of the names anywhere in the article ("analyst Barcin Yinanc")."""
    for name in names:
        for words in _preceding(text, name):
            kept: list[str] = []
            for word in reversed(words[-6:]):
                low = fold(word)
                if low in CLAUSE_BREAKS or low in STOPWORDS or low in SPEECH_VERBS or not word[-1:].isalpha():
                    break
                kept.insert(0, word)
            if kept and fold(kept[-1]) in ROLE_NOUNS and fold(kept[-1]) not in TITLES:
                return " ".join(kept)
    return None


def _titled(text: str, names: list[str]) -> str | None:
    """A title written right before one of the names ("President Erdogan" -> "President")."""
    for name in names:
        for words in _preceding(text, name, 60):
            words = words[-3:]
            if not words or fold(words[-1]).rstrip(".") not in TITLES or not words[-1][:1].isupper():
                continue
            start = len(words) - 1
            while start > 0 and words[start - 1][:1].isupper() and fold(words[start - 1]) not in STOPWORDS \
                    and words[start - 1][-1:].isalpha() and not words[start - 1].endswith(("'s", "’s")):
                start -= 1
            return " ".join(words[start:])
    return None


# -- across articles ----------------------------------------------------------------------------------------


class _Groups:
    """Union-find over (article, voice) pairs."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _same_given(a: str, b: str) -> bool:
    """Given names that can be one person's: equal or close, or an initial of the other ("R." and "Recep")."""
    if a[0] != b[0]:
        return False
    if len(a.rstrip(".")) == 1 or len(b.rstrip(".")) == 1:
        return True
    return fuzz.ratio(a, b) >= 80


def _close_keys(keys: list[str], scorer, min_score: float) -> list[list[str]]:
    """Clusters of keys whose spellings are close (same first letter, rapidfuzz score >= `min_score`)."""
    index = {k: n for n, k in enumerate(keys)}
    groups = _Groups(len(keys))
    by_letter: dict[str, list[str]] = {}
    for k in keys:
        by_letter.setdefault(k[:1], []).append(k)
    for block in by_letter.values():
        if len(block) < 2:
            continue
        for k in block:
            if len(k) < 4:
                continue
            for other, _, _ in process.extract(k, block, scorer=scorer, score_cutoff=min_score, limit=None):
                if other != k and len(other) >= 4:
                    groups.union(index[k], index[other])
    clusters: dict[int, list[str]] = {}
    for k in keys:
        clusters.setdefault(groups.find(index[k]), []).append(k)
    return list(clusters.values())


def match_speakers(by_article: dict[str, tuple[Voice, ...]], *, min_score: float = 85.0) -> tuple[Speaker, ...]:
    """Group the voices of all articles into speakers.

    People meet when their folded surnames are equal or close (rapidfuzz ratio >= `min_score`, same first
    letter) and their given names, where both have one, agree; a bare surname joins the person of that
    surname mentioned most. Bodies meet when their folded names are close (token sort ratio >=
    `min_score`). Anonymous sources stay apart.
    """
    items: list[tuple[str, Voice]] = [(a, v) for a, vs in by_article.items() for v in vs]
    words = [_name_key(v.name) for _, v in items]
    groups = _Groups(len(items))
    people: dict[str, list[int]] = {}
    bodies: dict[str, list[int]] = {}
    for n, (_, v) in enumerate(items):
        if v.kind == PERSON and words[n]:
            people.setdefault(words[n][-1], []).append(n)
        elif v.kind == ORGANISATION and words[n]:
            bodies.setdefault(" ".join(words[n]), []).append(n)
    for cluster in _close_keys(sorted(bodies), fuzz.token_sort_ratio, min_score):
        members = [n for k in cluster for n in bodies[k]]
        for n in members[1:]:
            groups.union(members[0], n)
    for cluster in _close_keys(sorted(people), fuzz.ratio, min_score):
        given: dict[str, list[int]] = {}
        for n in (n for k in cluster for n in people[k]):
            given.setdefault(words[n][0] if len(words[n]) > 1 else "", []).append(n)
        for members in given.values():
            for n in members[1:]:
                groups.union(members[0], n)
        named = sorted(g for g in given if g)
        for x in range(len(named)):
            for y in range(x + 1, len(named)):
                if _same_given(named[x], named[y]):
                    groups.union(given[named[x]][0], given[named[y]][0])
        if "" in given and named:
            weight: Counter[int] = Counter()
            for g in named:
                for n in given[g]:
                    weight[groups.find(n)] += len(items[n][1].mentions)
            groups.union(max(weight, key=lambda r: (weight[r], -r)), given[""][0])
    members_of: dict[int, list[int]] = {}
    for n in range(len(items)):
        members_of.setdefault(groups.find(n), []).append(n)
    speakers = []
    for root in sorted(members_of):
        group = members_of[root]
        voices = [items[n][1] for n in group]
        names = tuple(dict.fromkeys(v.name for v in voices))
        used = Counter(v.name for v in voices for _ in v.mentions)
        name = max(names, key=lambda nm: (len(_name_key(nm)), used[nm], nm))
        role = next((v.role for v in voices if v.role), None)
        first = items[group[0]]
        key = first[1].key if first[1].kind != UNNAMED else f"{first[0]}/{first[1].key}"
        speakers.append(Speaker(key, name, first[1].kind, role, names,
                                tuple((items[n][0], items[n][1].key) for n in group),
                                sum(len(v.mentions) for v in voices)))
    speakers.sort(key=lambda sp: (-len(sp.article_ids), -sp.mention_count, sp.name))
    return tuple(speakers)


_CACHE: dict[int, tuple[weakref.ref[Corpus], VoiceIndex]] = {}


def voices(corpus: Corpus) -> VoiceIndex:
    """The voice index of `corpus`, made on first use and kept (with what it has worked out) while the
    corpus lives."""
    key = id(corpus)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is corpus:
        return hit[1]
    index = VoiceIndex(corpus)
    _CACHE[key] = (weakref.ref(corpus, lambda _ref, key=key: _CACHE.pop(key, None)), index)
    return index
