"""The analysis against hand-made gold annotations, at the quality the project promises: the seeds, and a
second set of eight articles written in other outlets' styles (wire, state media, trade press, Markdown
commentary, Substack, DW, an e-mail newsletter) that keeps the rules honest beyond the seeds."""

from __future__ import annotations

import yaml

from models.serialize import corpus_to_dict
from tests.conftest import DATA
from tests.support.gold import score


def test_seeds_reach_the_promised_quality(seeds_corpus):
    gold = yaml.safe_load((DATA / "seeds_gold.yaml").read_text(encoding="utf-8"))
    result = score(gold, corpus_to_dict(seeds_corpus))
    assert result.gold_found == result.gold_total == 78
    assert result.boilerplate_leaks == []
    assert result.joins_missed == []
    assert result.dupes == []
    assert result.metadata_wrong == [] and result.metadata_ok == 13
    assert result.mission_f1 >= 0.90, result.topic_f1
    assert result.link_recall >= 0.90
    assert result.link_precision >= 0.90


def test_scorer_notices_a_broken_analysis(seeds_corpus):
    """The gold test must be able to fail: drop the links and every tag, and the figures collapse."""
    gold = yaml.safe_load((DATA / "seeds_gold.yaml").read_text(encoding="utf-8"))
    data = corpus_to_dict(seeds_corpus)
    data["links"] = []
    for article in data["articles"]:
        for passage in article["passages"]:
            passage["topics"] = []
    result = score(gold, data)
    assert result.link_recall == 0.0
    assert result.mission_f1 == 0.0


def test_other_outlets_reach_the_same_quality(config):
    from models.loader import analyze

    gold = yaml.safe_load((DATA / "heldout_gold.yaml").read_text(encoding="utf-8"))
    corpus = analyze([DATA / "heldout"], config, cache=False)
    result = score(gold, corpus_to_dict(corpus))
    assert result.gold_found == result.gold_total
    assert result.boilerplate_leaks == []
    assert result.joins_missed == [] and result.dupes == []
    assert result.metadata_wrong == []
    assert result.mission_f1 >= 0.90, result.topic_f1
    assert result.link_recall >= 0.90
    assert result.link_precision >= 0.90
