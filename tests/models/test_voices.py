"""Voices: who each article quotes or cites, with role, passage and topic, and the same speaker across articles."""

from __future__ import annotations

from models.document import Article, Corpus, TopicInfo
from models.insight.voices import ORGANISATION, PERSON, UNNAMED, Voice, VoiceIndex, article_voices, match_speakers, voices
from models.text import fold
from tests.support.voices import article as _article


def _by_title(corpus: Corpus, title: str) -> Article:
    return next(a for a in corpus.articles if a.title == title)


def _voice(found: tuple[Voice, ...], surname: str) -> Voice:
    matches = [v for v in found if fold(v.name).endswith(fold(surname))]
    assert len(matches) == 1, [v.name for v in found]
    return matches[0]


# -- the seeds -------------------------------------------------------------------------------------------------


def test_moscow_article_quotes_turan_with_his_role_mikheyev_and_erdogan(seeds_corpus):
    article = _by_title(seeds_corpus, "Is Moscow using the S-400 against Turkey?")
    found = voices(seeds_corpus).of_article(article.id)
    turan = _voice(found, "Turan")
    assert turan.name == "Ilter Turan" and turan.kind == PERSON
    assert turan.role == "international relations professor"
    assert turan.affiliation == "Istanbul Bilgi University"
    assert len(turan.mentions) >= 5
    mikheyev = _voice(found, "Mikheyev")
    assert mikheyev.name == "Alexander Mikheyev" and mikheyev.kind == PERSON
    assert mikheyev.role == "the head of Russia’s arms export agency Rosoboronexport"
    erdogan = _voice(found, "Erdogan")
    assert erdogan.name == "Recep Tayyip Erdogan" and erdogan.role == "President"
    assert {"Erdogan", "Recep Tayyip Erdogan"} <= set(erdogan.names)  # one voice, however he is named


def test_second_batch_article_cites_litovkin_gafarli_and_chemezov(seeds_corpus):
    article = _by_title(seeds_corpus, "Turkey will purchase the second batch of the Russian S-400")
    found = voices(seeds_corpus).of_article(article.id)
    litovkin = _voice(found, "Litovkin")
    assert litovkin.name == "Viktor Litovkin" and litovkin.role == "TASS military expert and commentator"
    gafarli = _voice(found, "Gafarli")
    assert gafarli.name == "Orkhan Gafarli" and gafarli.role == "Turkish analyst"
    chemezov = _voice(found, "Chemezov")
    assert chemezov.name == "Sergei Chemezov" and chemezov.role == "the Head of the Russian state company ROSTEC"
    assert [m.cue for m in chemezov.mentions] == ["citing"]
    interfax = _voice(found, "Interfax")
    assert interfax.kind == ORGANISATION


def test_mentions_carry_passage_topic_cue_and_quote(seeds_corpus):
    article = _by_title(seeds_corpus, "Is Moscow using the S-400 against Turkey?")
    turan = _voice(voices(seeds_corpus).of_article(article.id), "Turan")
    first = turan.mentions[0]
    passage = seeds_corpus.passage(first.passage_id)
    assert passage.article_id == article.id
    assert first.topic_ids == passage.topic_ids and "s400-delivery" in first.topic_ids
    assert first.cue == "said"
    assert first.quote is not None and first.quote.startswith("At this point, Russia has nothing to lose")  # a quote followed by its speaker
    assert passage.text[first.start : first.end] == first.sentence
    assert "s400-delivery" in turan.topic_ids
    assert [m.passage_id for m in turan.mentions] == sorted((m.passage_id for m in turan.mentions),
                                                            key=lambda p: int(p.split(":")[1]))


def test_quote_closed_with_odd_spacing_before_the_speaker(seeds_corpus):
    # `... defense industry issues, ”Erdogan said.`
    article = _by_title(seeds_corpus, "Is Moscow using the S-400 against Turkey?")
    erdogan = _voice(voices(seeds_corpus).of_article(article.id), "Erdogan")
    quotes = [m.quote for m in erdogan.mentions if m.quote]
    assert any(q.startswith("We are not hesitant about the second batch") for q in quotes)


def test_he_said_goes_to_the_person_named_just_before(seeds_corpus):
    article = _by_title(seeds_corpus, "Is Moscow using the S-400 against Turkey?")
    mikheyev = _voice(voices(seeds_corpus).of_article(article.id), "Mikheyev")
    he_said = [m for m in mikheyev.mentions if m.sentence.startswith("He said the deal")]
    assert len(he_said) == 1
    assert he_said[0].quote is not None and he_said[0].quote.startswith("We’re working on it.")  # the quotation standing right after it


def test_unnamed_sources_stay_unnamed_and_the_same_source_is_one_voice(seeds_corpus):
    article = _by_title(seeds_corpus, "Is Moscow using the S-400 against Turkey?")
    found = voices(seeds_corpus).of_article(article.id)
    unnamed = {v.name: v for v in found if v.kind == UNNAMED}
    # "a defense source" is one of the "sources close to the Turkish defense industry" that spoke first: one voice
    source = unnamed["sources close to the Turkish defense industry"]
    assert len(source.mentions) == 4  # "denied", "told BBC Turkish", "according to the same source", "the source said"
    assert [m.cue for m in source.mentions][1:] == ["told BBC Turkish", "according to", "said"]
    assert "a defense source" in source.names
    assert all(v.role is None for v in unnamed.values())
    korybko = voices(seeds_corpus).of_article("000_ce6e02858118bb64")
    assert sorted((v.name, v.kind) for v in korybko) == [
        ("US", ORGANISATION),  # "after the US threatened to exclude ..."
        ("the Mideast country's officials", UNNAMED),  # "... strongly implied that"
        ("unnamed Turkish defense officials", UNNAMED)]


def test_a_description_goes_to_the_named_voice_with_that_role(seeds_corpus):
    article = _by_title(seeds_corpus, "Turkey will purchase the second batch of the Russian S-400")
    litovkin = _voice(voices(seeds_corpus).of_article(article.id), "Litovkin")
    assert any(m.sentence.startswith("The Russian expert stated") for m in litovkin.mentions)
    assert not any(v.name.lower().startswith("the russian expert") for v in voices(seeds_corpus).of_article(article.id))


