"""Another story's topic, met only through its everyday words, is silent (models.pipeline.foreign).

The articles are made up for these tests: an army's attempt to seize power in a country called Varenia, in
three outlets. The topic of another coup (its names: a date, a movement's leader, an acronym, "putsch") is met
here only by "coup" beside "attempted" or "failed"."""

from __future__ import annotations

from models.config import Topic
from models.pipeline.foreign import is_name
from tests.models.test_context_tags import analyse, passage

TEXTS = {
    "v1.txt": """Soldiers seize the radio station in Varenia

Soldiers seized the state radio station in Varenia on Tuesday in an attempted coup against President Ilse Dorn.

Tanks blocked the bridges over the river Sava while officers read a statement on air.

Loyal troops retook the station by nightfall, the defence ministry said.
""",
    "v2.txt": """Varenia's government survives a failed coup

The government of Varenia survived a failed coup on Tuesday after loyal troops retook the state radio station.

President Ilse Dorn thanked the army and promised a trial for the officers who led the revolt.

Flights from the capital resumed on Wednesday morning.
""",
    "v3.txt": """Officers arrested after the coup attempt in Varenia

Police arrested eleven officers on Wednesday, a day after the coup attempt in Varenia failed.

The officers face charges of treason, prosecutors said.

Markets in the capital reopened with the currency a little weaker.
""",
}

OTHER_COUP = Topic("coup-2016", "2016 coup attempt", "#e06c75",
                   ("coup", "coup attempt", "putsch", "July 15", "15 July", "Gulen", "Gulenist", "FETO"),
                   requires=(("2016", "July 15", "15 July", "Gulen", "Gulenist", "FETO", "failed", "attempt",
                              "attempted", "abortive"),), window=1)
OWN_COUP = Topic("revolt", "The revolt", "#61afef", ("coup", "revolt", "seized"))


def test_another_storys_topic_met_only_by_its_everyday_words_is_silent(tmp_path, config):
    corpus = analyse(tmp_path, config, (OTHER_COUP,), TEXTS)
    assert not any(p.tag("coup-2016") for a in corpus.articles for p in a.passages)
    assert not [k for k in corpus.links if k.topic == "coup-2016"]


def test_one_of_its_names_in_the_corpus_makes_it_this_storys(tmp_path, config):
    texts = dict(TEXTS)
    texts["v3.txt"] = texts["v3.txt"].replace("a day after the coup attempt", "a day after the coup attempt of July 15")
    corpus = analyse(tmp_path, config, (OTHER_COUP,), texts)
    assert passage(corpus, "v1.txt", "attempted coup").tag("coup-2016") is not None


def test_a_topic_of_everyday_words_still_tags(tmp_path, config):
    corpus = analyse(tmp_path, config, (OWN_COUP,), TEXTS)
    assert passage(corpus, "v1.txt", "attempted coup").tag("revolt") is not None
    assert passage(corpus, "v2.txt", "survived a failed coup").tag("revolt") is not None


def test_a_name_is_a_rare_word_or_has_a_digit():
    assert is_name("Gulen") and is_name("July 15") and is_name("S-400")
    assert not is_name("coup attempt") and not is_name("sanctions")
