"""What loading a corpus reports as it goes: typed events, consumed by the reader and the command line alike.

`models.loader.load` yields them in this order: `Progress` (the phase named, files done of files), each
article as an `ArticleReady` as soon as it is analysed (a later one with the same id replaces it: the same
article met again, with a note), a `ProblemFound` for each file that could not be read (or was read only in
part), a `Notice` about the run itself (a cache rebuilt), then the corpus stage's own `Progress` (linking...)
and, last, `Done` with the final Corpus, whose links and corpus-wide tags replace what the partial articles had.

The corpus stage (models/pipeline/corpus.py) imports only this module of the loader's, so the pipeline never
depends on the loader.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.document import Article, Corpus, Problem

# Phases: the per-article stage, then the corpus stage. The corpus stage may name phases of its own.
READING = "reading"  # articles found in the cache
ANALYSING = "analysing"  # articles analysed now (cleaning, metadata, passages, topics)
REPETITION = "repetition"  # the corpus stage: furniture repeated across articles
LINKING = "linking"  # the corpus stage: statistics, discovered topics, links across articles

LABELS = {
    READING: "Reading articles",
    ANALYSING: "Analysing articles",
    REPETITION: "Finding furniture repeated across articles",
    LINKING: "Discovering topics and linking passages",
}


@dataclass(frozen=True)
class Progress:
    """Where loading is: `done` of `total` steps of `phase` (files, or the corpus stage's own units).

    `label` says it to a person ("Linking passages"); `name` is the file being worked on (untrusted text, as
    every path is) and `step` what happens to it now when that takes long ("cleaning", "tagging topics").
    """

    phase: str
    done: int
    total: int
    name: str = ""
    step: str = ""
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", LABELS.get(self.phase, self.phase.capitalize()))


@dataclass(frozen=True)
class ArticleReady:
    """An analysed article, with its per-article tags only; the Corpus in `Done` has the final version."""

    article: Article


@dataclass(frozen=True)
class ProblemFound:
    """A file that could not be read, or was read with a caveat (e.g. only its first part)."""

    problem: Problem


@dataclass(frozen=True)
class Notice:
    """Something about the run rather than one file (the analysis cache could not be used...); `about` names
    what it concerns ("cache")."""

    message: str
    about: str = ""


@dataclass(frozen=True)
class Done:
    """Loading has finished: the corpus with every article, its links and problems."""

    corpus: Corpus


LoadEvent = Progress | ArticleReady | ProblemFound | Notice | Done