def test_erdogan_meets_erdogan_across_articles(seeds_corpus):
    index = voices(seeds_corpus)
    assert any(v.name == "Erdoğan" for v in index.of_article("002_ff4d2832215704ef"))
    speaker = index.speaker_of("002_ff4d2832215704ef", "erdogan")
    assert speaker is not None
    assert set(speaker.article_ids) == {"001_5d9b8a6939599cab", "002_ff4d2832215704ef"}
    assert speaker.name == "Recep Tayyip Erdogan" and "Erdoğan" in speaker.names
    assert index.speakers[0] is speaker  # quoted by the most articles


def test_index_looks_ups(seeds_corpus):
    index = voices(seeds_corpus)
    assert voices(seeds_corpus) is index
    in_passage = index.in_passage("004_c17863d213641cf5:1")
    assert [v.name for v, _ in in_passage] == ["Interfax", "Sergei Chemezov"]
    on_topic = index.on_topic("drones-ukraine")
    assert [v.name for v in on_topic["003_a5575fbe19cd88ca"]] == ["Peskov"]
    assert on_topic["003_a5575fbe19cd88ca"][0].role == "Russian presidential spokesman"
    assert index.of_article("no-such-article") == ()


# -- general rules, on text written for the test ---------------------------------------------------------------


def _names(paragraphs: list[str]) -> dict[str, Voice]:
    return {v.name: v for v in article_voices(_article("x", paragraphs))}


def test_no_voice_without_reported_speech():
    found = _names([
        "He said nothing about the deal.",  # nobody named before: a pronoun is never turned into a name
        "The deal would be finalized next year, and the systems will be delivered in 2020.",
        "Erdogan’s meeting with President Joe Biden on the sidelines of the summit also underscored his need.",
        "The opposition’s claim that the policy failed was repeated in parliament.",
        "Experts believe the system poses a risk to the alliance.",
        "It was reported that the shipment arrived.",
    ])
    assert found == {}


def test_words_inside_a_quotation_are_not_attributions():
    found = _names(["“The Russian side declares its intention,” the source said."])
    assert list(found) == ["the source"]
    assert found["the source"].mentions[0].quote == "The Russian side declares its intention,"


def test_reported_speech_patterns_and_roles():
    found = _names([
        "Turkish Foreign Minister Mevlut Cavusoglu said on Tuesday that Ankara would not back down.",
        "“We will not step back,” Erdogan told reporters in Ankara.",
        "Pentagon spokesman John Kirby said the decision was final.",
        "“This is unacceptable,” said Ibrahim Kalin, a spokesman for the Turkish presidency.",
        "Smith, a former NATO ambassador, warned that the alliance was at risk.",
        "According to Dmitry Peskov, the talks will go on.",
        "The Kremlin said on Monday it was ready to talk.",
    ])
    assert found["Mevlut Cavusoglu"].role == "Turkish Foreign Minister"
    assert found["Erdogan"].mentions[0].cue == "told"
    assert found["Erdogan"].mentions[0].quote == "We will not step back,"
    assert found["John Kirby"].role == "Pentagon spokesman"
    assert found["Ibrahim Kalin"].role == "a spokesman for the Turkish presidency"
    assert found["Smith"].role == "a former NATO ambassador"
    assert found["Dmitry Peskov"].mentions[0].cue == "according to"
    assert found["Kremlin"].kind == ORGANISATION


def test_anonymous_sources_are_voices_of_their_own_kind():
    found = _names([
        "A senior Turkish official, who spoke on condition of anonymity, said the talks had stalled.",
        "“It is a done deal,” a high level Turkish bureaucrat said.",
        "Analysts say the move could backfire.",
    ])
    assert {name: v.kind for name, v in found.items()} == {
        "a senior Turkish official": UNNAMED, "a high level Turkish bureaucrat": UNNAMED, "analysts": UNNAMED}


def test_one_person_named_three_ways_is_one_voice():
    found = article_voices(_article("x", [
        "President Recep Tayyip Erdogan spoke in Ankara.",
        "“We are not hesitant,” President Erdogan said.",
        "Erdogan added that the decision was final.",
    ]))
    assert len(found) == 1
    assert found[0].name == "Recep Tayyip Erdogan" and found[0].role == "President" and len(found[0].mentions) == 2


def test_spelling_variants_meet_across_articles_and_different_people_do_not():
    index = VoiceIndex(Corpus((
        _article("a", ["Alexander Mikheyev said the deal was close.", "Joe Biden said no."]),
        _article("b", ["Alexander Mikheev said the contract was signed.", "Hunter Biden said yes."]),
        _article("c", ["Erdoğan said the purchase was final.", "Biden said maybe."]),
    ), (TopicInfo("t", "t", "#ffffff"),), ()))
    by_name = {sp.name: sp for sp in index.speakers}
    assert by_name["Alexander Mikheyev"].article_ids == ("a", "b")
    assert set(by_name["Alexander Mikheyev"].names) == {"Alexander Mikheyev", "Alexander Mikheev"}
    bidens = [sp for sp in index.speakers if sp.name.endswith("Biden")]
    assert sorted(sp.name for sp in bidens) == ["Hunter Biden", "Joe Biden"]
    assert sum(len(sp.article_ids) for sp in bidens) == 3  # the bare "Biden" joined one of them


def test_anonymous_sources_never_meet_across_articles():
    by_article = {
        "a": article_voices(_article("a", ["A defense source said the deal was close."])),
        "b": article_voices(_article("b", ["A defense source said the deal was off."])),
    }
    speakers = match_speakers(by_article)
    assert len(speakers) == 2 and all(sp.kind == UNNAMED and len(sp.article_ids) == 1 for sp in speakers)


def test_places_speaking_are_organisations_people_stay_people():
    found = _names(["Officials gathered in Ankara.", "Ankara said the purchase was final."])
    assert found["Ankara"].kind == ORGANISATION
    found = _names(["Confidence in Erdogan has waned, and President Erdogan knows it.", "Erdogan said he would stay."])
    assert found["Erdogan"].kind == PERSON


def test_two_people_with_one_surname_stay_apart_and_a_bare_surname_goes_to_the_last_named():
    found = article_voices(_article("x", ["Joe Biden said no.", "Hunter Biden said yes.", "Biden said maybe."]))
    assert {v.name: len(v.mentions) for v in found} == {"Hunter Biden": 2, "Joe Biden": 1}


def test_the_same_unresolved_description_is_one_anonymous_voice():
    found = article_voices(_article("x", ["“It is over,” the official said.", "“It is final,” the official said."]))
    assert [(v.name, v.kind, len(v.mentions)) for v in found] == [("the official", UNNAMED, 2)]


