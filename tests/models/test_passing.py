"""One topic's alias used in passing in a passage on another topic tags nothing (models.pipeline.passing).

The articles are made up for these tests (a river that flooded a town called Harlow Vale). The aid topic's
passages share their words across the articles (volunteers, blankets, pledged, charity); so do the heritage
topic's (chapel, built, centuries). One aid passage names "the medieval market hall" where the volunteers
gathered: an alias of the heritage topic in a passage that says what the aid passages say."""

from __future__ import annotations

from models.config import Topic
from models.pipeline.passing import RATIO, lone_alias
from models.document import TopicTag
from tests.models.test_context_tags import analyse, passage

TEXTS = {
    "h1.txt": """River Lenn floods Harlow Vale

The River Lenn burst its banks in Harlow Vale on Sunday night and flooded the lower town.

Volunteers handed out blankets and hot meals, and a charity pledged money for families who lost their homes.

The old bridge chapel, built in the fourteenth century, has stood through six centuries of floods.

The medieval chapel was built by the wool merchants who made the town rich.

Firemen pumped water from cellars on Quay Street until dawn.

Schools stay closed until the end of the week.
""",
    "h2.txt": """Harlow Vale counts the cost

Water stood a metre deep in Harlow Vale on Monday after the Lenn flooded the lower town.

A charity pledged fresh donations as volunteers carried blankets and meals to families in the church hall.

Volunteers gathered in the medieval market hall, where a charity pledged blankets and meals for families.

The bridge chapel was built in the fourteenth century, and its stones have seen centuries of the river's moods.

Buses ran a shuttle from the station to the upper town.

Insurers sent assessors to the shops on Quay Street.
""",
    "h3.txt": """Waters fall in Harlow Vale

The Lenn fell back on Tuesday, leaving mud on every floor of the lower town in Harlow Vale.

Volunteers and a charity brought blankets and meals; donations pledged by neighbours filled the church hall.

Town archivists say the chapel on the bridge was built six centuries ago, in the medieval wool boom.

Engineers inspected the bridge piers for damage on Tuesday afternoon.

The football ground will be used as a car park while the streets are cleared.

Pumps were still running in cellars on Quay Street.
""",
}

AID = Topic("aid", "Help for families", "#e5c07b", ("donations", "volunteers"), description=None)
HERITAGE = Topic("heritage", "The town's history", "#61afef", ("medieval", "history"), description=None)


def test_an_alias_used_in_passing_in_another_topics_passage_tags_nothing(tmp_path, config):
    corpus = analyse(tmp_path, config, (AID, HERITAGE), TEXTS)
    hall = passage(corpus, "h2.txt", "medieval market hall")
    assert hall.tag("aid") is not None
    assert hall.tag("heritage") is None


def test_a_passage_on_the_topic_keeps_its_lone_alias(tmp_path, config):
    corpus = analyse(tmp_path, config, (AID, HERITAGE), TEXTS)
    for name, words in (("h1.txt", "The medieval chapel was built"), ("h3.txt", "Town archivists")):
        tag = passage(corpus, name, words).tag("heritage")
        assert tag is not None and tag.evidence == ("medieval",)


def test_an_alias_with_no_other_topic_beside_it_stays(tmp_path, config):
    # the same passage with the aid topic's alias taken out: the heritage alias is all the evidence there is
    texts = dict(TEXTS)
    texts["h2.txt"] = texts["h2.txt"].replace("Volunteers gathered in the medieval market hall",
                                              "Neighbours gathered in the medieval market hall")
    corpus = analyse(tmp_path, config, (AID, HERITAGE), texts)
    assert passage(corpus, "h2.txt", "medieval market hall").tag("heritage") is not None


def test_a_lone_alias_is_one_name_however_often_and_in_whatever_form():
    assert lone_alias(TopicTag("t", 0.8, False, ("restored", "restoration")))
    assert not lone_alias(TopicTag("t", 0.9, False, ("restored", "donations")))
    assert not lone_alias(TopicTag("t", 0.5, True, ("the fund",)))
    # a name or a model number names its topic wherever it stands
    assert not lone_alias(TopicTag("t", 0.7, False, ("S-400",)))
    assert not lone_alias(TopicTag("t", 0.7, False, ("Velden",)))
    assert 0 < RATIO < 1
