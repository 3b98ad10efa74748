"""Framing: distinctive words per article and topic (weighted log-odds with an informative Dirichlet prior)."""

from __future__ import annotations

import math

import pytest

from models.config import Topic
from models.document import Article, Corpus, Passage, TopicInfo, TopicTag
from models.insight.perspectives import (ArticleFraming, FramingOptions, PerspectiveIndex, TopicFraming, all_framings,
                                         framing, log_odds_z, passage_terms)
from models.text import STOPWORDS, stem, tokens

EVERYTHING: FramingOptions = {"min_tokens": 1, "min_count": 1, "min_z": -100.0, "top": 50}


def framing_in(result: TopicFraming, article_id: str) -> ArticleFraming:
    """The framing of one article, which the test expects to be there."""
    found = result.article(article_id)
    assert found is not None, f"no framing for {article_id}"
    return found


def _article(article_id: str, paragraphs: list[tuple[str, tuple[str, ...]]]) -> Article:
    """An article whose passages are `(text, topic ids)`."""
    passages = []
    offset = 0
    for i, (text, topics) in enumerate(paragraphs):
        tags = tuple(TopicTag(t, 1.0, False, ()) for t in topics)
        passages.append(Passage(f"{article_id}:{i}", article_id, i, text, offset, offset + len(text), tags))
        offset += len(text) + 2
    text = "\n\n".join(p for p, _ in paragraphs)
    return Article(article_id, f"{article_id}.txt", article_id, None, None, None, text, tuple(passages), (), article_id)


def _corpus(*articles: Article, topics: tuple[str, ...] = ("t",)) -> Corpus:
    return Corpus(tuple(articles), tuple(TopicInfo(t, t, "#ffffff") for t in topics), ())


# -- the log-odds computation, against numbers worked out by hand ----------------------------------------------


def test_log_odds_z_matches_monroe_formula_worked_by_hand():
    # y_i = 2 of n_i = 3 words, y_j = 0 of n_j = 2, prior a_w = 1 of a0 = 4:
    # delta = ln((2+1)/(3+4-2-1)) - ln((0+1)/(2+4-0-1)) = ln(3/4) - ln(1/5) = ln(15/4)
    # var = 1/(2+1) + 1/(0+1) = 4/3
    expected = math.log(15 / 4) / math.sqrt(4 / 3)
    assert log_odds_z(2, 3, 0, 2, 1.0, 4.0) == pytest.approx(expected)
    assert expected == pytest.approx(1.1447, abs=1e-4)


def test_framing_of_a_two_article_toy_corpus_matches_the_hand_computation():
    # Full stops keep every word its own term (no two-word phrases). Topic "t": A says "apple apple banana",
    # B says "banana cherry"; B also has a passage off the topic, "cherry cherry cherry", which only counts
    # in the prior (the whole corpus): apple 2, banana 2, cherry 4 of 8 words.
    a = _article("a", [("Apple. Apple. Banana.", ("t",))])
    b = _article("b", [("Banana. Cherry.", ("t",)), ("Cherry. Cherry. Cherry.", ())])
    with_prior: FramingOptions = {**EVERYTHING, "prior": 4.0}
    result = framing(_corpus(a, b), "t", **with_prior)
    assert result.prior == 4.0  # alpha0; each alpha_w = 4 * count / 8 = count / 2
    terms_a = {t.key: t for t in framing_in(result, "a").terms}
    terms_b = {t.key: t for t in framing_in(result, "b").terms}

    # apple in A: y_i=2, n_i=3, y_j=0, n_j=2, a_w=1 -> ln((3/4)/(1/5)) / sqrt(1/3 + 1/1)
    assert terms_a["apple"].z == pytest.approx(math.log((3 / 4) / (1 / 5)) / math.sqrt(1 / 3 + 1), abs=1e-9)
    # banana in A: y_i=1, y_j=1, a_w=1 -> ln((2/5)/(2/4)) / sqrt(1/2 + 1/2)
    assert terms_a["banana"].z == pytest.approx(math.log((2 / 5) / (2 / 4)) / math.sqrt(1.0), abs=1e-9)
    # cherry in B (topic passage only): y_i=1, n_i=2, y_j=0, n_j=3, a_w=2 -> ln((3/3)/(2/5)) / sqrt(1/3 + 1/2)
    assert terms_b["cherry"].z == pytest.approx(math.log((3 / 3) / (2 / 5)) / math.sqrt(1 / 3 + 1 / 2), abs=1e-9)

    assert (terms_a["apple"].count, terms_a["apple"].others) == (2, 0)
    assert (terms_a["banana"].count, terms_a["banana"].others) == (1, 1)
    assert [t.key for t in framing_in(result, "a").terms] == ["apple", "banana"]  # best first
    assert terms_b["cherry"].passage_ids == ("b:0",)  # only where it is said on the topic
    assert framing_in(result, "a").token_count == 3 and framing_in(result, "a").others_token_count == 2