# -- places, bodies, abbreviations and anonymous sources (rules met on other outlets' articles) -----------------


def test_countries_capitals_and_seats_of_government_speak_as_organisations():
    found = article_voices(_article("x", [
        "Moscow said the talks were over.",
        "Washington says the systems are incompatible with NATO equipment.",
        "Ankara insists the deal is done.",
        "Ankara has previously insisted that its cooperation is not directed against third countries.",
        "The United States has begun the process, the White House announced Wednesday.",
        "Russia has complained before.",
        "The Kremlin said on Monday it was ready to talk.",
        "The Pentagon said the work would move to other suppliers.",
        "Downing Street said the decision was final.",
        "Brussels warned that the talks could fail.",
    ]))
    by_name = {v.name: v for v in found}
    assert set(by_name) == {"Moscow", "Washington", "Ankara", "White House", "Russia", "Kremlin", "Pentagon",
                            "Downing Street", "Brussels"}
    assert all(v.kind == ORGANISATION for v in found), [(v.name, v.kind) for v in found]
    assert len(by_name["Ankara"].mentions) == 2  # one voice, however often it speaks


def test_a_place_is_one_voice_in_an_article_and_one_speaker_across_articles():
    index = VoiceIndex(Corpus((
        _article("a", ["Officials gathered in Ankara.", "Ankara said the purchase was final."]),
        _article("b", ["Ankara has previously insisted that its cooperation is not directed against anyone."]),
        _article("c", ["Reporting by Jane Doe in Ankara.", "Officially, Ankara says the sales are ordinary business."]),
    ), (TopicInfo("t", "t", "#ffffff"),), ()))
    ankara = [sp for sp in index.speakers if sp.name == "Ankara"]
    assert len(ankara) == 1 and ankara[0].kind == ORGANISATION and ankara[0].article_ids == ("a", "b", "c")


def test_people_named_like_places_stay_people():
    found = _names(["George Washington said the union must hold.", "Michael Jordan said he would play.",
                    "Jordan added that the season was long."])
    assert found["George Washington"].kind == PERSON
    assert found["Michael Jordan"].kind == PERSON and len(found["Michael Jordan"].mentions) == 2
    assert "Jordan" not in found


def test_abbreviations_with_periods_stay_whole():
    found = _names([
        "Turkish companies will remain in the supply chain, according to U.S. officials, though sources disagree.",
        "The U.S. said the sanctions would stand.",
        "The U.S. Congress is poised to pass the bill, Gen. Mark Milley said on Tuesday.",
    ])
    assert found["U.S. officials"].kind == UNNAMED
    assert found["U.S."].kind == ORGANISATION
    assert found["Mark Milley"].kind == PERSON and found["Mark Milley"].role == "Gen."
    assert not {"U", "S", "Milley"} & set(found)
    # "U.S." and "US" are one body across articles.
    index = VoiceIndex(Corpus((_article("a", ["The U.S. said no."]), _article("b", ["The US said no again."])),
                              (TopicInfo("t", "t", "#ffffff"),), ()))
    assert [(sp.kind, sp.article_ids) for sp in index.speakers] == [(ORGANISATION, ("a", "b"))]


def test_bodies_named_by_several_words_are_organisations_kept_whole():
    found = _names([
        "On Tuesday, the Ukrainian General Staff said its forces had used a drone.",
        "Exports reached $2.28 billion, according to the Turkish Exporters Assembly (TIM), with growth expected.",
        "The Presidential Office said the visit was postponed.",
        "The National Security Council announced new measures.",
        "Lockheed Martin, the prime contractor, said in a statement that it was working with the office.",
        "A representative of the Donetsk People's Republic (DPR) militia told TASS that the strike was illegal.",
        "The Joint Chiefs of Staff said nothing. Russia’s defense ministry said the drones were downed.",
        "White House Chief of Staff Mark Meadows said the deal was off.",
    ])
    assert found["Mark Meadows"].kind == PERSON and found["Mark Meadows"].role == "White House Chief of Staff"
    for name in ("Ukrainian General Staff", "Turkish Exporters Assembly", "Presidential Office",
                 "National Security Council", "Lockheed Martin", "Joint Chiefs of Staff", "Russia’s defense ministry"):
        assert found[name].kind == ORGANISATION, name
        assert found[name].role in (None, "the prime contractor"), (name, found[name].role)
    assert found["a representative of the Donetsk People's Republic militia"].kind == UNNAMED
    assert not {"Staff", "a statement"} & set(found)


def test_a_place_with_a_place_word_before_it_is_still_a_body_a_role_noun_makes_a_person():
    found = _names(["The Turkish capital Ankara said the deal was done.",
                    "Political analyst Jordan said the deal was off.",
                    "The plan, says one analyst, is flawed.",
                    "Interfax, citing a source in the defense industry, reported that the contract was signed."])
    assert found["Ankara"].kind == ORGANISATION and found["Jordan"].kind == PERSON
    assert found["one analyst"].kind == UNNAMED
    assert found["Interfax"].kind == ORGANISATION and found["Interfax"].role is None  # a clause is no role
    assert found["a source in the defense industry"].kind == UNNAMED


def test_an_unnamed_source_is_someone_who_can_speak():
    found = _names([
        "Turkey's objection to the bids of Sweden and Finland, which restricted arms exports, adds a new source of "
        "friction.",
        "The ministry said in a statement that it rejected the decision.",
        "Critics say the purge went too far. The critics say it goes on.",
        "Officials said the jets would stay. Later, officials said nothing more.",
        "People familiar with the talks said a deal was near.",
        "A person close to the negotiations said the price had dropped.",
        "Expert studies say the drones are cheap.",
    ])
    unnamed = {name: len(v.mentions) for name, v in found.items() if v.kind == UNNAMED}
    assert unnamed == {"critics": 2, "officials": 2, "people familiar with the talks": 1,
                       "a person close to the negotiations": 1, "the ministry": 1}  # a body the text does not name
    assert not any("statement" in name or "friction" in name or "studies" in name for name in found)


def test_the_same_unnamed_phrase_is_one_voice_in_an_article():
    found = article_voices(_article("x", ["Officials said the deal was off.", "U.S. officials said it was on.",
                                          "The officials said nothing else.", "“It is final,” officials said."]))
    assert sorted((v.name, len(v.mentions)) for v in found) == [("U.S. officials", 1), ("officials", 3)]
    assert len({v.key for v in found}) == len(found)


