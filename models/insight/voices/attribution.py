"""Finding attributions in a passage: a verb of saying next to its speaker ("Turan said", "said professor
Ilter Turan", "spokesman Peskov to once again warn", "Smith, a former NATO ambassador, warned"), "according
to", "citing", a citing noun ("the announcement from X"), "in X's words", each with the quotation it
attributes. Words inside a quotation are never read as attributions themselves."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from models.document import Passage
from models.text import Token, fold, lemma
from models.insight.voices.lexicon import (
    BESIDE_QUOTE,
    NEEDS_AFTER,
    NEGATED_STANCE,
    PARTICLES,
    REFLEXIVES,
    Form,
    delivering_form,
    forms,
    reporting_form,
)
from models.insight.voices.phrases import (
    _NOTHING,
    _QUANTIFIERS,
    _VEHICLES,
    _lower_start,
    _Phrase,
    _read_name,
    _read_phrase,
    _walk_back,
    _walk_forward,
)
from models.insight.voices.records import ORGANISATION, PERSON, UNNAMED
from models.insight.voices.sentences import (
    _BOUNDARY,
    _QUOTE_OPEN,
    _near_quote,
    _outside_words,
    _quote_spans,
    _Sentence,
    _sentence_spans,
    _sentence_tokens,
    _speech_quote,
)
from models.insight.voices.words import (
    ADVERBS,
    CLAUSE_BREAKS,
    DOCUMENT_NOUNS,
    AUXILIARIES,
    BE,
    NEGATIONS,
    CITING_NOUNS,
    DETERMINERS,
    ORG_NOUNS,
    ORG_WORDS,
    PERSON_OR_BODY,
    STOPWORDS,
    PASSIVE,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    TIME_NOUNS,
    TIME_MODIFIERS,
    TITLES,
    _agentive,
    _bare,
    _is_capital,
    _name_token,
    _possessive,
)

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


# "made it clear", "made known": what a speaker makes clear or known, they have said.
_MADE = frozenset("clear known".split())
_MADE_BEFORE = re.compile(r"\b(?:make|makes|made|making)\s+(?:it\s+)?$")

# Texts of speech a speaker delivers ("released a statement", "gave an interview", "issued an apology").
_DELIVERED = frozenset("statement statements remarks comments warning announcement apology message letter interview".split())

# A verb that opens its sentence before its speaker ("Adds union president Carl Ng: ...", "Said the mayor,
# ..."): the third person and past of the verbs that invert, capitalised.
_OPENING_VERBS = frozenset(w.capitalize() for w, f in forms().items() if f.inverts and not (f.base or f.ing))
# Only looked for in a passage with a quotation, at a sentence's start.
_OPENING = re.compile(r"(?:^|(?<=[.!?”\"]\s))[A-Z][a-z]+\b")
_CUE_WORDS = SPEECH_VERBS | CITING_NOUNS | _DELIVERED | _MADE | {
    "according", "According", "citing", "Citing", "cited", "cites", "words", "per", "Per"}
# The lookahead on the cues' first letters lets the scan skip most word starts at once (a fifth faster).
_CUE = re.compile(r"\b(?=[" + "".join(sorted({w[0] for w in _CUE_WORDS})) + r"])" + _trie(_CUE_WORDS) + r"\b")


# Words that end a citing noun's phrase before its "from"/"by"/"of": "a statement calling for", "words to".
_NOT_BETWEEN = frozenset("for to on about over against with that which who in at into".split())


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


def _attribution(s: _Sentence, i: int, quotes: list[tuple[int, int]],
                 sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """The speaker, cue and quotation of an attribution cued by token `i`, or None."""
    tok = s.toks[i]
    low = tok.norm
    according = low == "according" and i + 1 < s.hi and s.toks[i + 1].norm == "to"
    if according or (low == "per" and _per_cites(s, i)):  # "according to X", "as per X" / "per X": one citation
        after = _walk_forward(s, i + (2 if according else 1))
        phrase = _read_phrase(s, after)
        if not phrase.kind:
            return None
        named = _name_after_role(s, after, phrase)
        if named is not None:
            after, phrase = named
        _apposition_after(s, after, phrase)
        if after:
            _including(s, after[-1] + 1, phrase)  # "according to media reports, including A and B"
        return phrase, "according to", _near_quote(s, quotes, sentence, tok.start, tok.end)
    if low in ("citing", "cited", "cites"):
        # "citing Sergei Chemezov"; "Outlet A, which cited a source familiar with the matter" (a thing cited,
        # "cited concerns", is no one)
        phrase = _read_phrase(s, _walk_forward(s, i + 1))
        if low != "citing" and (phrase.kind not in (PERSON, ORGANISATION, UNNAMED) or not _cites_as_speaker(s, i)):
            return None
        return (phrase, low, None) if phrase.kind else None
    if low == "words":
        return _in_words(s, i, quotes, sentence)
    if low in CITING_NOUNS and tok.raw.islower():
        found = _citing_noun(s, i)
        if found is None and low in _DELIVERED:
            found = _delivered(s, i, quotes, sentence)
        if found is not None or low not in SPEECH_VERBS:
            return found
    if low in _DELIVERED and tok.raw.islower():
        found = _delivered(s, i, quotes, sentence)
        if found is not None or reporting_form(low) is None:
            return found  # "issued a warning"; else ", warning that ...": the participle of a verb of saying
    if low in _MADE:
        return _made(s, i, quotes, sentence)
    form = reporting_form(low) if tok.raw == low else None
    if form is not None:
        found = _speech_verb(s, i, form, quotes, sentence)
        if found is not None and form.lemma == "find" and found[0].kind in (PERSON, "pronoun"):
            return None  # "he found that the door was locked": a person finding is no verdict published
        return found
    if i == s.lo and tok.raw in _OPENING_VERBS:
        return _opening_verb(s, i, quotes, sentence)
    return None


def _name_after_role(s: _Sentence, idx: list[int], phrase: _Phrase) -> tuple[list[int], _Phrase] | None:
    """The person named after a role and a comma ("according to the channel's legal commentator, former
    prosecutor Dean Jones"): the role described one person (a singular role noun), and the name, with any
    role words before it, ends the sentence or is set off by a comma. The speaker is that person, the role
    both phrases."""
    toks = s.toks
    if phrase.kind not in (UNNAMED, "description") or not idx or phrase.head not in ROLE_NOUNS:
        return None
    nxt = idx[-1] + 1
    if nxt >= s.hi or [ch for ch in s.gap(nxt) if ch in _BOUNDARY] != [","]:
        return None
    named_idx = _walk_forward(s, nxt)
    if not named_idx or (named_idx[-1] + 1 < s.hi and s.gap(named_idx[-1] + 1).strip()[:1] not in (",", ".", "")):
        return None
    named = _read_phrase(s, named_idx)
    if named.kind != PERSON or not _name_token(toks[named_idx[-1]]):
        return None
    said = s.span(idx)
    named.role = f"{said}, {named.role}" if named.role else said
    return named_idx, named


def _opening_verb(s: _Sentence, i: int, quotes: list[tuple[int, int]],
                  sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """The speaker after a reporting verb that opens its sentence ("Adds union president Carl Ng: “...”",
    "Said the mayor, “...”"): the phrase after it, up to the colon or comma before the quotation."""
    toks = s.toks
    after = _walk_forward(s, i + 1)
    if not after or after[-1] + 1 >= s.hi or s.gap(after[-1] + 1).strip()[:1] not in (":", ","):
        return None
    phrase = _read_phrase(s, after)
    if phrase.kind not in (PERSON, ORGANISATION, UNNAMED, "description"):
        return None
    quote = _near_quote(s, quotes, sentence, toks[i].start, toks[after[-1]].end)
    return (phrase, toks[i].norm, quote) if quote is not None else None


def _including(s: _Sentence, k: int, phrase: _Phrase) -> None:
    """The named sources a citation lists after ", including" ("according to media reports, including the
    Daily Ledger and the Morning Post"): each speaks, chained after `phrase` through `partner`."""
    toks = s.toks
    if k + 1 >= s.hi or toks[k].norm != "including" or s.gap(k).strip() != ",":
        return
    last = phrase
    while last.partner is not None:
        last = last.partner
    start = k + 1
    for _ in range(_MAX_LIST):
        end = start
        while end < s.hi and not (end > start and s.breaks_before(end)) and toks[end].norm != "and":
            end += 1
        named = _read_phrase(s, list(range(start, end)))
        if named.kind not in (PERSON, ORGANISATION) or end == start:
            return
        last.partner = named
        last = named
        if end >= s.hi or (toks[end].norm != "and" and s.gap(end).strip() != ","):
            return
        start = end + 1 if toks[end].norm == "and" else end
        if start < s.hi and toks[start].norm == "and":
            start += 1


def _cites_as_speaker(s: _Sentence, i: int) -> bool:
    """Whether "cited"/"cites" at token `i` gives a source for what is said: after "which"/"who" ("Outlet A,
    which cited a source familiar with the matter") or after a speaker ("The ministry cited two officials");
    a report or a study citing people ("The report cited three workers who were hurt") names no source."""
    if i > s.lo and s.toks[i - 1].norm in ("which", "who"):
        return True
    idx = _walk_back(s, i - 1)
    subject = _read_phrase(s, idx) if idx else _NOTHING
    return subject.kind in (PERSON, ORGANISATION) or (subject.kind == "description" and subject.body)


def _per_cites(s: _Sentence, i: int) -> bool:
    """Whether "per" at token `i` cites a source as "according to" does ("as per a CNBC report", "per the
    ministry", "per Reuters"), not a rate ("per cent", "per day", "$5 per share"): "as" before it, or a
    determiner or a capitalised word after it, and no number right before it."""
    toks = s.toks
    if i + 1 >= s.hi or s.breaks_before(i + 1):
        return False
    prev = toks[i - 1] if i - 1 >= s.lo and not s.breaks_before(i) else None
    if prev is not None and prev.norm == "as":
        return True
    if prev is not None and (prev.norm.isdigit() or prev.norm in ("cent", "percent", "dollars", "euros")):
        return False
    nxt = toks[i + 1]
    return nxt.norm in ("the", "a", "an") or _name_token(nxt)


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
    """"The announcement last week from Alexander Mikheyev", "the remarks of the CEO of Rosoboronexport".
    At most three words stand between the noun and "from"/"by"/"of", none a verb form or a preposition ("a
    joint statement calling for the release of Osman Kavala" cites no Kavala)."""
    toks = s.toks
    j = i + 1
    while j < s.hi and j - i <= 4 and toks[j].norm not in ("from", "by", "of") and not s.breaks_before(j):
        between = toks[j]
        if between.raw.islower() and (between.norm in _NOT_BETWEEN or between.norm.endswith(("ing", "ed"))):
            return _possessor(s, i)
        j += 1
    if j >= s.hi or j - i > 4 or toks[j].norm not in ("from", "by", "of") or s.breaks_before(j):
        return _possessor(s, i)
    after = _walk_forward(s, j + 1)
    for n, t in enumerate(after[1:], 1):  # "a statement from regulators read": the verb ends the phrase
        if toks[t].raw.islower() and (reporting_form(toks[t].norm) or delivering_form(toks[t].norm)):
            after = after[:n]
            break
    phrase = _read_phrase(s, after)
    if phrase.kind in (PERSON, ORGANISATION, "description") or (phrase.kind == UNNAMED and len(after) == 1):
        return phrase, f"{toks[i].raw} {toks[j].norm}", None
    return None


def _possessor(s: _Sentence, i: int) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """The speaker whose words a citing noun names by a possessive: "Erdogan's remarks", "the ministry's
    statement", "10 Western ambassadors' joint statement" (at most two words between)."""
    toks = s.toks
    bare = ""
    for k in range(i - 1, max(s.lo - 1, i - 4), -1):
        tok = toks[k]
        if _possessive(tok) and not s.breaks_before(k + 1):
            bare = tok.raw[:-2]
        elif tok.norm.endswith("s") and s.gap(k + 1).strip() in ("'", "’"):
            bare = tok.raw  # "ambassadors' joint statement": the apostrophe stands apart
        elif tok.raw.islower() and tok.norm not in STOPWORDS and not s.breaks_before(k + 1):
            continue  # "joint"
        break
    if not bare:
        return None
    owner = _Sentence(s.text, [*toks[:k], Token(fold(bare), bare, tok.start, tok.start + len(bare)), *toks[k + 1 :]],
                      s.lo, s.hi)
    idx = _walk_back(owner, k)
    if not idx:
        return None
    phrase = _read_phrase(owner, idx)
    if phrase.kind not in (PERSON, ORGANISATION, UNNAMED, "description"):
        return None
    before = toks[idx[0] - 1] if idx[0] - 1 >= s.lo else None
    if before is not None and before.raw.islower() and reporting_form(before.norm) is not None:
        return None  # "Cardell refuted Smith's claims": the words of the verb's subject, about Smith's
    return phrase, s.span(list(range(k, i + 1))), None


def _made(s: _Sentence, i: int, quotes: list[tuple[int, int]],
          sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """"The Russian side has made it known", "Smith made clear that ...": the subject of "make" speaks."""
    toks = s.toks
    k = i - 2 if i - 2 >= s.lo and toks[i - 1].norm == "it" else i - 1
    form = delivering_form(toks[k].norm) if k >= s.lo and toks[k].raw.islower() else None
    if form is None or form.lemma != "make" or any(s.breaks_before(t) for t in range(k + 1, i + 1)):
        return None
    found = _speech_verb(s, k, Form("make", form.ing, form.base, False), quotes, sentence)
    return None if found is None else (found[0], s.span(list(range(k, i + 1))), found[2])


# Words that may stand between a delivering verb and the text it delivers: "a (brief, joint) statement".
_DELIVERED_DETERMINERS = frozenset("a an the its his her their our this these another".split())


def _delivered(s: _Sentence, i: int, quotes: list[tuple[int, int]],
               sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """The author of a text of speech delivered by a verb ("the club released a statement", "Smith issued
    a brief apology", "the ministry put out a statement saying ..."): the verb's subject, read as the subject
    of a reporting verb (never a passive: "a statement was released")."""
    toks = s.toks
    k = i - 1
    while k > s.lo and i - k <= 3 and not s.breaks_before(k + 1):
        t = toks[k]
        if t.norm in _DELIVERED_DETERMINERS:
            k -= 1
            break
        if not t.raw.islower() or t.norm in STOPWORDS or delivering_form(t.norm) is not None:
            break
        k -= 1  # "a brief, joint statement": its adjectives
    if k < s.lo or s.breaks_before(k + 1) or toks[k + 1].norm not in _DELIVERED_DETERMINERS:
        if not (k == i - 1 and toks[i].norm.endswith("s") and toks[k].raw.islower() and not s.breaks_before(i)):
            return None  # a text delivered needs its determiner, or the plural ("have issued statements saying")
    if toks[k].norm == "out" and k - 1 >= s.lo and not s.breaks_before(k):
        k -= 1  # "put out a statement"
    form = delivering_form(toks[k].norm) if toks[k].raw.islower() else None
    if form is None or (form.lemma == "put" and toks[k + 1].norm != "out"):
        return None
    found = _speech_verb(s, k, Form(form.lemma, form.ing, form.base, False), quotes, sentence)
    if found is None:
        return None
    return found[0], s.span(list(range(k, i + 1))), found[2]


# A work named in quotation marks right after "wrote" (title case, at most eight words): a song, a book or a
# law someone wrote, not words reported from them.
_WORK_TITLE = re.compile(r"\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?[“\"]((?:[A-Z0-9][\w’'-]*\s+){0,7}[A-Z0-9][\w’'-]*)[”\"]")


def _speech_verb(s: _Sentence, i: int, form: Form, quotes: list[tuple[int, int]],
                 sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """The speaker of a reporting verb: its grammatical subject ("X said", "X, however, said", "X has long
    argued", "Paris and Berlin have both denied", "X on Thursday called on", "X to once again warn",
    "Jane Roe, a shopkeeper who ..., said"), or the speaker standing after a verb that allows it ("..., ” said
    X"). The addressee after "told" is never the speaker: "X told BBC Turkish" is X speaking to BBC Turkish."""
    toks = s.toks
    low = toks[i].norm
    particle = PARTICLES.get(form.lemma)
    nxt = toks[i + 1] if i + 1 < s.hi and not s.breaks_before(i + 1) else None
    reflexive = (particle is not None and nxt is not None and nxt.norm in REFLEXIVES and i + 2 < s.hi
                 and toks[i + 2].norm in particle and not s.breaks_before(i + 2))
    if reflexive:
        nxt = toks[i + 2]  # "ruled himself out"
    if particle and (nxt is None or nxt.norm not in particle) and form.lemma in NEEDS_AFTER and _judged_after(
            s, i, NEEDS_AFTER[form.lemma]):
        particle = None  # "the court ruled that": a verdict, not "ruled out"
    if particle and (nxt is None or nxt.norm not in particle):
        if form.lemma != "call":
            return None
        called = _what_called(s, i, quotes, sentence)
        if called is not None or not (_quote_after_object(s, i, quotes) or _judgement_after_object(s, i)):
            return called
        particle = None  # "The mayor called the plan “a disgrace”": calling it so is saying so
    if form.lemma == "write" and _WORK_TITLE.match(s.text, toks[i].end):
        return None  # "Key wrote the “Star Spangled Banner” in 1814": a work's title, not words reported
    if form.lemma in BESIDE_QUOTE and not _beside_quote(s.text, toks[i].start, toks[i + 1 if particle else i].end):
        return None
    if nxt is not None and nxt.raw.islower() and reporting_form(nxt.norm) is not None and not form.ing and form.lemma:
        # "the claims said", "reports say": a noun before the verb, not a verb. A past read only for its
        # subject (`_ANY_PAST`: "expressed regret, saying") is a verb whatever follows it.
        return None
    if form.lemma in NEEDS_AFTER and not particle and not _judged_after(s, i, NEEDS_AFTER[form.lemma]):
        return None  # "the team assessed the damage": no verdict stated
    j, infinitive, auxiliary, be = _left_of_verb(s, i, form.lemma in NEGATED_STANCE)
    if j is None:
        return None
    if (j >= s.lo and toks[j].norm == "and" and not (infinitive or auxiliary or be) and not form.ing
            and not s.breaks_before(j + 1) and not form.base):
        shared = _shared_subject(s, j, quotes, sentence)
        if shared is not None:
            return shared[0], cue_word(toks, i, nxt, particle), shared[2]
    if any(toks[t].norm in _MODALS for t in range(max(j + 1, s.lo), i)):
        return None  # "critics could argue", "Ankara may protest": what someone might say, not what was said
    if form.ing and not be:
        # "adding that ...", "a warning": only "are warning" is a finite form, and the subject of an absolute
        # clause after "with" ("with some observers labelling the move a “...”").
        quoted = _quoted_as(s, i, quotes, sentence)  # "Ana Ruiz was quoted (by X) as saying"
        if quoted is not None:
            return quoted
        if i > s.lo and s.gap(i).strip() == ",":
            return _participle_subject(s, i, quotes, sentence)  # "X expressed disappointment, saying ..."
        if i - 1 > s.lo and toks[i - 1].norm in _GERUND_LEADS and not s.breaks_before(i):
            return _participle_subject(s, i, quotes, sentence)  # "X spoke against the deal by saying ..."
        return _with_subject(s, i, j, quotes, sentence) if j is not None and j >= s.lo else None
    if be and not form.ing:
        # "was told", "is said": passive, the speaker is not the subject; the agent after "by" is ("was
        # hailed by analysts as", "was confirmed by the ministry").
        return _passive_agent(s, i, quotes, sentence)
    if form.base and not (infinitive or auxiliary) and form.ing is False:
        base_only = True  # "officials warn": a plain present needs a plural subject (checked below)
    else:
        base_only = False
    if infinitive and not form.base:
        return None  # "to said" is no attribution
    if infinitive and _unsaid_before_to(s, i):
        return None  # "declined to comment", "was expected to announce", "wants to say": nothing was said
    if infinitive and nxt is not None and nxt.norm == "to" and not particle:
        return None  # "working with regulators to respond to the collapse": an act, no speech reported
    if i - 2 >= s.lo and toks[i - 1].norm == "to" and toks[i - 2].norm == "according":
        return None  # "according to state officials": "state" is an adjective, no verb
    cue = low if not particle or nxt is None else f"{low} {toks[i + 1].norm} {nxt.norm}" if reflexive else f"{low} {nxt.norm}"
    if form.lemma == "tell" and nxt is not None and (_name_token(nxt) or (
            nxt.norm == "the" and i + 2 < s.hi and _name_token(toks[i + 2]) and not s.breaks_before(i + 2))):
        k = i + 1
        while k + 1 < s.hi and _is_capital(toks[k + 1]) and not s.breaks_before(k + 1):
            k += 1
        cue = f"{low} {s.span([i + 1, k])}"
    between = s.text[toks[j].end : toks[i].start] if j >= s.lo else ""
    marks = [ch for ch in between if ch in _BOUNDARY]
    if j >= s.lo and not infinitive:
        dashed = _across_dashes(s, j)  # "Ana Ruiz - who will stay in post - repeated that"
        if dashed is not None:
            return dashed[0], cue, _near_quote(s, quotes, sentence, toks[dashed[1]].start, toks[i].end)
    if j >= s.lo and not marks and toks[j].raw.islower() and (toks[j].norm in _PREPOSITIONS or toks[j].norm == "of"):
        return None  # "dismissed over alleged links": a participle after a preposition, no subject before it
    if j >= s.lo and not marks:
        # "X said", "X has since said": the subject ends at token j.
        idx = _walk_back(s, j)
        if idx and toks[idx[0]].raw.islower() and toks[idx[0]].norm in ("of", "from", "at") and s.breaks_before(idx[0]):
            # "Tauhid Pasha, of the International Organisation for Migration reports": an affiliation aside.
            found = _across_aside(s, j)
            if found is not None:
                return found[0], cue, _near_quote(s, quotes, sentence, toks[found[1]].start, toks[i].end)
        if (idx and toks[idx[0]].raw.islower() and toks[idx[0]].norm in _PREPOSITIONS and (form.base or low.endswith("s"))
                and len(idx) <= 3 and all(toks[t].raw.islower() for t in idx)):
            return None  # "in general terms": a prepositional phrase and a noun, no subject and verb
        phrase = _read_phrase(s, idx)
        if phrase.kind in ("", UNNAMED, "description"):
            cut, before = _before_setting(s, idx, bool(phrase.kind))  # "The ministry in the press release noted"
            if before.kind:
                idx, phrase = cut, before
        if not phrase.kind:
            phrase = _joined_to_people(s, idx)  # "Railway operators and health clinics also reported"
            if phrase.kind:
                return phrase, cue, _near_quote(s, quotes, sentence, toks[idx[0]].start, toks[i].end)
            quote = _near_quote(s, quotes, sentence, toks[idx[0]].start, toks[i].end) if idx else None
            phrase = _speaking_noun(s, idx) if quote is not None and form.lemma in _PLAIN_SAYING else _NOTHING
            if phrase.kind:
                return phrase, cue, quote  # "the clerk said, “the jury has reached a verdict.”"
            phrase = _described_person(s, idx, i)
            if not phrase.kind:
                phrase = _issued_text(s, idx)  # "The post-meeting statement said"
            if phrase.kind:
                return phrase, cue, quote  # "The former mogul has maintained his innocence"
        if not phrase.kind or (form.lemma in _EVIDENTIAL and _instrument(phrase)):
            return None  # "Recent economic indicators suggest": a thing, no speaker
        phrase.partner = _coordinated(s, idx) if phrase.kind in (PERSON, ORGANISATION, UNNAMED, "description") else None
        if base_only and not _plural(s, idx, phrase):
            return None  # "A and B say" is plural, "A say" is no finite verb
        if idx[0] - 1 >= s.lo and toks[idx[0] - 1].norm in _HYPOTHETICAL:
            return None  # "ready to discuss it if Ankara asked": a condition, nobody has spoken
        if phrase.partner is None and phrase.kind == UNNAMED and _plural(s, idx, phrase):
            phrase.partner = _unnamed_partner(s, idx)  # "Residents and shopkeepers said"
        return phrase, cue, _near_quote(s, quotes, sentence, toks[idx[0]].start, toks[i].end)
    if j >= s.lo and marks and set(marks) <= {","} and len(marks) % 2 == 0 and j + 1 < i and not infinitive:
        # "X, however, said": an adverb set off between subject and verb.
        inner = [t for t in range(j + 1, i)]
        if all(toks[t].norm in ADVERBS or toks[t].norm.endswith("ly") for t in inner):
            idx = _walk_back(s, j)
            phrase = _read_phrase(s, idx)
            if phrase.kind:
                return phrase, cue, _near_quote(s, quotes, sentence, toks[idx[0]].start, toks[i].end)
    if infinitive:
        return None
    if j >= s.lo and marks and marks[-1] == "," and not any(ch in between for ch in "”\"’"):
        # "Smith, a former NATO ambassador, warned"; "Ukraine, which received six TB2s, has said".
        found = _across_aside(s, j)
        if found is not None:
            phrase, first = found
            if phrase.partner is None and phrase.kind in (PERSON, ORGANISATION):
                phrase.partner = _coordinated(s, [first])  # "A, B and C, who all play for the club, said"
            if base_only and phrase.kind != UNNAMED and phrase.partner is None:
                return None
            return phrase, cue, _near_quote(s, quotes, sentence, toks[first].start, toks[i].end)
    if j >= s.lo and marks == [","] and not auxiliary and not any(ch in between for ch in "”\"’"):
        # "On the other side, Sam Altman, also took to X and expressed": a stray comma between a named
        # subject, set off at its start, and its verb.
        idx = _walk_back(s, j)
        inverted = form.inverts and _read_phrase(s, _walk_forward(s, i + 1)).kind != ""  # "..., said a friend"
        passive = nxt is not None and nxt.norm in ("as", "by")  # "X, previously termed as ...": a participle
        if idx and not inverted and not passive and (idx[0] == s.lo or s.breaks_before(idx[0])) and all(_name_token(toks[t]) for t in idx):
            phrase = _read_phrase(s, idx)
            if phrase.kind in (PERSON, ORGANISATION):
                return phrase, cue, _near_quote(s, quotes, sentence, toks[idx[0]].start, toks[i].end)
    if auxiliary:
        return None  # "..., has said": only across an aside
    # Nothing before the verb but a quotation or a comma: "..., ” said professor Ilter Turan".
    if not form.inverts or form.ing:
        return None
    if j >= s.lo and not any(ch in between for ch in ",”\"’"):
        return None
    after = _walk_forward(s, i + 1)
    if after and toks[after[0]].raw.islower() and toks[after[0]].norm in _PREPOSITIONS:
        return None  # "..., said in a statement": no speaker after the verb
    phrase = _read_phrase(s, after)
    quote = _near_quote(s, quotes, sentence, toks[i].start, toks[i].end)
    if not phrase.kind and quote is not None and form.lemma in _PLAIN_SAYING:
        stop = next((n for n in range(1, len(after)) if toks[after[n]].norm in STOPWORDS), len(after))
        phrase = _speaking_noun(s, after[:stop][:3])  # "“...,” said one rider (at the stop)"
    if not phrase.kind:
        return None
    _apposition_after(s, after, phrase)
    return phrase, cue, quote


# Prepositions of the setting a subject may be split from its verb by: "The ministry in the press release
# noted", "The mayor at a briefing on Monday said", "The agency through its spokesperson warned".
_SETTING = frozenset("in at during through via".split())
# Texts and occasions of speech: "at a briefing", "in a statement", "during a hearing".
_OCCASIONS = _VEHICLES | DOCUMENT_NOUNS | frozenset(
    "briefing conference speech hearing meeting session address appearance summit rally podcast broadcast".split())


def _before_setting(s: _Sentence, idx: list[int], read: bool) -> tuple[list[int], _Phrase]:
    """A subject split from its verb by a phrase of where or how it spoke ("The ministry in the press
    release noted that", "the mayor at a briefing said"): the speaker before the preposition, when what
    follows it is a determined noun phrase (when the whole was `read` as a speaker already, one whose head
    is a text or an occasion of speech: "officials in the region" stay whole); else nothing."""
    toks = s.toks
    for k in range(1, len(idx) - 1):
        t = idx[k]
        if toks[t].raw.islower() and toks[t].norm in _SETTING and (
                toks[idx[k + 1]].norm in DETERMINERS or toks[idx[k + 1]].norm in _POSSESSIVE_DETERMINERS) and (
                not read or any(toks[u].norm in _OCCASIONS for u in idx[k + 2 :])):
            phrase = _read_phrase(s, idx[:k])
            if phrase.kind in (PERSON, ORGANISATION, UNNAMED, "description"):
                return idx[:k], phrase
            break
    return idx, _NOTHING


def _apposition_after(s: _Sentence, idx: list[int], phrase: _Phrase) -> None:
    """A role set off after a speaker named after its cue: "said Sam Santosh, Founding Chairman, SciGenom
    Labs, which ...", "According to Tracxn, a market intelligence platform, ..."; a body noun at its head
    makes the speaker a body."""
    if phrase.kind not in (PERSON, ORGANISATION) or phrase.role or not idx:
        return
    toks = s.toks
    k = idx[-1] + 1
    if k >= s.hi or [ch for ch in s.gap(k) if ch in _BOUNDARY] != [","]:
        return
    end = k
    while end + 1 < s.hi and not s.breaks_before(end + 1) and end - k < _MAX_ASIDE:
        end += 1
    kind = _aside_kind(s, k, end)
    if kind not in ("appositive", "prepositional") and not (kind == "name" and phrase.kind == PERSON and end - k < 6):
        return
    role = _aside_role(s, k, end, "appositive" if kind == "name" else kind)
    if not role or fold(role.split()[-1]) in STOPWORDS:
        return  # "a spokesman for [...]": cut short by punctuation, not a whole role
    # "Founding Chairman, SciGenom Labs": a short name after the role is where the role is held.
    if end + 1 < s.hi and [ch for ch in s.gap(end + 1) if ch in _BOUNDARY] == [","]:
        nxt = end + 1
        stop = nxt
        while stop + 1 < s.hi and not s.breaks_before(stop + 1) and stop - nxt < 5:
            stop += 1
        if kind != "name" and all(_name_token(toks[t]) for t in range(nxt, stop + 1)) and (stop + 1 >= s.hi or s.breaks_before(stop + 1)):
            role = s.text[toks[k].start : toks[stop].end]
    phrase.role = role
    head = _aside_head([w for w in role.lower().split() if w not in DETERMINERS][:8])
    if (head in ORG_NOUNS and head not in ROLE_NOUNS and phrase.kind == PERSON and not phrase.title
            and not any(fold(w) in ROLE_NOUNS for w in role.split())):  # not "University of X climate professor"
        phrase.kind = ORGANISATION


_QUOTE_AFTER = re.compile(r"\s*(?::|,?\s*[“\"‘])")
_QUOTE_BEFORE = re.compile(r"[”\"’]\W{0,3}(?:\w+\W+){0,3}$")


def _beside_quote(text: str, start: int, end: int) -> bool:
    """Whether a verb spanning start..end of `text` stands right beside a quotation: a colon or an opening
    quotation mark right after it ("continued: ...", "went on, “..."), or a closing mark at most three words
    before it ("“...,” she continued", "“...,” the coach went on")."""
    return bool(_QUOTE_AFTER.match(text, end)) or bool(_QUOTE_BEFORE.search(text, max(0, start - 40), start))


def _judged_after(s: _Sentence, i: int, word: str) -> bool:
    """Whether the verdict a verb of judging at token `i` states follows it: "that" right after it (an
    adverb between: "assessed previously that"), or "as" within six words ("classified the additive as")."""
    toks = s.toks
    reach = 2 if word == "that" else 7
    for k in range(i + 1, min(s.hi, i + reach + 1)):
        if s.breaks_before(k):
            return False
        if toks[k].norm == word:
            return True
        if word == "that" and not toks[k].norm.endswith("ly"):
            return False
    return False


def _left_of_verb(s: _Sentence, i: int, stance: bool = False) -> tuple[int | None, bool, bool, bool]:
    """What stands between a reporting verb at token `i` and its subject: the index of the subject's last
    token (s.lo - 1 when the verb opens the sentence), whether "to" (an infinitive), an auxiliary or a form
    of "be" stands between, skipping adverbs ("has since", "have both", "once again") and a time adverbial
    ("on Thursday", "last week"). None when the verb is negated ("has not said"), unless it is a verb of
    advising (`stance`) negated in the plain present ("does not recommend"): a position stated."""
    toks = s.toks
    j = i - 1
    infinitive = auxiliary = be = False
    while j >= s.lo:
        n = toks[j].norm
        if n in NEGATIONS:
            if stance and n == "not" and j - 1 >= s.lo and toks[j - 1].norm in ("does", "do"):
                j -= 2  # "does not recommend": the subject stands before "does"
                auxiliary = True
                continue
            return None, False, False, False
        if n == "to" and not infinitive:
            infinitive = True
        elif n in AUXILIARIES:
            auxiliary = True
        elif n in BE:
            be = True
        elif n in ADVERBS or (n.endswith("ly") and len(n) > 4 and toks[j].raw.islower()
                              and not (j - 1 >= s.lo and toks[j - 1].norm in DETERMINERS)):
            pass  # "has repeatedly said"; not "the family said", "an ally said"
        elif n.rstrip(".") in TIME_NOUNS and j - 1 >= s.lo and (toks[j - 1].norm in _TIME_LEADS or toks[j - 1].norm.isdigit()):
            j -= 1  # "on Thursday", "last week"
            if j - 1 >= s.lo and toks[j].norm.isdigit() and toks[j - 1].norm.rstrip(".") in TIME_NOUNS:
                j -= 1
        else:
            break
        j -= 1
    return j, infinitive, auxiliary, be


# Verbs and adjectives that govern an infinitive of saying that was not (or not yet) said: "declined to
# comment", "refused to say", "failed to explain", "wants to argue", "plans to announce", "is expected to
# confirm", "was unable to say", "is set to unveil". Matched by stem, so every inflection counts.
_UNSAID = frozenset(lemma(w) for w in """decline refuse fail want hope plan seek sought try attempt intend aim
    expect wish prepare need unable able likely set due scheduled going reluctant unwilling""".split())


def _unsaid_before_to(s: _Sentence, i: int) -> bool:
    """Whether the "to" before the reporting verb at token `i` follows a word in `_UNSAID` (an adverb may
    stand between: "declined repeatedly to comment")."""
    toks = s.toks
    k = i - 1
    while k >= s.lo and toks[k].norm != "to":
        k -= 1
    k -= 1
    while k >= s.lo and toks[k].raw.islower() and toks[k].norm.endswith("ly") and toks[k].norm not in _UNSAID_WORDS:
        k -= 1
    return k >= s.lo and toks[k].raw.islower() and (lemma(toks[k].norm) in _UNSAID or toks[k].norm in _UNSAID_WORDS)


_UNSAID_WORDS = frozenset("likely unable able".split())


# Modals and conjunctions that make a reporting verb's speech hypothetical ("could argue", "if Ankara asked").
_MODALS = frozenset("might may could should must".split())
_HYPOTHETICAL = frozenset("if unless whether lest".split())

_TIME_LEADS = frozenset("on last this next early late earlier later in at".split())


def _plural(s: _Sentence, idx: list[int], phrase: _Phrase) -> bool:
    """Whether a subject can take a plain present ("officials warn", "Greece and Cyprus say"): plural."""
    last = s.toks[idx[-1]]
    if phrase.partner is not None or any(s.toks[t].norm == "and" for t in idx):
        return True
    if phrase.kind not in (UNNAMED, "description") and not (last.raw.isupper() and len(last.raw) > 1):
        return False
    return (last.norm.endswith("s") and not last.norm.endswith("ss")) or last.norm in ("people", "media", "police", "many", "some")


# Things that bear a text and "say" it: never a speaker, however a quotation stands beside them.
_TEXT_BEARERS = frozenset("sign note notice headline caption banner placard label text email memo tweet poster screen "
                          "letter message post website page law rule bill order ruling verdict".split())
# Verbs that only say: beside a quotation of speech, their subject is someone speaking, whatever the noun.
_PLAIN_SAYING = frozenset("say tell add ask reply answer shout whisper announce".split())


def _speaking_noun(s: _Sentence, idx: list[int]) -> _Phrase:
    """"the clerk", "the foreman": a definite singular noun the word lists do not know, as the subject of a
    verb that only says, right beside a quotation of speech: the quotation is the evidence someone speaks.
    A text or a document ("the statement", "the sign") never speaks."""
    toks = s.toks
    starts = [n for n, t in enumerate(idx) if toks[t].norm in ("the", "his", "her", "their", "one", "a", "an", "another")]
    idx = idx[starts[-1] :] if starts else []  # "At noon the clerk": the phrase from its determiner
    if len(idx) not in (2, 3):
        return _NOTHING
    indefinite = toks[idx[0]].norm in ("one", "a", "an", "another")  # "“...,” one rider said": someone unnamed
    words = [toks[t] for t in idx[1:]]
    head = words[-1]
    if (not all(w.raw.isalpha() and w.raw.islower() for w in words) or head.norm in STOPWORDS or head.norm in DOCUMENT_NOUNS
            or head.norm in _VEHICLES or head.norm in CITING_NOUNS or (head.norm.endswith("s") and not head.norm.endswith("ss"))
            or head.norm in TIME_NOUNS or head.norm in _TEXT_BEARERS):
        return _NOTHING
    if indefinite:
        return _Phrase(UNNAMED, _lower_start(s, idx), head=head.norm)
    return _Phrase("description", s.span(idx), head=head.norm, fallback=UNNAMED)


_ISSUED = frozenset("statement communique communiqué release declaration notice announcement letter".split())


def _issued_text(s: _Sentence, idx: list[int]) -> _Phrase:
    """"The post-meeting statement said", "its joint declaration said": a text a body issued speaks for the
    body (the gold conventions: "the statement said" belongs to whoever issued it). A description of a body
    for grouping to find, dropped when it finds none (a text is never a voice of its own)."""
    toks = s.toks
    if (len(idx) < 2 or toks[idx[-1]].norm not in _ISSUED or not toks[idx[-1]].raw.islower()
            or toks[idx[0]].norm not in ("the", "its", "their")
            or not all(toks[t].raw.islower() and toks[t].norm not in STOPWORDS for t in idx[1:-1])):
        return _NOTHING
    return _Phrase("description", s.span(idx), head=toks[idx[-1]].norm, fallback="", body=True)


# Verbs whose subject is as often a thing as someone ("figures suggest", "indicators indicate").
_EVIDENTIAL = frozenset("suggest indicate signal".split())


def _instrument(phrase: _Phrase) -> bool:
    """Whether an unnamed plural speaker is known to be someone only by its agent-like ending ("indicators",
    "monitors"): with an evidential verb, a thing that shows something, not people saying it. Nouns the
    word lists know as people or bodies ("investors", "regulators", "researchers") are someone."""
    head = phrase.head
    if phrase.kind not in (UNNAMED, "description") or not head.endswith(("ors", "ers")):
        return False
    one = head[:-1]
    return head not in SOURCE_NOUNS and one not in ROLE_NOUNS and one not in ORG_NOUNS and one not in SOURCE_NOUNS


_HIS_HER = {"his": "m", "himself": "m", "her": "f", "herself": "f"}


def _described_person(s: _Sentence, idx: list[int], i: int) -> _Phrase:
    """"The former mogul has maintained his innocence": a definite noun the word lists do not know, which
    the verb's own clause calls "his" or "her" (within five words after the verb): a person, described,
    who the article named before. Its gender is kept for grouping to find whom it means."""
    toks = s.toks
    if not idx or toks[idx[0]].norm != "the" or (idx[0] > s.lo and not s.breaks_before(idx[0])):
        return _NOTHING  # the whole subject ("of the summit ... underscored his need" is not the summit's)
    phrase = _speaking_noun(s, idx)
    if not phrase.kind:
        return _NOTHING
    for k in range(i + 1, min(s.hi, i + 6)):
        if s.breaks_before(k) or toks[k].norm in CLAUSE_BREAKS:
            break
        if toks[k].norm in _HIS_HER:
            phrase.refers = _HIS_HER[toks[k].norm]
            return phrase
    return _NOTHING


_WITH = re.compile(r"\bwith\s", re.IGNORECASE)


def _participle_subject(s: _Sentence, i: int, quotes: list[tuple[int, int]],
                        sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """The speaker of a participle clause of saying set off by a comma ("The regulator issued a new warning
    on Monday, adding that ...", "Tom Reyes expressed disappointment, saying ..."): the subject of the
    sentence's first verb in the past before it (read as a reporting verb's subject: asides, titles)."""
    toks = s.toks
    for k in range(s.lo, i):
        tok = toks[k]
        if tok.norm in CLAUSE_BREAKS and tok.norm != "and":
            # "When the plant closed, ..., saying": a clause of its own before the main one ("and" joins
            # words of the subject too: "vice chair and president Tom Lee spoke ..., saying")
            return None
        if k == s.lo or not (tok.raw.islower() and tok.norm not in STOPWORDS and _past_looking(tok.norm)) or (
                toks[k - 1].norm in DETERMINERS or toks[k - 1].norm in BE or _describes_subject(s, k)):
            continue
        found = _speech_verb(s, k, _ANY_PAST, quotes, sentence)
        if found is not None and found[0].kind in (PERSON, ORGANISATION, UNNAMED, "pronoun", "description"):
            return found[0], toks[i].norm, _near_quote(s, quotes, sentence, toks[i].start, toks[i].end)
    return None


# Prepositions before a gerund of saying whose subject is the main clause's ("X hit back by saying ...",
# "X responded after warning that ...").
_GERUND_LEADS = frozenset("by after before while".split())


def _past_looking(word: str) -> bool:
    """Whether a lower-case word looks like a verb in the past ("resigned", "took")."""
    return word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4)


def _describes_subject(s: _Sentence, k: int) -> bool:
    """Whether the -ed word at token `k` describes the noun after it rather than being the main verb: joined
    by a hyphen ("Storm-battered residents") or after an adverb that opens the sentence or follows a
    determiner ("Newly elected mayor Ana Ruiz", "the recently retired judge")."""
    if s.gap(k) == "-":
        return True
    before = s.toks[k - 1].norm
    return before.endswith("ly") and (k - 1 == s.lo or s.toks[k - 2].norm in DETERMINERS)


def _quoted_as(s: _Sentence, i: int, quotes: list[tuple[int, int]],
               sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """"Ana Ruiz was quoted as saying", "Ana Ruiz was quoted by the Daily Ledger as saying": the subject of
    the passive "quoted" speaks (the outlet quoting her does not)."""
    toks = s.toks
    if i - 2 < s.lo or toks[i - 1].norm != "as":
        return None
    k = i - 2
    while k > s.lo and i - k <= 8 and toks[k].norm not in ("quoted", "cited"):
        k -= 1
    if toks[k].norm not in ("quoted", "cited") or k - 1 <= s.lo or toks[k - 1].norm not in BE:
        return None
    idx = _walk_back(s, k - 2)
    phrase = _read_phrase(s, idx) if idx else _NOTHING
    if phrase.kind not in (PERSON, ORGANISATION, UNNAMED, "description", "pronoun"):
        return None
    return phrase, f"{toks[k].norm} as {toks[i].norm}", _near_quote(s, quotes, sentence, toks[idx[0]].start, toks[i].end)


def _with_subject(s: _Sentence, i: int, j: int, quotes: list[tuple[int, int]],
                  sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """The speaker of an -ing reporting verb in an absolute clause: "with some observers labelling the move a
    “strategic shift”", "with the ministry warning that ...": the noun phrase between "with" and the verb."""
    toks = s.toks
    idx = _walk_back(s, j)
    at = next((n for n, t in enumerate(idx) if toks[t].norm == "with"), None)
    if at is None or at + 1 >= len(idx) or not (idx[at] == s.lo or s.breaks_before(idx[at])):
        return None  # "met with reporters asking questions": "with" after a verb is no absolute clause
    idx = idx[at + 1 :]
    phrase = _read_phrase(s, idx)
    if phrase.kind not in (PERSON, ORGANISATION, UNNAMED, "description"):
        return None
    return phrase, toks[i].norm, _near_quote(s, quotes, sentence, toks[idx[0]].start, toks[i].end)


def cue_word(toks: list[Token], i: int, nxt: Token | None, particle: tuple[str, ...] | None) -> str:
    return toks[i].norm if not particle or nxt is None else f"{toks[i].norm} {nxt.norm}"


# Past forms of common verbs that are not -ed ("took to X and wrote", "went on air and said").
_IRREGULAR_PAST = frozenset("took went made came gave left stood sat held spoke wrote told said".split())
# A verb in the past of any kind ("expressed", "took"), read by `_speech_verb` only for its subject: no lemma,
# so none of a reporting verb's own checks (particles, verdicts) apply.
_ANY_PAST = Form("", False, False, False)


def _shared_subject(s: _Sentence, j: int, quotes: list[tuple[int, int]],
                    sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """The speaker of a reporting verb joined by "and" (token `j`) to an earlier verb of the same subject:
    "Sam Altman took to X and expressed, “...”", "The minister paused and added that ...": the subject of
    the verb before "and" (a past form within eight words, no clause word between)."""
    toks = s.toks
    k = j - 1
    while k > s.lo and j - k <= 8:
        tok = toks[k]
        if tok.norm in CLAUSE_BREAKS or tok.norm in _PREPOSITIONS and k == j - 1:
            return None
        if tok.raw.islower() and (tok.norm in _IRREGULAR_PAST or (tok.norm.endswith("ed") and len(tok.norm) > 4)) and not (
                k - 1 >= s.lo and toks[k - 1].norm in DETERMINERS):
            found = _speech_verb(s, k, _ANY_PAST, quotes, sentence)
            return None if found is None or found[0].kind not in (PERSON, ORGANISATION, UNNAMED, "pronoun", "description") else found
        k -= 1
    return None


def _joined_to_people(s: _Sentence, idx: list[int]) -> _Phrase:
    """A plural noun phrase of no known speaker joined by "and" to one of unnamed people who speak with it
    ("Railway operators and health clinics also reported", "residents and shopkeepers said"): the
    conjunction is the evidence that both speak; each is a voice (chained through `partner`)."""
    toks = s.toks
    if not idx:
        return _NOTHING
    last = toks[idx[-1]]
    if (idx[0] - 2 < s.lo or toks[idx[0] - 1].norm != "and" or s.breaks_before(idx[0]) or s.breaks_before(idx[0] - 1)
            or not last.raw.islower() or not last.norm.endswith("s") or last.norm.endswith("ss") or len(idx) > 4
            or any(toks[t].norm in STOPWORDS and toks[t].norm not in DETERMINERS for t in idx)):
        return _NOTHING
    other = _unnamed_partner(s, idx)
    if other is None:
        return _NOTHING
    words = [toks[t].raw for t in idx if toks[t].norm not in DETERMINERS]
    return _Phrase(UNNAMED, " ".join(words).lower() if words[0][:1].isupper() and idx[0] == s.lo else " ".join(words),
                   head=last.norm, partner=other)


def _unnamed_partner(s: _Sentence, idx: list[int]) -> _Phrase | None:
    """The unnamed plural speakers joined by "and" before the phrase `idx` ("residents and ..."), or None."""
    toks = s.toks
    if idx[0] - 2 < s.lo or toks[idx[0] - 1].norm != "and" or s.breaks_before(idx[0]) or s.breaks_before(idx[0] - 1):
        return None
    left = _walk_back(s, idx[0] - 2)
    other = _read_phrase(s, left) if left else _NOTHING
    return other if other.kind == UNNAMED and _plural(s, left, other) else None


# The determiners opening the object of "called the strike illegal".
_OBJECT_DETERMINERS = ("the", "a", "an", "his", "her", "its", "their", "this", "that")
# Endings of adjectives of judgement ("illegal", "outrageous", "irresponsible", "unacceptable", "historic").
_JUDGING_ENDS = r"[a-z]{3,}(?:al|ous|ive|ful|less|able|ible|ic|ary|ory|ent|ant|ate|ish)"
_ADJECTIVE = re.compile(_JUDGING_ENDS + "$")
# The raw look of "called the strike illegal" (checked again on tokens by `_judgement_after_object`).
_CALLED_SO = re.compile(r"\s+(?:" + "|".join(_OBJECT_DETERMINERS) + r")\s+(?:[\w-]+\s+){1,3}?" + _JUDGING_ENDS + r"\b")


def _judgement_after_object(s: _Sentence, i: int) -> bool:
    """"called the strike illegal" without quotation marks: a determined
    object of at most three words, then an adjective of judgement that ends the clause; calling something so
    is saying so ("called the police", "called the hospital again" say nothing)."""
    toks = s.toks
    k = i + 1
    if k >= s.hi or toks[k].norm not in _OBJECT_DETERMINERS or s.breaks_before(k):
        return False
    for adj in range(k + 2, min(s.hi, k + 5)):
        if s.breaks_before(adj):
            return False
        tok = toks[adj]
        end = adj + 1 >= s.hi or s.breaks_before(adj + 1) or toks[adj + 1].norm in ("and", "but", "because", "after", "as")
        if (tok.raw.islower() and end and _ADJECTIVE.match(tok.norm) and tok.norm not in ROLE_NOUNS
                and tok.norm not in ORG_NOUNS and not tok.norm.endswith("ment")):
            return True
    return False


def _quote_after_object(s: _Sentence, i: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether a quotation of a few words opens right after the object of the verb at token `i`, before any
    clause break ("called the sudden change “one for the history books”"; not "called the police")."""
    toks = s.toks
    k = i + 1
    while k < s.hi and k - i <= 8:
        if s.breaks_before(k) or toks[k].norm in CLAUSE_BREAKS:
            break
        k += 1
    end = toks[k - 1].end if k - 1 > i else toks[i].end
    gap_end = toks[k].start if k < s.hi else len(s.text)
    return any(end <= qs <= gap_end + 1 and _speech_quote(s.text, (qs, qe)) for qs, qe in quotes)


def _passive_agent(s: _Sentence, i: int, quotes: list[tuple[int, int]],
                   sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """The speaker of a passive reporting verb: the agent after "by" ("was lauded by leading foreign media
    outlets as ...", "was confirmed by the ministry"), read up to "as", "that" or punctuation."""
    toks = s.toks
    k = i + 1
    if k < s.hi and toks[k].raw.islower() and toks[k].norm.endswith("ly"):
        k += 1  # "was widely hailed by"
    if k >= s.hi or toks[k].norm != "by" or s.breaks_before(k):
        return None
    after = [t for t in _walk_forward(s, k + 1)]
    for n, t in enumerate(after):
        if toks[t].norm in ("as", "for", "on", "in", "at", "after", "over", "with") and n > 0:
            after = after[:n]
            break
    phrase = _read_phrase(s, after)
    if phrase.kind not in (PERSON, ORGANISATION, UNNAMED, "description"):
        return None
    return phrase, f"{toks[i].norm} by", _near_quote(s, quotes, sentence, toks[i].end, toks[i].end)


def _what_called(s: _Sentence, i: int, quotes: list[tuple[int, int]],
                 sentence: tuple[int, int]) -> tuple[_Phrase, str, tuple[int, int] | None] | None:
    """"what he called a 'historic mistake'", "what the ministry described as": the subject between "what"
    and the verb is the speaker."""
    toks = s.toks
    k = i - 1
    while k > s.lo and i - k <= 6 and toks[k].norm != "what":
        k -= 1
    if k < s.lo or toks[k].norm != "what" or k + 1 >= i:
        return None
    phrase = _read_phrase(s, list(range(k + 1, i)))
    if not phrase.kind:
        return None
    return phrase, f"what … {toks[i].norm}", _near_quote(s, quotes, sentence, toks[i].end, toks[i].end)


_PREPOSITIONS = frozenset("in on at by for from with to into about during after before over under through".split())
# Words that end the head of an appositive: "the head of ...", "a spokesman for ...", "the firm whose ...".
_APPOSITIVE_ENDS = frozenset("of for at in on with from who whose which that and".split())


def _aside_head(words: list[str]) -> str:
    """The head noun of an appositive ("the family firm whose chief ..." -> "firm", "a spokesman for the
    Turkish presidency" -> "spokesman"): its last word before a preposition or a relative word."""
    head = ""
    for w in words:
        if w in _APPOSITIVE_ENDS and head:
            break
        head = w
    return head


def _coordinated(s: _Sentence, idx: list[int]) -> _Phrase | None:
    """The other named subjects joined to `idx` by "and" ("Greece and Cyprus said", "the Kremlin and the
    White House said") or in a list ("Treasury Secretary Janet Yellen, Federal Reserve Chair Jerome Powell
    and FDIC Chairman Martin Gruenberg said"): bare names (a title at most), the whole of their clause,
    chained through `partner`. A list may be long ("In a statement, A, B, C, D, E, F and G said"), and a
    name may have a one- or two-word role noun before it ("captain Ana Ruiz, goalkeeper Bea Lund and ...")."""
    toks = s.toks
    if not idx or idx[0] - 2 < s.lo or toks[idx[0] - 1].raw != "and" or s.breaks_before(idx[0] - 1):
        return None
    first: _Phrase | None = None
    last: _Phrase | None = None
    end = idx[0] - 2
    for _ in range(_MAX_LIST):
        left = _walk_back(s, end)
        if len(left) > 1 and toks[left[0]].norm == "both":
            left = left[1:]  # "Both Kestrel and Harbor Steel said": both speak
        lower = [t for t in left if not (_is_capital(toks[t]) or toks[t].norm == "the")]
        if not left or (lower and not _role_noun_before(s, left, lower) and not _titled_run(s, left, lower)):
            break
        if last is not None and toks[left[0]].norm in STOPWORDS and toks[left[0]].norm != "the":
            break  # "In Washington, A and B said": a phrase set off before the subject, not one of it
        phrase = _read_phrase(s, left)
        if phrase.kind not in (PERSON, ORGANISATION) or (phrase.role and not phrase.role[:1].isupper() and not lower):
            break  # a title in capitals may stand before a name ("Federal Reserve Board Chair Jerome Powell")
        if last is None:
            first = phrase
        else:
            last.partner = phrase
        last = phrase
        # One more of a list: only a comma before it ("A, B and C").
        if left[0] - 1 < s.lo or s.gap(left[0]).strip() != ",":
            break
        end = left[0] - 1
    return first


_MAX_LIST = 40  # names in one list of speakers


def _titled_run(s: _Sentence, left: list[int], lower: list[int]) -> bool:
    """Whether the lowercase words of a listed name belong to a capitalised title before it ("Local 12
    president Ana Ruiz", "ATU Local 40 vice president Bo Lee"): numbers and role nouns only, the last a role
    noun right before the name, and a capitalised word first."""
    toks = s.toks
    words = [t for t in lower if not toks[t].norm.isdigit()]
    return (bool(words) and _is_capital(toks[left[0]]) and toks[words[-1]].norm in ROLE_NOUNS
            and all(toks[t].norm in ROLE_NOUNS or toks[t].norm in _RANKS for t in words)
            and words[-1] + 1 < s.hi and _name_token(toks[words[-1] + 1]))


_RANKS = frozenset("vice deputy acting interim assistant associate senior executive general".split())


def _role_noun_before(s: _Sentence, left: list[int], lower: list[int]) -> bool:
    """Whether the lowercase words of a listed name are a role noun right before it ("captain Ana Ruiz",
    "team doctor Jo Kant"): at most two, first in the phrase, no function word, the last a role noun."""
    toks = s.toks
    return (len(lower) <= 2 and lower == left[: len(lower)] and toks[left[0]].norm != "the"
            and not any(toks[t].norm in STOPWORDS for t in lower)
            and (toks[lower[-1]].norm in ROLE_NOUNS or _agentive(toks[lower[-1]].norm)))


_RELATIVES = frozenset("who whose which whom".split())
_POSSESSIVE_DETERMINERS = frozenset("its his her their our".split())
_MAX_ASIDE = 40  # tokens in one aside ("a 36-year-old shopkeeper who has run the shop for a decade")


def _aside_kind(s: _Sentence, k: int, j: int) -> str:
    """What the comma-separated segment k..j before a verb is: "age" ("42"), "relative" ("who spoke on
    condition of anonymity", "speaking to reporters", "based in Kochi"), "prepositional" ("for its part",
    "of the International Organisation for Migration"), "appositive" (a noun phrase: "a former NATO
    ambassador", "Israel's finance minister", "Europe's largest bank"), "name" (a capitalised name), or ""
    when it is a clause of its own."""
    toks = s.toks
    first = toks[k]
    words = [toks[t].norm for t in range(k, j + 1)]
    if all(w.isdigit() or w in ("year", "old", "years", "aged") for w in words):
        return "age"
    if first.norm in _RELATIVES or (first.raw.islower() and first.norm.endswith(("ing", "ed")) and len(first.norm) > 4
                                     and first.norm not in STOPWORDS):
        return "relative"
    if first.raw.islower() and (first.norm in _PREPOSITIONS or first.norm == "of") and len(words) <= 12:
        return "prepositional"
    if any(reporting_form(w) is not None and toks[t].raw.islower() and (t == j or toks[t + 1].norm == "that")
           for w, t in zip(words, range(k, j + 1))):
        return ""  # "Ukraine, Russia said, ...": a clause (not "the head of state conglomerate Rostec")
    rest = range(k + 1 if first.norm == "the" and k < j else k, j + 1)
    body_name = _is_capital(toks[j]) and fold(_bare(toks[j].raw)) in ORG_WORDS  # "the Joint Expert Board"
    if (_name_token(toks[rest[0]]) and all(_name_token(toks[t]) or toks[t].norm in ("of", "and", "the")
                                            or (body_name and _is_capital(toks[t])) for t in rest)
            and toks[j].norm.rstrip(".") not in TITLES and toks[j].norm not in ROLE_NOUNS):
        return "name"  # "Bezalel Smotrich", "the U.K. P&I Club"
    if first.norm in DETERMINERS or first.norm in _POSSESSIVE_DETERMINERS or _possessive(first):
        return "appositive"
    if any(toks[t].norm in ROLE_NOUNS or toks[t].norm in ORG_NOUNS for t in range(k, min(j + 1, k + 6))):
        return "appositive"  # "Founding Chairman", "former NATO ambassador"
    return ""


def _role_of(s: _Sentence, idx: list[int]) -> bool:
    """Whether a phrase is a role held in a named body: "the director of the Nordic Space Agency", "the
    Director General of the ESA", "Acme's head of sales" (a determiner or possessive first, then a role noun
    or a title right before "of")."""
    toks = s.toks
    if not idx or not (toks[idx[0]].norm in DETERMINERS or _possessive(toks[idx[0]])):
        return False
    return any(toks[t].norm == "of" and t - 1 > idx[0] and (toks[t - 1].norm in ROLE_NOUNS or toks[t - 1].norm in TITLES
                                                             or (toks[t - 1].raw.islower() and _agentive(toks[t - 1].norm)))
               for t in idx[1:])


def _aside_role(s: _Sentence, k: int, j: int, kind: str) -> str | None:
    """The role an aside gives its speaker: an appositive without its relative clause ("the Japanese owner of
    a container ship stuck in the canal that is ..." -> "... stuck in the canal"), the predicate of a copular
    relative ("which is Europe's largest bank" -> "Europe's largest bank"), an affiliation ("of the IOM")."""
    toks = s.toks
    if kind == "relative" and toks[k].norm in ("who", "which") and k + 2 <= j and toks[k + 1].norm in ("is", "was"):
        k += 2
        kind = "appositive"
    if kind not in ("appositive", "prepositional") or (kind == "prepositional" and toks[k].norm not in ("of", "from", "at")):
        return None
    end = j
    for t in range(k + 1, j + 1):
        if toks[t].norm in _RELATIVES or (toks[t].norm == "that" and t > k + 1):
            end = t - 1
            break
    return s.span(list(range(k, end + 1))) if end >= k else None


# Determiners beyond the articles that open a common-noun phrase before a name ("Another committee, the X
# Board, said", "Its parent company, Acme, said").
_OTHER_DETERMINERS = frozenset("another other this that its their his her our".split())


def _across_aside(s: _Sentence, j: int) -> tuple[_Phrase, int] | None:
    """The subject before one or more asides ending at token `j` ("Smith, a former NATO ambassador, warned";
    "Vladimir Panov, a special representative of Rosatom, who is in charge of the route, said"; "Ms. Lee, 42,
    told"; "HSBC, which is Europe's largest bank, said"), or the name in an aside after its role ("Israel's
    finance minister, Bezalel Smotrich, said"). An appositive gives the speaker's role, and a body noun at
    its head ("the prime contractor", "a market intelligence platform") makes the speaker a body."""
    toks = s.toks
    end = j
    roles: list[str] = []
    body = person = False
    for _ in range(4):
        k = end
        while k > s.lo and not s.breaks_before(k) and end - k < _MAX_ASIDE:
            k -= 1
        if k <= s.lo or [ch for ch in s.gap(k) if ch in _BOUNDARY] != [","]:
            return None
        kind = _aside_kind(s, k, end)
        if not kind:
            return None
        idx = _walk_back(s, k - 1)
        phrase = _read_phrase(s, idx) if idx else _NOTHING
        common = idx and toks[idx[-1]].raw.islower() and (
            phrase.kind in (UNNAMED, "description", ORGANISATION)
            or toks[idx[0]].norm in DETERMINERS or toks[idx[0]].norm in _OTHER_DETERMINERS or _possessive(toks[idx[0]])
            or toks[idx[0]].norm in _QUANTIFIERS or toks[idx[0]].norm.isdigit()) or _role_of(s, idx)  # "Two other players, A and B,"
        if kind == "name" and common:
            # "Israel's finance minister, Bezalel Smotrich, said", "The ship's insurer, the U.K. P&I Club,
            # said": the name is the speaker, the common-noun phrase before it its role.
            conjunctions = [t for t in range(k + 1, end) if toks[t].raw == "and"]
            if conjunctions:
                # "Two other players, Ida Berg and Jo Kant, said": every name of the list speaks.
                last_name = list(range(conjunctions[-1] + 1, end + 1))
                named = _read_phrase(s, last_name)
                named.partner = _coordinated(s, last_name) if named.kind in (PERSON, ORGANISATION) else None
                if named.partner is not None:
                    return named, idx[0]
            named = _read_phrase(s, list(range(k, end + 1)))
            if named.kind in (PERSON, ORGANISATION):
                named.role = named.role or s.span(idx)
                head = _aside_head([toks[t].norm for t in idx if toks[t].norm not in DETERMINERS])
                if head in ORG_NOUNS - PERSON_OR_BODY and named.kind == PERSON and not named.title:
                    named.kind = ORGANISATION
                return named, idx[0]
        role = _aside_role(s, k, end, kind)
        if role:
            roles.insert(0, role)
            head = _aside_head([w for w in role.lower().split() if w not in DETERMINERS][:8])
            body = body or (head in ORG_NOUNS and kind == "appositive")
            person = person or head in ROLE_NOUNS
        if (phrase.kind in (UNNAMED, "description") and idx and [ch for ch in s.gap(idx[0]) if ch in _BOUNDARY] == [","]
                and _aside_kind(s, idx[0], k - 1) == "appositive"):
            end = k - 1  # "Vera Holm, a special envoy of ..., who is in charge ..., said": an aside before an aside
            continue
        if phrase.kind in (PERSON, ORGANISATION, UNNAMED, "description"):
            if body and not person and phrase.kind == PERSON and not phrase.title and not phrase.role:
                phrase.kind = ORGANISATION  # "Lockheed Martin, the prime contractor, said"
            if roles and phrase.role is None and phrase.kind not in (UNNAMED, "description"):
                phrase.role = roles[0]
            return phrase, idx[0]
        if phrase.kind or not idx or k - 1 < s.lo:
            return None
        end = k - 1  # the phrase before was itself an aside: "X, a special representative ..., who ..., said"
    return None


_DASHES = frozenset("-–—")


def _dash_at(s: _Sentence, k: int) -> str:
    """The dash standing alone before token `k` ("Ruiz - who", "Ruiz — who", "Ruiz—who"), or ""."""
    gap = s.gap(k).strip()
    return gap if gap in _DASHES and (gap != "-" or s.gap(k) != "-") else ""


def _across_dashes(s: _Sentence, j: int) -> tuple[_Phrase, int] | None:
    """The subject before an aside set off by a pair of dashes and ending at token `j` ("Kestrel CEO Ana Ruiz
    - who will reportedly stay in post - repeated", "the insurer — a unit of Vale Mutual — said"): the
    asides commas set off (`_across_aside`), between dashes; an appositive one gives the speaker's role."""
    toks = s.toks
    dash = _dash_at(s, j + 1) if j + 1 < s.hi else ""
    if not dash:
        return None
    k = j
    while k > s.lo and j - k < _MAX_ASIDE and _dash_at(s, k) != dash:
        if any(ch in _BOUNDARY for ch in s.gap(k)):
            return None
        k -= 1
    if k <= s.lo or _dash_at(s, k) != dash:
        return None
    kind = _aside_kind(s, k, j)
    if kind not in ("relative", "appositive", "age", "prepositional"):
        return None
    idx = _walk_back(s, k - 1)
    phrase = _read_phrase(s, idx) if idx else _NOTHING
    if phrase.kind not in (PERSON, ORGANISATION, UNNAMED, "description"):
        return None
    if kind == "appositive" and phrase.role is None and phrase.kind in (PERSON, ORGANISATION):
        phrase.role = s.span(list(range(k, j + 1)))
    return phrase, idx[0]


_PARTICLE_AFTER = {verb: re.compile(r"\W{0,3}(?:(?:" + "|".join(REFLEXIVES) + r")\s+)?(?:" + "|".join(after) + r")\b",
                                     re.IGNORECASE)
                   for verb, after in PARTICLES.items()}
_BE_WORD = re.compile(r"\b(?:is|are|was|were|been|be|being)\b|['’]s\b", re.IGNORECASE)
_WHAT = re.compile(r"\bwhat\b", re.IGNORECASE)
# What stands right before a noun, never before a verb: "the point", "its claims", "long-term", "a state".
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|these|those|its|his|her|their|our|my|your)\s+|\w-)$",
                          re.IGNORECASE)


# Cues whose look (`_may_attribute`) reads their sentence back to its start: an -ing form (is there a "be"?),
# "call" (is there a "what"?); the others read at most this many characters before them.
_SENTENCE_BOUND = frozenset(w for w, f in forms().items() if f.ing or f.lemma == "call")
_NEAR_START = 48

# A negation right before a verb ("does not maintain", "has never really said"): `_left_of_verb` gives up.
_NEGATED = re.compile(r"(?:\b(?:not|never)|n['’]t)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)


# The raw look of `_judged_after`: "that" after the verb (an adverb between), "as" within a few words.
_RAW_VERDICT = {"that": re.compile(r"(?:\s+[a-z]+ly)?\s+that\b"), "as": re.compile(r"(?:\s+[\w’'-]+){1,6}?\s+as\b")}
_STANCE_NEGATED = re.compile(r"\b(?:does|do)\s+not\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)


def _may_attribute(text: str, lo: int, at: int, word: str) -> bool:
    """A look at the raw text around the cue `word` at `at` before its sentence is tokenised: False only
    where `_attribution` finds nothing there: a verb form right after a determiner or in a compound ("the
    point", "a claim", "long-term"), a particle verb without its particle ("pointed" without "out"), an -ing
    form with no form of "be" before it in the sentence. Citing nouns ("the statement from X") always pass."""
    if word in _MADE:
        return _MADE_BEFORE.search(text, max(lo, at - 12), at) is not None
    if word in _DELIVERED and word not in CITING_NOUNS:
        return any(delivering_form(w) is not None for w in text[max(lo, at - 40) : at].split()[-4:])
    form = reporting_form(word) if word.islower() and word not in CITING_NOUNS else None
    if form is None:
        return True
    if _NOUN_BEFORE.search(text, max(lo, at - 8), at):
        return False
    if _NEGATED.search(text, max(lo, at - 24), at) and not (
            form.lemma in NEGATED_STANCE and _STANCE_NEGATED.search(text, max(lo, at - 24), at)):
        return False
    after = _PARTICLE_AFTER.get(form.lemma)
    particle = after.match(text, at + len(word)) if after is not None else None
    if form.lemma in NEEDS_AFTER and particle is None and not _RAW_VERDICT[NEEDS_AFTER[form.lemma]].match(text, at + len(word)):
        return False  # "found the wreck", "assessed the damage": no verdict after the verb
    if after is not None and particle is None and not (form.lemma in NEEDS_AFTER and _RAW_VERDICT["that"].match(text, at + len(word))):
        return form.lemma == "call" and (_WHAT.search(text, lo, at) is not None or any(
            ch in text[at : at + 80] for ch in "“\"") or _CALLED_SO.match(text, at + len(word)) is not None)
    if form.lemma in BESIDE_QUOTE and not _beside_quote(text, at, particle.end() if particle else at + len(word)):
        return False
    return (not form.ing or _BE_WORD.search(text, lo, at) is not None or _WITH.search(text, max(lo, at - 80), at) is not None
            or text[max(lo, at - 3) : at].rstrip().endswith(",")  # ", saying": a participle clause
            or _GERUND_BEFORE.search(text, max(lo, at - 8), at) is not None)  # "by saying"

_GERUND_BEFORE = re.compile(r"\b(?:by|after|before|while)\s+$")


def _find_in_passage(passage: Passage, offset: int, lead_in: Callable[[], str] | None = None) -> list[_Found]:
    """Every attribution in one passage; `offset` is the passage's start in the article text, `lead_in()`
    the last sentence of the passage before it when that sentence has no attribution (asked only when the
    passage opens with a quotation standing alone). Only the sentences with a cue word are tokenised."""
    text = passage.text
    has_quote = _QUOTE_OPEN in text or '"' in text
    # The cues that may attribute, looked at from the passage's start (never stricter than from their
    # sentence's start, where they are looked at again).
    candidates = [(m.start(), m.group()) for m in _CUE.finditer(text) if _may_attribute(text, 0, m.start(), m.group())]
    if not has_quote and not candidates:
        return []
    if has_quote:  # "Adds union president Carl Ng: “...”": a verb opening its sentence
        opening = [(m.start(), m.group()) for m in _OPENING.finditer(text) if m.group() in _OPENING_VERBS]
        if opening:
            candidates = sorted(candidates + opening)
    quotes = _quote_spans(text)
    found: list[_Found] = []
    before: str | None = None  # the sentence before this one, when it has no attribution; None: ask lead_in
    for lo, hi in _sentence_spans(text, quotes):
        here: list[_Found] = []
        cues = [at for at, word in candidates if lo <= at < hi and (
            (at - lo >= _NEAR_START and word not in _SENTENCE_BOUND) or _may_attribute(text, lo, at, word))]
        if quotes and cues:  # words inside a quotation are the speaker's, never an attribution
            cues = [c for c in cues if not any(qs < c < qe for qs, qe in quotes)]
        if cues:
            sentence, toks = _sentence_tokens(text[lo:hi])
            starts = [t.start for t in toks]
            local = [(max(qs, lo) - lo, min(qe, hi) - lo) for qs, qe in quotes if qs < hi and qe > lo]
            s = _Sentence(sentence, toks, 0, len(toks))
            participles: list[_Found] = []  # finds of a participle set off by a comma (", adding that")
            for cue_at in cues:
                n = bisect_left(starts, cue_at - lo)
                i = n if n < len(starts) and starts[n] == cue_at - lo else None
                hit = None if i is None else _attribution(s, i, local, (0, hi - lo))
                if hit is not None:
                    phrase, cue, quote = hit
                    span = (quote[0] + lo, quote[1] + lo) if quote else None
                    partner = phrase.partner
                    while partner is not None:  # "Greece and Cyprus said": both speak
                        here.append(_Found(partner, passage, cue, None, (lo, hi), cue_at, offset + cue_at))
                        partner = partner.partner
                    here.append(_Found(phrase, passage, cue, span, (lo, hi), cue_at, offset + cue_at))
                    if i is not None and i > 0 and toks[i].norm.endswith("ing") and s.gap(i).strip() == ",":
                        participles.append(here[-1])
            if participles:  # "Ana Ruiz warned X, adding that Y": one act of speech, counted once
                said = {(f.phrase.kind, f.phrase.name): f for f in here if f not in participles}
                for f in participles:
                    main = said.get((f.phrase.kind, f.phrase.name))
                    if main is not None and main.quote is None:
                        main.quote = f.quote  # ", adding: “...”": the quotation is the main verb's speaker's
                here = [f for f in here if f not in participles or (f.phrase.kind, f.phrase.name) not in said]
        _inside_reported_clause(text, lo, hi, here)
        _one_owner_per_quote(here)
        if here:
            found.extend(here)
            before = ""
            continue
        # A quotation standing alone right after an attribution that has none belongs to it.
        inner = [q for q in quotes if lo <= q[0] < hi and _speech_quote(text, q)]
        alone = bool(inner) and not _outside_words(text, lo, hi, inner)
        if alone and found and found[-1].quote is None:
            found[-1].quote = inner[0]
        elif alone and not found and before != "":
            # "Judge Hilda Mercer was blunt. “We will not ...”": the subject of the sentence before speaks.
            lead = before if before is not None else lead_in() if lead_in is not None else ""
            led = _lead_in_speaker(lead) if lead else None
            if led is not None:
                found.append(_Found(led[0], passage, led[1], inner[0], (lo, hi), inner[0][0], offset + inner[0][0]))
        elif inner and not found:
            # "Smith was blunt: “We ...”": a clause ending in a colon before the quotation.
            colon = text.rfind(":", lo, inner[0][0])
            if colon >= 0 and not _WORD.search(text, colon + 1, inner[0][0]) and not _outside_words(text, colon + 1, hi, inner):
                led = _lead_in_speaker(text[lo:colon])
                if led is not None:
                    found.append(_Found(led[0], passage, led[1], inner[0], (lo, hi), lo, offset + lo))
        before = text[lo:hi]
    return found


_WORD = re.compile(r"[^\W_]")
# What may stand after the subject of a sentence that leads in to a quotation: a verb ("Smith was blunt",
# "Smith put it simply", "Smith has been outspoken"), not a preposition or a conjunction.
_LEAD_IN_VERBS = BE | AUXILIARIES


def _lead_in_speaker(sentence: str) -> tuple[_Phrase, str] | None:
    """The speaker a short sentence leads in to a quotation with, and the words it does so in ("was
    blunt"): its subject, a name (with a title or role) or "he"/"she", before its verb; None for a sentence
    with a quotation of its own, a long one, or one whose subject is no speaker."""
    if any(ch in sentence for ch in "“”\""):
        return None
    text, toks = _sentence_tokens(sentence.strip())
    if not toks or len(toks) > 25:
        return None
    s = _Sentence(text, toks, 0, len(toks))
    k = 1  # the verb: the first lowercase word after a capitalised one that can be a verb ("Ortiz was")
    while k < min(len(toks), 9) and not (
            toks[k].raw.islower() and not toks[k - 1].raw.islower() and (toks[k].norm in _LEAD_IN_VERBS or (
                toks[k].norm not in STOPWORDS and toks[k].norm.endswith(("ed", "s", "t"))))):
        if s.breaks_before(k):
            return None
        k += 1
    if k >= min(len(toks), 9) or s.breaks_before(k):
        return None
    phrase = _read_phrase(s, list(range(k)))
    if phrase.kind not in (PERSON, ORGANISATION, "pronoun") or phrase.name.lower() in ("it", "they"):
        return None
    end = min(len(toks), k + 3)
    return phrase, s.span(list(range(k, end)))


_CONJUNCTIONS = frozenset("and but or while whereas as when because since although though so yet".split())


def _inside_reported_clause(text: str, lo: int, hi: int, here: list[_Found]) -> None:
    """Drop the attributions standing inside another speaker's reported clause: in "Experts have warned for
    years that the dams needed repairs, a state prosecutor revealed", what comes before the comma is the
    prosecutor's report, so only the prosecutor is a voice."""
    if len(here) < 2:
        return
    for f in list(here):
        comma = text.rfind(",", lo, f.at)
        if comma < 0 or any(ch in text[comma + 1 : f.at] for ch in _BOUNDARY):
            continue
        between = re.findall(r"[^\W_]+", text[comma + 1 : f.at])
        rest = re.findall(r"[^\W_]+", text[f.at : hi])
        if not between or len(between) > 8 or fold(between[0]) in _CONJUNCTIONS or fold(between[0]) in _RELATIVES or len(rest) > 10:
            continue
        if fold(between[0]).endswith("ing") or "what" in (fold(w) for w in between):
            continue  # "X refuted the claims, reiterating what the regulator said": a clause of X's, not Y's report
        if not re.search(r"[^\W_]", text[lo:comma]) or "that" in (fold(w) for w in rest):
            continue
        # "IARC reports that, after reviewing ..., the group classified": a speaker whose "that" opens the
        # clause the comma stands in reports it; that speaker stays.
        here[:] = [g for g in here if g is f or g.at > comma or g.quote is not None
                   or re.match(r"\W*\w+(?:\s+\w+)?\s+that\b", text[g.at : comma + 1]) is not None]


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
