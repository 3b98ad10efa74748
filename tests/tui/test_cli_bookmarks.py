"""`parallax export` and `parallax bookmarks`: every flag, the exit codes, output files and plain printing.

Each runs through `tui.cli.main`, as the `parallax` command does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models.store.anchor import ArticleAnchor, PassageAnchor
from models.store.bookmarks import FILE_NAME, open_store
from models.export.report import export_markdown
from tests.conftest import DATA, ROOT, SEEDS
from tui.cli import main


def export_main(argv):
    return main(["export", *argv])


def bookmarks_main(argv):
    return main(["bookmarks", *argv])

SEED_FILE = SEEDS / "004_c17863d213641cf5.txt"


def run(capsys, main, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def marked(seeds_corpus, tmp_path):
    """A data folder with three bookmarks on the seeds (one with a hostile note) and one made in an article
    that is not loaded."""
    folder = tmp_path / "data"
    store = open_store(folder).store
    hostile = "[bold red]note[/] \x1b[31mred\x1b[0m | *x*"
    store.add(seeds_corpus, "004_c17863d213641cf5:1", note=hostile, tags=["s400", "to check"])
    store.add(seeds_corpus, "003_a5575fbe19cd88ca:0", note="drones")
    store.add(seeds_corpus, "001_5d9b8a6939599cab:3")
    store.add_anchored(ArticleAnchor("gone", "/nowhere/lost.txt", "Lost article"),
                       PassageAnchor("A passage nobody has any more.", "", "", 0, 30), ("s400-delivery",), note="orphan")
    store.close()
    return folder


# --- parallax export -----------------------------------------------------------------------------------


def test_export_prints_the_comparison(capsys, seeds_corpus, config):
    code, out, err = run(capsys, export_main, SEEDS)
    assert (code, err) == (0, "")
    assert out == export_markdown(seeds_corpus, config_topics=config.topics)  # the framing leaves aliases out


def test_export_without_paths_uses_the_seeds(capsys, monkeypatch, seeds_corpus, config):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, export_main)
    assert code == 0 and out == export_markdown(seeds_corpus, config_topics=config.topics)


def test_export_matches_the_golden_file(capsys):
    """The command's output is the golden file byte for byte (tests/models/test_export.py says how to
    regenerate it after an intended change to the analysis)."""
    golden = (DATA / "seeds_export.md").read_text(encoding="utf-8")
    assert run(capsys, export_main, SEEDS)[1] == golden


def test_export_writes_a_file_and_refuses_to_overwrite_it(capsys, tmp_path, seeds_corpus, config):
    expected = export_markdown(seeds_corpus, config_topics=config.topics)
    target = tmp_path / "compare.md"
    code, out, err = run(capsys, export_main, SEEDS, "-o", target)
    assert (code, out, err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == expected
    target.write_text("mine\n")
    code, _, err = run(capsys, export_main, SEEDS, "--output", target)
    assert code == 2 and f"{target} already exists (use --force to replace it)" in err
    assert target.read_text() == "mine\n"
    code, _, _ = run(capsys, export_main, SEEDS, "-o", target, "--force")
    assert code == 0 and target.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["compare.md"]


def test_export_to_a_missing_folder_is_a_clear_error(capsys, tmp_path):
    code, out, err = run(capsys, export_main, SEED_FILE, "-o", tmp_path / "no" / "such.md")
    assert code == 2 and out == "" and "cannot write" in err and "such.md" in err


def test_export_topics_repeat_or_comma(capsys, seeds_corpus, config):
    expected = export_markdown(seeds_corpus, ["f35-removal", "coup-2016"], config_topics=config.topics)
    assert run(capsys, export_main, SEEDS, "--topic", "f35-removal", "--topic", "coup-2016")[1] == expected
    assert run(capsys, export_main, SEEDS, "--topic", "f35-removal,coup-2016")[1] == expected


def test_export_unknown_topic_exits_2_listing_valid_ids(capsys):
    code, out, err = run(capsys, export_main, SEEDS, "--topic", "nope")
    assert code == 2 and out == ""
    assert "unknown topic 'nope'" in err and "s400-delivery" in err and "drones-ukraine" in err


def test_export_skipped_file_exits_1_and_names_it(capsys, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    code, out, err = run(capsys, export_main, bad, SEED_FILE)
    assert code == 1 and err.strip() == f"parallax: {bad}: empty file"
    assert "| A1 |" in out and "| A2 |" not in out


def test_export_bad_config_exits_2_naming_the_key(capsys, tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("thresholds:\n  nope: 1\n")
    code, out, err = run(capsys, export_main, SEED_FILE, "--config", cfg)
    assert code == 2 and out == "" and f"{cfg}:2: thresholds.nope: unknown key" in err


def test_export_bad_flag_exits_2():
    done = subprocess.run([sys.executable, "-m", "tui.cli", "export", "--bogus"], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 2 and "unrecognized arguments" in done.stderr and "parallax export" in done.stderr


def test_export_bookmarks(capsys, marked):
    code, out, err = run(capsys, export_main, SEEDS, "--bookmarks", "--data-dir", marked)
    assert (code, err) == (0, "")
    assert out.startswith("# Bookmarks\n\n4 bookmarks: 3 found, 1 in other articles (not among these), 0 orphaned")
    assert "## In other articles" in out and "## Orphaned" not in out and "Lost article" in out and "- Tags: s400, to check" in out
    assert "\\[bold red\\]note\\[/\\]" in out and "\x1b" not in out


def test_export_bookmarks_by_topic_and_data_dir_from_the_environment(capsys, marked, monkeypatch):
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(marked))
    code, out, _ = run(capsys, export_main, SEEDS, "--bookmarks", "--topic", "drones-ukraine")
    assert code == 0 and "1 bookmark: 1 found, 0 orphaned" in out and "- Note: drones" in out


def test_export_bookmarks_without_paths_uses_the_bookmarked_files(capsys, marked, monkeypatch, tmp_path):
    """The three seeds files the bookmarks were made in are read, not the rest of the seeds folder: one line
    on stderr says so and how to have the topics discovered across the whole story."""
    monkeypatch.chdir(tmp_path)  # no seeds/ here: the files come from the bookmarks themselves
    code, out, err = run(capsys, export_main, "--bookmarks", "--data-dir", marked)
    assert code == 0 and "3 found, 1 in other articles" in out
    assert err == ("parallax export: read only the files holding bookmarks; topics discovered across a story "
                   "show when given its folder (parallax export --bookmarks PATH)\n")


# --- parallax bookmarks --------------------------------------------------------------------------------


def test_bookmarks_list_is_the_default(capsys, marked):
    code, out, err = run(capsys, bookmarks_main, SEEDS, "--data-dir", marked)
    assert (code, err) == (0, "")
    assert out == run(capsys, bookmarks_main, "list", SEEDS, "--data-dir", marked)[1]
    assert out.startswith(f"4 bookmarks in {marked / FILE_NAME} (1 in other articles)")
    assert "Turkey will purchase the second batch of the Russian S-400 ¶2 · exact" in out
    assert "Lost article · in other articles (not loaded: lost.txt)" in out
    assert "  topics: S-400 purchase" in out and "  tags: s400, to check" in out and "  note: drones" in out


def test_bookmarks_list_prints_untrusted_text_plainly(capsys, marked):
    _, out, _ = run(capsys, bookmarks_main, SEEDS, "--data-dir", marked)
    assert "note: [bold red]note[/] red | *x*" in out and "\x1b" not in out


def test_bookmarks_list_empty(capsys, tmp_path):
    open_store(tmp_path).store.close()
    code, out, _ = run(capsys, bookmarks_main, "list", SEEDS, "--data-dir", tmp_path)
    assert code == 0 and out == f"No bookmarks (in {tmp_path / FILE_NAME}).\n"


@pytest.mark.parametrize("action", ["list", "export"])
def test_bookmarks_in_a_missing_data_folder_say_so_and_create_nothing(capsys, tmp_path, action):
    missing = tmp_path / "typo"
    code, out, err = run(capsys, bookmarks_main, action, "--data-dir", missing)
    assert code == 0 and not missing.exists()
    assert f"no bookmarks have been saved in {missing}: the folder does not exist" in err
    assert out == "No bookmarks.\n" if action == "list" else out.startswith("# Bookmarks\n\n0 bookmarks:")
    code, out, err = run(capsys, bookmarks_main, action, "--data-dir", tmp_path)
    assert code == 0 and "the file does not exist" in err and list(tmp_path.iterdir()) == []
    _, as_json, _ = run(capsys, bookmarks_main, action, "--json", "--data-dir", missing)
    data = json.loads(as_json)
    assert data["store"] is None and data["bookmarks"] == [] and "does not exist" in data["warning"]


def test_a_bookmark_whose_passage_left_its_loaded_article_is_orphaned(capsys, seeds_corpus, tmp_path):
    article = seeds_corpus.articles[1]
    store = open_store(tmp_path).store
    store.add_anchored(ArticleAnchor(article.content_hash, article.path, article.title),
                       PassageAnchor("A paragraph the editors have since cut from it.", "", "", 0, 47), ())
    store.add_anchored(ArticleAnchor("other", "/elsewhere/other.txt", None),
                       PassageAnchor("A passage of an article not opened now.", "", "", 0, 39), ())
    store.close()
    _, out, _ = run(capsys, bookmarks_main, SEEDS, "--data-dir", tmp_path)
    assert out.startswith(f"2 bookmarks in {tmp_path / FILE_NAME} (1 orphaned, 1 in other articles)")
    assert f"{article.title} · orphaned (passage not found)" in out
    assert "other.txt · in other articles (not loaded: other.txt)" in out


@pytest.mark.parametrize("argv", [
    ["bookmarks", "--data-dir", "{data}", "list", "{seeds}"],
    ["--data-dir", "{data}", "bookmarks", "list", "{seeds}"],
    ["bookmarks", "list", "{one}", "--data-dir", "{data}", "--no-cache", "{seeds}"],
])
def test_bookmarks_options_go_anywhere(capsys, marked, argv):
    code = main([a.format(data=marked, seeds=SEEDS, one=SEED_FILE) for a in argv])
    out = capsys.readouterr().out
    assert code == 0 and "Lost article" in out and "s400" in out


@pytest.mark.parametrize("argv", [["bookmarks", "delete"], ["bookmarks", "--data-dir", "x", "remove", "all"]])
def test_an_unknown_action_is_a_usage_error(argv):
    done = subprocess.run([sys.executable, "-m", "tui.cli", *argv], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2 and done.stdout == ""
    assert "parallax bookmarks: error: unknown action" in done.stderr and "(choose from list, export)" in done.stderr


def test_bookmarks_list_json(capsys, marked):
    code, out, _ = run(capsys, bookmarks_main, "list", SEEDS, "--json", "--data-dir", marked)
    data = json.loads(out)
    assert code == 0 and data["store"] == str(marked / FILE_NAME) and data["warning"] is None
    statuses = [b["resolution"]["status"] for b in data["bookmarks"]]
    assert statuses == ["orphaned", "exact", "exact", "exact"]  # newest first
    assert [b["placement"] for b in data["bookmarks"]] == ["elsewhere", "found", "found", "found"]
    first_made = data["bookmarks"][3]
    assert set(first_made) >= {"id", "created", "updated", "note", "tags", "topics", "article", "anchor", "resolution",
                               "text"}
    assert first_made["resolution"]["passage_id"] == "004_c17863d213641cf5:1"
    assert first_made["tags"] == ["s400", "to check"]
    assert data["bookmarks"][0]["text"] is None and data["bookmarks"][0]["anchor"]["exact"].startswith("A passage")


def test_bookmarks_list_topic_filter(capsys, marked):
    _, out, _ = run(capsys, bookmarks_main, SEEDS, "--topic", "drones-ukraine", "--json", "--data-dir", marked)
    assert [b["note"] for b in json.loads(out)["bookmarks"]] == ["drones"]


def test_bookmarks_follow_a_moved_folder(capsys, marked, tmp_path):
    moved = tmp_path / "elsewhere"
    shutil.copytree(SEEDS, moved)
    _, out, _ = run(capsys, bookmarks_main, moved, "--json", "--data-dir", marked)
    found = [b["resolution"] for b in json.loads(out)["bookmarks"]]
    assert [r["status"] for r in found] == ["orphaned", "exact", "exact", "exact"]
    assert found[-1]["found_by"] == "hash"


def test_bookmarks_export_markdown_json_and_files(capsys, marked, tmp_path):
    code, out, _ = run(capsys, bookmarks_main, "export", SEEDS, "--data-dir", marked)
    assert code == 0 and out.startswith("# Bookmarks\n")
    assert out == run(capsys, export_main, SEEDS, "--bookmarks", "--data-dir", marked)[1]
    _, as_json, _ = run(capsys, bookmarks_main, "export", SEEDS, "--json", "--data-dir", marked)
    assert len(json.loads(as_json)["bookmarks"]) == 4
    target = tmp_path / "bookmarks.md"
    assert run(capsys, bookmarks_main, "export", SEEDS, "-o", target, "--data-dir", marked)[0] == 0
    assert target.read_text(encoding="utf-8") == out
    code, _, err = run(capsys, bookmarks_main, "export", SEEDS, "-o", target, "--data-dir", marked)
    assert code == 2 and "already exists" in err
    assert run(capsys, bookmarks_main, "export", SEEDS, "-o", target, "--force", "--data-dir", marked)[0] == 0


def test_bookmarks_list_refuses_an_output_file(capsys, marked, tmp_path):
    code, _, err = run(capsys, bookmarks_main, "list", "-o", tmp_path / "x.md", "--data-dir", marked)
    assert code == 2 and "bookmarks export" in err


def test_bookmarks_with_a_corrupt_database_warn_and_carry_on(capsys, tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"not a database" * 50)
    code, out, err = run(capsys, bookmarks_main, "list", SEEDS, "--data-dir", tmp_path)
    assert code == 0 and "No bookmarks" in out
    assert "damaged" in err and ".corrupt-" in err and str(tmp_path / FILE_NAME) in err
    assert len(list(tmp_path.glob(f"{FILE_NAME}.corrupt-*"))) == 1


def test_bookmarks_unknown_topic_exits_2(capsys, marked):
    code, _, err = run(capsys, bookmarks_main, SEEDS, "--topic", "nope", "--data-dir", marked)
    assert code == 2 and "unknown topic 'nope'" in err


def test_bookmarks_bad_flag_exits_2():
    done = subprocess.run([sys.executable, "-m", "tui.cli", "bookmarks", "list", "--bogus"], capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode == 2 and "unrecognized arguments" in done.stderr and "parallax bookmarks" in done.stderr


def test_bookmarks_list_shows_the_newest_first_as_the_reader_does(capsys, marked):
    _, out, _ = run(capsys, bookmarks_main, SEEDS, "--data-dir", marked)
    heads = [line for line in out.splitlines() if " · " in line and not line.startswith(" ")]
    assert heads[0] == "Lost article · in other articles (not loaded: lost.txt)"  # made last
    assert heads[-1] == "Turkey will purchase the second batch of the Russian S-400 ¶2 · exact"  # made first
    assert out.index("note: drones") < out.index("note: [bold red]note")


def test_bookmarks_list_never_doubles_a_passages_own_opening_quote(capsys, seeds_corpus, tmp_path):
    opening = next(p for a in seeds_corpus.articles for p in a.passages if p.text.startswith("“"))
    plain = seeds_corpus.passage("003_a5575fbe19cd88ca:0")
    store = open_store(tmp_path).store
    store.add(seeds_corpus, opening.id)
    store.add(seeds_corpus, plain.id)
    store.close()
    _, out, _ = run(capsys, bookmarks_main, SEEDS, "--data-dir", tmp_path)
    assert "““" not in out and "””" not in out
    quotes = [line for line in out.splitlines() if line.startswith("  “")]
    assert len(quotes) == 2
    assert any(line.startswith("  " + opening.text[:30]) for line in quotes)  # shown as written, no mark added
    assert any(line.startswith("  “" + plain.text[:30]) for line in quotes)  # the listing's own marks


def test_bookmarks_list_cuts_long_passages_at_a_word_with_an_ellipsis(capsys, marked, seeds_corpus):
    from tui.cli_bookmarks import QUOTE_CHARS, quoted, shorten

    _, out, _ = run(capsys, bookmarks_main, SEEDS, "--data-dir", marked)
    long = " ".join(seeds_corpus.passage("004_c17863d213641cf5:1").text.split())
    assert len(long) > QUOTE_CHARS
    line = next(line for line in out.splitlines() if line.startswith("  “As the Russian media agency"))
    assert line.endswith("…”") and len(line) <= QUOTE_CHARS + 2
    cut = line[3:-2]
    assert long.startswith(cut) and long[len(cut)] == " "  # a whole word was kept, none was split
    assert shorten("a few words", 40) == "a few words"
    assert shorten("alpha beta gamma delta", 14) == "alpha beta…"
    assert quoted("“Yes,” she said.") == "“Yes,” she said."
    assert quoted("Yes.") == "“Yes.”"


@pytest.mark.parametrize("argv", [["export", str(SEED_FILE)], ["bookmarks", "list", str(SEED_FILE)],
                                  ["bookmarks", "list", "--json", str(SEED_FILE)]])
def test_a_closed_stdout_ends_the_command_quietly(argv, marked):
    """`parallax export | head -1`: the reader has gone before the output is written."""
    read, write = os.pipe()
    os.close(read)  # nobody will ever read: every write fails with EPIPE
    try:
        done = subprocess.run([sys.executable, "-m", "tui.cli", *argv, "--data-dir", str(marked)], stdout=write,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    finally:
        os.close(write)
    assert done.stderr == "" and done.returncode == 0


def test_write_stdout_drops_the_rest_when_the_reader_has_gone(monkeypatch):
    from tui import cli_common

    class Gone:
        def write(self, data):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            pass

    class Stdout:
        buffer = Gone()

        def fileno(self):
            raise OSError("no file")

    monkeypatch.setattr(sys, "stdout", Stdout())
    cli_common.write_stdout("lost\n")  # no exception


def test_export_of_nothing_writes_nothing_and_exits_1(capsys, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    target = tmp_path / "out.md"
    code, out, err = run(capsys, export_main, bad, "-o", target)
    assert code == 1 and out == "" and not target.exists()
    assert f"parallax: {bad}: empty file" in err and "nothing to compare; nothing was written" in err
    code, out, _ = run(capsys, export_main, bad)
    assert code == 1 and out == ""


def test_export_links_sets_how_many_pairs_each_topic_shows(capsys, seeds_corpus, config):
    _, out, _ = run(capsys, export_main, SEEDS, "--topic", "f35-removal", "--links", "2")
    assert out == export_markdown(seeds_corpus, ["f35-removal"], config_topics=config.topics, links_per_topic=2)
    assert "Pair 2 of" in out and "Pair 3 of" not in out and "more linked pairs" in out
    done = subprocess.run([sys.executable, "-m", "tui.cli", "export", "--links", "many"], capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode == 2 and "'many' is not a whole number" in done.stderr


def _bookmarked_story(folder: Path, data: Path) -> Path:
    """An invented story in `folder` with its own topics.yaml (topic "rust"), a passage on that topic bookmarked
    in the store under `data`, as the reader would make it; returns the folder."""
    from models.config import load_config
    from models.loader import analyze
    from tests.models.test_discover import STORY

    folder.mkdir()
    for name, texts in STORY.items():
        (folder / f"{name}.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    (folder / "topics.yaml").write_text(
        "topics:\n  - id: rust\n    label: Rusting cables\n    aliases: [corrosion]\n", encoding="utf-8")
    corpus = analyze([folder], load_config(folder / "topics.yaml"), cache=False)
    passage = next(p for a in corpus.articles for p in a.passages if "rust" in p.topic_ids)
    store = open_store(data).store
    store.add(corpus, passage.id)
    store.close()
    return folder


def test_bookmarks_without_paths_take_their_topics_from_the_whole_folder(capsys, tmp_path):
    """A bookmark made in the reader on a folder with its own topics.yaml: listed with no PATH, its passage has
    the topic it has in the reader (from the folder's topics.yaml), not "none" (one file and the default config)."""
    _bookmarked_story(tmp_path / "story", tmp_path / "data")
    code, out, _ = run(capsys, bookmarks_main, "--data-dir", tmp_path / "data")
    assert code == 0 and "  topics: Rusting cables" in out and "topics: none" not in out
    code, out, _ = run(capsys, bookmarks_main, "export", "--data-dir", tmp_path / "data")
    assert code == 0 and "## Rusting cables" in out


def test_bookmarks_export_names_each_bookmarks_outlet(capsys, marked, seeds_corpus, tmp_path):
    """Every exported bookmark says who published it, and says so when the article does not (the author then)
    or is not loaded; the JSON export carries the outlet and author too."""
    code, out, _ = run(capsys, bookmarks_main, "export", SEEDS, "--data-dir", marked)
    sources = [line for line in out.splitlines() if line.startswith("> — ")]
    assert code == 0 and len(sources) >= 4
    assert any(s.startswith("> — Global Research (by Andrew Korybko) · “") for s in sources)
    assert any(s.startswith("> — by Silvia Boltuc (outlet not stated) · “") for s in sources)
    assert any(s.startswith("> — outlet unknown (article not loaded) · “Lost article” · not loaded") for s in sources)
    _, out, _ = run(capsys, bookmarks_main, "export", SEEDS, "--json", "--data-dir", marked)
    articles = {b["id"][:4]: b["article"] for b in json.loads(out)["bookmarks"]}
    assert sorted((a["outlet"] or "", a["author"] or "") for a in articles.values()) == [
        ("", ""), ("", "Eleanor Blackburn"), ("", "Silvia Boltuc"), ("Global Research", "Andrew Korybko")]
    # An orphaned bookmark's article is loaded: its outlet is known though its passage is gone.
    store = open_store(tmp_path / "orphan").store
    store.add_anchored(ArticleAnchor("x", str(SEEDS / "003_a5575fbe19cd88ca.txt"), None),
                       PassageAnchor("A passage this article never had.", "", "", 0, 33), ())
    store.close()
    _, out, _ = run(capsys, bookmarks_main, "export", SEEDS, "--data-dir", tmp_path / "orphan")
    assert "> — Global Research (by Andrew Korybko) · “003_a5575fbe19cd88ca.txt” · not found" in out


def test_bookmarks_without_paths_read_only_the_bookmarked_files(capsys, tmp_path, monkeypatch):
    """A bookmark made on one article of a mixed folder (~/Downloads): with no PATH only that file is read,
    with the folder's topics.yaml, so nothing else there is reported or analysed, and one line says how to see
    the topics discovered across the story. It read the whole folder: a skipped line per PDF, exit 1."""
    folder = _bookmarked_story(tmp_path / "Downloads", tmp_path / "data")
    for n in range(3):
        (folder / f"invoice_{n}.pdf").write_bytes(b"%PDF-1.4")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)  # not text: a skipped line when read
    cache = tmp_path / "cache"
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(cache))
    code, out, err = run(capsys, bookmarks_main, "--data-dir", tmp_path / "data")
    assert code == 0 and "  topics: Rusting cables" in out, err
    assert "invoice_" not in err and "broken.txt" not in err
    lines = [line for line in err.splitlines() if "read only the files holding bookmarks" in line]
    assert len(lines) == 1 and "(parallax bookmarks PATH)" in lines[0]
    assert any(p.is_file() for p in cache.rglob("*"))  # the analysis went through the cache
    code, _, err = run(capsys, bookmarks_main, "export", "--data-dir", tmp_path / "data")
    assert code == 0 and "(parallax bookmarks export PATH)" in err
    # Given the folder, everything in it is read (and its problems named), as before.
    code, _, err = run(capsys, bookmarks_main, folder, "--data-dir", tmp_path / "data")
    assert code == 1 and "invoice_0.pdf" in err and "read only" not in err