def test_a_date_before_the_speaker_is_not_part_of_the_name_or_role():
    found = _names([
        "On Sunday Foreign Minister Mevlut Cavusoglu said the conflict had become a war.",
        "And on Tuesday Vasyl Bodnar, Ukraine’s ambassador in Ankara, said a fresh batch had arrived.",
        "Last week Baykar said it would donate three drones.",
        "June Smith said she would resign.",
        "In March Erdogan said the talks would go on.",
    ])
    assert found["Mevlut Cavusoglu"].role == "Foreign Minister"
    assert found["Vasyl Bodnar"].role == "Ukraine’s ambassador in Ankara"
    assert {"Baykar", "June Smith", "Erdogan"} <= set(found)  # a month that is a name stays in it
    assert not any("Sunday" in name or "Tuesday" in name or "week" in name for name in found)


def test_a_statement_calling_for_someones_release_does_not_quote_them():
    found = _names(["The ministry summoned ten ambassadors over a joint statement calling for the release of "
                    "the philanthropist Osman Kavala.",
                    "The announcement last week from Alexander Mikheyev, the head of the agency, caused a stir."])
    assert list(found) == ["Alexander Mikheyev"]


def test_the_ministry_is_the_ministry_named_last():
    found = _names([
        "The Turkish Defense Ministry said more flights had landed.",
        "In Ankara, the Foreign Ministry called the decision unfair. “This unilateral step is wrong,” the "
        "ministry said in a statement.",
    ])
    assert len(found["Turkish Defense Ministry"].mentions) == 1
    assert found["Foreign Ministry"].kind == ORGANISATION
    assert found["Foreign Ministry"].mentions[0].quote == "This unilateral step is wrong,"


def test_asides_coordinated_speakers_and_cited_texts():
    found = _names([
        "The Kremlin, for its part, said it was ready.",
        "Ankara, in a statement on Tuesday, said the purchase was necessary.",
        "Greece and Cyprus said they were concerned.",
        "Erdogan met Putin and President Biden said nothing.",  # "Erdogan met Putin" is no speaker
        "According to a report by Interfax, the deal was signed.",
        "According to a statement from the Turkish foreign ministry, talks went on.",
    ])
    assert {name: v.kind for name, v in found.items()} == {
        "Kremlin": ORGANISATION, "Ankara": ORGANISATION, "Greece": ORGANISATION, "Cyprus": ORGANISATION,
        "Biden": PERSON, "Interfax": ORGANISATION, "Turkish foreign ministry": ORGANISATION}


# -- issue 12: constructions of reported speech, on sentences written for the test -----------------------------


def test_reporting_verbs_come_from_the_lexicon_with_their_inflections():
    from models.insight.voices.lexicon import BESIDE_QUOTE, LEMMAS, forms, reporting_form


    for word, lemma in [("said", "say"), ("apologised", "apologise"), ("apologized", "apologise"),
                        ("denies", "deny"), ("blamed", "blame"), ("tweeted", "tweet"), ("admitted", "admit"),
                        ("criticizes", "criticise"), ("wrote", "write"), ("implied", "imply")]:
        form = reporting_form(word)
        assert form is not None and form.lemma == lemma, word
    assert reporting_form("believed") is None and reporting_form("expects") is None  # cognition, not speech
    assert reporting_form("sayed") is None and reporting_form("statement") is None
    assert len(LEMMAS) > 100 and all(reporting_form(lemma) for lemma in LEMMAS - BESIDE_QUOTE)
    assert reporting_form("going") is None and reporting_form("continued") is not None  # only beside a quotation
    assert {reporting_form(f).lemma for f in forms()} == set(LEMMAS)  # type: ignore[union-attr]


def test_verbs_of_saying_beyond_said():
    found = _names([
        "The mayor’s office tweeted that the roads were closed.",
        "Acme Lines apologized for the delay.",
        "Spain has blamed Morocco for the crisis.",
        "Paris and Berlin have both denied any role.",
        "Jane Roe dismissed the report as rumour.",
        "The union complained that nobody listened.",
        "Officials warn that the dam could fail.",
        "Amnesty International on Thursday called on the authorities to lift the ban.",
        "The minister wrote in a letter that the plan was dead.",
        "He described the decision as a mistake.",  # nobody spoke before: a pronoun makes no voice
        "John Smith did not say whether he would stay.",  # negated: no speech
        "The regulator is expected to rule next week.",  # no verb of saying
        "Critics believe the plan will fail.",  # cognition, not speech
    ])
    assert {"Acme Lines", "Spain", "Paris", "Berlin", "Jane Roe", "officials", "Amnesty International"} <= set(found)
    assert not {"Morocco", "John Smith", "critics"} & set(found)
    assert found["Amnesty International"].mentions[0].cue == "called on"


def test_subjects_with_appositions_and_asides():
    found = _names([
        "Jane Roe, a 36-year-old shopkeeper who has run the shop for a decade, said the water came at night.",
        "Vera Holm, a special envoy of the Nordic Ferry Council for Arctic routes, who is in charge of the plan, "
        "said the route would grow.",
        "Ms. Lee, 42, told The Harbour Times that she had lost everything.",
        "Omar Haddad, of the Coastal Relief Agency reports.",
        "Norland’s shipping regulator, Lars Vik, said that the port was closed.",
        "“We are ready,” said Tomas Berg, Founding Chairman, Berg Labs, which is based in Oslo.",
        "According to Trackly, a market intelligence platform, 21 firms were hit.",
        "Harbour Bank, which is the region’s largest lender, said it would pay.",
    ])
    assert found["Jane Roe"].role == "a 36-year-old shopkeeper" and found["Jane Roe"].kind == PERSON
    assert found["Vera Holm"].role == "a special envoy of the Nordic Ferry Council for Arctic routes"
    assert found["Lee"].kind == PERSON and "Harbour Times" not in found  # the outlet talked to is no voice
    assert found["Lee"].mentions[0].cue == "told The Harbour Times"
    assert found["Omar Haddad"].kind == PERSON and found["Omar Haddad"].role == "of the Coastal Relief Agency"
    assert found["Lars Vik"].kind == PERSON and found["Lars Vik"].role == "Norland’s shipping regulator"
    assert found["Tomas Berg"].role == "Founding Chairman, Berg Labs"
    assert found["Trackly"].kind == ORGANISATION and found["Trackly"].role == "a market intelligence platform"
    assert found["Harbour Bank"].role == "the region’s largest lender"


