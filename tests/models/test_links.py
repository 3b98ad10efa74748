"""Links: within a topic, across articles, best few per article, with a readable reason."""

from __future__ import annotations

from dataclasses import replace

from models.loader import build_corpus
from models.pipeline.article import analyze_source
from models.pipeline.ingest import source_from_bytes
from models.pipeline.topics import Tagger


def corpus_of(config, *texts, thresholds=None):
    cfg = replace(config, thresholds=thresholds) if thresholds else config
    tagger = Tagger(cfg.topics, cfg.thresholds)
    arts = [
        analyze_source(source_from_bytes(f"art{i}.txt", t.encode()), cfg, tagger, f"art{i}") for i, t in enumerate(texts)
    ]
    return build_corpus(arts, cfg, [])


A = (
    "Russia delivered the second batch of S-400 missiles to Ankara in August, Rostec chief Sergei Chemezov said.\n\n"
    "Turkey's economy slowed sharply in the third quarter, according to official figures released on Monday.\n\n"
    "Washington removed Turkey from the F-35 programme over the purchase.\n"
)
B = (
    "Chemezov told reporters the second batch of S-400 systems had reached Turkey ahead of schedule.\n\n"
    "Ankara insists the S-400 purchase is a sovereign matter and will not be reversed.\n\n"
    "The football season opened with a draw in Istanbul between two old rivals on Sunday night.\n"
)


def test_links_join_same_topic_passages_in_different_articles(config):
    corpus = corpus_of(config, A, B)
    s400 = [l for l in corpus.links if l.topic == "s400-delivery"]
    assert s400, "expected S-400 links"
    for link in corpus.links:
        assert link.source.split(":")[0] != link.target.split(":")[0]
        assert 0 <= link.score <= 1
        assert link.topic in corpus.passage(link.source).topic_ids
        assert link.topic in corpus.passage(link.target).topic_ids
    # the best match for the Chemezov passage is the other Chemezov passage, with the reason saying why
    best = corpus.links_of("art0:0")[0]
    assert best.other("art0:0") == "art1:0"
    assert "S-400 purchase" in best.reason and "Chemezov" in best.reason
    # passages about unrelated things are not linked
    assert not corpus.links_of("art0:1") and not corpus.links_of("art1:2")


def test_each_passage_keeps_only_its_best_per_article(config):
    corpus = corpus_of(config, A, B)
    from_a0 = [l for l in corpus.links if "art0:0" in (l.source, l.target) and l.topic == "s400-delivery"]
    # art1 has two S-400 passages, but art0:0 is linked to its best one; art1:1 may still link back
    # to art0:0 as ITS best, so at most two links and the best first
    assert 1 <= len(from_a0) <= 2
    assert corpus.links_of("art0:0")[0].other("art0:0") == "art1:0"


def test_link_threshold_comes_from_config(config):
    strict = replace(config.thresholds, link_min_score=0.99)
    assert corpus_of(config, A, B, thresholds=strict).links == ()


def test_no_links_within_one_article(config):
    assert corpus_of(config, A + "\n\nThe S-400 again, in the same article.\n").links == ()


def test_large_topic_uses_bounded_candidates(config):
    """More passages than the direct limit: the index path must still find the obvious partner."""
    from models.pipeline import links as links_module

    filler = "\n\n".join(f"Paragraph {i} says the S-400 matters for reason number {i} of many." for i in range(250))
    a = "Chemezov said the second batch of S-400 missiles reached Ankara.\n\n" + filler
    b = "Chemezov confirmed that the second batch of S-400 missiles reached Ankara.\n\n" + filler.replace("Paragraph", "Section")
    corpus = corpus_of(config, a, b)
    assert sum(len(art.passages) for art in corpus.articles) > links_module.DIRECT_LIMIT
    assert corpus.links_of("art0:0")[0].other("art0:0") == "art1:0"
    assert max(len(corpus.links_of(p.id)) for art in corpus.articles for p in art.passages) <= 2 * config.thresholds.links_max_per_passage
