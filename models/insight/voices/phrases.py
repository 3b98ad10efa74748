"""Reading a noun phrase as a speaker: a name (with the role, title and affiliation written around it), a
pronoun, an anonymous source ("a defense source", "sources close to ..."), a body ("the Turkish
government"), a description of someone named before ("the Russian expert"), or nothing usable."""

from __future__ import annotations

import re
from dataclasses import dataclass

from models import background
from models.text import STOPWORDS, fold
from models.insight.voices.records import ORGANISATION, PERSON, UNNAMED
from models.insight.voices.sentences import _Sentence
from models.insight.voices.words import (
    _DISCOURSE,
    AFFILIATION_PREPOSITIONS,
    CLAUSE_BREAKS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    NAME_PREPOSITIONS,
    ORG_NOUNS,
    ORG_WORDS,
    PARTICLES,
    PASSIVE,
    PERSON_OR_BODY,
    PRONOUNS,
    ROLE_NOUNS,
    SKIP_SUBJECTS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    TIME_MODIFIERS,
    TIME_NOUNS,
    TIME_PREPOSITIONS,
    TITLES,
    _agentive,
    _bare,
    _is_capital,
    _name_token,
    _possessive,
)

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
    partner: _Phrase | None = None  # the other speaker of "Greece and Cyprus said"
    body: bool = False  # an unnamed body ("a state-run audit agency", "the company"), not a person
    age: str = ""  # the age a description gives ("the 46-year-old striker" -> "46")
    refers: str = ""  # a person's gender ("m", "f") a description of no known role is given by a pronoun after it


_NOTHING = _Phrase("")


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
        if low in CLAUSE_BREAKS and not (tok.raw.isupper() and len(tok.raw) > 1):  # "a senior WHO official"
            between_roles = (low == "and" and out and i > s.lo and toks[i - 1].norm in ROLE_NOUNS
                             and toks[out[0]].norm in ROLE_NOUNS)
            if not between_roles and not (low == "and" and _inside_body_name(s, i)):
                break
        if tok.raw.islower() and (low in SPEECH_VERBS or low in PASSIVE):
            noun = (out and low in SPEECH_VERBS and i > s.lo
                    and (toks[i - 1].norm in DETERMINERS or (toks[i - 1].raw.islower() and toks[i - 1].norm not in STOPWORDS)))
            if not noun:
                break  # a verb ends the phrase; "a state prosecutor", "a Libyan state official" keep their noun
        if tok.raw.islower() and low.endswith("ing") and len(low) > 5 and not (
                out and (toks[out[0]].norm in ROLE_NOUNS or toks[out[0]].norm in ORG_NOUNS)) and not (
                i > s.lo and toks[i - 1].norm in ("a", "the") and not s.breaks_before(i)) and not (
                s.gap(i) == "-" or (i + 1 < s.hi and s.gap(i + 1) == "-")):
            break  # "meeting reporters"; not "at a briefing", a noun after its article, nor "post-meeting"
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
        if tok.norm in CLAUSE_BREAKS and tok.norm != "and" and not (tok.raw.isupper() and len(tok.raw) > 1):
            break  # a clause word ("who", "that"); not an acronym spelled like one ("the WHO", "the THAT Centre")
        out.append(i)
        i += 1
    return out


