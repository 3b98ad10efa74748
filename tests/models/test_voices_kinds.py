"""Voices on kinds of text met on new stories (fixtures written for these tests): bodies whose names hold
"of the", "for ... and ...", a bracketed acronym or a capitalised document noun."""

from __future__ import annotations

from models.insight.voices import ORGANISATION, PERSON, UNNAMED, article_voices
from tests.support.voices import article_of as _article
from tests.support.voices import voice_kinds as _voices


def test_a_body_named_with_of_the_speaks_whole():
    assert _voices("The flood cut two roads, the Ministry of the Interior said.") == {
        "Ministry of the Interior": ORGANISATION}


def test_a_body_named_with_for_and_and_and_an_acronym_speaks_whole():
    found = _voices("The Northern Institute for Marine and Coastal Studies (NIMCS) said the tide peaked at dawn.")
    assert found == {"Northern Institute for Marine and Coastal Studies": ORGANISATION}


def test_and_inside_a_body_name_is_not_two_speakers_but_two_bodies_are():
    assert _voices("The Harbour and Canal Authority said the lock would reopen.") == {
        "Harbour and Canal Authority": ORGANISATION}
    assert set(_voices("Valdoria and Estmark said they would talk.")) == {"Valdoria", "Estmark"}
    assert set(_voices("Valdoria and the Northern League said they would talk.")) == {"Valdoria", "Northern League"}
    assert set(_voices("The Army and Navy said the drill was over.")) != {"Army and Navy"}


def test_a_capitalised_document_noun_ends_a_body_name():
    assert _voices("The Coastal Geological Survey (CGS) said the quake was shallow.") == {
        "Coastal Geological Survey": ORGANISATION}
    assert _voices("The survey said most people agreed.") == {}


def test_a_two_word_name_is_a_body_when_the_article_seats_an_office_in_it():
    found = _voices("Kestrel Air warned that the runway would stay shut.",
                    "“We are not flying today,” said Ana Ruiz, the managing director of Kestrel Air.")
    assert found == {"Kestrel Air": ORGANISATION, "Ana Ruiz": PERSON}


def test_a_two_word_name_is_a_body_when_the_article_gives_it_what_only_a_body_has_or_a_kind():
    assert _voices("Nordfjord Marine said the ferry was safe.", "Nordfjord Marine's board met on Monday.") == {
        "Nordfjord Marine": ORGANISATION}
    assert _voices("Ferry operators such as Nordfjord Marine cancelled sailings.",
                   "Nordfjord Marine said the ferry was safe.") == {"Nordfjord Marine": ORGANISATION}


def test_a_person_with_a_spokesman_or_an_adviser_stays_a_person():
    assert _voices("Tomas Berg said he would stay.", "Tomas Berg’s spokesman was at the door.",
                   "An adviser to Tomas Berg was there.") == {"Tomas Berg": PERSON}


def test_the_same_source_is_the_named_body_that_spoke_last():
    found = article_voices(_article("The storm cut power to 900 homes, the Ministry of Energy said in a statement.",
                                    "Most of them were in the north, the same source said."))
    assert [(v.name, v.kind, len(v.mentions)) for v in found] == [("Ministry of Energy", ORGANISATION, 2)]


def test_an_infinitive_of_saying_after_declined_or_expected_is_nothing_said():
    assert _voices("A spokesman for the club declined to comment.") == {}
    assert _voices("The minister is expected to announce the plan on Friday.") == {}
    assert _voices("Ana Ruiz refused to say whether she would stay.") == {}


def test_as_per_and_per_cite_a_source_as_according_to_does_but_a_rate_does_not():
    assert _voices("As per a Harbour Times report, the port will close.") == {"Harbour Times": ORGANISATION}
    assert _voices("Fares rose 5 per cent, per the ministry.") == {"the ministry": UNNAMED}
    assert _voices("Tickets cost $5 per person and 10 per Day.") == {}


def test_a_name_before_a_report_is_its_author_but_an_adjective_is_no_one():
    assert _voices("According to an Eastport Wire report, the mayor resigned.") == {"Eastport Wire": ORGANISATION}
    assert _voices("According to a new report, the mayor resigned.") == {}


def test_the_agent_of_a_thing_cited_is_no_voice():
    assert _voices("According to images shared by residents and local media, the bridge fell.") == {}


def test_he_is_the_one_person_named_before_him_in_his_own_sentence():
    found = article_voices(_article(
        "Ivo Marsh said he was proud of the club.",
        "While the club stated that Leo Brandt, its captain, was stepping down, he later announced that he was leaving."))
    brandt = next(v for v in found if v.name == "Leo Brandt")
    assert [m.cue for m in brandt.mentions] == ["announced"]
    assert [m.cue for m in next(v for v in found if v.name == "Ivo Marsh").mentions] == ["said"]


