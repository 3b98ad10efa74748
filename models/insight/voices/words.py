"""Which words are which: the word lists that attribution reading rests on (verbs of saying, role and
source nouns, titles, words that make a name a body...) and the small tests on single words and names
built from them (a capitalised word that can be part of a name, a possessive, a name's folded key)."""

from __future__ import annotations

import re
from functools import lru_cache

from models.insight.voices.lexicon import forms
from models.text import STOPWORDS, Token, fold

# Every form of the reporting verbs (models.insight.voices.lexicon: lemmas, inflected by the lemmatiser).
SPEECH_VERBS = frozenset(forms())
# Nouns of citation: "the announcement last week from X", "the remarks of X".
CITING_NOUNS = frozenset("announcement statement statements remarks comments words warning claim claims".split())
# Forms of "be" and "have" and the modals: what may stand between a subject and its reporting verb
# ("has said", "would say", "are warning").
BE = frozenset("is are was were been be being 's".split())
AUXILIARIES = frozenset("has have had will would could can may might must should shall did does do".split())
NEGATIONS = frozenset("not never n't no".split())
PASSIVE = frozenset("was were is are been be being".split())
ADVERBS = frozenset(
    """also again once later then further too still recently earlier previously nevertheless however meanwhile
    moreover separately subsequently even just already indeed both all each since long now first""".split()
)
CLAUSE_BREAKS = frozenset(
    """that which who whom whose and but when while as because if since although though where so then whether or
    nor than until unless after before once whereas whereby""".split()
)
PRONOUNS = frozenset("he she".split())
SKIP_SUBJECTS = frozenset("i we you they it this these those there one many some few all both each others".split())
# Heads of anonymous-source phrases: people and bodies that can speak ("a defense source", "officials",
# "people familiar with the talks", "Russian media").
SOURCE_NOUNS = frozenset(
    """source sources official officials bureaucrat bureaucrats diplomat diplomats analyst analysts expert experts
    observer observers insider insiders aide aides critic critics commentator commentators spokesman spokeswoman
    spokesperson spokespeople media people person lawmaker lawmakers member members authorities officer officers
    adviser advisers advisor advisors representative representatives negotiator negotiators envoy envoys
    residents witnesses eyewitnesses activists protesters prosecutors investigators researchers scholars
    economists specialists legislators ministers leaders executives""".split()
)
# Nouns that cite words but cannot speak: never the head of an anonymous source ("said in a statement").
DOCUMENT_NOUNS = frozenset(
    """report reports statement statements document documents study studies survey surveys data figures
    statistics estimates estimate website site records record filing filings release releases""".split()
)
# Role nouns: what a pre-modifier or appositive must end in (or contain) to be a role.
ROLE_NOUNS = frozenset(
    """professor analyst expert commentator spokesman spokeswoman spokesperson minister president secretary
    ambassador director chief head chairman chairwoman chair ceo official researcher fellow journalist editor
    correspondent columnist reporter lawyer general adviser advisor diplomat economist historian scholar lecturer
    leader founder deputy senator lawmaker mp pm envoy colonel admiral commander governor mayor representative
    negotiator strategist specialist observer author writer scientist politician activist officer consultant
    manager executive coordinator bureaucrat source premier chancellor member candidate speaker prosecutor judge
    attorney investigator inspector engineer captain pilot doctor physician nurse teacher student resident
    witness survivor victim farmer fisherman worker employee trader broker banker investor partner
    entrepreneur owner auditor regulator economist meteorologist seismologist geologist biologist""".split()
)


def _agentive(word: str, shortest: int = 6) -> bool:
    """A noun of someone who does something, by its suffix ("prosecutor", "campaigner", "scientist",
    "physician", "claimant"; "user" when `shortest` allows): with a determiner before it, such a noun can be
    a speaker's description."""
    return (len(word) >= shortest and word.endswith(("or", "er", "ist", "ian", "ant", "ent")) and word not in STOPWORDS
            and word not in _NOT_AGENTS)


