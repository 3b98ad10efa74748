"""Voices on kinds of text held-out stories showed missing (fixtures written for these tests): a body
publishing or keeping a position, a subject split from its verb by where it spoke, titled names, "according
to" variants, appositions, descriptions that refer back, and things that are no speakers."""

from __future__ import annotations

from models.insight.voices import ORGANISATION, PERSON, UNNAMED, article_voices
from tests.support.voices import article_of as _article
from tests.support.voices import voice_kinds as _voices


def test_a_body_classifying_or_assessing_states_a_position_a_team_assessing_damage_does_not():
    assert _voices("The Grain Standards Office classified the dye as a possible irritant.") == {
        "Grain Standards Office": ORGANISATION}
    assert _voices("The Orchard Review Panel has assessed that the daily dose is safe.") == {
        "Orchard Review Panel": ORGANISATION}
    assert _voices("The Grain Standards Office assessed the damage to the silos.") == {}
    assert _voices("Classified documents were found in the silos.") == {}


def test_a_body_reaffirming_or_advising_against_speaks_even_negated_in_the_present():
    assert _voices("The Tarn Valley Council also does not recommend the syrup for toddlers.") == {
        "Tarn Valley Council": ORGANISATION}
    assert _voices("The Tarn Valley Council has not said whether the syrup is safe.") == {}
    assert _voices("Another committee, the Joint Orchard Board, reaffirmed that the limit stands.") == {
        "Joint Orchard Board": ORGANISATION}


def test_a_capitalised_office_noun_after_a_name_word_ends_a_body_name():
    assert _voices("The Pharmacy Regulator issued a fresh warning on Monday.") == {"Pharmacy Regulator": ORGANISATION}
    assert _voices("Two officials of the Harbour Authority said the dock was shut.") != {"Harbour Authority": ORGANISATION}


def test_a_subject_split_from_its_verb_by_where_it_spoke_speaks():
    assert _voices("The ministry in the press release noted that exports fell.") == {"the ministry": UNNAMED}
    assert _voices("The mayor at a briefing said the bridge would reopen.") == {"the mayor": UNNAMED}
    assert _voices("Officials in the region said the bridge would reopen.") == {"officials in the region": UNNAMED}


def test_two_titled_names_joined_by_and_say_each_a_title_may_hold_numbers():
    found = article_voices(_article(
        "Dock Workers Local 3 president Ida Berg and Local 11 vice president Jo Kant say the offer is too low."))
    assert {(v.name, v.role) for v in found} == {
        ("Ida Berg", "Dock Workers Local 3 president"), ("Jo Kant", "Local 11 vice president")}


def test_a_reporting_verb_opening_its_sentence_gives_the_speaker_after_it():
    assert _voices("The walkout went on. Adds union steward Lu Pan: “Nobody is going back.”") == {"Lu Pan": PERSON}
    assert _voices("Notes on the budget: “Nobody is going back.”") == {}


def test_she_after_a_sentence_naming_one_person_who_did_not_speak_is_that_person():
    found = _voices("District Attorney Vera Holm did not hold back at a briefing.",
                    "“This was theft from every pensioner in the county, plain and simple,” she said.")
    assert found == {"Vera Holm": PERSON}


def test_according_to_a_work_of_a_body_cites_the_body():
    assert _voices("Rents rose 6 percent, according to analysis from Fenwick Capital.") == {
        "Fenwick Capital": ORGANISATION}


def test_according_to_reports_including_outlets_cites_each_outlet():
    found = _voices("The merger was agreed, according to media reports, including the Harbour Courier and Radio Vale.")
    assert {"Harbour Courier": ORGANISATION, "Radio Vale": ORGANISATION}.items() <= found.items()


def test_an_outlet_which_cited_a_source_both_speak():
    assert _voices("The merger was agreed, according to the Harbour Courier, which cited a person close to the talks.") == {
        "Harbour Courier": ORGANISATION, "a person close to the talks": UNNAMED}
    assert _voices("The union cited concerns about the night shifts.") == {}


def test_according_to_the_company_is_the_one_company_the_article_names():
    assert _voices("The mill will shut in May, according to the company.",
                   "Tarn Paper Ltd employs 300 people in the valley.") == {"Tarn Paper Ltd": ORGANISATION}


def test_a_name_before_a_role_and_said_is_the_speaker_and_the_role_ends_before_the_verb():
    found = article_voices(_article("“We will appeal,” Ivo Marsh, the defendant's lawyer said."))
    assert [(v.name, v.role) for v in found] == [("Ivo Marsh", "the defendant's lawyer")]


def test_a_name_set_off_after_a_role_speaks_with_an_auxiliary_too():
    found = article_voices(_article("The defendant's attorney, Ivo Marsh, has said the verdict will be appealed."))
    assert [(v.name, v.kind, v.role) for v in found] == [("Ivo Marsh", PERSON, "the defendant's attorney")]


def test_a_body_name_with_joins_and_its_kind_noun_speaks_whole():
    assert _voices("The Guild of Glaziers and Allied Crafts union said the offer was an insult.") == {
        "Guild of Glaziers and Allied Crafts union": ORGANISATION}


