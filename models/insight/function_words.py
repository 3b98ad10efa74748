"""General-purpose English words that say nothing about how an outlet frames a story.

The tokenizer's STOPWORDS (models/text.py) are the grammatical words every stage leaves out. Framing
(models/insight/perspectives.py) needs a wider net: an article that happens to write "take", "already", "part" or
"regarding" more often than the others has not chosen a frame, yet with two to ten articles such words reach
a z-score of 1 as easily as "military diplomacy" does. These lists hold such words: common verbs with their
forms, adverbs, quantifiers and number words, discourse and filler nouns, general adjectives, prepositions,
and the words of the calendar. Names and the words of a domain (sanctions, drones, alliance, purchase,
security...) are never here, nor evaluative words an outlet may choose ("claimed", "surprisingly").

`FRAMING_STOPWORDS` holds the folded, stemmed forms (as `models.text.stem` makes them), so it can be checked
against framing keys directly; `is_function_word` checks a single word as written.
"""

from __future__ import annotations

from models.text import STOPWORDS, fold, stem

# Verbs: the base form, then any irregular forms. The regular forms (-s, -ed, -ing) are made from the base;
# a form no one writes ("taked") does no harm.
_VERBS = """
    take took taken taking | make made making | use | lead led | end | come came coming | go goes went gone |
    get got gotten getting | give gave given giving | keep kept | put putting | set setting | let letting |
    see saw seen | look | seem | find found | know knew known | think thought | want | need | try tries tried |
    call | ask | tell told | say said | add | note | show shown | mean meant | begin began begun beginning |
    start | stop stopped stopping | continue | remain | become became becoming | turn | move | bring brought |
    hold held | run ran running | stand stood | leave left leaving | stay | allow | help | work | include |
    involve | provide | follow | consider | expect | appear | happen | change | feel felt | reach |
    face | seek sought | point | tend | manage | mention | report | explain | describe | refer referred |
    regard | suggest | put | carry carries carried | cause | create | pass | push |
    play | close | live | believe | remember | understand understood | build built | meet met |
    speak spoke spoken | write wrote written | read | hear heard | win won winning |
    fall fell fallen | rise rose risen | grow grew grown | send sent | spend spent | get | return | receive |
    happen | involve | seem | matter | aim | focus | form | place | plan planned planning |
    ensure | require | remain | stress | raise | lack | lie lay lain lying | sit sat | bear bore borne |
    respond | facilitate | enable | affect | prove | obtain | achieve | contain | intend | tend |
    """

ADVERBS = """
    already also again still even just now then soon later earlier recently currently finally ultimately
    actually really simply clearly largely mostly mainly merely nearly almost about around instead indeed
    perhaps probably possibly likely certainly especially particularly generally usually often sometimes
    always never ever together apart away back forward ahead rather quite fairly pretty somewhat enough yet
    anyway therefore thus hence moreover furthermore however nevertheless nonetheless meanwhile otherwise
    accordingly consequently namely respectively directly immediately increasingly repeatedly effectively
    reportedly officially publicly formally eventually previously subsequently initially originally
    apparently obviously essentially basically entirely fully partly completely slightly highly deeply
    widely closely long far further here there where somewhere anywhere everywhere else once twice
    today yesterday tomorrow tonight ago lately shortly briefly quickly slowly easily hardly barely
    rarely seldom frequently regularly constantly similarly likewise alike specifically notably
    """

QUANTIFIERS = """
    several many much some any all each every both few more most less least lot lots plenty number numerous
    various certain entire whole half dozen dozens hundred hundreds thousand thousands million millions
    billion billions trillion percent per cent one two three four five six seven eight nine ten eleven
    twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
    seventy eighty ninety first second third fourth fifth sixth seventh eighth ninth tenth last next
    previous former latter single double multiple couple amount total
    """

# Nouns that carry no subject of their own ("in part", "at the end", "by the way", "the fact that").
FILLER_NOUNS = """
    way time year day week month part end lot thing kind sort type fact case point place matter
    subject number area level term example instance reason result order form rest moment period
    beginning nothing something anything everything someone anyone everyone somebody anybody everybody
    nobody none other another others thing manner means course sense regard respect hand
    addition sake basis extent degree account view aspect piece bit step stage situation circumstance
    detail version item use
    """

ADJECTIVES = """
    new old same different such own main major big large small great little long short high low full
    early late recent current possible impossible likely unlikely able unable clear real true important
    good bad better worse best worst key certain particular whole entire various similar specific
    following further additional extra latest top usual general overall total certain available
    necessary likely serious simple hard easy due able sure wide broad close
    """

# Prepositions and conjunctions the tokenizer's stop words do not have.
CONNECTIVES = """
    regarding including according despite amid amidst across along beyond behind beside besides inside
    outside throughout onto unlike except plus concerning following given whereas unless till whilst
    amongst alongside underneath near next past versus towards within without upon whether thereby
    whereby meanwhile albeit nor either neither rather instead via
    """

# The calendar: dates place a story in time, they do not frame it.
CALENDAR = """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    weekend weekday morning afternoon evening night decade century annual annually daily weekly monthly
    yearly
    """


def _verb_forms(entry: str) -> set[str]:
    """A verb entry ("take took taken taking") and the regular forms of its base."""
    base, *irregular = entry.split()
    forms = {base, *irregular}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


def _words() -> frozenset[str]:
    words: set[str] = set()
    for entry in _VERBS.split("|"):
        if entry.strip():
            words |= _verb_forms(entry)
    for block in (ADVERBS, QUANTIFIERS, FILLER_NOUNS, ADJECTIVES, CONNECTIVES, CALENDAR):
        words.update(block.split())
    return frozenset(words)


WORDS = _words()  # as listed, lowercase
# Stemmed, as framing keys are. The tokenizer's stop words are not repeated here: they never become terms,
# except an acronym in capitals that folds to one ("US"), which is a name and stays a term.
FRAMING_STOPWORDS = frozenset(stem(fold(w)) for w in WORDS) - STOPWORDS


def is_function_word(word: str) -> bool:
    """Whether a word (as written, any case or form) is a general-purpose word rather than a content word."""
    low = stem(fold(word))
    return low in FRAMING_STOPWORDS or (low in STOPWORDS and not word.isupper())


def is_function_key(key: str) -> bool:
    """Whether a framing key (a stemmed word or two-word phrase) is made of general-purpose words only:
    "take" and "take part" are; "second batch" and "take office" are not."""
    return all(part in FRAMING_STOPWORDS for part in key.split(" "))