def test_bookmarks_and_export_no_cache_leave_the_cache_alone(capsys, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(cache))
    article = tmp_path / "a.txt"
    article.write_text("A short article about corrosion of the cables.\n\nIt says little more.\n", encoding="utf-8")
    assert run(capsys, bookmarks_main, article, "--no-cache", "--data-dir", tmp_path / "data")[0] == 0
    assert run(capsys, export_main, article, "--no-cache")[0] == 0
    assert not any(p.is_file() for p in cache.rglob("*")) if cache.exists() else True


def test_bookmarks_list_separates_topic_labels_that_hold_commas(capsys, tmp_path):
    """Labels may hold commas (a discovered topic's "faulty, airlines, halting"): joined with commas, two
    topics "Rust, corrosion" and "Cables" read as three. They are separated by semicolons."""
    from models.config import load_config
    from models.loader import analyze
    from tests.models.test_discover import STORY

    folder = tmp_path / "story"
    folder.mkdir()
    for name, texts in STORY.items():
        (folder / f"{name}.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    (folder / "topics.yaml").write_text(
        "topics:\n  - id: rust\n    label: Rust, corrosion\n    aliases: [corrosion]\n"
        "  - id: cables\n    label: Cables\n    aliases: [cables]\n", encoding="utf-8")
    corpus = analyze([folder], load_config(folder / "topics.yaml"), cache=False)
    passage = next(p for a in corpus.articles for p in a.passages if {"rust", "cables"} <= set(p.topic_ids))
    store = open_store(tmp_path / "data").store
    store.add(corpus, passage.id)
    store.close()
    code, out, err = run(capsys, bookmarks_main, folder, "--data-dir", tmp_path / "data")
    assert code == 0 and "  topics: Rust, corrosion; Cables\n" in out, (out, err)