def _read_phrase(s: _Sentence, idx: list[int]) -> _Phrase:
    """What a noun phrase says about a speaker: a name (with role, title, affiliation), a pronoun, an
    anonymous source, a description ("the Russian expert"), or nothing usable."""
    toks = s.toks
    while idx and toks[idx[0]].norm in _DISCOURSE:
        idx = idx[1:]
    idx = _skip_time(s, idx)
    idx = _skip_vehicle(s, idx)
    if not idx:
        return _NOTHING
    # "a report by Reuters", "a statement from the ministry": what is cited is a text; its author speaks.
    for k in range(min(len(idx) - 1, 4)):
        # A capitalised one inside a name is the name's ("the Centre for the Study of River Towns").
        lower = toks[idx[k]].raw.islower() or idx[k] == s.lo
        if lower and (toks[idx[k]].norm in DOCUMENT_NOUNS or (toks[idx[k]].norm in _WORKS and toks[idx[k]].raw.islower())) and toks[
                idx[k + 1]].norm in ("by", "from", "of"):
            author = _read_phrase(s, idx[k + 2 :]) if k + 2 < len(idx) else _NOTHING
            if (toks[idx[k]].norm.startswith("report") and author.kind == PERSON and " " not in author.name
                    and not author.title and not author.role):
                author.kind = ORGANISATION  # "a report by Interfax": reports are an outlet's, as "X reported"
            return author
    if len(idx) > 1 and toks[idx[-1]].norm in DOCUMENT_NOUNS and toks[idx[-1]].raw.islower():
        # "a CNBC report", "an Associated Press report", "the Kremlin statement": the name before the text
        # is its author. Only a name stands there (not "a new report", "the latest figures").
        writer = [t for t in idx[:-1] if toks[t].norm not in DETERMINERS]
        if (len(writer) == 1 and toks[writer[0]].raw.islower() and toks[writer[0]].norm in ORG_NOUNS - PERSON_OR_BODY
                and toks[writer[0]].norm not in _ANY_BODY):
            head = toks[writer[0]].norm  # "a union statement": the union's
            return _Phrase("description", f"the {head}", head=head, fallback=UNNAMED, body=True)
        if writer and all(_name_token(toks[t]) for t in writer) and not _possessive(toks[writer[-1]]):
            phrase = _read_phrase(s, writer)
            if phrase.kind == PERSON and len(writer) <= 3 and not phrase.title and not phrase.role:
                phrase.kind = ORGANISATION
            if phrase.kind in (PERSON, ORGANISATION):
                return phrase
    organ = _organ_of(s, idx)
    if organ is not None:
        return organ
    if len(idx) == 1 and (toks[idx[0]].norm in PRONOUNS or toks[idx[0]].norm in ("it", "they")):
        return _Phrase("pronoun", toks[idx[0]].raw)
    if len(idx) == 1 and toks[idx[0]].norm in _SOME_PEOPLE:
        return _NOTHING  # "Many argue that ...", "Some say": no source, not a voice (the gold conventions' "people")
    if toks[idx[0]].norm in SKIP_SUBJECTS and not any(toks[t].norm in SOURCE_NOUNS for t in idx[1:4]):
        return _NOTHING  # "One AI person", "Some senior officials" are sources; "this", "it" are not
    opening = toks[idx[0]]
    if idx[0] == s.lo and opening.raw[:1].isupper() and opening.raw[1:].islower() and _plural_people(opening.norm):
        return _read_anonymous(s, idx)  # "Customers said", "Users of the platform are reporting"
    if (len(idx) > 3 and toks[idx[0]].norm in DETERMINERS and toks[idx[2]].norm == "of"
            and (toks[idx[1]].norm in ROLE_NOUNS or toks[idx[1]].norm in TITLES)):
        return _read_anonymous(s, idx)  # "the chairman of the Suez Canal Authority": someone described
    whole = idx
    idx, affiliation = _cut_affiliation(s, idx)
    last = toks[idx[-1]]
    named_text = (len(idx) > 1 and _is_capital(last) and fold(last.raw) in _NAMING_NOUNS and _name_token(toks[idx[-2]])
                  and not s.breaks_before(idx[-1]))  # "the Geological Survey", "the Daily Report": a body's name
    if len(idx) > 1 and _LOWER_BRAND.fullmatch(last.raw) and toks[idx[-2]].raw.islower():
        # "supply-chain data provider project44", "online marketplace eBay": a brand written in lowercase,
        # named by the role before it; a brand is a body.
        named = _read_name(s, idx, [idx[-1]], -1, affiliation)
        if named.kind:
            named.kind = ORGANISATION
            return named
    if (_name_token(last) or named_text) and not _possessive(last) and not _ACRONYM_PLURAL.match(last.raw):
        run = [idx[-1]]
        # A body's name may hold a capitalised role noun ("Joint Expert Board", "Union of Concerned Scientists").
        body_name = fold(_bare(last.raw)) in ORG_WORDS
        for n in range(len(idx) - 2, -1, -1):
            t = idx[n]
            if _possessive(toks[t]) and _name_token(toks[t]) and _name_token(toks[idx[n + 1]]) and not s.breaks_before(idx[n + 1]):
                # "Kestrel's Ana Ruiz", "Harbor Steel's Ana Ruiz": the possessor is where the speaker works.
                first = n
                while first > 0 and _name_token(toks[idx[first - 1]]) and not s.breaks_before(idx[first]):
                    first -= 1
                affiliation = affiliation or _bare(re.sub(r"['’]s?$", "", s.span(idx[first : n + 1])))
                break
            if body_name and _is_capital(toks[t]) and fold(toks[t].raw) in ROLE_NOUNS and not s.breaks_before(idx[n + 1]):
                run.insert(0, t)
                continue
            joins_title = (toks[t].norm == "of" and n > 0 and _name_token(toks[idx[n - 1]])
                           and (_title_word(toks[idx[n - 1]].norm) or fold(_bare(toks[idx[n - 1]].raw)) in ORG_WORDS))
            if (_name_token(toks[t]) or (toks[t].raw.islower() and (toks[t].norm in PARTICLES or joins_title))
                    or (_is_capital(toks[t]) and run and fold(toks[t].raw) in _NAMING_NOUNS and n > 0 and _name_token(toks[idx[n - 1]]))
                    or _inside_body_name(s, t) or _between_joins(s, idx, n, run)):
                run.insert(0, t)
            else:
                break
        # A particle glued to the name by a hyphen stays ("al-Sediq al-Sour"); a loose one ("of") does not.
        while run and toks[run[0]].raw.islower() and not (len(run) > 1 and s.gap(run[1]) == "-" and toks[run[0]].norm in PARTICLES):
            run.pop(0)
        title_end = -1
        if fold(_bare(last.raw)) not in ORG_WORDS:  # "the Ukrainian General Staff" is a body, not General Staff
            for k, t in enumerate(run):
                if toks[t].norm.rstrip(".") in TITLES:
                    title_end = k
                elif toks[t].norm == "of" and title_end == k - 1 and k + 2 < len(run):
                    title_end = k + 1  # "Secretary of State Antony Blinken"
        first = title_end + 1
        if first < len(run) and (toks[run[first]].raw[:1].isupper()
                                 or (first + 1 < len(run) and s.gap(run[first + 1]) == "-")):
            named = _read_name(s, idx, run, title_end, affiliation)
            if named.kind or not any(toks[t].norm in SOURCE_NOUNS for t in idx if t < run[0]):
                return named
            # "Eleven members of the House": a source described by the body it belongs to.
    return _read_anonymous(s, whole)


