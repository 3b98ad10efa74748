"""Voices: the people and bodies each article quotes or cites, and where.

Who an outlet lets speak is as much a part of its perspective as the words it uses. A voice is found by
reported speech: a speaker next to a verb of saying ("Turan said", "said professor Ilter Turan", "a defense
source told BBC Turkish", "Litovkin claimed that", "spokesman Peskov to once again warn"), a citation
("according to Litovkin", "citing Sergei Chemezov", "the announcement from Alexander Mikheyev", "in
Erdoğan's words"), or a quotation followed by its speaker. Words inside a quotation are the speaker's, so
they are never read as attributions themselves.

Speakers are kept honest: a named person or body is a voice under its name, with the role the text gives
it ("international relations professor", "the head of Russia's arms export agency Rosoboronexport"). A
body is named whole ("the Ukrainian General Staff", "Turkish Exporters Assembly", "U.S."), and a country,
capital or seat of government that speaks ("Moscow said", "the White House announced") is an organisation,
the state or government speaking through it, never a person. Anonymous sources are someone who can speak
("a defense source", "U.S. officials", "people familiar with the talks"; not "a statement" or "a source of
friction"), voices of their own kind, never guessed names, one voice per phrase in an article; "the same
source" goes back to the last anonymous source. A pronoun ("He said", "it said") is given to the nearest
speaker of its kind who spoke before it, never to a name merely mentioned, or dropped; a description ("The
Russian expert stated", "the canal authority chief", "the company") goes to the speaker it describes (by
its role's words, or the body that spoke last), "the ministry" to the ministry named last, or stays a voice
of its own; an acronym that speaks is the body of those initials.

Within an article the names of one person meet by surname ("Recep Tayyip Erdogan", "President Erdogan",
"Erdogan"); across articles they are matched with rapidfuzz on folded names, so spelling variants
("Erdoğan", "Erdogan", "Mikheyev", "Mikheev") become one speaker.

The package, one job per module (names starting with `_` are shared between these modules only):

| module | its one job |
|---|---|
| `records.py` | the records handed out: Mention, Voice, Speaker, and the kinds PERSON, ORGANISATION, UNNAMED |
| `lexicon.py` | the reporting verbs as lemmas, every inflected form found through the shared lemmatiser |
| `words.py` | the word lists (role, source and body nouns, titles, dates) and tests on single words |
| `places.py` | places that speak, from the article's evidence (a name used as a place, a place word, a place role); no gazetteer |
| `sentences.py` | quotation and sentence spans (not ending at "U.S." or "Gen."); one sentence's tokens, abbreviations whole |
| `phrases.py` | a noun phrase read as a speaker: name, role, title, affiliation, anonymous source, description |
| `attribution.py` | the attributions of a passage: speech verbs, "according to", "citing", citing nouns |
| `roles.py` | a named voice's fullest name and its role, from anywhere in the article |
| `referents.py` | whom a pronoun or description no speaker answers to means: the article's subject, a person's gender, the person of an age or a role |
| `grouping.py` | one article's attributions grouped into Voices (surnames, pronouns, descriptions) |
| `speakers.py` | the same speaker across articles, matched with rapidfuzz |
| `index.py` | VoiceIndex: a corpus's voices, worked out on first use, and `voices(corpus)` |
"""

from models.insight.voices.grouping import article_voices
from models.insight.voices.index import VoiceIndex, voices
from models.insight.voices.records import ORGANISATION, PERSON, UNNAMED, Mention, Speaker, Voice
from models.insight.voices.speakers import match_speakers

__all__ = ["ORGANISATION", "PERSON", "UNNAMED", "Mention", "Speaker", "Voice", "VoiceIndex", "article_voices",
           "match_speakers", "voices"]