def test_a_body_named_as_the_apposition_of_its_role():
    found = _names(["The ship’s insurer for third-party losses, the Baltic P&I Club, said the claim was unfounded."])
    club = found["Baltic P&I Club"]
    assert club.kind == ORGANISATION and club.role == "the ship’s insurer for third-party losses"


def test_a_pronoun_goes_to_the_nearest_speaker_who_spoke_not_to_a_name_mentioned():
    found = article_voices(_article("x", [
        "Tom Lund said the nets were empty.",
        "Officials met Peter Hale, the mayor’s deputy, on Monday to discuss the harbour.",
        "“We cannot fish here any more,” he said.",
        "The Harbour Board said the ban would stay. “It is final,” it said.",
    ]))
    by_name = {v.name: v for v in found}
    assert "Peter Hale" not in by_name
    assert [m.quote for m in by_name["Tom Lund"].mentions] == [None, "We cannot fish here any more,"]
    assert len(by_name["Harbour Board"].mentions) == 2


def test_descriptions_merge_with_the_speaker_they_describe():
    found = article_voices(_article("x", [
        "The head of the Harbour Authority of Norland, Ana Silva, has ruled out wind as the cause.",
        "Norland’s Harbour Authority chief said on Saturday that the ship had been freed.",
        "“The channel is open,” Ana Silva said at a press conference.",
        "The harbour authority chief said 300 ships were waiting.",
        "Mayor Ivo Rask said the town was calm. The death toll could reach 200, the mayor said.",
        "A senior ministry official said the port would reopen. “It is safe,” the official said.",
    ]))
    by_name = {v.name: v for v in found}
    assert set(by_name) == {"Ana Silva", "Ivo Rask", "a senior ministry official"}, list(by_name)
    assert len(by_name["Ana Silva"].mentions) == 4 and by_name["Ana Silva"].role == "the head of the Harbour Authority of Norland"
    assert len(by_name["Ivo Rask"].mentions) == 2 and len(by_name["a senior ministry official"].mentions) == 2


def test_the_company_is_the_body_that_spoke_before_it():
    found = article_voices(_article("x", [
        "Acme Kisen, the Danish owner of the stranded vessel, apologized on Thursday.",
        "“We are deeply sorry,” the company said in a statement.",
        "A state-run audit agency blamed the ministry in 2021. The audit agency has since blamed the mayor too.",
    ]))
    by_name = {v.name: v for v in found}
    acme = by_name["Acme Kisen"]
    assert acme.kind == ORGANISATION and len(acme.mentions) == 2  # "the company" says it is a company
    assert acme.role == "the Danish owner of the stranded vessel"
    audit = by_name["a state-run audit agency"]
    assert audit.kind == UNNAMED and len(audit.mentions) == 2


def test_kinds_from_the_articles_own_evidence():
    found = _names([
        "The Northern Red Anchor said 40 people were missing.",  # written with "the": a body
        "In its report, the Nordic Ferry Council said crossings would resume.",
        "The Harbour Safety Authority said the channel was open. The HSA said ships were moving.",
        "State-run Ahrena Post reported the arrest on its website.",
        "Libya’s general prosecutor al-Sediq al-Hadi said a study had been commissioned.",
        "Mr al-Hadi said prosecutors would investigate.",  # an honorific is no role
    ])
    assert found["Northern Red Anchor"].kind == ORGANISATION
    assert found["Nordic Ferry Council"].kind == ORGANISATION
    assert found["Harbour Safety Authority"].kind == ORGANISATION and "HSA" in found["Harbour Safety Authority"].names
    assert "HSA" not in found
    hadi = found["al-Sediq al-Hadi"]
    assert hadi.kind == PERSON and hadi.role == "Libya’s general prosecutor" and len(hadi.mentions) == 2


def test_attributions_inside_a_trailing_report_are_not_voices():
    found = _names(["Experts have warned about the dams for years, a state prosecutor revealed.",
                    "Erdogan said the deal was done, and Putin said it was not."])
    assert "experts" not in found and "a state prosecutor" in found
    assert {"Erdogan", "Putin"} <= set(found)


def test_a_one_word_name_with_no_sign_of_a_person_is_a_body():
    found = _names([
        "In posts online, Quillsoft said it was fixing the issue.",  # "it": a body
        "BrightHarbor acknowledged the fault and reverted the update.",  # a brand's shape
        "The storm hit Boston. Harlow said the outage was over.",  # never after a given name ("Boston." ends a sentence)
        "Nadia Velasquez, a consultant, wrote that the fix was slow. Velasquez said more was needed.",
        "Kessler said he would resign.",  # "he": a person
        "The ship was held, state-run Ahrena Gate reported on its website.",  # only bodies are state-run
    ])
    assert found["Quillsoft"].kind == ORGANISATION
    assert found["BrightHarbor"].kind == ORGANISATION
    assert found["Harlow"].kind == ORGANISATION
    assert found["Nadia Velasquez"].kind == PERSON and len(found["Nadia Velasquez"].mentions) == 2
    assert found["Kessler"].kind == PERSON
    assert found["Ahrena Gate"].kind == ORGANISATION and found["Ahrena Gate"].role is None


def test_a_bare_surname_is_a_person_when_another_article_names_him_in_full():
    corpus = Corpus((_article("a", ["President Tarik Ozdemiroglu said the talks were over."]),
                     _article("b", ["In Ozdemiroğlu’s words: “the biggest threats come from outside.”"])), (), ())
    found = voices(corpus).of_article("b")
    assert [(v.name, v.kind) for v in found] == [("Ozdemiroğlu", PERSON)]
    alone = article_voices(corpus.articles[1])  # without the corpus, nothing says he is a person
    assert [v.kind for v in alone] == [ORGANISATION]


def test_hypothetical_speech_and_nouns_inside_an_aside_are_no_attribution():
    found = _names([
        "Sergei Orlov, the head of state conglomerate Rostek, told news agencies that Moscow was ready to "
        "discuss it if Ankara asked.",
        "Critics could argue that the deal is bad, and officials might say so.",
    ])
    assert set(found) == {"Sergei Orlov"}
    assert found["Sergei Orlov"].role == "the head of state conglomerate Rostek"


