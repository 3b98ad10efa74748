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
