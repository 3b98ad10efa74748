"""The analysis of the seeds against the hand-made gold annotation, at the quality the project promises."""

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