# Works someone authors, besides the documents: "according to analysis from Northgate Partners", "research
# by the institute", "a poll by X" (lowercase only: "Northgate Research" is a name).
_WORKS = frozenset("analysis analyses research poll polls polling assessment calculations projections tally".split())

# Body nouns that fit any body: "a company statement" says too little to find whose it is.
_ANY_BODY = frozenset("company firm group business body organisation organization side".split())

# The organs a body speaks through ("the board of directors of X", "X's board"): the body speaks.
_ORGANS = frozenset("board management leadership trustees directors".split())
# Organs only a body has; a person has "leadership" too ("Ruiz's leadership"), so "management" and
# "leadership" make their owner a body only when its name has a body word ("the Dock Union's leadership").
_BODY_ONLY_ORGANS = frozenset("board trustees directors".split())


def _organ_of(s: _Sentence, idx: list[int]) -> _Phrase | None:
    """"The board (of directors) of Kestrel Air", "Kestrel Air's board": the body whose organ it is, a body
    (the annotated stories count the body as the voice); None for any other phrase."""
    toks = s.toks
    words = [t for t in idx if toks[t].norm not in DETERMINERS]
    if len(words) < 2:
        return None
    if toks[words[-1]].norm in _ORGANS and toks[words[-1]].raw.islower() and _possessive(toks[words[-2]]):
        owner = words[:-1]  # "Kestrel Air's board"
        organ = toks[words[-1]].norm
    elif toks[words[0]].norm in _ORGANS and toks[words[0]].raw.islower() and toks[words[1]].norm == "of":
        organ = toks[words[0]].norm
        k = 2
        if k + 1 < len(words) and toks[words[k]].norm in _ORGANS and toks[words[k + 1]].norm == "of":
            k += 2  # "the board of directors of"
        owner = [t for t in words[k:] if toks[t].norm not in DETERMINERS]
    else:
        return None
    if len(owner) == 1 and toks[owner[0]].raw.islower() and fold(_bare(toks[owner[0]].raw)) in ORG_NOUNS:
        head = fold(_bare(toks[owner[0]].raw))  # "the union's leadership": the union named before
        return _Phrase("description", f"the {head}", head=head, fallback=UNNAMED, body=True)
    if not owner or not all(_name_token(toks[t]) or (toks[t].raw.islower() and toks[t].norm in _NAME_JOINS) for t in owner):
        return None
    if organ not in _BODY_ONLY_ORGANS and not any(fold(_bare(toks[t].raw)) in ORG_WORDS for t in owner):
        return None  # "Ruiz's leadership", "the leadership of Ana Ruiz": a person's
    return _Phrase(ORGANISATION, _bare(s.span(owner)))


# A brand's shape in lowercase: letters then a digit or a capital ("project44", "eBay", "iHeartMedia").
_LOWER_BRAND = re.compile(r"[a-z]{1,12}(?:\d+|[A-Z]\w*)")

