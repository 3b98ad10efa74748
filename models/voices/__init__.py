"""Voices: the people and bodies each article quotes or cites, and where (the package's public API)."""

from models.voices.grouping import (
    ORGANISATION,
    PERSON,
    UNNAMED,
    Mention,
    Speaker,
    Voice,
    VoiceIndex,
    article_voices,
    match_speakers,
    voices,
)

__all__ = ["ORGANISATION", "PERSON", "UNNAMED", "Mention", "Speaker", "Voice", "VoiceIndex", "article_voices",
           "match_speakers", "voices"]
