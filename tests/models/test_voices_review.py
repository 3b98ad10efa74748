"""Voices: cases a review of the participle, organ, title, role, verdict and "cited" readings found wrong
(fixtures written for these tests)."""

from __future__ import annotations

from models.insight.voices import ORGANISATION, PERSON, UNNAMED, article_voices
from models.insight.voices.referents import _person_words
from models.insight.voices.roles import _before_verb
from tests.support.voices import article_of as _article
from tests.support.voices import voice_kinds as _voices


def test_a_participle_right_after_the_main_verb_is_its_subjects_speech():
    assert _voices("Ana Ruiz resigned, saying she was tired.") == {"Ana Ruiz": PERSON}


def test_a_past_form_describing_the_subject_is_not_the_main_verb():
    assert _voices("Storm-battered residents left, saying it was over.") == {"residents": UNNAMED}
    assert "Newly" not in _voices("Newly elected mayor Ana Ruiz expressed regret, saying the vote was lost.")
    assert _voices("Ana Ruiz quickly responded, saying the vote was lost.") == {"Ana Ruiz": PERSON}


def test_a_persons_leadership_is_no_body():
    assert _voices("Ruiz's leadership said the plan would go ahead.") == {}
    assert "Ana Ruiz" not in _voices("The leadership of Ana Ruiz said the plan would go ahead.")
    assert _voices("The Dock Workers Union's leadership said the plan would go ahead.") == {
        "Dock Workers Union": ORGANISATION}
    assert _voices("Kestrel Air's board said the plan would go ahead.") == {"Kestrel Air": ORGANISATION}


def test_a_surname_that_is_also_a_title_stays_in_the_name():
    assert _person_words(["Ana", "King"]) == ["Ana", "King"]
    assert _person_words(["Martin", "Luther", "King"]) == ["Martin", "Luther", "King"]
    assert _person_words(["Jo", "Major"]) == ["Jo", "Major"]
    assert _person_words(["President", "Ana", "Ruiz"]) == ["Ana", "Ruiz"]


def test_a_plural_noun_in_a_role_does_not_end_it():
    assert _before_verb("senior claims adjuster at Vale Mutual") == "senior claims adjuster at Vale Mutual"
    assert _before_verb("head of reports and statistics") == "head of reports and statistics"
    assert _before_verb("the defendant's lawyer said the verdict was wrong") == "the defendant's lawyer"


def test_a_court_ruling_with_an_adverb_before_that_is_a_verdict():
    assert _voices("The Appeals Court ruled unanimously that the fine was lawful.") == {"Appeals Court": ORGANISATION}


def test_a_participle_after_the_same_speakers_verb_is_one_act_of_speech():
    found = article_voices(_article("Ana Ruiz warned the council, adding that the roof was unsafe."))
    assert [(v.name, len(v.mentions)) for v in found] == [("Ana Ruiz", 1)]


def test_people_a_report_or_study_cites_are_no_sources():
    assert _voices("The report cited three workers who were hurt.") == {}
    assert _voices("The study cited rising costs and two experts at Vale University.") == {}
    assert _voices("The Daily Ledger, which cited a source familiar with the matter, said the deal was off.") == {
        "a source familiar with the matter": UNNAMED, "Daily Ledger": ORGANISATION}
    assert _voices("The Daily Ledger cited two officials at the port.") == {"two officials at the port": UNNAMED}
