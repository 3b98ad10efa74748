"""References by context (models.pipeline.continuation): a passage that continues the one before it inherits
its topic as implicit. Made-up passages about a bridge that fell in a town called Velden."""

from __future__ import annotations

from dataclasses import replace

from models.config import Topic
from models.document import Article, Passage, TopicTag
from models.pipeline.continuation import MAX_RUN, inherit

CAUSE = Topic("cause", "Why it fell", "#e5c07b", ("corrosion",))
TRAFFIC = Topic("traffic", "Traffic", "#61afef", ("detour",))


def article(*paragraphs: tuple[str, tuple[str, ...]]) -> Article:
    passages = tuple(
        Passage(f"a:{i}", "a", i, text, 0, len(text), tuple(TopicTag(t, 0.8, False, (t,)) for t in topics))
        for i, (text, topics) in enumerate(paragraphs)
    )
    return Article("a", "a.txt", None, None, None, None, "", passages, (), "h")


def tags(a: Article) -> list[tuple[str, ...]]:
    return [tuple(t.topic + ("~" if t.implicit else "") for t in p.topics) for p in a.passages]


def test_a_sentence_that_points_back_inherits_the_topic():
    a = article(("Inspectors found heavy corrosion on the cables.", ("cause",)),
                ("“This should never have happened,” the mayor said.", ()))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    tag = out.passages[1].tag("cause")
    assert tag is not None and tag.implicit and tag.evidence == ("This",) and tag.inferred_from == 0


def test_a_paragraph_that_opens_with_a_pronoun_sets_its_own_subject():
    a = article(("Inspectors found heavy corrosion on the cables.", ("cause",)),
                ("This is a town of bridges. The mayor opened a new one in May.", ()))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ()]


def test_what_a_colon_announces_continues_the_passage():
    a = article(("The chief engineer named the corrosion in a statement. He wrote:", ("cause",)),
                ("“We saw rust on every bolt we checked, and we should have seen it sooner.”", ()),
                ("Schools reopened on Thursday.", ()))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ("cause~",), ()]
    assert out.passages[1].topics[0].evidence == ("statement. He wrote:",)


def test_a_quotation_left_open_runs_on_into_the_paragraphs_that_reopen_it():
    a = article(("The engineer said: “We saw corrosion on every bolt we checked.", ("cause",)),
                ("“Nobody listened to the inspectors for years.", ()),
                ("“We should have closed it sooner.”", ()),
                ("“Schools reopen on Thursday,” the mayor said.", ()))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ("cause~",), ("cause~",), ()]  # the third closed the quotation
    assert out.passages[1].topics[0].evidence == ("“Nobody listened to",) and out.passages[2].topics[0].inferred_from == 0


def test_a_quotation_runs_on_into_a_paragraph_that_names_another_topic():
    a = article(("The engineer said: “We saw corrosion on every bolt we checked.", ("cause",)),
                ("“Now the detour will stay until spring.”", ("traffic",)),
                ("It starts at the station.", ()))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ("traffic", "cause~"), ()]  # two topics now: "It" is ambiguous


def test_a_closed_quotation_is_not_continued_by_the_next_one():
    a = article(("“We saw corrosion on every bolt,” the engineer said.", ("cause",)),
                ("“The detour adds an hour,” a commuter said. “Every day.”", ()))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ()]


def test_two_topics_before_make_the_reference_ambiguous():
    a = article(("Corrosion closed the bridge and the detour is long.", ("cause", "traffic")),
                ("It will take years to fix.", ()))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause", "traffic"), ()]


def test_a_passage_with_a_topic_of_its_own_inherits_nothing():
    a = article(("Inspectors found heavy corrosion on the cables.", ("cause",)),
                ("It means a long detour for commuters.", ("traffic",)))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ("traffic",)]


def test_a_run_carries_the_topic_only_so_far():
    paragraphs: list[tuple[str, tuple[str, ...]]] = [("Inspectors found heavy corrosion on the cables.", ("cause",))]
    paragraphs += [("It was everywhere.", ())] * (MAX_RUN + 2)
    (out,) = inherit([article(*paragraphs)], (CAUSE,))
    found = [(p.index, p.tag("cause")) for p in out.passages]
    inherited = [(i, tag) for i, tag in found if tag is not None and tag.implicit]
    assert [i for i, _ in inherited] == list(range(1, MAX_RUN + 1))
    assert {tag.inferred_from for _, tag in inherited} == {0}


def test_a_topic_given_by_the_corpus_is_not_carried_on():
    # a tag with only `related` words (grown vocabulary, the topic's description) is weak already
    a = article(("Lorries queued for hours at the depot.", ()),
                ("It was a long day for everyone.", ()))
    weak = TopicTag("traffic", 0.4, False, (), related=("queued", "depot"))
    a = Article(a.id, a.path, None, None, None, None, "",
                (Passage("a:0", "a", 0, a.passages[0].text, 0, 1, (weak,)), a.passages[1]), (), "h")
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("traffic",), ()]


