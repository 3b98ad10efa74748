"""`parallax topics suggest PATH... [-o FILE] [--config FILE] [--force]`: the topics parallax discovers in the
articles, written as a topics file that `--config` accepts unchanged (or that works as `topics.yaml` beside
the articles), for the user to rename, describe and trim."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tui.cli_common import Command, articles_options, load, plain

HEADER = """\
# Topics parallax found in {what}, as a starting point: edit freely.
# - label: what the reader shows; rename it as you would say it.
# - description: one sentence on what the topic covers (uncomment and write it).
# - aliases: the phrases that define the topic; any of them in a passage tags it (by lemma, so "claims"
#   meets "claim"). Drop the ones that are too broad, add your own.
# - delete a topic you do not want: its id stays in `suggested:` at the end, which tells parallax not to
#   suggest it again (take an id out of that list to have it suggested again).
# Use it with `parallax --config {name} PATH...`, or save it as topics.yaml beside the articles.
topics:
"""


def suggestions_yaml(corpus, what: str, name: str, dismissed: frozenset[str] = frozenset()) -> str:
    """The discovered topics of `corpus` as a topics file (ids, labels, aliases; descriptions left to fill).
    `dismissed`: suggestions the config given had thrown away, kept in the `suggested:` list so they stay away."""
    from models.document import Corpus
    from models.pipeline.discover import topic_aliases

    assert isinstance(corpus, Corpus)
    lines = [HEADER.format(what=what, name=name)]
    found = [t for t in corpus.topics if t.discovered]
    aliases = topic_aliases(corpus.articles)
    for topic in found:
        lines.append(f"  - id: {topic.id}\n")
        lines.append(f"    label: {_quote(topic.label)}\n")
        lines.append("    # description: \n")
        lines.append(f"    colour: {_quote(topic.colour)}\n")
        lines.append("    aliases: [" + ", ".join(_quote(a) for a in aliases.get(topic.id, [topic.label])) + "]\n")
    if not found:
        lines.append("  []  # no topic recurs in two or more of these articles\n")
    # what was suggested (and what the config given had already dismissed): any of these later deleted from
    # `topics` is a suggestion the user threw away (Config.dismissed)
    ids = [t.id for t in found] + sorted(dismissed)  # a dismissed topic is never among those found
    if ids:
        lines.append("suggested: [" + ", ".join(_quote(i) for i in ids) + "]\n")
    return "".join(lines)


def _quote(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write the topics file here (default: stdout)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from models.loader import analyze

    config, paths = load(args)
    if args.output and os.path.exists(args.output) and not args.force:
        print(f"parallax: {plain(args.output)} exists; use --force to overwrite it", file=sys.stderr)
        return 2
    corpus = analyze(paths, config, cache=not args.no_cache)
    name = Path(args.output).name if args.output else "topics.yaml"
    text = suggestions_yaml(corpus, ", ".join(plain(p) for p in paths[:3]) + (" ..." if len(paths) > 3 else ""), name,
                            config.dismissed)
    if args.output:
        tmp = Path(args.output).with_name(Path(args.output).name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.output)
        print(f"parallax: wrote {sum(t.discovered for t in corpus.topics)} topics to {plain(args.output)}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    for problem in corpus.problems:
        print(f"parallax: {plain(str(problem))}", file=sys.stderr)
    return 1 if corpus.problems else 0


SUGGEST = Command(
    name="suggest",
    help="write the topics found in the articles as a topics file",
    description="Find the topics that recur across the articles and write them as a topics file that "
                "--config accepts unchanged (or save it as topics.yaml beside the articles).",
    run=run,
    configure=configure,
    parents=(articles_options,),
)

COMMAND = Command(name="topics", help="topics found in the articles", actions=(SUGGEST,))
