"""Paragraphs of an invented story for the cleaner's tests: an invented harbour authority, a grain ship
refloated from a sandbank. Written for the tests; no outlet's text.

The bodies the cleaner must keep whole, and the two one-line helpers both test files use on them.
"""

from __future__ import annotations

from models.config import Config
from models.pipeline.clean import Cleaned, clean

P1 = (
    "The harbour authority said on Monday that the grain ship had been refloated after two days on the sandbank, "
    "and that traffic through the channel would resume by the end of the week."
)
P2 = (
    "Officials blamed a sudden change in the tide for the grounding, although the pilots' union said that the "
    "dredging of the channel had been delayed for years and that the risk was well known."
)
P3 = (
    "Insurers are expected to face claims from the owners of the cargo held up behind the ship, which included "
    "fruit, fertiliser and several hundred cars bound for ports further north."
)
P4 = "The authority did not say how long the inquiry into the grounding would take, or who would lead it."


def run(text: str, config: Config) -> Cleaned:
    """The cleaner on `text` with the config's cleaning rules."""
    return clean(text, config.cleaning)


def kept(text: str, config: Config) -> list[str]:
    """The paragraphs the cleaner keeps, as text."""
    return [p.text for p in run(text, config).paragraphs]