def test_a_speech_goes_on_with_its_topic_past_a_paragraph_that_names_another():
    a = article(("The engineer said: “We saw corrosion on every bolt we checked.", ("cause",)),
                ("“Now the detour will stay until spring.", ("traffic",)),
                ("“We should have closed it sooner.”", ()))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ("traffic", "cause~"), ("cause~",)]  # the speech's topic, not ambiguous
    assert out.passages[2].topics[0].inferred_from == 0


def test_a_quotation_opened_before_the_topic_is_named_has_it_too():
    a = article(("Schools reopened on Thursday.", ()),
                ("The engineer said: “We checked every bolt on the span.", ()),
                ("“The corrosion was everywhere.”", ("cause",)))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [(), ("cause~",), ("cause",)]
    tag = out.passages[1].topics[0]
    assert tag.evidence == ("“We checked every",) and tag.inferred_from == 2


def test_a_closed_quotation_does_not_take_the_topic_of_the_next_one():
    a = article(("“We checked every bolt,” the engineer said.", ()),
                ("“The corrosion was everywhere.”", ("cause",)))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [(), ("cause",)]


def test_the_speaker_going_on_under_a_description_continues_the_passage():
    a = article(("“The corrosion was on every bolt,” the chief engineer said.", ("cause",)),
                ("“Nobody read our reports,” the engineer added.", ()))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ("cause~",)]
    tag = out.passages[1].topics[0]
    assert tag.evidence == ("the engineer added",) and tag.inferred_from == 0


def test_a_pronoun_set_off_by_commas_continues_the_speaker_before():
    a = article(("“The corrosion was on every bolt,” Mayor Ilse Brandt said.", ("cause",)),
                ("The collapse, she said, shamed the whole town.", ()))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ("cause~",)]
    assert out.passages[1].topics[0].evidence == ("she said",)


def test_the_same_name_again_continues_the_speaker_and_a_new_one_does_not():
    said = ("“The corrosion was on every bolt,” Mayor Ilse Brandt said.", ("cause",))
    (same,) = inherit([article(said, ("“We were never told,” Brandt said.", ()))], (CAUSE, TRAFFIC))
    (other,) = inherit([article(said, ("“We were never told,” Piet Maas said.", ()))], (CAUSE, TRAFFIC))
    (someone,) = inherit([article(said, ("“We were never told,” a neighbour said.", ()))], (CAUSE, TRAFFIC))
    assert tags(same) == [("cause",), ("cause~",)]
    assert tags(other) == tags(someone) == [("cause",), ()]


def test_a_description_opening_a_sentence_that_quotes_no_one_is_no_speaker_turn():
    a = article(("“The corrosion was on every bolt,” the chief engineer said.", ("cause",)),
                ("The town council met on Monday, the clerk said, and talked about schools.", ()))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ()]  # "the clerk" is no pronoun: someone new


def test_a_person_pointed_back_to_carries_the_topic_into_a_passage_naming_another():
    a = article(("Residents blamed corrosion that inspectors had reported for years.", ("cause",)),
                ("They say the detour now costs them an hour a day.", ("traffic",)))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ("traffic", "cause~")]
    assert out.passages[1].topics[1].evidence == ("They",)


def test_a_demonstrative_with_its_noun_points_back_and_a_bare_one_does_not():
    before = ("Inspectors found heavy corrosion on the cables.", ("cause",))
    (noun,) = inherit([article(before, ("Such failures will mean long detours for years.", ("traffic",)))], (CAUSE, TRAFFIC))
    (bare,) = inherit([article(before, ("This is why the detour will stay.", ("traffic",)))], (CAUSE, TRAFFIC))
    assert tags(noun) == [("cause",), ("traffic", "cause~")]
    assert noun.passages[1].topics[1].evidence == ("Such failures",)
    assert tags(bare) == [("cause",), ("traffic",)]


def test_a_quoted_phrase_opening_a_paragraph_is_no_speaker_going_on():
    said = ("“The corrosion was on every bolt,” the chief engineer said.", ("cause",))
    (phrase,) = inherit([article(said, ("“Rust belt” is what the town calls its east bank now.", ()))], (CAUSE, TRAFFIC))
    (whole,) = inherit([article(said, ("“Nobody read our reports.”", ()))], (CAUSE, TRAFFIC))
    assert tags(phrase) == [("cause",), ()]
    assert tags(whole) == [("cause",), ("cause~",)]


def test_a_passage_whose_opening_words_name_its_own_topic_does_not_take_the_one_before():
    a = article(("Residents blamed corrosion that inspectors had reported for years.", ("cause",)),
                ("Their detour now costs them an hour a day.", ()))
    own = TopicTag("traffic", 0.4, True, ("Their detour",))
    a = replace(a, passages=(a.passages[0], replace(a.passages[1], topics=(own,))))
    (out,) = inherit([a], (CAUSE, TRAFFIC))
    assert tags(out) == [("cause",), ("traffic~",)]