def test_a_prior_larger_than_the_corpus_is_capped_at_the_corpus_size():
    a = _article("a", [("Apple. Apple. Banana.", ("t",))])
    b = _article("b", [("Banana. Cherry.", ("t",))])
    flat: FramingOptions = {**EVERYTHING, "prior": 1000.0}
    assert framing(_corpus(a, b), "t", **flat).prior == 5.0  # 3 + 2 words, no phrases


# -- what counts as a term ------------------------------------------------------------------------------------


def test_terms_are_content_words_and_two_word_phrases_never_across_punctuation():
    keys = [key for key, _ in passage_terms("The second batch of S-400s arrives, Turkish officials said.")[0]]
    assert "second batch" in keys and "batch" in keys
    assert "batch s400" not in keys  # "of" stands between them
    assert "arrive turkish" not in keys  # a comma stands between them
    assert not any(word in STOPWORDS for key in keys for word in key.split())


def test_a_hyphenated_compound_is_a_phrase_and_no_phrase_starts_inside_one():
    keys = [key for key, _ in passage_terms("Syrian-based Kurdish fighters")[0]]
    assert "syrian based" in keys and "kurdish fighter" in keys
    assert "based kurdish" not in keys


def test_spelling_shown_is_the_one_most_passages_use_without_possessive():
    a = _article("a", [("Turkey's. Drones.", ("t",)), ("These drones are drones.", ("t",)), ("More drones.", ("t",)),
                       ("Turkey's drones.", ("t",))])
    b = _article("b", [("Cherry. Cherry.", ("t",))])
    terms = {t.key: t for t in framing_in(framing(_corpus(a, b), "t", **EVERYTHING), "a").terms}
    assert terms["drone"].text == "drones"
    assert terms["turkey"].text == "Turkey"


def test_topic_aliases_and_stop_words_are_left_out(seeds_corpus, config):
    topic = config.topic("s400-delivery")
    alias_words = {stem(t.norm) for alias in ("S-400", "Triumf") for t in tokens(alias)}
    result = framing(seeds_corpus, "s400-delivery", config.topics, min_z=-100.0, top=1000)
    keys = [t.key for a in result.articles for t in a.terms] + [t.key for t in result.shared]
    assert keys, "the seeds have plenty of text on the S-400"
    for key in keys:
        words = key.split()
        assert not alias_words & set(words), key
        assert not any(w in STOPWORDS and w != "us" for w in words), key
        assert key not in ("missile system", "air defense", "air defence", "defence system", "defense system")
    assert topic is not None


def test_without_the_configured_topics_the_aliases_are_ordinary_words(seeds_corpus):
    result = framing(seeds_corpus, "s400-delivery", min_z=-100.0, top=1000)
    assert any(t.key == "s400" for a in result.articles for t in a.terms) or any(t.key == "s400" for t in result.shared)


# -- the framing of the seeds ------------------------------------------------------------------------------------