def test_he_after_a_speaker_of_his_sentence_stays_the_speakers():
    found = article_voices(_article("Ivo Marsh said Leo Brandt was wrong, and he added that he would appeal."))
    assert {v.name: len(v.mentions) for v in found} == {"Ivo Marsh": 2}


def test_a_bare_the_company_is_the_body_the_article_names_most():
    found = _voices("Brightlane fired its chief on Friday. Brightlane's board met for hours.",
                    "Ivo Marsh said he was shocked.",
                    "The company had earlier said that the chief would stay.")
    assert found == {"Ivo Marsh": PERSON, "Brightlane": ORGANISATION}


def test_the_firm_is_no_person_the_article_calls_he():
    found = _voices("Ivo Marsh said he was shocked.", "The firm said the chief would stay.")
    assert found["Ivo Marsh"] == PERSON


def test_calling_something_a_quoted_name_is_saying_so_calling_someone_is_not():
    assert _voices("The mayor called the plan “a disgrace to the whole city.”") == {"the mayor": UNNAMED}
    assert _voices("The mayor called the police at once.") == {}


def test_the_agent_of_a_passive_reporting_verb_speaks():
    assert _voices("The deal was hailed by analysts as a turning point.") == {"analysts": UNNAMED}
    assert _voices("The result was confirmed by the Harbour Authority on Monday.") == {"Harbour Authority": ORGANISATION}
    assert _voices("He was told to wait.") == {}


def test_depict_and_outline_report_but_many_or_some_alone_are_no_source():
    assert _voices("Prosecutors depicted him as a liar.") == {"prosecutors": UNNAMED}
    assert _voices("Many argue that the deal was a trap.") == {}
    assert _voices("Others warned that the dam would fail.") == {}
    assert _voices("Some of the money said to be missing was found.") == {}


def test_plural_people_joined_by_and_each_speak():
    assert _voices("Residents and shopkeepers said the water rose fast.") == {
        "residents": UNNAMED, "shopkeepers": UNNAMED}
    assert _voices("Ferry operators and harbour clinics also reported delays.") == {
        "Ferry operators": UNNAMED, "harbour clinics": UNNAMED}
    assert _voices("Apples and oranges said nothing.") == {}


def test_a_noun_the_lists_do_not_know_speaks_beside_a_quotation_a_sign_does_not():
    assert _voices("At noon the clerk said, “the jury has reached a verdict.”") == {"the clerk": UNNAMED}
    assert _voices("The sign said, “No entry for anyone here.”") == {}
    assert _voices("The clerk said the jury was out.") == {}


def test_the_subject_of_an_absolute_clause_after_with_speaks():
    assert _voices("Prices rose, with some observers labelling the move a “strategic shift.”") == {
        "some observers": UNNAMED}
    assert _voices("The team met with reporters asking questions.") == {}


def test_a_lowercase_brand_named_by_its_role_is_a_body():
    assert _voices("The ship was stuck, according to supply-chain data provider route77.") == {"route77": ORGANISATION}


def test_a_paragraph_of_quotation_alone_goes_on_with_the_speaker_of_the_paragraph_before():
    found = article_voices(_article("Ana Ruiz, the union's lawyer, said:",
                                    "“We will fight this decision in every court we can find.”",
                                    "The weather was grim that day.",
                                    "“Nobody wanted to be there at all, not even the judge.”"))
    ruiz = next(v for v in found if v.name == "Ana Ruiz")
    assert [(m.cue, m.passage_id) for m in ruiz.mentions] == [("said", "k:0"), ("quote", "k:1")]
    assert ruiz.mentions[1].quote == "We will fight this decision in every court we can find."


def test_a_source_of_the_sources_that_spoke_is_their_voice_another_source_is_not():
    found = article_voices(_article("Sources close to the Valdorian defence industry denied the report.",
                                    "A defence source said the talks went on.", "A diplomatic source said otherwise."))
    assert [(v.name, len(v.mentions)) for v in found] == [
        ("sources close to the Valdorian defence industry", 2), ("a diplomatic source", 1)]


def test_express_reports_only_beside_the_words_expressed():
    assert _voices("Ana Ruiz expressed: “I loved my time at the club and its people.”") == {"Ana Ruiz": PERSON}
    assert _voices("The minister expressed solidarity with the victims.") == {}


def test_a_reporting_verb_joined_by_and_shares_the_subject_of_the_verb_before():
    assert _voices("The minister paused and added that the plan was dead.") == {"the minister": UNNAMED}
    assert _voices("Ana Ruiz stepped down in May and said she was tired.") == {"Ana Ruiz": PERSON}
    assert _voices("The bank failed and regulators said it was insolvent.") == {"regulators": UNNAMED}
    assert _voices("Prices rose and said nothing.") == {}