def test_a_body_description_is_the_body_named_just_before_it():
    found = _names([
        "Harbor Valley Bank shares fell 60% on Thursday, as the lender announced a capital raise.",
        "The outage came from a faulty update sent by a security firm called Quillstrike.",
        "In an update Friday night, the company said it was working with customers.",
        "In the UK, Coast News was unable to broadcast for hours, the network reported.",
    ])
    assert found["Harbor Valley Bank"].kind == ORGANISATION and found["Harbor Valley Bank"].mentions[0].cue == "announced"
    assert found["Quillstrike"].kind == ORGANISATION and found["Quillstrike"].mentions[0].cue == "said"
    assert found["Coast News"].mentions[0].cue == "reported"
    assert not any(v.kind == UNNAMED for v in found.values())


def test_places_from_the_articles_evidence_not_a_gazetteer():
    found = _names([
        "Oil prices rose in Saudi Arabia. Saudi Arabia said output would fall.",  # used as a place here
        "Capitol Hill said no. The Elysee Palace said yes.",  # the seat of an institution
        "The Jordanian port city Aqaba said the quay was closed.",  # a role that is a kind of place
        "Chad Okafor runs the shop. Chad said the rent was too high.",  # a given name, not the country
    ])
    for name in ("Saudi Arabia", "Capitol Hill", "Elysee Palace", "Aqaba"):
        assert found[name].kind == ORGANISATION, name
    assert found["Chad"].kind == PERSON


def test_every_speaker_of_a_list_speaks():
    found = _names([
        "“We are acting,” Finance Minister Nora Vale, Central Bank Governor Ivo Brandt and Deposit Fund "
        "Chairman Sam Oduya said in a statement.",
        "Greece, Cyprus and France said they were concerned.",
        "In Washington, Nora Vale and Ivo Brandt said they were ready.",  # "In Washington" is no speaker
    ])
    assert {"Nora Vale", "Ivo Brandt", "Sam Oduya", "Greece", "Cyprus", "France"} == set(found)
    assert found["Ivo Brandt"].role == "Central Bank Governor" and len(found["Ivo Brandt"].mentions) == 2


def test_unnamed_bodies_and_infinitives_that_are_acts():
    found = _names([
        "Multiple airlines have said they are affected.",
        "Yellen said she was working closely with regulators to respond to the collapse.",
    ])
    assert found["multiple airlines"].kind == UNNAMED
    assert "regulators" not in found


def test_a_statement_released_or_given_is_its_authors_speech():
    found = _names([
        "Harbour Rowing Club released a statement on Monday confirming the coach had left.",
        "Dana Holt later put out a statement saying she was sorry.",
        "In a statement the Northern Netball League said it would review the matter.",
        "In a joint statement on Friday, Ola Brekke and Tim Sand said they would appeal.",
        "Mira Lenz gave an interview to a local radio station.",
        "A statement was released by the mayor's office.",  # passive: no subject speaks
        "The club has a statement on its website.",  # no verb of delivering
    ])
    assert {"Harbour Rowing Club", "Dana Holt", "Northern Netball League", "Ola Brekke",
            "Tim Sand", "Mira Lenz"} == set(found)
    assert [m.cue for m in found["Dana Holt"].mentions] == ["put out a statement"]
    assert found["Northern Netball League"].kind == ORGANISATION
    assert set(_names(["The players' union issued a brief statement calling the decision rushed."])) == {
        "the players' union"}


def _titled(title: str, paragraphs: list[str]) -> dict[str, Voice]:
    article = _article("x", paragraphs)
    article = Article(article.id, article.path, title, None, None, None, article.text, article.passages, (), article.id)
    return {v.name: v for v in article_voices(article)}


def test_a_pronoun_no_speaker_answers_is_the_articles_subject_of_its_gender():
    found = _titled("Coach Marta Velloso quits after cup defeat", [
        "Marta Velloso has resigned as head coach of the national team after the cup defeat. Velloso, 52, took over in 2022.",
        "Her assistant, Rui Tavares, will lead the squad in a friendly against a side coached by Pablo Iriarte.",
        "“I gave everything I had to this team and I leave with my head high,” she said.",
        "“We will miss her,” Iriarte said of his rival. “The players deserve a fresh voice,” she added.",
    ])
    assert set(found) == {"Marta Velloso", "Pablo Iriarte"}
    assert [m.cue for m in found["Marta Velloso"].mentions] == ["said", "added"]  # not Iriarte's: he is a man
    # A subject whose gender the article does not give, or a name written with "the", takes no pronoun.
    assert not _titled("The Ever Given is free", [
        "The Ever Given was refloated on Monday. Crews had worked on the Ever Given for days.",
        "“It was a hard job,” he said."])


def test_age_and_role_descriptions_and_verbs_that_go_on_with_a_quotation():
    found = _titled("Sprinter wins gold at 46", [
        "Lena Varga, 46, won the 200m final on Saturday, her first title in a decade.",
        "The 46-year-old added: “This is the best night of my life.”",
        "National federation president Jon Arrieta hugged her at the finish line.",
        "The federation's president added that the win would help the sport.",
        "“I am not done yet and I will be back,” Varga went on.",
        "Her rival continued her fine run of wins. The season went on to June.",  # no quotation beside them
    ])
    assert set(found) == {"Lena Varga", "Jon Arrieta"}
    assert [m.cue for m in found["Lena Varga"].mentions] == ["added", "went on"]
    assert [m.cue for m in found["Jon Arrieta"].mentions] == ["added"]


def test_every_name_of_a_long_list_speaks_with_its_role():
    found = _names([
        "In a statement, captain Ana Ruiz, goalkeeper Bea Lund, Carla Diaz, Dora Pinto, Eva Sol, Fay Moe and "
        "Gia Ren said they would not play again under the current leadership.",
        "Two other players, Ida Berg and Jo Kant, said they supported the strike.",
        "Lia Marr, Noa Sund and Una Vik, who all play abroad, said they were sorry.",
    ])
    assert set(found) == {"Ana Ruiz", "Bea Lund", "Carla Diaz", "Dora Pinto", "Eva Sol", "Fay Moe", "Gia Ren",
                          "Ida Berg", "Jo Kant", "Lia Marr", "Noa Sund", "Una Vik"}
    assert found["Ana Ruiz"].role == "captain" and found["Bea Lund"].role == "goalkeeper"