# Document and source nouns that end a body's name when capitalised after a name word ("the Geological
# Survey", "the Daily Report", "the Press Office"): a name, not the text or the source it would be alone.
_NAMING_NOUNS = frozenset("survey surveys report reports record records review office studies statistics".split())
# Function words that stand inside a body's name: "the Ministry of the Interior", "the Centre for Scientific
# and Technical Research", "the Food and Drug Administration", "the Department of Health and Human Services".
_NAME_JOINS = frozenset("of for the and &".split())


def _inside_body_name(s: _Sentence, i: int) -> bool:
    """Whether lowercase token `i` ("of", "for", "the", "and") stands inside one body's capitalised name:
    between capitalised words, with a body word ("Ministry", "Centre", "Administration") in the name, before
    the join ("Ministry of the Interior", "Centre for Scientific and Technical Research") or, for "and",
    at the name's end ("Food and Drug Administration"). "Paris and Berlin", "Russia and the European Union"
    are two speakers: no body word, or "the" after "and"."""
    toks = s.toks
    low = toks[i].norm
    if low not in _NAME_JOINS or not toks[i].raw.islower() or i - 1 < s.lo or i + 1 >= s.hi:
        return False
    if s.breaks_before(i) or s.breaks_before(i + 1):
        return False
    nxt = i + 2 if low in ("of", "for") and toks[i + 1].norm == "the" and i + 2 < s.hi else i + 1
    if low == "the":
        return toks[i - 1].norm in ("of", "for") and _is_capital(toks[i + 1]) and _inside_body_name(s, i - 1)
    if not _is_capital(toks[nxt]) or not _is_capital(toks[i - 1]):
        return False
    if low in ("of", "for"):
        return fold(_bare(toks[i - 1].raw)) in ORG_WORDS or _title_word(toks[i - 1].norm) or _body_word_before(s, i)
    # The capitalised words before the join, back to the name's start (over earlier joins).
    k = i - 1
    before: list[str] = []
    while k >= s.lo and toks[k].norm not in DETERMINERS and (
            _is_capital(toks[k]) or (toks[k].norm in _NAME_JOINS and toks[k].raw.islower())):
        before.append(fold(_bare(toks[k].raw)))
        if s.breaks_before(k):
            break
        k -= 1
    # "and": a body word before it, after an "of"/"for" ("Centre for Scientific and Technical Research"), or
    # the capitalised words after it ending in a body word ("Food and Drug Administration").
    if any(w in ORG_WORDS for w in before) and any(w in ("of", "for") for w in before):
        return True
    k = nxt
    while k < s.hi and _is_capital(toks[k]) and not (k > nxt and s.breaks_before(k)) and k - nxt < 4:
        if fold(_bare(toks[k].raw)) in ORG_WORDS:
            return len(before) <= 2 and before[0] not in ORG_WORDS  # "the Army and Navy": two bodies
        k += 1
    return False


# How common in English (wordfreq's Zipf scale) a plural and its singular both are when a capitalised word
# opening a sentence is that common noun, not a name: "videos" 4.8 / "video" 5.4, "photos" 4.8 / "photo" 5.0;
# names stay ("Philips" 3.4, "Reuters" 3.9 / "reuter" 2.0, "Lloyds" 2.0).
COMMON_PLURAL_ZIPF = 4.0


def _common_plural(word: str) -> bool:
    """Whether a folded word is the plural of a common English noun ("videos", "photos", "airports"), read
    from the background word frequencies: a name standing first in its sentence is rarely one."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss") or not background.available():
        return False
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return background.zipf(word) >= COMMON_PLURAL_ZIPF and background.zipf(singular) >= COMMON_PLURAL_ZIPF


def _between_joins(s: _Sentence, idx: list[int], n: int, run: list[int]) -> bool:
    """Whether the capitalised word idx[n] stands between two joins of one body's name, whatever word it is
    ("the Centre for the Study of River Towns": "Study" is no document there)."""
    toks = s.toks
    t = idx[n]
    return (_is_capital(toks[t]) and bool(run) and toks[run[0]].raw.islower() and _inside_body_name(s, run[0])
            and n > 0 and toks[idx[n - 1]].raw.islower() and toks[idx[n - 1]].norm in _NAME_JOINS)


def _body_word_before(s: _Sentence, i: int) -> bool:
    """Whether the capitalised name that an "of"/"for" at token `i` would continue already holds a body word
    behind an earlier join: "the Office for the Coordination of Humanitarian Affairs", "the Centre for the
    Study of Conflict" are one body's name; the join after a plain name ("Amberin Zaman of Al-Monitor") is not."""
    toks = s.toks
    k, joined = i - 1, False
    while k >= s.lo and not _possessive(toks[k]) and (
            _is_capital(toks[k]) or (toks[k].raw.islower() and toks[k].norm in _NAME_JOINS)):
        if toks[k].raw.islower():
            joined = joined or toks[k].norm in ("of", "for")
        elif joined and fold(_bare(toks[k].raw)) in ORG_WORDS:
            return True
        if s.breaks_before(k):
            break
        k -= 1
    return False