def test_seed_terms_are_ranked_by_z_and_found_where_they_are_said(seeds_corpus, config):
    result = framing(seeds_corpus, "s400-delivery", config.topics)
    with_terms = [a for a in result.articles if a.terms]
    assert len(with_terms) >= 3
    for article in result.articles:
        zs = [t.z for t in article.terms]
        assert zs == sorted(zs, reverse=True)
        assert all(z >= 1.0 and t.count >= 2 for z, t in zip(zs, article.terms))
        for term in article.terms:
            assert term.passage_ids and set(term.passage_ids) <= set(article.passage_ids)
            for pid in term.passage_ids:
                assert seeds_corpus.passage(pid).tag("s400-delivery") is not None
                keys = {k for k, _ in passage_terms(seeds_corpus.passage(pid).text)[0]}
                words = term.key.split(" ")  # a long name joined from two-word phrases: each pair is a key
                assert all(" ".join(pair) in keys for pair in zip(words, words[1:])) if len(words) > 2 else term.key in keys
    by_id = {a.article_id: a for a in result.articles}
    korybko = by_id["000_ce6e02858118bb64"]
    assert "drones" not in [t.text for t in korybko.terms]


def test_common_ground_holds_terms_every_article_uses_on_the_topic(seeds_corpus, config):
    result = framing(seeds_corpus, "s400-delivery", config.topics)
    assert len(result.shared_among) >= 3
    shared = [t.key for t in result.shared]
    assert "purchase" in shared
    for term in result.shared:
        for article_id in result.shared_among:
            framing_of = framing_in(result, article_id)
            said = {k for pid in framing_of.passage_ids for k, _ in passage_terms(seeds_corpus.passage(pid).text)[0]}
            assert term.key in said, (term.key, article_id)


def test_common_ground_leaves_out_words_only_some_articles_use():
    a = _article("a", [("The deal. The deal. Apple orchards. Apple orchards.", ("t",)),
                       ("Weather. Weather. Rain. Rain. Sunshine.", ())])
    b = _article("b", [("The deal. Cherry trees.", ("t",))])
    result = framing(_corpus(a, b), "t", **EVERYTHING)
    assert [t.key for t in result.shared] == ["deal"]
    assert result.shared[0].count == 3 and result.shared[0].passage_ids == ("a:0", "b:0")
    assert result.shared[0].z > 0


def test_common_ground_is_only_terms_typical_of_the_topic():
    # Every article uses "turkey" on the topic, but the rest of the corpus uses it far more: it is shared, not
    # typical of the topic, so it is no common ground (it would show with a z-score below zero).
    a = _article("a", [("Pipeline. Pipeline. Turkey. Gas.", ("t",)),
                       ("Turkey. Turkey. Turkey. Turkey. Turkey. Turkey. Tourism. Tourism.", ())])
    b = _article("b", [("Pipeline. Turkey. Gas.", ("t",)), ("Turkey. Turkey. Turkey. Turkey. Football.", ())])
    result = framing(_corpus(a, b), "t", **EVERYTHING)
    assert [t.key for t in result.shared] == ["pipeline", "gas"]
    assert all(t.z > 0 for t in result.shared)
    assert result.shared_untypical == 1  # turkey
    everywhere = "Turkey. Gas. " * 6
    only_untypical = framing(_corpus(
        _article("a", [("Turkey. Gas. Rain. Rain. Rain. Wind. Wind.", ("t",)), (everywhere, ())]),
        _article("b", [("Turkey. Gas. Sun. Sun. Sun. Snow. Snow.", ("t",)), (everywhere, ())]),
    ), "t", **EVERYTHING)
    assert only_untypical.shared == () and only_untypical.shared_untypical == 2


def test_seed_common_ground_has_no_negative_or_zero_scores(seeds_corpus, config):
    for topic in seeds_corpus.topics:
        result = framing(seeds_corpus, topic.id, config.topics)
        assert all(t.z >= 0.05 for t in result.shared), (topic.id, [(t.text, t.z) for t in result.shared])
    s400 = framing(seeds_corpus, "s400-delivery", config.topics)
    assert "nato" not in [t.key for t in s400.shared]  # said everywhere in the seeds, not typical of the S-400
    assert s400.shared_untypical >= 1


# -- general-purpose words -------------------------------------------------------------------------------------