def test_a_quotation_standing_alone_is_the_speaker_the_sentence_before_leads_in_with():
    found = _names([
        "Judge Hilda Mercer was blunt. “We will not tolerate this kind of delay in my courtroom.”",
        "Defence lawyer Sam Ortiz was more measured.",
        "“My client wants this over quickly, too.”",  # the sentence before ends the passage before
        "Prosecutor Ada Lyle put it simply: “The evidence speaks for itself.”",
        "The weather was grim. “Nobody wanted to be there that day.”",  # no speaker as the subject
        "Carl Dunn was born in 1970. He studied law. “It is a circus in there,” his brother said.",
    ])
    # "his brother said" beside the quotation is the brother's (an unnamed voice), never Carl Dunn's.
    assert set(found) == {"Hilda Mercer", "Sam Ortiz", "Ada Lyle", "his brother"}
    assert [m.cue for m in found["Hilda Mercer"].mentions] == ["was blunt"]
    assert found["Sam Ortiz"].mentions[0].quote == "My client wants this over quickly, too."
    assert found["Ada Lyle"].mentions[0].quote == "The evidence speaks for itself."


def test_a_statement_cited_by_its_author_from_or_possessive():
    found = _names([
        "“The bank was closed today by the state,” a statement from regulators read.",
        "The move came after 12 Nordic ambassadors' joint statement last week demanding a ceasefire.",
        "On Monday, lawyers for the family said they would appeal.",
        "Thousands of soldiers, judges and teachers were dismissed over alleged links to the plot.",  # no speech
        "The Danish side has also made it known through its envoy that it is ready. It is not clear when.",
    ])
    assert set(found) == {"regulators", "12 Nordic ambassadors", "lawyers for the family", "Danish side"}
    assert [m.cue for m in found["12 Nordic ambassadors"].mentions] == ["ambassadors' joint statement"]


def test_people_and_bodies_in_the_plural_speak_unnamed():
    found = _names([
        "Users of the platform are reporting a blue screen on their machines.",
        "Customers said they were angry. Airlines said flights were delayed.",
        "In the data centre, servers are reporting errors.",  # machines, not people
    ])
    assert set(found) == {"users of the platform", "customers", "airlines"}
    assert all(v.kind == UNNAMED for v in found.values())


def test_he_said_is_the_speaker_or_subject_named_last_outside_quotations():
    found = _titled("Former striker hits back at league chief", [
        "Former striker Tom Adeyemi has criticised league chief Ruth Obi over her remarks about the players.",
        "Obi told the squad in their dressing room that the league would pay them directly.",
        "Adeyemi, who played for three clubs and later advised the sports ministry, was scathing.",
        "“Nobody should speak to players like that, least of all Obi,” he said.",
    ])
    assert [m.cue for m in found["Tom Adeyemi"].mentions] == ["criticised", "said"]  # not Obi's: she spoke before


def test_posted_on_a_platform_and_praise_are_speech():
    found = _names([
        "“We are proud of the whole team,” Weber posted on X.",
        "“What a day for science!” the Director General of the Nordic Space Agency, Anna Lind, posted on X.",
        "“Well done to everyone,” Harwell Ground Station in Oxfordshire, UK, posted on X.",
        "The Port Authority and the Coast Guard on Monday congratulated the crew on the rescue.",
        "Minister Ola Berg captioned his post, “A fine morning at the summit.”",
        "The company posted a record loss on Monday.",  # a loss posted is no speech
    ])
    assert set(found) == {"Weber", "Anna Lind", "Harwell Ground Station", "Port Authority", "Coast Guard", "Ola Berg"}
    assert found["Weber"].mentions[0].cue == "posted on"
    assert found["Anna Lind"].kind == PERSON and found["Anna Lind"].role == "the Director General of the Nordic Space Agency"
    assert found["Harwell Ground Station"].kind == ORGANISATION


def test_wondering_is_a_thought_unless_a_question_is_quoted():
    found = _names([
        "As Liberals wondered how long she would remain in power, Karin Lund acknowledged a difficult day.",
    ])
    assert set(found) == {"Karin Lund"}


def test_an_acronym_written_as_a_word_after_the_name_it_abbreviates():
    found = _names(["The Nordic Space Research Organisation (Nsro) said in a statement: “The mission is on course.”"])
    assert set(found) == {"Nordic Space Research Organisation"}


def test_a_role_is_a_noun_phrase_never_a_clause():
    found = _names([
        "Ola Berg, Nordic Prime Minister has resigned just weeks after winning a contested leadership election.",
        "In a speech outside the palace, Berg said: “I cannot deliver the mandate.”",
        "The outgoing PM said her successor will be elected in a leadership contest.",
    ])
    assert set(found) == {"Ola Berg"}
    assert found["Ola Berg"].role == "Nordic Prime Minister"
    assert len(found["Ola Berg"].mentions) == 2  # "the outgoing PM" is the Prime Minister who spoke


def test_an_honour_and_a_given_name_are_the_person_named_in_full():
    found = _names([
        "Sir Olaf Brandt has called for an immediate general election, saying the party had no mandate.",
        "The opposition leader said: “We deserve better than this.”",
        "Sir Olaf said: “The party cannot respond by shuffling people at the top.”",
    ])
    assert set(found) == {"Sir Olaf Brandt"}
    assert len(found["Sir Olaf Brandt"].mentions) == 3  # "has called for ..., saying ...": one act of speech
    assert found["Sir Olaf Brandt"].role == "the opposition leader"  # what the article calls him


def test_two_names_run_together_in_a_tag_list_are_not_one_name():
    found = _names([
        "Karin Lund Jon Hale Nordic Party Racing Karin Lund Jon Hale",
        "The chairman of the committee Sir Jon Hale in the capital agreed to a fresh leadership election.",
        "Speaking from a lectern, Ms Lund said she had told the King she was resigning.",
    ])
    assert set(found) == {"Karin Lund"}


def test_a_group_in_the_plural_speaks_unnamed_and_a_bare_title_is_the_one_who_bears_it():
    found = _names([
        "Labour MPs increasingly called for her resignation this week.",
        "PM Ola Berg watched the landing from Oslo.",
        "“Many thanks to you and your team,” PM said to the agency chief while congratulating the team.",
        "Chancellor Jon Hale, who has fought for the party leadership twice, immediately ruled himself out.",
    ])
    assert set(found) == {"Labour MPs", "Ola Berg", "Jon Hale"}
    assert found["Labour MPs"].kind == UNNAMED
    assert found["Ola Berg"].kind == PERSON and found["Ola Berg"].role == "PM"
    assert found["Jon Hale"].mentions[0].cue == "ruled himself out"


