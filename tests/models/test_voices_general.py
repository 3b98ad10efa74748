"""Voices: kinds of text that failed on stories nobody tuned on (fixtures written for these tests): a body's
full name with an "of" after a join, a common plural opening a sentence, a participle of saying after a verb
followed by a noun that is also a verb of saying, an acronym spelled like a clause word."""

from __future__ import annotations

from models.insight.voices import ORGANISATION, PERSON, UNNAMED, article_voices
from tests.support.voices import article_of as _article
from tests.support.voices import voice_kinds as _voices


def test_a_bodys_name_goes_on_over_of_after_a_join():
    assert _voices("The Office for the Coordination of Flood Relief said 400 homes were lost.") == {
        "Office for the Coordination of Flood Relief": ORGANISATION}
    assert _voices("The Centre for the Study of River Towns said the banks were weak.") == {
        "Centre for the Study of River Towns": ORGANISATION}
    # A person's affiliation is still cut off: no body word before the "of".
    assert _voices("Ana Ruiz of Harbor Steel said the plant would close.") == {"Ana Ruiz": PERSON}


def test_a_description_of_a_body_named_in_full_is_that_body():
    found = article_voices(_article(
        "The Office for the Coordination of Flood Relief said 400 homes were lost.",
        "“Needs grow by the hour,” the relief agency said."))
    assert [(v.name, len(v.mentions)) for v in found] == [("Office for the Coordination of Flood Relief", 2)]


def test_a_common_plural_opening_a_sentence_is_no_name():
    assert _voices("Videos said the bridge had fallen.") == {}
    assert _voices("Photos showed the flood.", "Photos said the town was cut off.") == {}
    # A surname that is also a common plural is a name when the article writes it as one.
    assert _voices("Lena Waters runs the shelter.", "Waters said the town was cut off.") == {"Lena Waters": PERSON}


def test_saying_after_a_verb_whose_object_is_also_a_verb_of_saying():
    assert _voices("Mayor Ana Ruiz expressed regret over the delay, saying the alarm had failed.") == {
        "Ana Ruiz": PERSON}
    assert _voices("The Harbor Board voiced concern, warning that the quay was unsafe.") == {
        "Harbor Board": ORGANISATION}


def test_an_acronym_spelled_like_a_clause_word_is_a_name():
    assert _voices("A senior WHO official said the wards were full.") == {"a senior WHO official": UNNAMED}


def test_a_bodys_name_in_lowercase_with_what_it_is_of():
    assert _voices("The ministry of fisheries said the quota would stay.") == {"ministry of fisheries": ORGANISATION}
    assert _voices("The office of the harbour master said the quay was shut.") != {
        "office of the harbour master": ORGANISATION}


def test_both_of_a_pair_speak_and_statements_in_the_plural_are_delivered():
    assert _voices("Both Ana Ruiz and Tom Lee said the deal was off.") == {"Ana Ruiz": PERSON, "Tom Lee": PERSON}
    assert _voices("Ana Ruiz and Tom Lee have issued statements saying they will appeal.") == {
        "Ana Ruiz": PERSON, "Tom Lee": PERSON}


def test_an_aside_between_dashes_leaves_the_subject_speaking():
    found = article_voices(_article(
        "Kestrel chief executive Ana Ruiz - who will reportedly stay in post - repeated that the appeal would go on."))
    assert [(v.name, v.kind, v.role) for v in found] == [("Ana Ruiz", PERSON, "Kestrel chief executive")]
    found = article_voices(_article("Tom Lee — a former harbour pilot — said the channel was too narrow."))
    assert [(v.name, v.role) for v in found] == [("Tom Lee", "a former harbour pilot")]
    assert _voices("The plan - which the council approved in May - said the tower would rise.") == {}


def test_a_possessive_name_before_a_name_is_where_the_speaker_works():
    found = article_voices(_article("Harbor Steel’s Ana Ruiz said the plant would close.", "Ruiz added that talks were over."))
    assert [(v.name, v.affiliation, len(v.mentions)) for v in found] == [("Ana Ruiz", "Harbor Steel", 2)]