FILLER = ("lead", "take", "use", "end", "nothing", "close", "regarding", "part", "short", "already")


def test_general_purpose_words_are_never_framing_terms_but_content_words_and_names_are():
    filler = ("We take part already. They lead and use it. In the end nothing is close. Regarding that, in short, "
              "also however several ways. Every year, at that time, on Wednesday.")
    a = _article("a", [(filler + " Sanctions. Sanctions. Erdogan. Erdogan. The deal. The deal. He takes office. "
                        "She takes office.", ("t",))])
    b = _article("b", [("Pipeline. Pipeline. Tourism. Tourism.", ("t",))])
    keys = [t.key for t in framing_in(framing(_corpus(a, b), "t", **EVERYTHING), "a").terms]
    assert "sanction" in keys and "erdogan" in keys and "deal" in keys
    assert "take office" in keys  # a phrase with one content word is a term
    for word in (*FILLER, "also", "however", "several", "way", "time", "year", "wednesday", "take part"):
        assert stem(word) not in keys, word


def test_the_general_purpose_list_leaves_domain_words_alone():
    from models.insight.function_words import FRAMING_STOPWORDS, WORDS, is_function_key, is_function_word

    assert 300 <= len(WORDS) <= 2000
    for word in (*FILLER, "also", "however", "several", "way", "time", "years", "took", "Wednesday", "regarding"):
        assert is_function_word(word), word
    for word in ("sanctions", "drones", "purchase", "deal", "alliance", "security", "military", "missile", "talks",
                 "concerns", "threat", "war", "diplomacy", "Erdogan", "NATO", "Turkey", "batch", "system", "coup"):
        assert not is_function_word(word), word
    assert is_function_key("take part") and not is_function_key("second batch") and not is_function_key("take office")
    assert is_function_word("the") and not is_function_word("US") and "us" not in FRAMING_STOPWORDS  # US is a name


def test_seed_framing_surfaces_content_words_not_filler(seeds_corpus, config):
    from models.insight.function_words import is_function_key

    for topic_id in ("s400-delivery", "drones-ukraine"):
        result = framing(seeds_corpus, topic_id, config.topics)
        for article in result.articles:
            texts = [t.text.lower() for t in article.terms]
            assert not set(texts) & set(FILLER), (topic_id, article.article_id, texts)
            assert not any(is_function_key(t.key) for t in article.terms), texts
    by_id = {a.article_id: [t.text for t in a.terms] for a in framing(seeds_corpus, "s400-delivery",
                                                                      config.topics).articles}
    assert "Turan" in by_id["001_5d9b8a6939599cab"]  # the expert this article lets speak
    assert "security" in by_id["002_ff4d2832215704ef"]
    assert not {"NATO", "Turkey", "Russia"} & {t for terms in by_id.values() for t in terms}  # every seed says them
    assert "Russian Federation" in by_id["004_c17863d213641cf5"]
    drones = framing_in(framing(seeds_corpus, "drones-ukraine", config.topics), "003_a5575fbe19cd88ca")
    assert [t.text for t in drones.terms][:2] == ["diplomacy", "war"]


# -- small corpora --------------------------------------------------------------------------------------------


def test_an_article_with_too_little_text_on_the_topic_says_so():
    long = " ".join(f"word{n}x" for n in range(60))
    a = _article("a", [(long, ("t",))])
    b = _article("b", [("Only a few words here.", ("t",))])
    result = framing(_corpus(a, b), "t")
    short = framing_in(result, "b")
    assert short.enough_text is False and short.terms == () and short.token_count == 1  # "words"
    assert framing_in(result, "a").enough_text is True
    assert result.shared == () and result.shared_among == ()  # common ground needs two articles with text


def test_articles_without_the_topic_are_not_listed():
    a = _article("a", [("Apple. Apple.", ("t",))])
    b = _article("b", [("Banana. Banana.", ("u",))])
    result = framing(_corpus(a, b, topics=("t", "u")), "t", **EVERYTHING)
    assert [x.article_id for x in result.articles] == ["a"]
    assert result.article("b") is None