def test_a_number_with_a_thousands_comma_stays_in_its_description():
    assert _voices("The Glaziers Guild called a strike on Monday.", "The 12,000-strong union said it would not return.") == {
        "Glaziers Guild": ORGANISATION}


def test_a_description_the_verbs_clause_calls_his_is_the_person_named_before():
    assert _voices("Ivo Marsh was convicted of fraud in 2021.", "The former tycoon has maintained his innocence.") == {
        "Ivo Marsh": PERSON}


def test_a_described_speaker_then_named_right_after_is_one_person():
    found = article_voices(_article("A professor of surgery at Vale University says the risk is small.",
                                    "“Nobody should panic about this at all,” said Lin Okafor."))
    assert [(v.name, v.role, len(v.mentions)) for v in found] == [
        ("Lin Okafor", "a professor of surgery at Vale University", 2)]
    assert len(_voices("A witness says the car was red.", "“It was going very fast indeed,” said Lin Okafor.")) == 2


def test_a_statement_speaks_for_the_body_that_issued_it_and_is_never_a_voice_itself():
    assert _voices("The League of Grain Exporters met on Tuesday in Vienna.",
                   "The post-meeting statement said quotas would stay flat.") == {"League of Grain Exporters": ORGANISATION}
    assert _voices("The post-meeting statement said quotas would stay flat.") == {}


def test_a_description_across_a_relative_aside_speaks():
    assert _voices("The Glaziers Union called a strike.",
                   "The union, which has 4,000 members, said it would not return.") == {"Glaziers Union": ORGANISATION}


def test_things_and_glued_phrases_are_no_speakers():
    assert _voices("Recent economic indicators suggest that growth has slowed.") == {}
    assert _voices("Investors suggest that growth has slowed.") == {"investors": UNNAMED}
    assert _voices("Under the new agreement workers said they would get a raise.") == {"workers": UNNAMED}


def test_a_body_speaks_through_its_board():
    for text in ("The board of directors of Kestrel Air says the chief executive was not candid.",
                 "The board of Kestrel Air said the chief executive was not candid.",
                 "Kestrel Air's board said the chief executive was not candid."):
        assert _voices(text) == {"Kestrel Air": ORGANISATION}, text


def test_a_stray_comma_between_a_named_subject_and_its_verb():
    assert _voices("On the other side, Ana Ruiz, also took to X and expressed, “I loved my time at the club.”") == {
        "Ana Ruiz": PERSON}
    assert _voices("On Monday, Ana Ruiz, previously termed as a maverick, left the club.") == {}


def test_a_court_ruling_or_a_body_finding_that_states_a_verdict_a_person_finding_does_not():
    assert _voices("The Appeals Court ruled that the levy was unlawful.") == {"Appeals Court": ORGANISATION}
    assert _voices("The Appeals Court ruled out a retrial.") == {"Appeals Court": ORGANISATION}
    assert _voices("The Grain Standards Office found that the dye was safe.") == {"Grain Standards Office": ORGANISATION}
    assert _voices("Ana Ruiz found that the door was locked.") == {}
    assert _voices("Divers found the wreck on Monday.") == {}


def test_quoted_as_saying_is_the_subjects_speech_not_the_quoting_outlets():
    assert _voices("Ana Ruiz was quoted by the Harbour Courier as saying the plan was dead.") == {"Ana Ruiz": PERSON}


def test_a_participle_of_saying_after_a_comma_is_the_main_subjects_speech():
    found = article_voices(_article("The defendant's attorney, Ivo Marsh, expressed disappointment, saying the verdict was wrong."))
    assert [(v.name, v.role) for v in found] == [("Ivo Marsh", "the defendant's attorney")]
    assert _voices("Ana Ruiz took to X on Friday, writing that she was leaving the club.") == {"Ana Ruiz": PERSON}
    assert _voices("The storm hit the coast on Monday, saying nothing.") == {}
    assert _voices("When the plant closed, workers left, saying it was over.") == {}


def test_according_to_the_company_is_the_body_the_article_calls_a_company():
    assert _voices("The mill will shut in May, according to the company.",
                   "Tarn Paper, a family-owned paper company, employs 300 people, the Valley Times reported.") == {
        "Tarn Paper": ORGANISATION, "Valley Times": ORGANISATION}


def test_one_or_a_noun_beside_a_quotation_is_an_unnamed_speaker():
    assert _voices("“It is a disaster for all of us,” one rider said.") == {"one rider": UNNAMED}
    assert _voices("“It is a disaster for all of us,” said one rider at the stop.") == {"one rider": UNNAMED}


def test_a_body_named_before_speaks_through_its_leadership_or_a_statement_of_its_kind():
    assert _voices("The Glaziers Union voted to strike.",
                   "In a letter to members, the union's leadership said the offer was too low.",
                   "The offer is too low, according to a union statement.") == {"Glaziers Union": ORGANISATION}


def test_calling_something_an_adjective_of_judgement_is_saying_so():
    assert _voices("Ana Ruiz called the strike illegal and irresponsible.") == {"Ana Ruiz": PERSON}
    assert _voices("Ana Ruiz called the police.") == {}
    assert _voices("Ana Ruiz called the union official.") == {}