def test_according_to_a_role_then_the_name_it_describes():
    found = article_voices(_article(
        "The term was too short, according to the channel’s legal analyst, former prosecutor Dean Jones."))
    assert [(v.name, v.kind, v.role) for v in found] == [
        ("Dean Jones", PERSON, "the channel’s legal analyst, former prosecutor")]
    assert _voices("According to the police, Ana Ruiz, 42, was arrested at home.") == {"the police": UNNAMED}


def test_a_bodys_description_goes_to_the_body_its_initials_stand_for():
    found = article_voices(_article(
        "The Harbour Safety Watch (HSW) published its review on Monday, which says the quay is unsafe.",
        "The ruling follows early comments released by HSW in May. The regulator argues that “the risks are clear.”"))
    assert [(v.name, v.kind) for v in found] == [("Harbour Safety Watch", ORGANISATION)]


def test_a_weekday_is_no_body_a_description_means():
    assert "Monday" not in _voices("The Harbour Regulator blocked the deal on Monday, the company said.")


def test_a_role_whose_head_is_a_body_makes_the_name_a_body():
    found = article_voices(_article("Polaris, an EU programme aimed at building satellite services, said July was hot."))
    assert [(v.name, v.kind) for v in found] == [("Polaris", ORGANISATION)]
    found = article_voices(_article("According to Polaris, the Union’s climate research and monitoring center, July was hot."))
    assert [(v.name, v.kind) for v in found] == [("Polaris", ORGANISATION)]
    assert _voices("Ana Ruiz, director of the monitoring center, said July was hot.") == {"Ana Ruiz": PERSON}


def test_a_participle_clause_with_what_someone_said_leaves_the_main_speaker():
    assert _voices("The board’s chief executive Ana Ruiz also refuted the claims, reiterating what the regulator "
                   "said in its verdict.").get("Ana Ruiz") == PERSON


def test_a_gerund_of_saying_after_by_is_the_subjects_speech():
    assert _voices("Tom Lee spoke against the board by saying the decision was wrong.") == {"Tom Lee": PERSON}
    assert _voices("Harbor vice chair and president Tom Lee spoke against the board earlier this week by saying "
                   "the decision was wrong.") == {"Tom Lee": PERSON}


def test_a_name_inside_another_speakers_sentence_is_not_whom_she_said_means():
    found = article_voices(_article(
        "Tom Lee said the ruling was the darkest day for the firm. Lee said it would appeal.",
        "The board’s chief executive Ana Ruiz rejected the claims of Tom Lee.",
        "The board’s chief executive Ana Ruiz also refuted Lee’s claims.",
        "“The market is open,” she said."))
    mentions = {v.name: [m.passage_id for m in v.mentions] for v in found}
    assert mentions["Ana Ruiz"][-1] == "k:3" and "k:3" not in mentions["Tom Lee"]


def test_a_persons_office_in_a_body_keeps_the_person():
    found = article_voices(_article("“The record is stunning,” said Ed Rowe, University of Harbury climate change professor."))
    assert [(v.name, v.kind) for v in found] == [("Ed Rowe", PERSON)]


def test_he_said_is_the_man_named_by_surname_in_his_sentence():
    found = article_voices(_article(
        "The term was set on Friday by District Judge Tom Varga in Harbury.",
        "The story has gripped Harbour Valley, inspiring books and films about the founder.",
        "Ruiz’s lawyers asked Varga to let Ruiz stay free while she appeals — which he said he would decide later."))
    names = {v.name: [m.passage_id for m in v.mentions] for v in found}
    assert names.get("Tom Varga") == ["k:2"] and "Harbour Valley" not in names


def test_menu_words_glued_to_a_name_are_not_its_given_name():
    found = article_voices(_article("HomeBusinessAna Ruiz sentenced", "“I am sorry,” Ruiz said."))
    assert [v.name for v in found] == ["Ruiz"]