def test_a_word_used_once_is_never_distinctive_and_repetition_ranks_higher():
    filler = "Common words everywhere. " * 15
    a = _article("a", [(filler + "Sanctions. Sanctions. Sanctions. Sanctions. Sanctions. Embargo. Embargo. Tariff.", ("t",))])
    b = _article("b", [(filler + "Talks. Meeting.", ("t",))])
    c = _article("c", [(filler + "Summit. Agenda.", ("t",))])
    result = framing(_corpus(a, b, c), "t", min_z=0.0)
    keys = [t.key for t in framing_in(result, "a").terms]
    assert "tariff" not in keys  # said once
    assert keys.index("sanction") < keys.index("embargo")


def test_the_ranking_is_the_same_when_rebuilt_or_when_articles_come_in_another_order(seeds_corpus, config):
    first = PerspectiveIndex(seeds_corpus, config.topics).framing("s400-delivery")
    again = PerspectiveIndex(seeds_corpus, config.topics).framing("s400-delivery")
    assert first == again
    reordered = Corpus(tuple(reversed(seeds_corpus.articles)), seeds_corpus.topics, seeds_corpus.links)
    other = PerspectiveIndex(reordered, config.topics).framing("s400-delivery")
    assert {a.article_id: a.terms for a in other.articles} == {a.article_id: a.terms for a in first.articles}
    assert [t.key for t in other.shared] == [t.key for t in first.shared]


def test_ties_are_broken_by_the_term_itself():
    a = _article("a", [("Zebra. Zebra. Apple. Apple. Mango. Mango.", ("t",))])
    b = _article("b", [("Cherry. Cherry.", ("t",))])
    keys = [t.key for t in framing_in(framing(_corpus(a, b), "t", **EVERYTHING), "a").terms]
    assert keys == ["apple", "mango", "zebra"]


def test_all_framings_covers_every_topic_and_the_index_is_kept_per_corpus(seeds_corpus, config):
    result = all_framings(seeds_corpus, config.topics)
    assert set(result) == {t.id for t in seeds_corpus.topics}
    assert PerspectiveIndex.of(seeds_corpus, config.topics) is PerspectiveIndex.of(seeds_corpus, config.topics)


def test_a_sampled_prior_on_a_large_corpus_keeps_the_ranking_close_to_the_exact_one(seeds_corpus, config):
    exact = PerspectiveIndex(seeds_corpus, config.topics).framing("s400-delivery")
    sampled = PerspectiveIndex(seeds_corpus, config.topics, sample_chars=20_000).framing("s400-delivery")
    for a, b in zip(exact.articles, sampled.articles):
        top_exact = {t.key for t in a.terms[:5]}
        top_sampled = {t.key for t in b.terms[:5]}
        assert len(top_exact & top_sampled) >= 2 or not top_exact


def test_topic_with_config_objects_or_plain_aliases():
    topic = Topic("t", "T", "#ffffff", ("Apple",))
    a = _article("a", [("Apple. Apple. Banana. Banana.", ("t",))])
    b = _article("b", [("Cherry. Cherry.", ("t",))])
    keys = [t.key for t in framing_in(framing(_corpus(a, b), "t", (topic,), **EVERYTHING), "a").terms]
    assert "apple" not in keys and "banana" in keys


# -- short articles and the story's own words -------------------------------------------------------------------


def test_a_term_every_article_uses_is_never_distinctive_but_may_be_common_ground():
    # "harbour" is in every article; article a repeats it on the topic far more than the others do.
    filler = "Ships waited outside while pilots argued. "
    a = _article("a", [("Harbour harbour harbour harbour harbour harbour. Storm storm storm. " + filler * 8, ("t",))])
    b = _article("b", [("The harbour reopened. Cranes cranes cranes lifted. " + filler * 8, ("t",))])
    c = _article("c", [("A harbour pilot spoke. Tugboats tugboats tugboats pulled. " + filler * 8, ("t",))])
    result = framing(_corpus(a, b, c), "t", min_tokens=10)
    for article in result.articles:
        assert "harbour" not in {t.key for t in article.terms}, article
    assert {t.key for t in framing_in(result, "a").terms} >= {"storm"}
    # with two articles nothing is the story's own
    two = framing(_corpus(a, b), "t", min_tokens=10)
    assert "harbour" in {t.key for t in framing_in(two, "a").terms}


