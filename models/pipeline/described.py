"""A topic's description as evidence for a passage nothing else tagged.

A user writes a topic's aliases in a hurry, and its `description` as one sentence saying what they mean
("what the blockage did to shipping and world trade, from the queue of stuck ships and held-up goods to
..."). The articles then say the same thing in their own words, which the aliases and the grown vocabulary
may both miss ("ships that had joined the queue ... passed through the vital trade artery"). So a passage
gets the topic whose description it meets best, unless it has that topic already (one on another topic may
discuss this one too, in the description's words), when it uses at least
`MIN_WORDS` distinct words of that description that are

- specific in this corpus (`CorpusStats.specificity` at least `MIN_SPECIFICITY`) and not the story's own
  (`CorpusStats.story_wide`): every passage of the story uses those;
- not proper names: who or where says less about the subject than what is said;
- in one description only: a word two topics' descriptions share ("failure") tells them apart from nothing.

Two topics met by as many words leave the passage as it was. The tag is explicit and weak (`SCORE`), with no
alias in its `evidence` and the description's words it met in `related`, so a person sees why. A topic
narrowed with `requires` is left to its requirement, as its grown vocabulary is. The words are worked out once
on the whole corpus and kept with the topic's vocabulary (`Vocabulary.described`), so an article relinked
alone (models/pipeline/relink.py) is read with the same words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from models.config import Topic
from models.document import TopicTag
from models.pipeline.stats import CorpusStats, PassageTerms, passage_terms
from models.pipeline.vocabulary import Vocabulary

MIN_WORDS = 2  # distinct description words a passage must use (one word is a coincidence, two a subject)
MIN_SPECIFICITY = 0.5  # as the grown vocabulary's floor (models.pipeline.vocabulary)
SCORE = 0.4  # below an alias tag's, at a weak reference's


def description_words(topics: tuple[Topic, ...], stats: CorpusStats) -> dict[str, tuple[str, ...]]:
    """Each described topic's telling words (lemmas, see the module docstring), most specific first."""
    words: dict[str, set[str]] = {}
    for topic in topics:
        if not topic.description or topic.requires:
            continue
        words[topic.id] = {
            t for t in passage_terms(topic.description).lemmas
            if not stats.story_wide(t) and stats.specificity(t) >= MIN_SPECIFICITY and not stats.is_name(t)
        }
    uses = Counter(t for found in words.values() for t in found)
    return {topic: tuple(sorted((t for t in found if uses[t] == 1), key=lambda t: (-stats.specificity(t), t)))
            for topic, found in words.items()}


def with_described(vocabularies: list[Vocabulary], topics: tuple[Topic, ...], stats: CorpusStats) -> list[Vocabulary]:
    """The vocabularies with their topics' description words (`description_words`) kept beside them."""
    words = description_words(topics, stats)
    return [replace(v, described=words[v.topic]) if words.get(v.topic) else v for v in vocabularies]


def described_tag(vocabularies: list[Vocabulary], passage: PassageTerms, stats: CorpusStats) -> TopicTag | None:
    """The topic whose description `passage` meets best (at least MIN_WORDS words, no tie), else None."""
    own = set(passage.lemmas)
    met = sorted(((sum(t in own for t in v.described), v.topic, v.described) for v in vocabularies if v.described),
                 reverse=True)
    if not met or met[0][0] < MIN_WORDS or (len(met) > 1 and met[1][0] == met[0][0]):
        return None
    _, topic, words = met[0]
    return TopicTag(topic, SCORE, False, (), related=tuple(stats.spelling(t) for t in words if t in own))
