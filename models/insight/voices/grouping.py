"""One article's voices: its attributions grouped into Voices.

Named people meet by surname (a bare surname goes to the person of that surname mentioned last, another
given name is another person), bodies by name, anonymous sources by phrase ("the same source" goes back to
the last one); a country, a capital or a seat of government ("Moscow said", "the White House announced"), a
single word the article uses as a place, or a name it calls a firm is a body, every time it speaks. Then "He
said" goes to the person named last before it and a description ("the Russian expert") to the last named
voice with that role, or stays an anonymous voice of its own. `article_voices` is the entry point.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from models.document import Article, Passage
from models.text import STOPWORDS, fold
from models.insight.voices.attribution import _aside_head, _find_in_passage, _Found
from models.insight.voices.kinds import body_in_text
from models.insight.voices.phrases import _Phrase, _common_plural
from models.insight.voices.records import ORGANISATION, PERSON, UNNAMED, Mention, Voice
from models.insight.voices.places import PLACE_WORDS, place_name, place_role, places_in
from models.insight.voices.referents import (
    FEMALE,
    MALE,
    aged,
    gender,
    main_subject,
    mentions,
    full_names,
    named_in_clause,
    named_with_role,
    they_person,
)
from models.insight.voices.roles import (
    _appositive,
    _as_office,
    _called,
    _body_appositive,
    _fullest,
    _given_name_before,
    _preposed,
    _premodified,
    _titled,
    _truecase,
)
from models.insight.voices.sentences import _outside_words, _quote_spans, _quote_text, _sentence_spans, _speech_quote
from models.insight.voices.speakers import _same_given
from models.insight.voices.words import (_DISCOURSE, ORG_NOUNS, ORG_WORDS, PERSON_OR_BODY, ROLE_NOUNS, SPEECH_VERBS, TIME_NOUNS, TITLE_WORDS,
                                         TITLES, _bare, _name_key)

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
        self.head = ""  # the head noun of an unnamed voice ("agency")
        self.person = False  # a sign the name is a person's: a title or a person's role

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
        if p.head and not self.head:
            self.head = p.head
        self.person = self.person or _marked_person(p)
        self.found.append(f)


def article_voices(article: Article, places: frozenset[str] | None = None,
                   named_in_full: Callable[[str], bool] | None = None) -> tuple[Voice, ...]:
    """The voices of one article, most mentioned first (ties: first to speak first).

    `places` are single-word names known to be places ("Moscow", "Ankara"): a speaker with such a name and
    no title or role is an organisation. By default they are read from the article itself (see
    `models.insight.voices.places.places_in`).
    `named_in_full(word)` says whether the rest of the corpus writes a one-word name after a given name
    ("Recep Tayyip Erdogan"): evidence that a bare "Erdogan" with no title is a person.
    """
    found: list[_Found] = []
    previous: Passage | None = None
    for passage in article.passages:
        lead_in = None
        if previous is not None and passage.text[:1] in "“\"":
            lead_in = (lambda before=previous, n=len(found): _last_sentence(before, found[:n]))
        here = _find_in_passage(passage, passage.start, lead_in)
        if not here and previous is not None and found and found[-1].passage is previous:
            here = _quotation_carried_on(passage, found[-1])
        found.extend(here)
        previous = passage
    drafts = _named_and_anonymous(article, found, places, named_in_full)
    _merge_acronyms(drafts)
    _pronouns_and_descriptions(article, found, drafts)
    _named_after(article, drafts)
    voices = [_finish(d) for d in drafts if d.found]
    keys: Counter[str] = Counter()
    unique = []
    for v in voices:
        keys[v.key] += 1
        unique.append(v if keys[v.key] == 1 else _rekey(v, f"{v.key}#{keys[v.key]}"))
    order = {id(v): n for n, v in enumerate(unique)}
    unique.sort(key=lambda v: (-len(v.mentions), order[id(v)]))
    return tuple(unique)


def _named_after(article: Article, drafts: list[_Draft], reach: int = 400) -> None:
    """"A professor of medicine at Lakeside University says the risk is small. “...,” said Ann Hu.": a
    speaker described by an indefinite role who speaks once, and a person first named right after it (within
    `reach` characters) who speaks with no role of their own, are one person: the description is the role."""
    text = article.text
    for d in drafts:
        if (d.kind != UNNAMED or len(d.found) != 1 or d.head not in ROLE_NOUNS or not d.name.lower().startswith(("a ", "an "))
                or not re.search(r"\s(?:of|at|for|with)\s", d.name)):
            continue  # a described one ("a professor of medicine at X"), not any source ("a witness")
        at = d.found[0].offset
        after = [(min(x.offset for x in p.found), p) for p in drafts if p.kind == PERSON and p.found
                 and not p.role and not p.roles and all(_honorific(t) for t in p.titles)]
        after = [(o, p) for o, p in after if 0 < o - at <= reach]
        if len(after) != 1:
            continue
        person = after[0][1]
        if any(m < at for m in mentions(text, person.name.split()[-1])):
            continue  # named before the description: someone else
        person.found.extend(d.found)
        person.role = d.name
        d.found = []


def _one_of_sources(p: _Phrase, anonymous: dict[str, _Draft]) -> _Draft | None:
    """"a defense source" after "Sources close to the Turkish defense industry": one of the sources the
    article already let speak, when every word of its own ("defense") is in theirs: one voice."""
    if p.head != "source":
        return None
    own = _content_words(p.name) - {"source"}
    for d in anonymous.values():
        if d.head == "sources" and d.found and own and any(own <= _content_words(n) for n in d.names):
            return d
    return None


def _quotation_carried_on(passage: Passage, last: _Found) -> list[_Found]:
    """A passage that is nothing but a quotation, right after a passage whose last sentence attributes
    speech ("Ana Ruiz, the union's lawyer, said:" / "“We will fight ...,” Ruiz said."), goes on with the
    same speaker's words: news writes a speaker's next paragraph of quotation without a new attribution."""
    text = passage.text
    if text[:1] not in "“\"":
        return []
    quotes = [q for q in _quote_spans(text) if _speech_quote(text, q)]
    if not quotes or _outside_words(text, 0, len(text), quotes):
        return []
    before = last.passage.text
    lo, hi = last.sentence
    if hi < len(before.rstrip()) - 1 and _sentence_spans(before, _quote_spans(before))[-1][0] > lo:
        return []  # the attribution is not in the passage's last sentence
    return [_Found(last.phrase, passage, "quote", quotes[0], (0, len(text)), quotes[0][0], passage.start + quotes[0][0])]


def _last_sentence(passage: Passage, found: list[_Found]) -> str:
    """The last sentence of a passage when it holds no attribution ("Smith was blunt."), else ""."""
    text = passage.text
    quotes = _quote_spans(text)
    spans = _sentence_spans(text, quotes)
    if not spans:
        return ""
    lo, hi = spans[-1]
    if any(f.passage is passage and f.sentence == (lo, hi) for f in found[-3:]):
        return ""
    return text[lo:hi]


def _rekey(v: Voice, key: str) -> Voice:
    return Voice(key, v.name, v.kind, v.role, v.affiliation, v.names, v.mentions)


def _named_and_anonymous(article: Article, found: list[_Found], places: frozenset[str] | None,
                         named_in_full: Callable[[str], bool] | None) -> list[_Draft]:
    """First pass: one draft per named person (by surname), body, or anonymous source."""
    drafts: list[_Draft] = []
    people: dict[str, list[_Draft]] = {}  # folded surname -> the people of that surname
    bodies: dict[str, _Draft] = {}
    anonymous: dict[str, _Draft] = {}
    last_anonymous: _Draft | None = None
    last_named: _Draft | None = None
    as_bodies = _body_names(article, found, places, named_in_full)
    for f in found:
        p = f.phrase
        if p.kind in (PERSON, ORGANISATION):
            words = _name_key(p.name)
            if not words or _common_noun_opening(article.text, p):
                continue
            kind = p.kind
            if (kind == PERSON and not _marked_person(p) and " ".join(words) in as_bodies
                    and (len(words) > 1 or words[0] not in people)):
                kind = ORGANISATION  # "Moscow said", "Reuters reported", "the White House announced"
            full = _in_full(article.text, p.name) if kind == PERSON and len(words) == 2 else None
            if full is not None:
                words = _name_key(full)  # "Sir Keir" is "Sir Keir Starmer", named in full in the article
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
            last_named = d
            if full is not None:
                d.names.append(full)
        elif p.kind == UNNAMED:
            low = fold(p.name)
            if re.match(r"(the )?(same )?(source|sources)$", low) and low != "sources" and last_anonymous is not None:
                d = last_anonymous
            elif re.match(r"(the )?same (source|sources)$", low) and last_named is not None:
                last_named.found.append(f)  # "..., the Ministry of the Interior said. ..., the same source said"
                continue
            else:
                d = anonymous.get(_anonymous_key(p.name)) or _one_of_sources(p, anonymous)
                if d is None:
                    d = anonymous[_anonymous_key(p.name)] = _Draft(UNNAMED)
                    drafts.append(d)
            d.add(f)
            last_anonymous = d
    for d in drafts:
        _settle(article, d)
    return drafts


_OPENING_PLACE = re.compile(r"(?:^|\n|[.!?:;”\"]\s+|[“\"(]\s*)$")


def _common_noun_opening(text: str, p: _Phrase) -> bool:
    """Whether a one-word "name" is a common English plural capitalised only because it opens a sentence or
    a line ("Videos said ...", "Photos showed ...", a section label glued to the sentence after it): common in
    English as a plural and as a singular (`_common_plural`, the background word frequencies), no title or
    role, and never written in the article where only a name is capitalised (mid-sentence, after a given
    name: "Serena Williams ... Williams said" keeps its speaker)."""
    name = _bare(p.name)
    if " " in name or p.title or p.role or not name[:1].isupper() or not name[1:].islower():
        return False
    if not _common_plural(fold(name)):
        return False
    return all(_OPENING_PLACE.search(text, max(0, m.start() - 3), m.start())
               for m in re.finditer(rf"\b{re.escape(name)}\b", text))


# The honours a British knight or dame is called by with the given name alone ("Sir Keir", "Dame Judi").
_GIVEN_NAME_HONOURS = frozenset("sir dame".split())


def _in_full(text: str, name: str) -> str | None:
    """The full name an honour and a given name stand for in the article ("Sir Graham" -> "Sir Graham
    Brady", written so elsewhere in it), or None."""
    first, _, given = _bare(name).partition(" ")
    if fold(first) not in _GIVEN_NAME_HONOURS or not given:
        return None
    for m in re.finditer(re.escape(f"{first} {given}") + r" ([A-Z][\w’'-]+)\b", text):
        surname = fold(m.group(1))
        if surname not in STOPWORDS and surname not in ORG_WORDS and surname not in _DISCOURSE:
            return m.group()
    return None


def _initials(name: str) -> str:
    """The initials of a body's name, its small words left out ("Suez Canal Authority" -> "sca")."""
    return "".join(w[0] for w in _name_key(name) if w not in ("of", "and", "the", "for", "de", "on", "in"))


def _merge_acronyms(drafts: list[_Draft]) -> None:
    """A body named by its acronym ("the SCA said") is the body of that name ("the Suez Canal Authority
    said") when both speak in the article: one voice, its full name shown, the acronym among its names."""
    full = {_initials(d.name): d for d in drafts if d.kind == ORGANISATION and len(_name_key(d.name)) > 1}
    for d in list(drafts):
        words = _name_key(d.name)
        if d.kind != ORGANISATION or len(words) != 1 or not d.name.replace(".", "").isupper() or len(words[0]) < 2:
            continue
        target = full.get(words[0])
        if target is not None and target is not d:
            target.names.extend(d.names)
            target.found.extend(d.found)
            target.roles.extend(d.roles)
            drafts.remove(d)


def _anonymous_key(name: str) -> str:
    """What makes two anonymous sources of one article the same: their words, without the article in front
    ("officials" and "the officials", "a defense source" and "the defense source")."""
    return re.sub(r"^(?:the|a|an)\s+", "", " ".join(fold(name).split()))


def _body_names(article: Article, found: list[_Found], places: frozenset[str] | None,
                named_in_full: Callable[[str], bool] | None) -> frozenset[str]:
    """The names (folded keys) this article lets speak as a body, every time it names them: read as a body
    anywhere ("Reuters reported", "the Kremlin said"), a country, capital or seat of government ("Moscow",
    "Washington", "the White House", "Downing Street"), a single word the article uses as a place ("in
    Ankara", see `places_in`), or one it sets off with a body noun ("Baykar, the family firm whose ...")."""
    out: set[str] = set()
    # Surnames of the people named in full: a bare "Erdogan" is one of them, whatever else it could be.
    surnames = {words[-1] for f in found if f.phrase.kind == PERSON and len(words := _name_key(f.phrase.name)) > 1}
    for f in found:
        p = f.phrase
        if p.kind not in (PERSON, ORGANISATION) or p.title:
            continue
        words = _name_key(p.name)
        key = " ".join(words)
        if not words or key in out:
            continue
        if (p.kind == ORGANISATION or (f.cue in ("reported", "reports") and len(words) == 1 and not p.role)
                or (not _marked_person(p) and (place_name(p.name) or place_role(p.role)
                                               or _definite(article.text, _bare(p.name))))):
            out.add(key)
        elif not p.role and ((len(words) == 1 and words[0] not in surnames) or (len(words) > 1 and not _marked_person(p))):
            if places is None:
                places = places_in([article.text])
            if key in places or (len(words) == 1 and (_body_appositive(article.text, _bare(p.name))
                                                      or _no_person(article.text, f, named_in_full))):
                out.add(key)
            elif body_in_text(article.text, _bare(p.name)):
                out.add(key)  # "the managing director of Action Aviation", "hospital systems like X"
    return frozenset(out)


# A brand's shape: a capital inside the word after three small letters ("CrowdStrike", "MailOnline"; not
# "McDonald", "MacArthur", "DeSantis"), or a digit ("project44").
_BRAND = re.compile(r"^[A-Za-z][a-z]{3,}[A-Z]|^[A-Z][a-z]{2}(?<!Mac)[A-Z]|\d")
_PERSONAL = re.compile(r"\b(?:(he|him|his|she|her)|(it|its))\b", re.IGNORECASE)


def _given_name_of_someone(text: str, name: str) -> bool:
    """Whether the article writes the name as a person's given name, a surname after it ("Chad Okafor"; not
    "Jordan Valley", "Moscow State University")."""
    for m in re.finditer(re.escape(name) + r" ([A-Z][a-z’'-]+)\b(?! [A-Z])", text):
        if fold(m.group(1)) not in ORG_WORDS and fold(m.group(1)) not in PLACE_WORDS and fold(m.group(1)) not in STOPWORDS:
            return True
    return False


def _no_person(text: str, f: _Found, named_in_full: Callable[[str], bool] | None) -> bool:
    """Whether a one-word name that speaks with no title or role is no person's: a brand's shape, "it" as
    the next personal pronoun of its sentence ("Microsoft said it was fixing ..."), or, unless "he" or
    "she" comes first, no given name ever written before it in the article (English news names a person
    in full before using the surname alone: "Microsoft said" is a body, "Troy Hunt ... Hunt said" a
    person), nor in another article of the corpus (`named_in_full`: "Erdogan" named "Recep Tayyip Erdogan"
    in another)."""
    name = _bare(f.phrase.name)
    if _BRAND.search(name):
        return True
    if _given_name_of_someone(text, name):
        return False  # "Chad Okafor ... Chad said": a person called by the given name
    lo, hi = f.sentence
    m = _PERSONAL.search(f.passage.text, f.at, hi)
    if m is not None:
        return m.group(2) is not None
    return not (_given_name_before(text, name) or (named_in_full is not None and named_in_full(name)))




_THE_BEFORE = re.compile(r"(?<![\w’'])[Tt]he (?:(?:[A-Z][\w&’'-]*|(?:[A-Z]\.){2,}) ){0,3}$")


def _definite(text: str, name: str) -> bool:
    """Whether the article writes the name with a definite article, as a name of its own ("the Guardian",
    "the UK Treasury", "the Libyan Red Crescent said"): English gives a person's name no "the", so such a
    name is a body. A name that only modifies a noun ("the Biden administration") does not count."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[max(0, at - 50) : at]
        if (not text[end : end + 1].isalnum() and text[end : end + 1] not in ("’", "'", "&", "-")
                and _THE_BEFORE.search(before) and "’s" not in before[-20:] and "'s" not in before[-20:]):
            nxt = re.match(r" ([A-Za-z]+)", text[end : end + 40])
            if nxt is None:
                return True  # punctuation after the name
            word = nxt.group(1)
            if word.islower() and (word in STOPWORDS or word in SPEECH_VERBS or word in _AFTER_NAME):
                return True
        at = text.find(name, at + 1)
    return False


_AFTER_NAME = frozenset("has have had is was says said will would could can may must should".split())


def _marked_person(p: _Phrase) -> bool:
    """Whether the phrase marks its name as a person's: a title ("President"), or a role ending in a role
    noun ("analyst Jordan"); "the Turkish capital Ankara" is no such role."""
    if p.title and not _honorific(p.title) or p.title and p.kind == PERSON:
        return True
    if not p.role:
        return False
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", p.role)]
    heads = {fold(p.role.split()[-1]), _aside_head(words)} - PERSON_OR_BODY
    return bool(heads & ROLE_NOUNS)


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
    """Second pass, in reading order: a pronoun or a description goes to the nearest compatible speaker who
    spoke in the article, never to a name merely mentioned. "He said" and "she said" go to the person who
    spoke last before them, "it said" to the body; "the canal authority chief" or "the mayor" to the person
    whose role or title shares its words (or, failing one before it, the one who speaks after it); "the
    company" to the body that spoke last before it (a name with no sign of being a person's becomes a
    body), "the ministry" to the ministry named last; otherwise a pronoun is dropped and a description
    stays a voice of its own (an anonymous source, or a body the article does not name)."""
    anonymous = {_anonymous_key(d.name): d for d in drafts if d.kind == UNNAMED}
    evidence = _Evidence(article)
    evidence.attributed(found)
    for f in sorted(found, key=lambda f: f.offset):
        p = f.phrase
        if p.kind == "pronoun":
            if p.name.lower() == "it":
                d = _nearest_speaker(f.offset, [d for d in drafts if d.kind == ORGANISATION and d.found], 1500)
            elif p.name.lower() == "they":
                # A group, a body, an anonymous source ("a spokesperson ... they said"), or a person the
                # article itself calls "they": the nearest of them who spoke before it.
                d = _nearest_speaker(f.offset, [d for d in drafts if d.found], 1500)
                if d is not None and d.kind == PERSON and (evidence.gender(d.name) or not evidence.they(d.name)):
                    d = None  # the one who spoke last is "he" or "she": "they" is someone else
            else:
                said = FEMALE if p.name.lower() == "she" else MALE
                people = [d for d in drafts if d.kind == PERSON and d.found and evidence.gender(d.name) != _other(said)]
                d = _named_before_in_sentence(article, f, found, drafts, evidence, said)
                if d is None:
                    d = evidence.last_seen(f.offset, people, evidence.main_subject(drafts, f.offset, said))
                if d is None:
                    d = _named_just_before(article, f, drafts, evidence, said)
            if d is not None:
                d.found.append(f)
        elif p.kind == "description":
            d = _resolve_description(evidence, f, p, drafts) or anonymous.get(_anonymous_key(p.name))
            if d is None and p.age:
                # "The 46-year-old added": the person given that age, else the one who spoke last, else the
                # article's subject.
                name = aged(article.text, p.age, f.offset)
                d = (_person_draft(article, name, drafts) if name else None) or _nearest_speaker(
                    f.offset, [d for d in drafts if d.kind == PERSON and d.found], 1500) or evidence.main_subject(
                    drafts, f.offset, "")
            if d is None and p.refers:
                # "The former mogul has maintained his innocence": the person of that gender who spoke or
                # was named last, the article's subject, or the one person named just before.
                people = [x for x in drafts if x.kind == PERSON and x.found and evidence.gender(x.name) != _other(p.refers)]
                d = evidence.last_seen(f.offset, people, evidence.main_subject(drafts, f.offset, p.refers)) or (
                    _named_just_before(article, f, drafts, evidence, p.refers, reach=600))
            if d is None and not p.body and p.head:
                name = named_with_role(article.text, p.head, _content_words(p.name) - {p.head}, f.offset)
                d = (_person_draft(article, name, drafts) if name else None) or _speaker_of_no_role(f, p, drafts)
            if d is None and not p.fallback:
                continue  # a text no body answers to ("the statement said"): no voice
            if d is None:
                d = anonymous[_anonymous_key(p.name)] = _Draft(p.fallback)
                d.names.append(p.name)
                d.name = p.name
                d.head = p.head
                drafts.append(d)
            elif d.kind == PERSON and not d.role and (p.head in ROLE_NOUNS or p.head in TITLES):
                d.role = p.name  # "The chairman of the canal authority has suggested ... Rabie said"
            d.found.append(f)


def _named_before_in_sentence(article: Article, f: _Found, found: list[_Found], drafts: list[_Draft],
                              evidence: _Evidence, said: str) -> _Draft | None:
    """The person "he"/"she" at `f` means within its own sentence: the one person named before it there,
    outside quotations, of a compatible gender ("While the release stated that Greg Brockman was stepping
    down, he later announced ..."), when no person speaks before it in that sentence ("Smith said Jones was
    wrong, and he added ..." is Smith's: `last_seen` decides)."""
    lo, _ = f.sentence
    if any(g is not f and g.passage is f.passage and g.sentence == f.sentence and g.at < f.at and (
            g.phrase.kind in (PERSON, "pronoun") or (g.phrase.kind in (UNNAMED, "description") and not g.phrase.body
                                                      and not _plural_head(g.phrase.head)))
           for g in found):
        return None  # someone spoke before it in the sentence: "he" is theirs (a body that spoke is no "he")
    text = f.passage.text
    names = named_in_clause(text, lo, f.at, _quote_spans(text), evidence.full_names())
    names = [n for n in names if evidence.gender(n) != _other(said)]
    if len(names) != 1:
        return None
    return _person_draft(article, names[0], drafts)


def _plural_head(head: str) -> bool:
    """Whether a description's head is plural ("lawyers", "prosecutors"): people no "he" or "she" means."""
    return len(head) > 3 and head.endswith("s") and not head.endswith("ss")


def _named_just_before(article: Article, f: _Found, drafts: list[_Draft], evidence: _Evidence, said: str,
                       reach: int = 300) -> _Draft | None:
    """The person "he"/"she" at `f` means when no one spoke before it and the article has no main subject:
    the one person named (outside quotations, of a compatible gender) in the text just before its sentence
    ("U.S. Attorney Jane Poe did not hold back at a press conference. “...,” she said")."""
    start = f.offset - (f.at - f.sentence[0])
    lo = max(0, start - reach)
    text = article.text
    names = [n for n in named_in_clause(text, lo, start, evidence.quotes()) if evidence.gender(n) != _other(said)]
    return _person_draft(article, names[0], drafts) if len(names) == 1 else None


def _other(gender: str) -> str:
    return {MALE: FEMALE, FEMALE: MALE}.get(gender, "?")


class _Evidence:
    """What the article says of its people, worked out when first asked: each name's gender, its main
    subject."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self._genders: dict[str, str] = {}
        self._they: dict[str, bool] = {}
        self._subject: str | None | bool = False
        self._named: dict[str, list[int]] = {}
        self._quotes: list[tuple[int, int]] | None = None
        self._sentences: list[tuple[int, int, _Found]] = []
        self._full_names: dict[str, str] | None = None

    def they(self, name: str) -> bool:
        """Whether the article calls the person of this name "they" (see `referents.they_person`)."""
        if name not in self._they:
            self._they[name] = they_person(self.article.text, name) if name else False
        return self._they[name]

    def gender(self, name: str) -> str:
        if name not in self._genders:
            self._genders[name] = gender(self.article.text, name) if name else ""
        return self._genders[name]

    def last_seen(self, offset: int, people: list[_Draft], subject: _Draft | None, reach: int = 1500) -> _Draft | None:
        """Whom "he said" at `offset` means, of the people who spoke and the article's main subject: the
        one who spoke or was named (outside quotations) last before it, within `reach` characters; the
        main subject when no one is ("Sodje, a former ..., said ... '...,' he said": not the official whose
        words he was answering, who spoke before)."""
        best: tuple[int, _Draft] | None = None
        for d in people + ([subject] if subject is not None and subject not in people else []):
            seen = max((x.offset for x in d.found if x.offset < offset), default=-1)
            for at in reversed(self.named_at(d.name)):
                if at < offset and not self._in_others_words(at, d):
                    seen = max(seen, at)
                    break
            if seen >= 0 and offset - seen <= reach and (best is None or seen > best[0]):
                best = (seen, d)
        return best[1] if best else subject

    def attributed(self, found: list[_Found]) -> None:
        """The sentences where someone is given the word, as article offsets (see `_in_others_words`)."""
        self._sentences = [(f.offset - f.at + f.sentence[0], f.offset - f.at + f.sentence[1], f) for f in found]

    def _in_others_words(self, at: int, d: _Draft) -> bool:
        """Whether a name at `at` stands in a sentence that gives someone else the word ("Cardell refuted
        Smith's claims"): merely mentioned there, the name is no one "he said" or "she said" follows."""
        return any(lo <= at < hi and f not in d.found for lo, hi, f in self._sentences)

    def full_names(self) -> dict[str, str]:
        """The people the article names in full, by folded surname (`referents.full_names`)."""
        if self._full_names is None:
            self._full_names = full_names(self.article.text)
        return self._full_names

    def quotes(self) -> list[tuple[int, int]]:
        """The quotations' spans in the article text."""
        if self._quotes is None:
            self._quotes = _quote_spans(self.article.text)
        return self._quotes

    def named_at(self, name: str) -> list[int]:
        """Where the surname of `name` stands in the article outside its quotations."""
        surname = name.split()[-1]
        if surname not in self._named:
            quotes = self.quotes()
            self._named[surname] = [at for at in mentions(self.article.text, surname)
                                    if not any(qs < at < qe for qs, qe in quotes)]
        return self._named[surname]

    def main_subject(self, drafts: list[_Draft], offset: int, said: str) -> _Draft | None:
        """The article's main subject, as a voice, for a pronoun or a description at `offset` that no
        speaker before it answers to: named before it, and not of the other gender than the pronoun's."""
        if self._subject is False:
            self._subject = main_subject(self.article.title or "", self.article.text)
        name = self._subject
        if not isinstance(name, str) or self.article.text.find(name.split()[-1]) >= offset:
            return None
        if said and self.gender(name) == _other(said):
            return None
        return _person_draft(self.article, name, drafts)


def _person_draft(article: Article, name: str, drafts: list[_Draft]) -> _Draft | None:
    """The voice of the person of this name (by surname and given name), a new one if none has spoken."""
    words = _name_key(name)
    if not words:
        return None
    same = [d for d in drafts if d.kind == PERSON and _name_key(d.name)[-1:] == words[-1:]]
    d = _person(same, words) if same and any(d.found for d in same) else None
    if d is not None:
        return d
    d = _Draft(PERSON)
    d.names.append(name)
    _settle(article, d)
    drafts.append(d)
    return d


def _nearest_speaker(offset: int, candidates: list[_Draft], reach: int) -> _Draft | None:
    """The candidate whose last mention before `offset` is nearest to it (within `reach` characters)."""
    best: tuple[int, _Draft] | None = None
    for d in candidates:
        before = [x.offset for x in d.found if x.offset < offset]
        if before and offset - max(before) <= reach and (best is None or max(before) > best[0]):
            best = (max(before), d)
    return best[1] if best else None


# Heads of descriptions that fit any company or body ("the company said" after "Shoei Kisen apologized").
_GENERIC_BODIES = frozenset("company firm group body organisation organization operator owner business".split())


def _resolve_description(evidence: _Evidence, f: _Found, p: _Phrase, drafts: list[_Draft]) -> _Draft | None:
    """The voice a description refers to, or None (a name's gender read once per article: `evidence`)."""
    text = evidence.article.text
    words = _content_words(p.name) - {p.head}
    if p.body:
        same = [d for d in drafts if d.found and d.kind == UNNAMED and d.head == p.head
                and words <= _content_words(d.name)]
        d = _nearest_speaker(f.offset, same, 3000)
        if d is not None:
            return d  # "the audit agency" after "a state-run audit agency"
        bodies = [d for d in drafts if d.found and (d.kind == ORGANISATION or (
            d.kind == PERSON and not d.person and not evidence.gender(d.name)))]  # "Sam Altman said he ..." is no body
        described = [d for d in bodies if p.head in _content_words(" ".join(filter(None, [d.name, d.role, *d.affiliations])))]
        d = _nearest_speaker(f.offset, described, 3000)
        if d is None and p.head in _GENERIC_BODIES:
            d = _nearest_speaker(f.offset, bodies, 1500)
        named = _last_body_named(text, f.offset, p.head, drafts, after=max((x.offset for x in d.found), default=-1) if d else -1)
        if named is not None:
            return named  # "the Foreign Ministry called ... '...,' the ministry said": the body named last
        if d is None or p.head in _GENERIC_BODIES:
            # A body named after the one that spoke last is nearer ("... a security firm called X. ... the
            # company said").
            last = max((x.offset for x in d.found if x.offset < f.offset), default=-1) if d else -1
            d = _body_named_before(text, f.offset, drafts, after=last) or d
        if d is None and p.head in _GENERIC_BODIES and not words:
            d = _body_most_named(text, f.offset, drafts)  # "the company had earlier said": OpenAI, named all along
            if d is None:
                # "The plant will close, according to the company. Harbor Steel, a steel firm, ...": the body
                # the article names anywhere, when it names one only.
                d = _body_most_named(text, len(text), drafts, least=1, only=True, head=p.head)
        if d is not None:
            d.kind = ORGANISATION  # "the company said": whoever it refers to is a company
        return d
    same = [d for d in drafts if d.found and d.kind == UNNAMED and d.head == p.head and words <= _content_words(d.name)]
    exact = [d for d in same if _content_words(d.name) - {p.head} == words]
    d = _nearest_speaker(f.offset, exact, 3000) or _nearest_speaker(f.offset, same, 3000)
    if d is not None:
        return d  # "the official" after "a senior ministry official"
    people = []
    for d in drafts:
        if d.kind != PERSON or not d.found:
            continue
        said = _content_words(" ".join(filter(None, [d.role, *d.roles, *d.titles, *d.affiliations])))
        if _head_in(p.head, said) or (words and len(words & said) * 2 >= len(words)) or set(p.proper) & said:
            people.append(d)
    d = _nearest_speaker(f.offset, people, 3000)
    if d is None and people:
        # A description that stands before its referent first speaks ("Egypt's canal chief said ... Osama
        # Rabie said"): the nearest such person speaking after it.
        d = min(people, key=lambda d: min(abs(x.offset - f.offset) for x in d.found))
    return d


def _speaker_of_no_role(f: _Found, p: _Phrase, drafts: list[_Draft]) -> _Draft | None:
    """Whom a description of a person no speaker and no name answers to means: the person who spoke last
    before it, when the article gives that person no role at all ("Sir Olaf Brandt has called for ... The
    opposition leader said"), or, when no person spoke before it, the first who speaks after it; the
    description is then that person's role."""
    if p.head not in ROLE_NOUNS and p.head not in TITLES:
        return None
    people = [x for x in drafts if x.kind == PERSON]
    d = _nearest_speaker(f.offset, people, 1500)
    if d is None:
        # No person spoke before it: the first to speak after it ("The chairman of the canal authority has
        # suggested ... '...,' Osama Rabie said"), a lede describing whom the article then names.
        after = [(min(x.offset for x in d.found if x.offset > f.offset), d) for d in people
                 if any(x.offset > f.offset for x in d.found)]
        first = min(after, key=lambda a: a[0], default=None)
        d = first[1] if first is not None and first[0] - f.offset <= 1500 else None
    if d is None or d.role or d.roles or not all(_honorific(t) for t in d.titles):
        return None
    d.role = p.name
    return d


# Titles written as their initials: "the outgoing PM" is the Prime Minister.
_SPELLED_OUT = {"pm": frozenset({"prime", "minister"}), "ceo": frozenset({"chief", "executive"}),
                "mp": frozenset({"member", "parliament"})}


def _head_in(head: str, said: set[str]) -> bool:
    """Whether a description's head is among the words said of a voice, initials and titles' short forms
    spelled out ("the governor": "Gov.")."""
    return head in said or (head in _SPELLED_OUT and _SPELLED_OUT[head] <= said) or any(
        TITLE_WORDS.get(w) == head for w in said)


def _content_words(text: str) -> set[str]:
    """The folded words of a phrase that say something (no determiners, possessive endings or stop words)."""
    return {w for w in re.findall(r"[^\W\d_]+", fold(text.replace("’s", "").replace("'s", ""))) if w not in STOPWORDS}


def _last_body_named(text: str, offset: int, head: str, drafts: list[_Draft], reach: int = 800,
                     after: int = -1) -> _Draft | None:
    """The body "the ministry" refers to: the last body named with that noun before it ("the Foreign
    Ministry called the decision unfair. '...,' the ministry said"), as a voice of its own if it has not
    spoken yet; None when no such name stands within `reach` characters before `offset`."""
    pattern = re.compile(r"(?:\b[A-Z][\w’'-]*\s+){1,4}" + re.escape(head.capitalize()) + r"\b"
                         r"(?:\s+(?:of|for|on|and)(?:\s+the)?(?:\s+[A-Z][\w’'-]*)+)*")  # "Agency for Research on Cancer"
    found = None
    for m in pattern.finditer(text, max(0, offset - reach, after + 1), offset):
        found = m
    if found is None:
        return None
    words = [w for w in _name_key(found.group()) if w not in STOPWORDS]
    if len(words) < 2:
        return None
    name = " ".join(words)
    spelled = _unframed(found.group())
    initials = _initials(spelled)
    for d in drafts:
        if d.kind == ORGANISATION and d.found:
            key = " ".join(_name_key(d.name))
            if key == name or key.endswith(" " + name) or (len(initials) > 1 and key == initials):
                return d  # the name, or its acronym that spoke ("IARC" for "International Agency for ...")
    d = _Draft(ORGANISATION)
    d.name = spelled
    d.names.append(d.name)
    drafts.append(d)
    return d


# A run of capitalised words ("Silicon Valley Bank", "Sky News", "CrowdStrike"), "of"/"for"/"&" inside it
# ("Office for the Coordination of Humanitarian Affairs").
_NAME_RUN = re.compile(r"[A-Z][\w&’'.-]*(?:(?: (?:(?:of|for)(?: the)?|and|&) | )[A-Z][\w&’'.-]*)*")
_CALLED = re.compile(r"(?:called|named|dubbed|\b(?:company|firm|group|agency|network|broadcaster|bank|lender|"
                     r"insurer|operator|airline|carrier|maker|provider))\s+$")


def _called_so(text: str, name: str, head: str) -> bool:
    """Whether the article calls the body `name` a `head` ("company") right before or in an aside after it."""
    n, h = re.escape(name), re.escape(head)
    return re.search(rf"\b{h}\s+(?:called\s+|named\s+)?{n}\b|\b{n},\s+(?:a|an|the)\s+[^,.;]{{0,50}}?\b{h}\b", text) is not None


def _unframed(run: str) -> str:
    """A run of capitalised words without the function words at its ends ("The Cartel of Oil States" ->
    "Cartel of Oil States"); those inside a name stay."""
    words = run.split()
    while words and fold(_bare(words[0])) in STOPWORDS:
        words.pop(0)
    while words and fold(_bare(words[-1])) in STOPWORDS:
        words.pop()
    return " ".join(words)


# What marks a name as a body's where a body's description looks for the body it means: initials ("CMA",
# "NTSB"; not a title such as "CEO"), or a spokesperson's employer written before the noun ("an Activision
# spokesperson").
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_SPOKESPERSON_AFTER = re.compile(r"\s+(?:spokesperson|spokesman|spokeswoman|spokespeople)\b")


def _spelled_out(text: str, acronym: str) -> str | None:
    """The name the article writes whose initials an acronym is ("Competition and Markets Authority" for
    "CMA"), or None."""
    for m in _NAME_RUN.finditer(text):
        name = _unframed(m.group())
        if " " in name and _initials(name) == acronym.lower():
            return _bare(name)
    return None


def _body_named_before(text: str, offset: int, drafts: list[_Draft], reach: int = 400, after: int = -1) -> _Draft | None:
    """The body a description no speaker answers to refers to: the last name written before it (within
    `reach` characters) that the article marks as a body: one that speaks as a body in the article, a name
    with a body word ("Silicon Valley Bank", "Sky News"), or a name after "called" or a body noun ("a
    cybersecurity firm called CrowdStrike"). "the lender announced" after "Silicon Valley Bank shares fell"
    is the bank; "the network reported" after "Sky News was unable to operate" is Sky News. Only names
    after offset `after` count (where the body it would otherwise go to spoke last)."""
    lo = max(0, offset - reach, after + 1)
    speaking = {" ".join(_name_key(d.name)): d for d in drafts if d.kind == ORGANISATION and d.found}
    best: _Draft | str | None = None
    for m in _NAME_RUN.finditer(text, lo, offset):
        name = _unframed(m.group())
        if name.endswith(".") and not re.search(r"(?:\b[A-Z]\.){2,}$", name):
            name = name[:-1]  # the full stop after the name, not an initialism's ("U.S.")
        key = " ".join(_name_key(name))
        if not key or key in TIME_NOUNS:
            continue  # "on Monday, the company said": a day is no body
        if key in speaking:
            best = speaking[key]
        elif (set(key.split()) & ORG_WORDS or _CALLED.search(text, max(0, m.start() - 30), m.start())
              or _ACRONYM.fullmatch(name) and fold(name) not in TITLES or _SPOKESPERSON_AFTER.match(text, m.end())
              or body_in_text(text, name)):
            best = _bare(name)
    if best is None or isinstance(best, _Draft):
        return best
    if _ACRONYM.fullmatch(best):
        best = _spelled_out(text, best) or best  # "CMA": the "Competition and Markets Authority" it stands for
        spelled = speaking.get(" ".join(_name_key(best)))
        if spelled is not None:
            return spelled
    for d in drafts:  # named by an earlier description already
        if d.kind == ORGANISATION and " ".join(_name_key(d.name)) == " ".join(_name_key(best)):
            return d
    d = _Draft(ORGANISATION)
    d.name = best
    d.names.append(best)
    d.role = _called(text, best)  # "a cybersecurity firm called CrowdStrike"
    drafts.append(d)
    return d


_BODY_RUN = re.compile(r"[A-Z][\w&’'-]*(?:(?: (?:(?:of|for)(?: the)?|and|&) | )[A-Z][\w&’'-]*)*")


def _body_most_named(text: str, offset: int, drafts: list[_Draft], least: int = 2, only: bool = False,
                     head: str = "") -> _Draft | None:
    """The body a bare "the company" or "the firm" means when none spoke or was named near it: the name the
    article writes most often before `offset` (at least `least` times) that it marks as a body's (a body
    word, a brand's shape, an office held in it or what only a body has: see `kinds.body_in_text`, or a
    body noun or "called" before it), never a person's; with `only`, the one such name, or None."""
    people = {w for d in drafts if d.kind == PERSON for n in d.names for w in _name_key(n)}
    counts: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for m in _BODY_RUN.finditer(text, 0, offset):
        name = _bare(_unframed(m.group()))
        key = " ".join(_name_key(name))
        if key and not set(key.split()) & people and key not in TIME_NOUNS:
            counts[key] += 1
            spelled.setdefault(key, name)
    bodies = [(key, n) for key, n in counts.most_common(3 if not only else None) if n >= least and (
        set(key.split()) & ORG_WORDS or _BRAND.search(spelled[key]) or body_in_text(text, spelled[key])
        or _CALLED.search(text, max(0, text.find(spelled[key]) - 30), text.find(spelled[key]))
        or (head and _called_so(text, spelled[key], head)))]
    if only and len(bodies) > 1 and head:
        # Of several bodies, the one the article calls by the description's noun ("the company Harbor Steel",
        # "Harbor Steel, a steel company").
        bodies = [(key, n) for key, n in bodies if _called_so(text, spelled[key], head)]
    if only and len(bodies) != 1:
        return None  # `only`: one body named in the whole article, or none is meant
    if not bodies:
        return None
    key = bodies[0][0]
    for d in drafts:
        if d.kind == ORGANISATION and " ".join(_name_key(d.name)) == key:
            return d
    d = _Draft(ORGANISATION)
    d.name = spelled[key]
    d.names.append(d.name)
    drafts.append(d)
    return d


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
    body = d.kind == ORGANISATION
    role = ((d.roles[0] if d.roles else None) or next(filter(None, (_appositive(article.text, n, body) for n in spelled)), None)
            or _preposed(article.text, spelled) or (next(filter(None, (_called(article.text, n) for n in spelled)), None)
                                                    if body else None))
    if role is None and d.kind == PERSON:
        titles = [t for t in d.titles if not _honorific(t)]
        role = (_premodified(article.text, spelled) or (titles[0] if titles else None)
                or next((t for t in [_titled(article.text, spelled)] if t and not _honorific(t)), None)
                or _as_office(article.text, spelled))
    d.role = _truecase(article.text, role) if role else None
    if d.kind == PERSON and d.role and not [t for t in d.titles if not _honorific(t)] and _body_role(d.role):
        d.kind = ORGANISATION  # "Copernicus, an EU programme aimed at ...": what the article says it is


# What stops a role's head noun: a preposition, a relative word, a participle ("an EU programme aimed at ...",
# "the agency in charge of ...", "a group that ...").
_HEAD_ENDS = frozenset("of for at in on with from by to who whose which that".split())
# Body nouns an appositive gives a name besides those of `ORG_NOUNS` ("an EU programme", "the monitoring center").
_BODY_HEADS = frozenset("programme program project initiative center centre observatory laboratory lab".split())


def _body_role(role: str) -> bool:
    """Whether a role says its holder is a body: its head noun is a body's ("an EU programme aimed at
    developing ...", "the European Union's climate research and monitoring center"), not a person's
    ("director of the monitoring center")."""
    words = [fold(w) for w in re.findall(r"[^\W\d_][\w’'-]*", role)]
    if not words or words[0] in _HEAD_ENDS:
        return False  # "of the Coastal Relief Agency": where the speaker works, no head of its own
    if any(w in ROLE_NOUNS or w in TITLES for w in words):
        return False  # "University of Reading climate change professor": a person's office in a body
    head = ""
    for n, w in enumerate(words):
        nxt = words[n + 1] if n + 1 < len(words) else ""
        if head and (w in _HEAD_ENDS or (w.endswith(("ed", "ing")) and len(w) > 4 and (nxt in _HEAD_ENDS or nxt in STOPWORDS))):
            break  # "aimed at", "based in"; not "the monitoring center"
        head = w
    return (head in ORG_NOUNS or head in _BODY_HEADS) and head not in PERSON_OR_BODY and head not in ROLE_NOUNS


_HONORIFICS = frozenset("mr mrs ms miss mx sir dame madam madame monsieur".split())


def _honorific(title: str) -> bool:
    """"Mr", "Ms.": a form of address, not a role."""
    return all(fold(w).rstrip(".") in _HONORIFICS for w in title.split())


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