def test_a_role_before_a_name_at_the_start_of_a_sentence():
    found = _names([
        "Union Minister of Fisheries, K Olsen, on Thursday posted a photo of the summit.",
        "Olsen captioned his post, “This morning at the summit.”",
    ])
    assert found["K Olsen"].role == "Union Minister of Fisheries"


def test_they_is_the_group_body_or_person_the_article_calls_they_who_spoke_last():
    found = _names([
        "Alex Kim, a nurse at the clinic who uses their own car for home visits, was among the first to speak.",
        "“Nobody told us anything,” Kim said. “We found out from the news.”",
        "They said the clinic had been closed for a week.",  # Kim, whom the article calls "they"
        "A spokesperson for the ministry said the clinic would reopen. They added that staff would be paid.",
        "Jon Berg said he was angry. They said nothing more.",  # Berg is "he": someone else, not a voice
    ])
    assert set(found) == {"Alex Kim", "a spokesperson for the ministry", "Jon Berg"}
    assert [m.cue for m in found["Alex Kim"].mentions] == ["said", "said"]
    assert found["Alex Kim"].role == "a nurse at the clinic"  # a role, not its relative clause
    assert [m.cue for m in found["a spokesperson for the ministry"].mentions] == ["said", "added"]
    assert len(found["Jon Berg"].mentions) == 1


def test_roles_from_an_office_taken_or_left_and_what_a_body_is_called():
    found = _names([
        "Karin Lund has resigned as Prime Minister after less than two months in office.",
        "Ms Lund said she could not deliver the mandate.",
        "Trains stopped after a faulty update sent by a software firm called Railsoft.",
        "Railsoft said the problem had been found and fixed.",
        "Shares of Harbour Savings Bank – a lender of choice to fishing firms – fell sharply.",
        "Harbour Savings Bank said deposits were safe.",
    ])
    assert found["Karin Lund"].role == "Prime Minister"
    assert found["Railsoft"].role == "a software firm"
    assert found["Harbour Savings Bank"].role == "a lender of choice to fishing firms"


def test_a_lede_describing_whom_the_article_then_names():
    found = _names([
        "The chairman of the Nordic Canal Authority has suggested a possible mistake by the captain.",
        "“Maybe the captain made a mistake,” Ole Rask said in a recent interview.",
        "A start-up founder revealed how they were coping with the situation.",
    ])
    assert set(found) == {"Ole Rask", "a start-up founder"}
    assert found["Ole Rask"].role == "the chairman of the Nordic Canal Authority"
    assert len(found["Ole Rask"].mentions) == 2


def test_a_title_abbreviation_before_a_name_is_the_role_and_the_name_is_one_person():
    found = article_voices(_article("x", [
        "Jane Doyle told reporters the cost of the repairs was not yet known.",
        "“We will rebuild,” Ohio Gov. Jane Doyle said on Friday.",
        "Navy Rear Adm. Tom Harker said the divers would go back in at dawn.",
        "Police Supt. Ann Vale said the road would stay shut.",
    ]))
    doyle = _voice(found, "Doyle")
    assert (doyle.name, doyle.kind, doyle.role, len(doyle.mentions)) == ("Jane Doyle", PERSON, "Ohio Gov.", 2)
    harker = _voice(found, "Harker")
    assert (harker.name, harker.kind, harker.role) == ("Tom Harker", PERSON, "Navy Rear Adm.")
    vale = _voice(found, "Vale")
    assert (vale.name, vale.kind, vale.role) == ("Ann Vale", PERSON, "Police Supt.")


def test_a_noun_with_an_article_before_the_speaker_is_what_was_said_about_not_a_role():
    found = _names([
        "The port will stay closed for weeks, a decision Ohio Gov. Jane Doyle said she regretted.",
        "Meanwhile state arms exporter Rosoboronexport said the talks went on.",
    ])
    assert found["Jane Doyle"].role == "Ohio Gov."
    assert found["Rosoboronexport"].kind == ORGANISATION


def test_writing_a_work_named_by_its_title_is_not_reported_speech():
    found = _names([
        "The bridge crosses the river where poet Tom Harker wrote the “Harbour Lights Song” in 1814.",
        "Ann Vale wrote “The rescue went on all night” in a post on Friday.",
    ])
    assert list(found) == ["Ann Vale"]


def test_a_description_is_the_speaker_whose_title_is_its_short_form():
    # "the governor" is the one written "Gov." before his name, whether he spoke before it or only after.
    found = _names([
        "Hours after the flood, Nordland Gov. Tom Harker addressed reporters at the dam.",
        "According to state Transportation Secretary Ann Vale, four roads remain closed.",
        "“Our hearts are broken,” the governor said. “We will rebuild.”",
        "Harker said the dam had held.",
    ])
    assert set(found) == {"Tom Harker", "Ann Vale"}, list(found)
    assert len(found["Tom Harker"].mentions) == 2 and found["Tom Harker"].role == "Nordland Gov."
    assert found["Ann Vale"].role == "state Transportation Secretary"  # "to state" is no speech verb here
    found = _names([
        "Sen. Ivo Rask said the vote would come on Friday.",
        "Navy Rear Adm. Lena Holt said the search went on. “We have not given up,” the admiral said.",
        "Police Supt. Ana Silva said the roads were clear. The superintendent said more officers would come.",
        "“It is too early,” the senator said.",
    ])
    assert set(found) == {"Ivo Rask", "Lena Holt", "Ana Silva"}, list(found)
    assert [len(found[n].mentions) for n in ("Ivo Rask", "Lena Holt", "Ana Silva")] == [2, 2, 2]


def test_a_description_whose_head_no_title_spells_stays_its_own_voice():
    found = _names([
        "Gov. Tom Harker said the dam had held.",
        "“We are still counting,” the secretary said.",
    ])
    assert set(found) == {"Tom Harker", "the secretary"}, list(found)


def test_lowercase_words_before_a_title_qualify_it():
    found = _names([
        "Four roads remain closed, former Prime Minister Tom Harker said.",
        "The shops reopened, city Police Chief Lena Holt said.",
    ])
    assert found["Tom Harker"].role == "former Prime Minister"
    assert found["Lena Holt"].role == "city Police Chief"
