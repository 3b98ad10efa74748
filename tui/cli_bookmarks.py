"""`parallax bookmarks [list|export]`: the saved bookmarks, for reading and for scripts.

    parallax bookmarks [list] [PATH ...] [--data-dir DIR] [--json] [--topic ID ...] [--config FILE]
    parallax bookmarks export [PATH ...] [--data-dir DIR] [--json] [--topic ID ...] [-o FILE] [--force]

Exit codes as for `parallax analyze`: 0 done; 1 done, but some article files were skipped (each named on
stderr); 2 a bad command line or config, an unknown action or topic, or an output file that exists (without
`--force`) or cannot be written. Output goes to stdout unless `-o FILE` is given (see `emit` in tui/cli_common.py).

Bookmarks are resolved against the articles given as PATHs; with none, against the files the bookmarks
were made in (those still there), else seeds/. Only those files are read, not the rest of their folders: a
bookmark made on one article in ~/Downloads must not make the command read, and report, everything else
there. Their folder's own topics.yaml applies (when they all share one folder), so configured topics are as
in the reader; topics *discovered* across a story need all of its articles, and a line on stderr says so
(`parallax bookmarks PATH` with the story's folder shows them). The bookmark store records only the file
each bookmark was made in, not which files were open with it. Analyses come from the analysis cache (unless
`--no-cache`). Each is *found*, *orphaned* (its article is loaded but the passage is gone) or *in other
articles* (its article is not among those loaded). A data folder with no
bookmark store is reported as such; nothing is created by listing. `list` shows the newest first, as the
reader's list does; its passages are cut to QUOTE_CHARS at a word and end with "…" when cut. Everything
printed that comes from an article or a note is plain text with control characters stripped.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tui.cli_common import (Command, articles_options, data_options, emit, exit_code, load, output_options, plain,
                            refuse_existing, report_problems, topic_ids, topic_options, unknown_topics,
                            with_fetch_problems, write_stdout)

if TYPE_CHECKING:
    from models.document import Corpus
    from models.store.anchor import Resolution
    from models.store.bookmarks import Bookmark
    from models.store.placement import Placement

QUOTE_CHARS = 160
# Quotation marks a passage may open with: the listing then adds none of its own.
OPENING_QUOTES = "“\"‘'«„‚‹「『"


class Loaded(NamedTuple):
    """The bookmarks, where they were read from, the corpus they are resolved against, and the outcome."""

    store: str | None  # the store's file, or None when there is none (nothing saved yet, or in memory)
    warning: str | None
    bookmarks: list[Bookmark]
    corpus: Corpus
    resolutions: dict[str, Resolution]
    placements: dict[str, Placement]


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text or Markdown")


def _configure_list(parser: argparse.ArgumentParser) -> None:
    _configure(parser)
    # Not an option of `list`: accepted only to say where it belongs.
    parser.add_argument("-o", "--output", metavar="FILE", help=argparse.SUPPRESS)


# --- actions ---------------------------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    prog = "parallax bookmarks list"
    if args.output:
        print(f"{prog}: -o is for 'parallax bookmarks export'", file=sys.stderr)
        return 2
    topics = topic_ids(args.topic)
    loaded = load_bookmarks(args, prog, topics)
    if loaded is None:
        return 2
    # Newest first, as in the reader; the store gives them oldest first (by creation, then insertion).
    shown = [b for b in reversed(loaded.bookmarks) if _on_topics(b, loaded, topics)]
    write_stdout(_json(shown, loaded) if args.json else list_text(shown, loaded))
    report_problems(loaded.corpus.problems)
    return exit_code(loaded.corpus)


def run_export(args: argparse.Namespace) -> int:
    return export_bookmarks(args, "parallax bookmarks export", as_json=args.json)


def export_bookmarks(args: argparse.Namespace, prog: str, *, as_json: bool) -> int:
    """The bookmarks as Markdown (or JSON) to stdout or `-o FILE` (also `parallax export --bookmarks`)."""
    from models.export.report import export_bookmarks_markdown

    if refuse_existing(args, prog):
        return 2
    topics = topic_ids(args.topic)
    loaded = load_bookmarks(args, prog, topics)
    if loaded is None:
        return 2
    if as_json:
        text = _json([b for b in loaded.bookmarks if _on_topics(b, loaded, topics)], loaded)
    else:
        text = export_bookmarks_markdown(loaded.corpus, loaded.bookmarks, loaded.resolutions, topics)
    code = emit(text, args, prog)
    report_problems(loaded.corpus.problems)
    return code or exit_code(loaded.corpus)


# --- loading ---------------------------------------------------------------------------------------------


def load_bookmarks(args: argparse.Namespace, prog: str, topics: list[str] | None) -> Loaded | None:
    """The store's bookmarks resolved against the articles; None (after saying why on stderr) when the store
    cannot be read or a topic is unknown. A missing store is said on stderr and is not created."""
    from models.document import Corpus
    from models.loader import analyze
    from models.store.bookmarks import BookmarkError, open_store, resolve_all, store_path
    from models.store.placement import placements

    path = store_path(args.data_dir)
    store_name: str | None = None
    warning: str | None = None
    bookmarks: list[Bookmark] = []
    if not path.exists():
        where = path.parent if not path.parent.is_dir() else path
        warning = (f"no bookmarks have been saved in {where}: "
                   + ("the folder does not exist" if where == path.parent else "the file does not exist"))
        print(f"{prog}: {plain(warning)}", file=sys.stderr)
    else:
        opened = open_store(args.data_dir)
        warning = opened.warning
        if warning:
            print(f"{prog}: {plain(warning)}", file=sys.stderr)
        store_name = str(opened.store.path) if opened.store.path else None
        try:
            bookmarks = opened.store.list()
        except BookmarkError as exc:
            print(f"{prog}: {plain(str(exc))}", file=sys.stderr)
            return None
        finally:
            opened.store.close()
    nothing_to_resolve = not bookmarks and not args.paths and not args.urls
    if not args.paths:
        args.paths = bookmarked_files(bookmarks)
        _use_topics_beside(args)
        if others_beside(args.paths):
            again = {"parallax export": "parallax export --bookmarks",
                     "parallax bookmarks list": "parallax bookmarks"}.get(prog, prog)
            print(f"{prog}: read only the files holding bookmarks; topics discovered across a story show when "
                  f"given its folder ({again} PATH)", file=sys.stderr)
    config, paths = load(args)
    if unknown_topics(config.topics, topics, prog):
        return None
    corpus = with_fetch_problems(args, Corpus((), (), ()) if nothing_to_resolve
                                 else analyze(paths, config, cache=not args.no_cache))
    resolutions = resolve_all(bookmarks, corpus)
    return Loaded(store_name, warning, bookmarks, corpus, resolutions, placements(bookmarks, corpus, resolutions))


def bookmarked_files(bookmarks: list[Bookmark]) -> list[str]:
    """The article files the bookmarks were made in (those still there), each once, in the order first used."""
    files: list[str] = []
    for bookmark in bookmarks:
        path = bookmark.article.path
        if path and path not in files and Path(path).is_file():
            files.append(path)
    return files


def _use_topics_beside(args: argparse.Namespace) -> None:
    """With no --config, the topics.yaml of the one folder `args.paths` are in, if it has one, as the reader
    opened on that folder uses it (said on stderr, as for a folder given as PATH)."""
    from models.config import topics_in

    folders = {Path(p).parent for p in args.paths}
    if args.config is not None or len(folders) != 1:
        return
    beside = topics_in(next(iter(folders)))
    if beside is not None:
        args.config = str(beside)
        print(f"parallax: using the topics of {plain(str(beside))}", file=sys.stderr)


def others_beside(files: list[str]) -> bool:
    """Whether a folder of `files` holds another article file (one not read, whose story's discovered topics
    are then not the reader's): the first one found is enough, nothing is read."""
    from models.pipeline.ingest import ARTICLE_SUFFIXES

    chosen = {Path(f).resolve() for f in files}
    for folder in {Path(f).parent for f in files}:
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if (entry.name.lower().endswith(ARTICLE_SUFFIXES) and entry.is_file()
                            and Path(entry.path).resolve() not in chosen):
                        return True
        except OSError:
            continue
    return False


def _on_topics(bookmark: Bookmark, loaded: Loaded, topics: list[str] | None) -> bool:
    if topics is None:
        return True
    resolution = loaded.resolutions.get(bookmark.id)
    if resolution is not None and resolution.passage_id in loaded.corpus.passages_by_id:
        now = loaded.corpus.passage(resolution.passage_id).topic_ids
    else:
        now = bookmark.topics
    return bool(set(now) & set(topics))


# --- printing --------------------------------------------------------------------------------------------


def list_text(bookmarks: list[Bookmark], loaded: Loaded) -> str:
    """The plain-text listing of `bookmarks` (in the order given), one block each."""
    from models.export.report import TOPIC_SEPARATOR

    corpus = loaded.corpus
    where = loaded.store or "memory"
    if not bookmarks:
        return "No bookmarks.\n" if loaded.store is None else f"No bookmarks (in {plain(where)}).\n"
    states = [loaded.placements[b.id] for b in bookmarks]
    aside = [f"{states.count('orphaned')} orphaned"] if "orphaned" in states else []
    if "elsewhere" in states:
        aside.append(f"{states.count('elsewhere')} in other articles")
    lines = [f"{len(bookmarks)} bookmark{'s' if len(bookmarks) != 1 else ''} in {plain(where)}"
             + (f" ({', '.join(aside)})" if aside else "")]
    for bookmark, state in zip(bookmarks, states):
        resolution = loaded.resolutions[bookmark.id]
        lines.append("")
        if state == "found":
            passage = corpus.passage(resolution.passage_id or "")
            article = corpus.articles_by_id[passage.article_id]
            head = f"{article.display_title} ¶{passage.index + 1} · {resolution.status}"
            quote, topic_ids_now = passage.text, passage.topic_ids
        else:
            name = bookmark.article.title or Path(bookmark.article.path).name
            why = ("orphaned (passage not found)" if state == "orphaned"
                   else "in other articles (not loaded: " + Path(bookmark.article.path).name + ")")
            head = f"{name} · {why}"
            quote, topic_ids_now = bookmark.passage.exact, bookmark.topics
        lines.append(plain(head))
        lines.append("  " + quoted(plain(quote)))
        labels = [(topic.label if (topic := corpus.topic(t)) else t) for t in topic_ids_now]
        lines.append("  topics: " + (plain(TOPIC_SEPARATOR.join(labels)) if labels else "none"))
        if bookmark.note:
            lines.append("  note: " + plain(bookmark.note))
        if bookmark.tags:
            lines.append("  tags: " + plain(", ".join(bookmark.tags)))
        lines.append(f"  {plain(bookmark.created)} · id {bookmark.id[:8]}")
    return "\n".join(lines) + "\n"


def quoted(text: str, limit: int = QUOTE_CHARS) -> str:
    """A passage in quotation marks, cut to `limit` characters at a word with "…" when longer.

    A passage that opens with a quotation mark of its own (“We are not hesitant…,” Erdogan said.) is
    shown as it is: wrapping it again would double the mark."""
    text = " ".join(text.split())
    own = text[:1] in OPENING_QUOTES
    room = limit if own else limit - 2
    short = shorten(text, room)
    if own:
        return short
    return "“" + short + "”"


def shorten(text: str, limit: int) -> str:
    """`text` (whitespace collapsed) when it fits in `limit` characters, else cut at the last word that
    fits and ended with "…" (the "…" counted in `limit`)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—" + OPENING_QUOTES) + "…"


def _json(bookmarks: list[Bookmark], loaded: Loaded) -> str:
    from models.export.report import bookmark_article
    from models.store.bookmarks import bookmark_to_dict

    from models.store.anchor import Resolver

    items = []
    resolver = Resolver(loaded.corpus)
    for bookmark in bookmarks:
        resolution = loaded.resolutions.get(bookmark.id)
        data = bookmark_to_dict(bookmark, resolution)
        passage = loaded.corpus.passages_by_id.get(resolution.passage_id or "") if resolution else None
        data["text"] = passage.text if passage else None
        # Who published it, from the loaded article (None when the article is not loaded or does not say).
        article = bookmark_article(loaded.corpus, bookmark, resolution, resolver)
        data["article"]["outlet"] = article.source if article else None
        data["article"]["author"] = article.author if article else None
        data["placement"] = loaded.placements[bookmark.id]
        items.append(data)
    doc = {
        "store": loaded.store,
        "warning": loaded.warning,
        "bookmarks": items,
        "problems": [{"path": p.path, "message": p.message} for p in loaded.corpus.problems],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


_SHARED = (articles_options, data_options, topic_options)

COMMAND = Command(
    name="bookmarks",
    help="list or export the saved bookmarks",
    description="The saved bookmarks: 'list' (the default) or 'export' as Markdown. Each is looked up in the "
                "articles under PATH (no PATH: the files they were made in) and shown as found, orphaned "
                "(the passage is gone from its article) or in other articles (its article is not loaded).",
    actions=(
        Command(name="list", help="list the bookmarks, newest first (the default)", run=run_list,
                configure=_configure_list, parents=_SHARED),
        Command(name="export", help="write the bookmarks as Markdown (or --json)", run=run_export,
                configure=_configure, parents=(*_SHARED, output_options)),
    ),
)