# Quantifiers standing alone for people ("Many argue that", "Some say", "Others warned"): they name no source,
# and the annotated stories never count them as voices (held-out stories lost precision when they did).
_SOME_PEOPLE = frozenset("many some others".split())

# An acronym in the plural ("MPs", "MEPs", "NGOs"): members of a group, never a name.
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s$")

_VEHICLE_LEADS = frozenset("in via through".split())


def _skip_vehicle(s: _Sentence, idx: list[int]) -> list[int]:
    """The phrase without the text of speech it starts with: "In a statement the Premier League" -> "the
    Premier League", "in a joint statement on Monday A and B" -> "A and B"."""
    toks = s.toks
    if len(idx) < 4 or toks[idx[0]].norm not in _VEHICLE_LEADS or toks[idx[1]].norm not in DETERMINERS:
        return idx
    for k in range(2, min(len(idx) - 1, 5)):
        if toks[idx[k]].norm in DOCUMENT_NOUNS or toks[idx[k]].norm in _VEHICLES:
            return _skip_time(s, idx[k + 1 :])
        if not toks[idx[k]].raw.islower():
            break
    return idx


_VEHICLES = frozenset("statement statements post message letter interview video remarks comments".split())

_DEICTIC = frozenset("today yesterday tomorrow tonight".split())


def _skip_time(s: _Sentence, idx: list[int]) -> list[int]:
    """The phrase without the time adverbials it starts with: "on Sunday Foreign Minister Mevlut
    Cavusoglu" -> "Foreign Minister Mevlut Cavusoglu"; "this month Baykar", "earlier this year the
    ministry". A phrase that is nothing but a date ("May") is left as it is."""
    toks = s.toks
    k = 0
    while k < len(idx):
        n = k
        if toks[idx[n]].norm in TIME_PREPOSITIONS:
            n += 1
        while n < len(idx) and (toks[idx[n]].norm in TIME_MODIFIERS or toks[idx[n]].norm.isdigit()):
            n += 1
        # A bare month or weekday may be a name ("June Smith"): only a preposition or a modifier makes it a date.
        dated = n > k or toks[idx[n]].norm in _DEICTIC if n < len(idx) else False
        if dated and n < len(idx) and toks[idx[n]].norm.rstrip(".") in TIME_NOUNS:
            n += 1
            while n < len(idx) and toks[idx[n]].norm.isdigit():
                n += 1  # "on Feb. 24"
            k = n
            continue  # "earlier this year"
        break
    return idx[k:] if k < len(idx) else idx


def _title_word(low: str) -> bool:
    """A title, or titles ("Chiefs" in "Joint Chiefs of Staff")."""
    return low in TITLES or (low.endswith("s") and low[:-1] in TITLES)


def _cut_affiliation(s: _Sentence, idx: list[int]) -> tuple[list[int], str | None]:
    """Cut a prepositional phrase after a name: "Amberin Zaman of Al-Monitor" -> ("Amberin Zaman",
    "Al-Monitor"); "Erdoğan in Spring 2016" -> ("Erdoğan", None). "Ministry of Defence" stays whole."""
    toks = s.toks
    for k in range(1, len(idx)):
        tok, prev = toks[idx[k]], toks[idx[k - 1]]
        if not (tok.raw.islower() and tok.norm in NAME_PREPOSITIONS and _name_token(prev)):
            continue
        if tok.norm in ("of", "for") and (fold(_bare(prev.raw)) in ORG_WORDS or _title_word(prev.norm)
                                          or _body_word_before(s, idx[k])):
            continue  # "Ministry of Defence", "Secretary of State", "Joint Chiefs of Staff", "Centre for ..."
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


# The participles of "state-run", "government-owned", "Kremlin-backed": what is said of bodies, not people.
_OWNED = frozenset("run owned backed funded controlled operated sponsored affiliated financed".split())


