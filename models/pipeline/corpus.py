"""The corpus stage: what needs every article at once, after each has been analysed on its own.

The per-article stage (models/pipeline/article.py, cacheable, run in worker processes) tags passages with
the configured topics they name. This stage then reads the corpus as a whole:

1. statistics: every passage's terms (lemmas and phrases), their document frequencies over passages and
   articles, and how common each is in English (models/pipeline/stats.py);
2. discovered topics: the sub-topics that recur across articles, tagged and named (discover.py);
3. links: passages in different articles on the same topic, configured or discovered, and passages that
   make the same point whatever their topics (links by content, topic None) (links.py).

`analyze_corpus` is what the loader calls at the end of a run; its result is cached as a whole, with what
it learned (`CorpusAnalysis.model`), so that a corpus a few articles away is relinked alone
(models/pipeline/relink.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from models.config import Config, Topic
from models.document import Article, Link, TopicInfo, TopicTag
from models.pipeline import context
from models.pipeline.discover import Assignment, DiscoveredTopic, discover
from models.link_table import LinkEnds
from models.pipeline.model import CorpusModel, build_model
from models.pipeline.stats import CorpusStats, PassageTerms, passage_terms
from models.pipeline.vocabulary import Vocabulary

# Colours of discovered topics (the reader shows them hollow and dim, as suggestions).
DISCOVERED_COLOURS = ("#8fbcbb", "#d08770", "#b48ead", "#a3be8c", "#ebcb8b", "#88c0d0", "#bf616a", "#5e81ac", "#f5a9b8", "#e5e9a0")


@dataclass(frozen=True)
class CorpusAnalysis:
    """What the corpus stage adds: articles with every tag, the topics (configured, then discovered), links."""

    articles: tuple[Article, ...]
    topics: tuple[TopicInfo, ...]
    links: Sequence[Link]  # a tuple, or (a relink's) a LinkTable over `ends`
    model: CorpusModel | None = None  # what it learned from the whole corpus (models/pipeline/relink.py)
    ends: LinkEnds | None = None  # `links` as columns, when the stage has them so (a relink): stored as they are


def configured_infos(config: Config) -> tuple[TopicInfo, ...]:
    return tuple(TopicInfo(t.id, t.label, t.colour, t.description) for t in config.topics)


def discovered_info(topic: DiscoveredTopic, n: int) -> TopicInfo:
    return TopicInfo(topic.id, topic.label, DISCOVERED_COLOURS[n % len(DISCOVERED_COLOURS)], None, True)


def as_config_topic(topic: DiscoveredTopic, colour: str) -> Topic:
    """A discovered topic in the shape linking reads (its names are its aliases)."""
    return Topic(topic.id, topic.label, colour, topic.names)


def corpus_terms(articles: list[Article]) -> tuple[list[list[PassageTerms]], CorpusStats]:
    """Every passage's terms, and their statistics over the corpus (stage 1 of the module docstring)."""
    terms = [[passage_terms(p.text) for p in a.passages] for a in articles]
    return terms, CorpusStats.build(terms)


def analyze_corpus(articles: list[Article], config: Config, *, workers: int = -1) -> CorpusAnalysis:
    """Discover the corpus's topics, tag them, and link the passages (see the module docstring)."""
    from models.pipeline.carry import lend
    from models.pipeline.content_links import content_links
    from models.pipeline.links import link_corpus

    from models.pipeline.links import LinkSpace

    terms, stats = corpus_terms(articles)
    articles, vocabularies = in_context(articles, config.topics, terms, stats)
    covered = [[p.topic_ids for p in a.passages] for a in articles]
    found, assigned = discover(terms, stats, {t.id for t in config.topics}, covered)
    found, assigned = without_dismissed(found, assigned, config.dismissed)
    infos = configured_infos(config) + tuple(discovered_info(t, n) for n, t in enumerate(found))
    if found:
        tagged = []
        for article, per_passage in zip(articles, assigned):
            passages = tuple(
                replace(p, topics=p.topics + tuple(TopicTag(a.topic, a.score, False, a.terms) for a in extra))
                if extra else p
                for p, extra in zip(article.passages, per_passage)
            )
            tagged.append(replace(article, passages=passages))
        articles = tagged
    suggested = tuple(as_config_topic(t, i.colour) for t, i in zip(found, infos[len(config.topics):]))
    space = LinkSpace.build(articles, terms, stats)
    links = link_corpus(articles, terms, stats, config.topics, suggested, config.thresholds, workers=workers,
                        space=space)
    links += content_links(space, config.thresholds, {(k.source, k.target) for k in links}, workers=workers,
                           configured=frozenset(t.id for t in config.topics))
    links = lend(links, space, suggested, frozenset(t.id for t in config.topics), config.thresholds.link_min_score)
    model = build_model(articles, space, vocabularies, found, stats)
    return CorpusAnalysis(tuple(articles), infos, tuple(links), model)


def without_dismissed(
    found: list[DiscoveredTopic], assigned: list[list[list[Assignment]]], dismissed: frozenset[str]
) -> tuple[list[DiscoveredTopic], list[list[list[Assignment]]]]:
    """The discovered topics less those the user deleted from a suggested topics file (Config.dismissed), and
    the passages' assignments less theirs: a suggestion the user threw away does not come back."""
    if not dismissed or not any(t.id in dismissed for t in found):
        return found, assigned
    kept = [t for t in found if t.id not in dismissed]
    return kept, [[[a for a in per if a.topic not in dismissed] for per in article] for article in assigned]


def in_context(
    articles: list[Article], topics: tuple[Topic, ...], terms: list[list[PassageTerms]], stats: CorpusStats
) -> tuple[list[Article], list[Vocabulary]]:
    """The configured topics' vocabulary grown from the corpus, and the articles tagged in context (the tags
    engineer's context.py)."""
    return context.in_context(articles, topics, terms, stats)
