"""`parallax export` and `parallax bookmarks`: the Markdown comparison and the bookmarks, for scripts.

    parallax export [PATH ...] [--config FILE] [--topic ID ...] [--bookmarks] [--data-dir DIR]
                    [-o FILE] [--force]
    parallax bookmarks [list|export] [PATH ...] [--config FILE] [--data-dir DIR] [--json]
                       [--topic ID ...] [-o FILE] [--force]

Exit codes as for `parallax analyze`: 0 done; 1 done, but some article files were skipped (each named on
stderr); 2 a bad command line or config, an unknown topic, or an output file that exists (without
`--force`) or cannot be written. Output goes to stdout unless `-o FILE` is given; a file is written through
a temporary file and renamed into place, and an existing one is only replaced with `--force`.

Bookmarks are resolved against the articles given as PATHs; with none, against the files the bookmarks
were made in (those still there), else seeds/. `bookmarks list` shows the newest first, as the reader's
list does; its passages are cut to QUOTE_CHARS at a word and end with "…" when cut. Everything printed that
comes from an article or a note is plain text with control characters stripped: nothing in it is
interpreted as markup or a terminal escape.

A reader that stops reading early (`parallax export | head -1`) is not an error: the rest of the output is
dropped quietly, problems still go to stderr and the exit code is what it would have been.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from models.store.bookmarks import Bookmark, BookmarkError, Opened, bookmark_to_dict, open_store, resolve_all
from models.document import Corpus
from models.export.report import OutputExistsError, export_bookmarks_markdown, export_markdown, write_output
from models.pipeline.ingest import sanitize

ACTIONS = ("list", "export")
QUOTE_CHARS = 160
# Quotation marks a passage may open with: the listing then adds none of its own.
OPENING_QUOTES = "“\"‘'«„‚‹「『"


# --- parsers -------------------------------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--config", metavar="FILE", help="a config.yaml to use instead of the bundled one")
    parser.add_argument("--data-dir", metavar="DIR", help="where bookmarks are kept (default: $PARALLAX_DATA_DIR, "
                                                         "else the user data folder)")
    parser.add_argument("--topic", action="append", metavar="ID", default=[],
                        help="only this topic (repeat, or separate ids with commas)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def build_export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax export",
        description="Write a Markdown comparison of the articles: sources, coverage matrix, and per topic each "
                    "article's passages and the links between them (no PATH: seeds/).",
    )
    _common(parser)
    parser.add_argument("--bookmarks", action="store_true",
                        help="export the bookmarked passages, grouped by topic, with notes and tags "
                             "(no PATH: the files they were made in)")
    return parser


def build_bookmarks_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax bookmarks",
        usage="parallax bookmarks [list|export] [PATH ...] [--config FILE] [--data-dir DIR] [--json] "
              "[--topic ID] [-o FILE] [--force]",
        description="List the bookmarks (default) or export them as Markdown. Each is looked up in the articles "
                    "under PATH (no PATH: the files they were made in) and shown as found or orphaned.",
    )
    _common(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text or Markdown")
    return parser


# --- parallax export -----------------------------------------------------------------------------------


def _quiet_when_stdout_closes(main: Callable[[list[str]], int]) -> Callable[[list[str]], int]:
    """Run a subcommand so that a closed stdout anywhere in it ends it quietly (see `_write_stdout`)."""

    @functools.wraps(main)
    def run(argv: list[str]) -> int:
        try:
            return main(argv)
        except BrokenPipeError:
            _drop_stdout()
            return 0

    return run


@_quiet_when_stdout_closes
def export_main(argv: list[str]) -> int:
    """`parallax export ...` (argv after the subcommand name); returns the exit code."""
    args = build_export_parser().parse_args(argv)
    prog = "parallax export"
    topics = _topic_ids(args.topic)
    if _refuse_existing(args, prog):
        return 2
    if args.bookmarks:
        return _export_bookmarks(args, prog, topics, as_json=False)
    from models.loader import analyze
    from tui.cli import exit_code, load, report_problems

    config, paths = load(args)
    if _unknown_topics(config.topics, topics, prog):
        return 2
    corpus = analyze(paths, config)
    code = _emit(export_markdown(corpus, topics, config_topics=config.topics), args, prog)
    report_problems(corpus.problems)
    return code or exit_code(corpus)


# --- parallax bookmarks --------------------------------------------------------------------------------


@_quiet_when_stdout_closes
def bookmarks_main(argv: list[str]) -> int:
    """`parallax bookmarks [list|export] ...` (argv after the subcommand name); returns the exit code."""
    argv = list(argv)
    action = argv.pop(0) if argv and argv[0] in ACTIONS else "list"
    args = build_bookmarks_parser().parse_args(argv)
    prog = f"parallax bookmarks {action}"
    topics = _topic_ids(args.topic)
    if action == "export":
        if _refuse_existing(args, prog):
            return 2
        return _export_bookmarks(args, prog, topics, as_json=args.json)
    if args.output:
        print(f"{prog}: -o is for 'parallax bookmarks export'", file=sys.stderr)
        return 2
    return _list_bookmarks(args, prog, topics)


def _loaded(args: argparse.Namespace, prog: str, topics: list[str] | None):
    """The store's bookmarks, the corpus they are resolved against, and the resolutions; None (after saying
    why on stderr) when the store cannot be read or the articles cannot be loaded."""
    opened = _open(args, prog)
    try:
        bookmarks = opened.store.list()
    except BookmarkError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return None
    finally:
        opened.store.close()
    corpus = _corpus_for(args, bookmarks, prog, topics)
    if corpus is None:
        return None
    return opened, bookmarks, corpus, resolve_all(bookmarks, corpus)


def _list_bookmarks(args: argparse.Namespace, prog: str, topics: list[str] | None) -> int:
    from tui.cli import exit_code, report_problems

    loaded = _loaded(args, prog, topics)
    if loaded is None:
        return 2
    opened, bookmarks, corpus, resolutions = loaded
    # Newest first, as in the reader; the store gives them oldest first (by creation, then insertion).
    shown = [b for b in reversed(bookmarks) if _on_topics(b, corpus, resolutions, topics)]
    if args.json:
        _write_stdout(_json(shown, corpus, resolutions, opened))
    else:
        _write_stdout(list_text(shown, corpus, resolutions, opened))
    report_problems(corpus.problems)
    return exit_code(corpus)


def _export_bookmarks(args: argparse.Namespace, prog: str, topics: list[str] | None, *, as_json: bool) -> int:
    from tui.cli import exit_code, report_problems

    loaded = _loaded(args, prog, topics)
    if loaded is None:
        return 2
    opened, bookmarks, corpus, resolutions = loaded
    if as_json:
        shown = [b for b in bookmarks if _on_topics(b, corpus, resolutions, topics)]
        text = _json(shown, corpus, resolutions, opened)
    else:
        text = export_bookmarks_markdown(corpus, bookmarks, resolutions, topics)
    code = _emit(text, args, prog)
    report_problems(corpus.problems)
    return code or exit_code(corpus)


def _open(args: argparse.Namespace, prog: str) -> Opened:
    opened = open_store(args.data_dir)
    if opened.warning:
        print(f"{prog}: {sanitize(opened.warning)}", file=sys.stderr)
    return opened


def _corpus_for(
    args: argparse.Namespace, bookmarks: list[Bookmark], prog: str, topics: list[str] | None
) -> Corpus | None:
    """The articles to resolve bookmarks in: PATHs, else the bookmarked files still there, else seeds/."""
    from models.loader import analyze
    from tui.cli import load

    if not args.paths:
        args.paths = bookmarked_files(bookmarks)
    config, paths = load(args)
    if _unknown_topics(config.topics, topics, prog):
        return None
    return analyze(paths, config)


def bookmarked_files(bookmarks: list[Bookmark]) -> list[str]:
    """The article files the bookmarks were made in that still exist, each once, in the order first used."""
    files: list[str] = []
    for bookmark in bookmarks:
        path = bookmark.article.path
        if path and path not in files and Path(path).is_file():
            files.append(path)
    return files


def _on_topics(bookmark: Bookmark, corpus: Corpus, resolutions: dict, topics: list[str] | None) -> bool:
    if topics is None:
        return True
    resolution = resolutions.get(bookmark.id)
    if resolution is not None and resolution.passage_id in corpus.passages_by_id:
        now = corpus.passage(resolution.passage_id).topic_ids
    else:
        now = bookmark.topics
    return bool(set(now) & set(topics))


def list_text(bookmarks: list[Bookmark], corpus: Corpus, resolutions: dict, opened: Opened) -> str:
    """The plain-text listing of `bookmarks` (in the order given), one block each."""
    where = opened.store.path or "memory"
    if not bookmarks:
        return f"No bookmarks (in {where}).\n"
    orphans = sum(1 for b in bookmarks if not resolutions[b.id].found)
    lines = [f"{len(bookmarks)} bookmark{'s' if len(bookmarks) != 1 else ''} in {where}"
             + (f" ({orphans} orphaned)" if orphans else "")]
    for bookmark in bookmarks:
        resolution = resolutions[bookmark.id]
        lines.append("")
        if resolution.found and resolution.passage_id in corpus.passages_by_id:
            passage = corpus.passage(resolution.passage_id)
            article = corpus.articles_by_id[passage.article_id]
            head = f"{article.display_title} ¶{passage.index + 1} · {resolution.status}"
            quote, topic_ids = passage.text, passage.topic_ids
        else:
            name = bookmark.article.title or Path(bookmark.article.path).name
            head = f"{name} · orphaned (passage not found)"
            quote, topic_ids = bookmark.passage.exact, bookmark.topics
        lines.append(_plain(head))
        lines.append("  " + quoted(_plain(quote)))
        labels = [(corpus.topic(t).label if corpus.topic(t) else t) for t in topic_ids]  # type: ignore[union-attr]
        lines.append("  topics: " + (_plain(", ".join(labels)) if labels else "none"))
        if bookmark.note:
            lines.append("  note: " + _plain(bookmark.note))
        if bookmark.tags:
            lines.append("  tags: " + _plain(", ".join(bookmark.tags)))
        lines.append(f"  {_plain(bookmark.created)} · id {bookmark.id[:8]}")
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


def _json(bookmarks: list[Bookmark], corpus: Corpus, resolutions: dict, opened: Opened) -> str:
    items = []
    for bookmark in bookmarks:
        data = bookmark_to_dict(bookmark, resolutions.get(bookmark.id))
        resolution = resolutions.get(bookmark.id)
        passage = corpus.passages_by_id.get(resolution.passage_id or "") if resolution else None
        data["text"] = passage.text if passage else None
        items.append(data)
    doc = {
        "store": str(opened.store.path) if opened.store.path else None,
        "warning": opened.warning,
        "bookmarks": items,
        "problems": [{"path": p.path, "message": p.message} for p in corpus.problems],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# --- shared --------------------------------------------------------------------------------------------


def _topic_ids(values: list[str]) -> list[str] | None:
    ids = [t.strip() for value in values for t in value.split(",") if t.strip()]
    return ids or None


def _unknown_topics(config_topics: tuple, topics: list[str] | None, prog: str) -> bool:
    if not topics:
        return False
    valid = [t.id for t in config_topics]
    unknown = [t for t in topics if t not in valid]
    if unknown:
        print(f"{prog}: unknown topic {', '.join(repr(t) for t in unknown)}; valid ids: {', '.join(valid)}",
              file=sys.stderr)
        return True
    return False


def _refuse_existing(args: argparse.Namespace, prog: str) -> bool:
    """Fail before any work when the output exists and --force was not given (checked again on writing)."""
    if args.output and args.output != "-" and not args.force and Path(args.output).exists():
        print(f"{prog}: {args.output} already exists (use --force to replace it)", file=sys.stderr)
        return True
    return False


def _emit(text: str, args: argparse.Namespace, prog: str) -> int:
    if not args.output or args.output == "-":
        _write_stdout(text)
        return 0
    try:
        write_output(text, Path(args.output), force=args.force)
    except OutputExistsError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{prog}: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


def _write_stdout(text: str) -> None:
    """Write to stdout as UTF-8. When the reader has gone (`| head -1`), the rest is dropped quietly."""
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()


def _drop_stdout() -> None:
    """Point stdout at the null device, so that nothing written later (nor the flush at exit) fails again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (e.g. captured in tests)
        pass


def _plain(text: str) -> str:
    return sanitize(text).replace("\n", " ")