def _read_name(s: _Sentence, idx: list[int], run: list[int], title_end: int, affiliation: str | None) -> _Phrase:
    """A named speaker: the name run (titles in front of it taken off as `title`) and the words before it,
    which must be a role ("international relations professor") or nothing at all."""
    toks = s.toks
    pre = [t for t in idx if t < run[0]]
    determined = bool(pre) and toks[pre[0]].norm in DETERMINERS
    while pre and toks[pre[0]].norm in DETERMINERS:
        pre = pre[1:]
    role = _premodifier(s, pre) if pre else None
    owned = bool(pre) and s.gap(pre[-1]) == "-" and toks[pre[-1]].norm in _OWNED
    if owned:
        pre, role = [], None  # "state-run Ahram Gate", "Kremlin-funded X": only a body is run or owned
    if pre and role is None:
        # Words before the name that are not a known role: a modifier ("state arms exporter") when they hold
        # no function word or verb form, otherwise the name is not the subject ("Erdogan's meeting with Joe
        # Biden ... underscored").
        if any(toks[t].raw.islower() and (toks[t].norm in STOPWORDS or toks[t].norm.endswith(("ing", "ed")))
               for t in pre) or len(pre) > 6:
            return _NOTHING
        # "a decision Gov. Jane Roe said was right": a noun with an article before the name, none a role, is
        # what the speaker said something about (the object of a relative clause), not the speaker's role.
        if toks[pre[-1]].raw.islower() and not determined:
            role = s.span(pre)
    title = s.span(run[: title_end + 1]) if title_end >= 0 else None
    if (title is not None and pre and not determined and not owned and len(pre) <= 3 and pre[-1] + 1 == run[0]
            and all(toks[t].raw.islower() and toks[t].norm not in STOPWORDS for t in pre)):
        # "former Prime Minister Liz Truss", "state Transportation Secretary Ann Vale": lowercase words
        # before a title qualify it; they are no role of their own.
        title, role = s.span([*pre, *run[: title_end + 1]]), None
    name_idx = run[title_end + 1 :]
    name = s.span(name_idx)
    words = {fold(_bare(toks[t].raw)) for t in name_idx}
    acronym = len(name_idx) == 1 and toks[name_idx[0]].raw.isupper() and len(toks[name_idx[0]].raw) > 1
    org = owned or bool(words & ORG_WORDS) or acronym or bool(role and fold(role.split()[-1]) in ORG_NOUNS)
    return _Phrase(ORGANISATION if org else PERSON, _bare(name), role, affiliation, title)


_SOURCE_MODIFIERS = frozenset("unnamed anonymous unidentified informed retired senior former".split())
_POSTMODIFIERS = frozenset("close familiar with in at from of for on inside within near".split())
_QUANTIFIERS = frozenset(
    """some several many multiple other one two three four five six seven eight nine ten eleven twelve dozen dozens hundreds
    thousands numerous various""".split()
)
_SOURCE_ONLY = frozenset("source sources media".split())


