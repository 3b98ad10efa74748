"""A topic's word used in passing: a lone alias in a passage whose other words are another topic's.

A story's topics are told together, so a passage on one of them often uses a word of another's aliases in
passing: the prosecutor's inquiry into a fire "that started on the roof" (an alias of the damage done), the
pledges "to rebuild the 12th-century cathedral" (an alias of its history), "after the blaze was put out" in a
passage on the investigation. An alias tag there is as strong as one on a passage that discusses the topic,
and it links its passage to the topic's passages in every other article: a flood of links no reader follows.

What tells the two apart is what else the passage says, read against the corpus. Each configured topic has a
*profile*: the comparable terms (content lemmas and two-word phrases the story does not use everywhere, met in two passages or
more) of the passages its aliases tag, each weighted by how specific it is in this corpus
(`CorpusStats.specificity`) and counted over those passages. A passage's *affinity* to a topic is the sum,
over its words, of specificity times the share of the topic's other passages (itself left out) that use the
word. An alias tag that rests on one alias (one distinct name, however often) of everyday English words (a
name or a model number names its topic wherever it stands) on a passage that has another
configured topic by its aliases too is that word used in passing when the passage's affinity to the topic is
below `RATIO` times its affinity to the other: the passage says what the other topic's passages say, and
only borrows this topic's word. Such a tag is dropped, with the everyday-word tags nothing supports
(`models.pipeline.corroborate`).

A passage with one topic keeps it (the alias is all the evidence there is), as does a passage that discusses
two topics, each in words their passages share (measured on the dev stories: the lone aliases dropped were
all used in passing; those kept at a ratio of 0.5 and above were mostly on both topics).

The profiles are learned once over the whole corpus and kept with the topics' vocabularies
(`Vocabulary.profile`), so an article relinked alone (models/pipeline/relink.py) is judged as the whole
corpus judged it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from models import background
from models.document import Article, TopicTag
from models.pipeline.stats import CorpusStats, PassageTerms
from models.pipeline.vocabulary import Vocabulary
from models.text import lemma, tokens

WORD_ZIPF = 3.0  # an alias word this common in English is a word, not a name (as topics.KNOWN_ZIPF)
RATIO = 0.4  # affinity to the topic below this share of the affinity to another: its alias is used in passing


def _keys(tag: TopicTag) -> set[str]:
    """The distinct aliases a tag's evidence names, as lemmas ("restored" and "restoration" are one)."""
    return {" ".join(lemma(t.norm) for t in tokens(e)) for e in tag.evidence}


def lone_alias(tag: TopicTag) -> bool:
    """True for an explicit alias tag whose evidence names one alias only, in words of everyday English: every
    word of it in the background model at `WORD_ZIPF` or above, none with a digit. A name ("S-400", "Kavach",
    "NDRF") names its topic wherever it stands; "roof", "relief" or "competition" are also said in passing."""
    if tag.implicit or not tag.evidence or len(_keys(tag)) != 1:
        return False
    words = tokens(tag.evidence[0])
    return bool(words) and all(w.norm.isalpha() and background.zipf(w.norm) >= WORD_ZIPF for w in words)


def _named(tags: tuple[TopicTag, ...], configured: set[str]) -> list[TopicTag]:
    """A passage's explicit tags of configured topics that rest on their aliases."""
    return [t for t in tags if t.topic in configured and not t.implicit and t.evidence]


def with_profiles(vocabularies: list[Vocabulary], articles: list[Article], terms: list[list[PassageTerms]],
                  stats: CorpusStats, leave_out: set[tuple[int, int, str]]) -> list[Vocabulary]:
    """The vocabularies with each topic's profile (see the module docstring): its alias-tagged passages (less
    the (article, passage, topic) tags of `leave_out`), and each comparable word they use twice or more with
    its specificity and how many of them use it."""
    configured = {v.topic for v in vocabularies}
    counts: dict[str, Counter[str]] = {topic: Counter() for topic in configured}
    seeds: Counter[str] = Counter()
    for a, article in enumerate(articles):
        for p, passage in enumerate(article.passages):
            for tag in _named(passage.topics, configured):
                if (a, p, tag.topic) not in leave_out:
                    seeds[tag.topic] += 1
                    counts[tag.topic].update(terms[a][p].terms)
    out = []
    for vocab in vocabularies:
        profile = []
        for term, n in counts[vocab.topic].items():
            if n >= 2 and not stats.story_wide(term):
                value = stats.specificity(term)
                if value > 0:
                    profile.append((term, round(value, 4), n))
        profile.sort(key=lambda row: (-row[2] * row[1], row[0]))
        out.append(replace(vocab, profile=tuple(profile), seeds=seeds[vocab.topic]))
    return out


def _affinity(vocab: Vocabulary, own: set[str]) -> float:
    """How much of what the topic's passages say the passage (one of them) says too: its words' specificity
    times the share of the topic's other passages using them."""
    if vocab.seeds < 2:
        return 0.0
    return sum(value * (n - 1) for term, value, n in vocab.profile if term in own) / (vocab.seeds - 1)


def in_passing(articles: list[Article], vocabularies: list[Vocabulary], terms: list[list[PassageTerms]],
               weak: set[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """(article, passage, topic) of every lone alias tag used in passing (see the module docstring); the
    `weak` tags (dropped already) do not count."""
    by_topic = {v.topic: v for v in vocabularies if v.profile}
    configured = {v.topic for v in vocabularies}
    out: set[tuple[int, int, str]] = set()
    for a, article in enumerate(articles):
        for p, passage in enumerate(article.passages):
            named = [t for t in _named(passage.topics, configured) if (a, p, t.topic) not in weak]
            if len(named) < 2 or not any(lone_alias(t) for t in named):
                continue
            # the aliases themselves say which topics the passage names, not what else it says
            own = set(terms[a][p].terms).difference(*(_keys(t) for t in named))
            affinity = {t.topic: _affinity(by_topic[t.topic], own) if t.topic in by_topic else 0.0 for t in named}
            for tag in named:
                if not lone_alias(tag):
                    continue
                other = max(value for topic, value in affinity.items() if topic != tag.topic)
                if other > 0 and affinity[tag.topic] < RATIO * other:
                    out.add((a, p, tag.topic))
    return out