# Common nouns with those endings that name no one.
_NOT_AGENTS = frozenset(
    """number order matter letter quarter border power sector factor error other former latter water paper
    center centre computer corner chapter member summer winter weather pressure percent president government
    statement agreement moment comment element department incident accident event content parliament management
    development environment investment treatment equipment argument document settlement payment movement
    requirement assessment amendment announcement shipment deployment employment enforcement server router
    browser container processor sensor motor reactor monitor printer scanner charger adapter filter layer
    tower flower""".split()
)
ORG_NOUNS = frozenset(
    """agency outlet newspaper paper company corporation broadcaster channel website portal daily weekly group firm
    ministry network government administration office department council commission committee embassy army
    military parliament presidency kremlin side institute university think tank service bank fund organisation
    organization association alliance party union exporter manufacturer maker producer supplier contractor
    regulator watchdog giant directorate authority command headquarters secretariat bureau court police militia
    forces navy staff assembly cabinet consulate mission delegation platform provider insurer lender operator
    startup start-up carrier airline retailer publication charity league federation club team panel board guild
    syndicate consortium body""".split()
)
# Body nouns that can also name a person's office ("Israel's banking regulator, Yair Avidan"): they make no
# name a body by themselves.
PERSON_OR_BODY = frozenset("regulator regulators owner owners operator operators chair speaker".split())
# Capitalised words that make a name a body, not a person.
ORG_WORDS = frozenset(
    """ministry agency university institute institution company corporation council commission committee department
    office bank fund times news post journal press kremlin pentagon parliament congress senate government army navy
    forces organisation organization association union party group foundation center centre service services
    network daily herald tribune gazette monitor review federation administration presidency embassy reuters
    bloomberg xinhua anadolu sputnik states kingdom republic emirates nations directorate authority command
    headquarters secretariat bureau court police coalition staff assembly house chamber cabinet duma rada knesset
    bundestag majlis consulate mission delegation tribunal inspectorate authorities alliance bloc guard guards
    corps militia brigade battalion regiment fleet academy college school society trust inc ltd llc plc corp station
    observatory laboratory gmbh airlines airways industries holding holdings technologies television radio tv
    broadcasting magazine newspaper club lines shipping marine logistics reserve treasury societies international institution
    organisation labs partners ventures capital insurance insurers bureau network networks platform
    foundation charity league panel board guild syndicate consortium""".split()
)
# Words of the calendar: a weekday is never part of a name; a date at the start of a subject is not the
# subject ("On Sunday Foreign Minister Mevlut Cavusoglu said", "this month Baykar said").
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec""".split()
)
TIME_NOUNS = WEEKDAYS | MONTHS | frozenset(
    """today yesterday tomorrow tonight week weekend month year morning afternoon evening night day decade
    spring summer autumn fall winter""".split()
)
TIME_MODIFIERS = frozenset("this last next early late earlier later past same that".split())
TIME_PREPOSITIONS = frozenset("on in at during since until by over from".split())
TITLES = frozenset(
    """president minister secretary dr mr mrs ms miss prof professor sen senator rep gen general chancellor king
    queen prince princess sheikh ayatollah pope mayor governor judge ambassador colonel col admiral lt lieutenant
    captain capt major maj sergeant premier spokesman spokeswoman chairman chairwoman ceo director chief
    commander deputy envoy speaker pm gov adm sgt supt cmdr cdr cpl pvt insp det atty brig rev hon amb asst""".split()
)
# Titles' short forms, spelled out: "Gov. Ana Ruiz" is the governor "the governor said" means.
TITLE_WORDS = {"gov": "governor", "sen": "senator", "rep": "representative", "adm": "admiral",
               "supt": "superintendent", "gen": "general", "lt": "lieutenant", "col": "colonel", "capt": "captain",
               "maj": "major", "sgt": "sergeant", "cmdr": "commander", "cdr": "commander", "cpl": "corporal",
               "insp": "inspector", "det": "detective", "atty": "attorney", "brig": "brigadier", "rev": "reverend",
               "amb": "ambassador", "asst": "assistant", "prof": "professor", "pres": "president", "supv": "supervisor",
               "commr": "commissioner", "secy": "secretary"}
PARTICLES = frozenset("bin ibn al el de da di del della van von der den la le du dos das ter".split())
NAME_PREPOSITIONS = frozenset("of from at with in on during since last after before for".split())
AFFILIATION_PREPOSITIONS = frozenset("of from at with".split())
DETERMINERS = frozenset("the a an".split())


# Words that open a clause without being part of its subject ("Yesterday Erdogan said").
_DISCOURSE = frozenset(
    """however but yet also meanwhile still instead yesterday today tonight tomorrow now earlier later separately
    previously recently finally then""".split()
)


def _bare(raw: str) -> str:
    """A word or name without its possessive ending ("Erdoğan’s" -> "Erdoğan")."""
    if raw.endswith(("'s", "’s")):
        return raw[:-2]
    return raw.rstrip("'’")


def _sentence_end(word: str) -> bool:
    """Whether a word written with a period ends a sentence ("Arabia.") rather than being a short form or an
    initial ("Gen.", "J.")."""
    return word.endswith(".") and len(word.rstrip(".")) > 3 and "." not in word.rstrip(".")


def _possessive(tok: Token) -> bool:
    return tok.raw.endswith(("'s", "’s", "s'", "s’"))


def _is_capital(tok: Token) -> bool:
    return tok.raw[:1].isupper() and not any(ch.isdigit() for ch in tok.raw)


def _name_token(tok: Token) -> bool:
    """A capitalised word that can be part of a name: not a sentence-initial common word ("Sources", "The"),
    nor a weekday."""
    if not _is_capital(tok):
        return False
    if tok.raw.isupper() and len(tok.raw.replace(".", "")) > 1:
        return True  # an acronym, even one that folds to a word ("US", "IT")
    low = fold(_bare(tok.raw))
    if (low in STOPWORDS or low in PRONOUNS or low in SKIP_SUBJECTS or low in SOURCE_NOUNS or low in DOCUMENT_NOUNS
            or low in WEEKDAYS):
        return False
    return low in TITLES or low not in ROLE_NOUNS


_INITIALISM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\.?$")


@lru_cache(maxsize=8192)
def _name_key(name: str) -> tuple[str, ...]:
    """A name's folded words; an initialism's periods are dropped ("U.S." and "US" are both "us")."""
    words = re.findall(r"[^\W_]+(?:['’.-][^\W_]+)*\.?", _bare(name))
    return tuple(fold(w.replace(".", "")) if _INITIALISM.fullmatch(w) else fold(w.rstrip(".")) for w in words)