def _plural_body(word: str) -> bool:
    """A plural of a body noun ("airlines", "companies", "regulators"): bodies the text does not name, which
    speak as an anonymous source ("Multiple airlines have said", "railway operators reported")."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    return word[:-1] in ORG_NOUNS or (word.endswith("ies") and word[:-3] + "y" in ORG_NOUNS)


def _plural_role(word: str) -> bool:
    """A plural of a role noun ("ambassadors", "lawyers", "judges"): people the text does not name."""
    return len(word) > 4 and word.endswith("s") and not word.endswith("ss") and word[:-1] in ROLE_NOUNS


def _plural_people(word: str) -> bool:
    """A plural noun of people or bodies the text does not name ("airlines", "lawyers", "users")."""
    return _plural_body(word) or _plural_role(word) or _plural_agent(word)


def _plural_agent(word: str) -> bool:
    """A plural of a noun of someone who does something ("users", "customers", "investors", "scientists"):
    people the text does not name."""
    return word.endswith("s") and not word.endswith("ss") and _agentive(word[:-1], shortest=4)


def _read_anonymous(s: _Sentence, idx: list[int]) -> _Phrase:
    """A phrase without a name: an anonymous source ("a defense source", "sources close to ..."), a body
    ("the government"), a description of someone named before ("the Russian expert"), or nothing."""
    toks = s.toks
    aged = _age_description(s, idx)
    if aged is not None:
        return aged
    of_what = _body_of_what(s, idx)
    if of_what is not None:
        return of_what
    last = toks[idx[-1]]
    if (last.norm in ORG_NOUNS and _is_capital(last) and len(idx) > 1 and _name_token(toks[idx[-2]])
            and not _possessive(toks[idx[-2]]) and not s.breaks_before(idx[-1])):
        # "the Medicines Regulator", "the Energy Regulator": a body noun that is also a person's office,
        # capitalised after a name word, ends a body's name.
        start = len(idx) - 2
        while start > 0 and _name_token(toks[idx[start - 1]]) and not s.breaks_before(idx[start]):
            start -= 1
        if all(toks[t].norm in DETERMINERS for t in idx[:start]):  # not "two officials of the X Authority"
            return _Phrase(ORGANISATION, _bare(s.span(idx[start:])))
    if last.norm in ORG_NOUNS and last.raw.islower():
        # "the Turkish government", "state-owned Anadolu news agency": a body, named by its proper words when
        # it has some; "the ministry" is the ministry named before, if any.
        proper = [k for k, t in enumerate(idx) if k > 0 and _name_token(toks[t])]
        determined = toks[idx[0]].norm in DETERMINERS | _QUANTIFIERS
        if (len(idx) > 1 and _possessive(toks[idx[0]]) and _name_token(toks[idx[0]])
                and not any(toks[t].norm in STOPWORDS for t in idx[1:])):
            return _Phrase(ORGANISATION, s.span(idx))  # "Turkey's foreign ministry"
        if proper and all(_name_token(toks[t]) or _inside_body_name(s, t) for t in idx[proper[0] : -1]) and (
                not s.breaks_before(idx[-1])):
            # "The Guild of Pipefitters and Allied Trades union": a body's name, joins and all, and its kind.
            return _Phrase(ORGANISATION, s.span(idx[proper[0]:]))
        if (determined or proper) and not any(toks[t].raw.islower() and toks[t].norm in STOPWORDS for t in idx[1:]):
            if proper:
                return _Phrase(ORGANISATION, s.span(idx[proper[0]:]))
            if toks[idx[0]].norm == "the":
                # "the company", "the audit agency": the body named or described before, else a body the
                # article does not name.
                return _Phrase("description", _lower_start(s, idx), head=last.norm, fallback=UNNAMED, body=True)
            return _Phrase(UNNAMED, _lower_start(s, idx), head=last.norm, body=True)  # "a state-run audit agency"
    # The head must be someone who can speak: a source, an official, an expert, people close to ... ("a
    # statement", "a new source of friction" are not).
    heads = [k for k, t in enumerate(idx) if toks[t].norm in SOURCE_NOUNS or toks[t].norm in ROLE_NOUNS
             or ((toks[t].raw.islower() or t == s.lo) and _plural_people(toks[t].norm)) or _ACRONYM_PLURAL.match(toks[t].raw)
             or (k == len(idx) - 1 and k > 0 and toks[t].raw.islower() and _agentive(toks[t].norm)
                 and toks[idx[0]].norm in DETERMINERS)]
    if not heads:
        return _NOTHING
    h = heads[0]
    if any(toks[idx[k]].norm == "by" and toks[idx[k - 1]].raw.islower() and toks[idx[k - 1]].norm.endswith(("ed", "en"))
           for k in range(1, h)):
        return _NOTHING  # "images reproduced by the media", "footage shared by residents": the agent of a thing
    while h + 1 < len(idx) and (toks[idx[h + 1]].norm in SOURCE_NOUNS or toks[idx[h + 1]].norm in ROLE_NOUNS):
        h += 1  # "defense officials", "Russian media"
    head = toks[idx[h]].norm
    if head in ("source", "sources") and h + 1 < len(idx) and toks[idx[h + 1]].norm == "of":
        return _NOTHING  # "a source of friction", "sources of income"
    if h + 1 < len(idx) and toks[idx[h + 1]].norm in DOCUMENT_NOUNS and head not in ("media", "press"):
        return _NOTHING  # "expert studies" is a text, not someone; "media reports" are the media's
    # The phrase starts at its determiner, or where the modifiers in front of the head start.
    start = h
    while start > 0:
        tok = toks[idx[start - 1]]
        low = tok.norm
        if low in DETERMINERS or low in _QUANTIFIERS:
            start -= 1
            break
        acronym = len(tok.raw) > 1 and tok.raw.isupper()
        compound = s.gap(idx[start - 1]) == "-" or s.gap(idx[start]) == "-"  # "start-up founder"
        if low in STOPWORDS and low != "same" and not acronym and not compound:
            break
        if tok.raw.islower() and low.endswith(("ed", "ing")) and low not in _SOURCE_MODIFIERS and not (
                toks[idx[0]].norm in DETERMINERS and start == 2):
            break  # "the outgoing president": right after its article, such a word is an adjective
        start -= 1
    end = h + 1
    if end < len(idx) and toks[idx[end]].norm in _POSTMODIFIERS:
        end = len(idx)
    if (start == 1 and h > 2 and toks[idx[0]].norm in _OPENING_PREPOSITIONS
            and toks[idx[1]].norm in DETERMINERS):
        start = h  # "Under the new agreement workers said": the article is the preposition's, the speaker "workers"
    chosen = idx[start:end]
    determiner = toks[chosen[0]].norm
    if len(chosen) == 1 and head in TITLES and toks[chosen[0]].raw[:1].isupper() and not toks[chosen[0]].raw.isupper() or (
            len(chosen) == 1 and toks[chosen[0]].raw.isupper() and head in ROLE_NOUNS):
        return _Phrase("description", s.span(chosen), head=head)  # "PM said", "President said": the one of that title
    if len(chosen) == 1 and (head == "people" or not (head.endswith("s") or head in ("media", "police", "staff"))):
        return _NOTHING  # a bare singular noun is no subject ("in general terms"); "officials" is one
    if (determiner == "the" or (_possessive(toks[chosen[0]]) and _is_capital(toks[chosen[0]]))) and head not in _SOURCE_ONLY:
        words = tuple(fold(_bare(toks[t].raw)) for t in chosen[1:] if _is_capital(toks[t]))
        return _Phrase("description", _lower_start(s, chosen), head=head, proper=words)
    return _Phrase(UNNAMED, _lower_start(s, chosen), head=head)


def _body_of_what(s: _Sentence, idx: list[int]) -> _Phrase | None:
    """A body's name written in lowercase, its noun and what it is of or for ("the ministry of railways",
    "the department for education"): a body speaking, named by the phrase. Only a body noun a state or an
    institution uses, not "the company of ..." (`_ANY_BODY`); nothing but plain words after the join ("the
    office of the president" is someone's office, and "the board of directors" an organ: `_organ_of`)."""
    toks = s.toks
    if len(idx) < 4 or idx[-1] - idx[0] != len(idx) - 1 or toks[idx[0]].norm != "the":
        return None
    head, join = toks[idx[1]], toks[idx[2]]
    if not (head.raw.islower() and head.norm in ORG_NOUNS and head.norm not in _ANY_BODY and head.norm not in PERSON_OR_BODY
            and join.raw.islower() and join.norm in ("of", "for")):
        return None
    rest = [toks[t] for t in idx[3:]]
    if len(rest) > 3 or any(t.norm in STOPWORDS or t.norm in DETERMINERS or not t.raw.isalpha() for t in rest if t.norm != "and"):
        return None
    if any(s.breaks_before(t) for t in idx[1:]):
        return None
    return _Phrase(ORGANISATION, s.span(idx[1:]))


# Prepositions that open a sentence with a phrase of their own before its subject ("Under the deal workers
# said", "Across the region residents reported").
_OPENING_PREPOSITIONS = frozenset("under in across throughout within at on by from for with without despite amid".split())


def _age_description(s: _Sentence, idx: list[int]) -> _Phrase | None:
    """"The 46-year-old", "the 28-year-old striker": a person described by age (and a noun), who was named
    before; None for any other phrase."""
    toks = s.toks
    if len(idx) < 4 or toks[idx[0]].norm != "the" or len(idx) > 6:
        return None
    age, year, old = idx[1], idx[2], idx[3]
    if not (toks[age].norm.isdigit() and toks[year].norm in ("year", "years") and toks[old].norm == "old"
            and s.gap(year) == "-" and s.gap(old) == "-"):
        return None
    rest = idx[4:]
    if any(not toks[t].raw.islower() or toks[t].norm in STOPWORDS for t in rest):
        return None
    head = toks[rest[-1]].norm if rest else "old"
    return _Phrase("description", _lower_start(s, idx), head=head, age=toks[age].norm)


_COMMON_STARTS = STOPWORDS | SOURCE_NOUNS | ROLE_NOUNS | _SOURCE_MODIFIERS | _QUANTIFIERS | DETERMINERS | DOCUMENT_NOUNS


def _lower_start(s: _Sentence, idx: list[int]) -> str:
    """The phrase's text, its first letter lowercased when only the sentence start capitalised it."""
    text = s.span(idx)
    first = s.toks[idx[0]]
    acronym = len(first.raw) > 1 and first.raw.isupper()
    if idx[0] == s.lo and first.raw[:1].isupper() and not acronym and (fold(first.raw) in _COMMON_STARTS
                                                                        or _plural_people(fold(first.raw))):
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