def test_an_article_short_on_the_topic_is_compared_whole_with_a_note():
    long_a = "Levy levy levy on freight. Shipping rates rose sharply across ports. " * 4
    long_b = "Drought drought drought hit farms. Farmers sold cattle early this season. " * 4
    a = _article("a", [("Rates rose.", ("t",)), (long_a, ())])
    b = _article("b", [("Farm prices fell.", ("t",)), (long_b, ())])
    result = framing(_corpus(a, b), "t")
    short = framing_in(result, "a")
    assert short.enough_text is False and short.whole_article is True
    assert short.token_count == 2 and short.article_token_count > 40
    assert "levy" in {t.key for t in short.terms}
    assert "drought" not in {t.key for t in short.terms}
    # the terms' passages are the article's, wherever in it they occur
    levy = next(t for t in short.terms if t.key == "levy")
    assert levy.passage_ids == ("a:1",)


def test_an_article_with_enough_text_and_no_term_standing_out_is_compared_whole():
    same = "Officials met in the capital to discuss the plan and its budget. " * 8
    a = _article("a", [(same, ("t",)), ("Tariff tariff tariff on steel. Steel mills closed. " * 3, ())])
    b = _article("b", [(same, ("t",)), ("Drought drought hit farms. Farmers sold cattle. " * 3, ())])
    result = framing(_corpus(a, b), "t")
    article = framing_in(result, "a")
    assert article.enough_text is True and article.whole_article is True
    assert "tariff" in {t.key for t in article.terms}


def test_overlapping_phrases_of_one_long_name_are_shown_as_the_name():
    # "Mount Pelmor Ridge Tunnel" is always written whole: its pairs "Mount Pelmor", "Pelmor Ridge", "Ridge Tunnel"
    # would crowd the list as three pieces; "Harbour Gate" is also used alone, so "Gate Ferry" does not swallow it.
    name = "The Mount Pelmor Ridge Tunnel flooded again, and the Mount Pelmor Ridge Tunnel crews waited."
    ferry = "Harbour Gate was closed. Harbour Gate staff left. The Harbour Gate Ferry ran late."
    a = _article("a", [(name, ("t",)), (ferry, ("t",)), (name, ("t",))])
    b = _article("b", [("Trains ran on time at the depot and the station kept its usual hours.", ("t",))])
    terms = framing_in(framing(_corpus(a, b), "t", **EVERYTHING), "a").terms
    texts = [t.text for t in terms]
    assert "Mount Pelmor Ridge Tunnel" in texts
    assert not {"Mount Pelmor", "Pelmor Ridge", "Ridge Tunnel"} & set(texts)
    joined = next(t for t in terms if t.text == "Mount Pelmor Ridge Tunnel")
    assert joined.count == 4 and joined.passage_ids == ("a:0", "a:2")
    assert "Harbour Gate" in texts and "Harbour Gate Ferry" not in texts


def test_a_word_of_a_listed_name_is_not_listed_beside_it():
    # "Varga" beside "Ilona Varga" is the same person twice; the lower-case "ferry" beside "Harbour Gate Ferry"
    # style phrases stays because only capitalised words are parts of names.
    said = "Ilona Varga spoke first. Varga said the ferry would wait, and Varga said the ferry crews agreed."
    again = "Ilona Varga repeated it: the ferry waits. Varga signed the ferry order."
    a = _article("a", [(said, ("t",)), (again, ("t",))])
    b = _article("b", [("Trains ran on time at the depot and the station kept its usual hours.", ("t",))])
    texts = [t.text for t in framing_in(framing(_corpus(a, b), "t", **EVERYTHING), "a").terms]
    assert "Ilona Varga" in texts and "Varga" not in texts and "ferry" in texts
