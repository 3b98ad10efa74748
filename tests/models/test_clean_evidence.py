"""The cleaner's general evidence (issue 11), the rule time budget (15.1) and Markdown escapes (15.8).

Every text here is written for these tests: an invented outlet ("The Harbour Ledger") reporting an invented
story, with the furniture kinds real pages carry.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.config import load_config
from models.pipeline.clean import clean
from models.pipeline.dates import day_first, parse_date
from models.pipeline.meta import extract_meta
from models.pipeline.patterns import Clock
from models.pipeline.stopwords import detect_language, words_of
from tests.support.harbour import P1, P2, P3, P4, kept, run


def reasons(text, config):
    return {r.text: (r.rule, r.kind) for r in run(text, config).removed}


# --- evidence kinds ---------------------------------------------------------------------------------------


def test_a_label_line_below_the_body_goes_even_with_a_full_stop(config):
    # no stop words: a tag or a company name, not a sentence
    text = f"{P1}\n\n{P2}\n\nHarbour Works Ltd.\nGrain shipping\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert {r.rule for r in result.removed} == {"tail-short-line"}
    assert all(r.kind == "context" and r.detail for r in result.removed)


def test_a_caption_ending_in_a_bracketed_credit_goes(config):
    text = f"Ship Refloated After Two Days\n\n{P1}\n\nThe grain ship on the sandbank at dawn [Harbour Photos]\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]
    assert reasons(text, config)["The grain ship on the sandbank at dawn [Harbour Photos]"] == ("image-caption", "evidence")


def test_a_sentence_ending_in_a_parenthesised_name_is_not_a_caption(config):
    body = "The shipowners are covered under the Maritime Liability Convention (MLC)."
    text = f"{P1}\n\n{body}\n\n{P2}\n"
    assert body in kept(text, config)


def test_a_byline_glued_to_itself_goes_and_names_the_author(config):
    text = f"Ship Refloated After Two Days\n\nMara LindqvistMara Lindqvist\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert extract_meta(result).author == "Mara Lindqvist"


def test_a_bare_name_line_above_the_body_is_the_byline(config):
    text = f"Ship Refloated After Two Days\n\nMara Lindqvist and Tomas Okafor\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    meta = extract_meta(result)
    assert meta.title == "Ship Refloated After Two Days"
    assert meta.author == "Mara Lindqvist and Tomas Okafor"


def test_a_name_the_body_uses_is_not_taken_for_a_byline(config):
    # "Harbour Master" is named again in the body: a person in the story, not the author
    body = "Harbour Master Jonas Brennan said the channel would reopen on Friday once the survey was finished."
    text = f"Ship Refloated After Two Days\n\nJonas Brennan\n{body}\n\n{P2}\n"
    assert extract_meta(run(text, config)).author is None


def test_a_run_of_short_lines_inside_the_body_keeps_only_the_last_as_a_subheading(config):
    text = f"{P1}\n\nHarbour news\n\nWhat Happens Next\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert result.paragraphs[1].heading == "What Happens Next"
    assert ("Harbour news", "stray-line") in {(r.text, r.rule) for r in result.removed}


def test_links_and_separators_are_evidence(config):
    text = f"{P1}\n\n[World](/w) | [Ports](/p) | [Weather](/x)\n\n* * *\n\n{P2}\n"
    got = reasons(text, config)
    assert got["World | Ports | Weather"] == ("link-list", "evidence")
    assert got["* * *"] == ("separator", "evidence")


# --- cuts stop at prose; headline lists -------------------------------------------------------------------


def test_a_marker_mid_page_takes_its_list_but_never_the_prose_after_it(config):
    text = (
        f"{P1}\n\n{P2}\n\nRECOMMENDED\nPort strike enters its third week\nNew ferry route to open in spring\n\n"
        f"{P3}\n\n{P4}\n"
    )
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2, P3, P4]
    cut = [r for r in result.removed if r.rule == "related-tail"]
    assert [r.text for r in cut] == ["RECOMMENDED", "Port strike enters its third week", "New ferry route to open in spring"]
    assert [r.kind for r in cut] == ["rule", "cut", "cut"]


def test_a_headline_list_is_never_merged_into_one_passage(config):
    # lines of similar width would look like a hard-wrapped paragraph; they are a list of other stories
    text = (
        f"{P1}\n\nRead also:\nPort strike enters its third week at the docks\nNew ferry route to open in the spring\n"
        f"Dredging contract goes to a foreign company\nFishermen protest at the harbour office gate\n\n{P2}\n\n{P3}\n"
    )
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2, P3]
    assert sum(1 for r in result.removed if r.rule == "related-tail") == 5


def test_a_marker_carrying_its_headline_goes_alone(config):
    text = f"{P1}\n\nRead more: Port strike enters its third week at the docks\n\n{P2}\n\n{P3}\n"
    assert kept(text, config) == [P1, P2, P3]


def test_a_tail_marker_with_no_body_after_it_takes_everything_below(config):
    text = f"{P1}\n\n{P2}\n\nMore on this story\n\nA short teaser about another harbour.\n\nLeave a Reply\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert [r.kind for r in result.removed] == ["rule", "cut", "cut"]


# --- titles -----------------------------------------------------------------------------------------------


def test_title_with_a_deck_and_its_repeats_removed(config):
    deck = "The channel reopens after a grain ship spent two days on a sandbank"
    text = f"Ship Refloated After Two Days\n\nShip Refloated After Two Days\n{deck}\n\nShip Refloated After Two Days\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert extract_meta(result).title == "Ship Refloated After Two Days"
    assert [p.text for p in result.paragraphs] == [deck, P1, P2]  # the deck is the article's: a passage
    repeats = [r for r in result.removed if r.text == "Ship Refloated After Two Days"]
    assert len(repeats) == 3 and [r.kind for r in repeats].count("repeat") == 2


def test_a_section_label_above_the_date_is_not_the_title(config):
    text = f"HARBOUR LEDGER\nShipping & Ports\nMarch 3, 2022, 10:15\n\nShip refloated after two days on a sandbank\n\n{P1}\n\n{P2}\n"
    assert extract_meta(run(text, config)).title == "Ship refloated after two days on a sandbank"


# --- metadata ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening, source",
    [
        ("PORTVILLE (Harbour Wire) - ", "Harbour Wire"),
        ("PORTVILLE, March 3. /HWIRE/. ", "HWIRE"),
        ("PORTVILLE. March 3 (Harbour Wire) - ", "Harbour Wire"),
    ],
)
def test_outlet_from_a_wire_dateline(config, opening, source):
    assert extract_meta(run(f"{opening}{P1}\n\n{P2}\n", config)).source == source


def test_an_author_named_with_the_agency_is_split_from_it(config):
    meta = extract_meta(run(f"Ship Refloated After Two Days\n\nBy Mara Lindqvist, Wirenews\n\n{P1}\n\n{P2}\n", config))
    assert (meta.author, meta.source) == ("Mara Lindqvist", "Wirenews")


def test_an_agency_byline_is_the_outlet(config):
    meta = extract_meta(run(f"Ship Refloated After Two Days\n\nBy WIRENEWS\n\n{P1}\n\n{P2}\n", config))
    assert meta.author == "WIRENEWS" and meta.source == "Wirenews"


@pytest.mark.parametrize(
    "line, iso",
    [("2022/03/25 23:30", "2022-03-25"), ("Sept. 12, 2021", "2021-09-12"), ("25 Mar 2021 22:17", "2021-03-25"),
     ("Published 04.05.2021", "2021-05-04")],
)
def test_dates_as_pages_write_them(config, line, iso):
    meta = extract_meta(run(f"Ship Refloated After Two Days\n\n{line}\n\n{P1}\n\n{P2}\n", config))
    assert meta.date == iso


def test_day_and_month_order_comes_from_the_page(config):
    assert parse_date("03/04/2021", day_first("the ship ran aground on 23 March")) == "2021-04-03"
    assert parse_date("03/04/2021", day_first("the ship ran aground on March 23")) == "2021-03-04"
    assert parse_date("03/04/2021", day_first("updated 25/03/2021")) == "2021-04-03"
    text = f"Ship Refloated After Two Days\n\n03/04/2021\n\n{P1} It ran aground on 1 April.\n\n{P2}\n"
    assert extract_meta(run(text, config)).date == "2021-04-03"


def test_metadata_comes_by_role_so_renamed_rules_lose_nothing(config):
    renamed = tuple(replace(r, id=f"my-{r.id}") for r in config.cleaning.rules)
    cleaning = replace(config.cleaning, rules=renamed)
    text = f"What the Harbour Wants\n\nBy Mara Lindqvist\n\nThe Harbour Ledger, April 26, 2019\n\n{P1}\n\n{P2}\n"
    meta = extract_meta(clean(text, cleaning))
    assert (meta.title, meta.author, meta.source, meta.date) == (
        "What the Harbour Wants", "Mara Lindqvist", "The Harbour Ledger", "2019-04-26")


def test_a_users_rule_without_a_role_still_yields_the_byline_by_its_shape(config):
    rules = tuple(replace(r, role=None) for r in config.cleaning.rules)
    meta = extract_meta(clean(f"Ship Refloated After Two Days\n\nBy Mara Lindqvist\n\n{P1}\n\n{P2}\n", replace(config.cleaning, rules=rules)))
    assert meta.author == "Mara Lindqvist"


def test_every_removed_piece_says_what_decided(config):
    text = f"Ship Refloated After Two Days\n\nBy Mara Lindqvist\n\n{P1}\n\nShare\n\n{P2}\n\nRelated Posts\n\nOther news\n"
    for piece in run(text, config).removed:
        assert piece.kind in ("rule", "evidence", "context", "repeat", "corpus", "cut")
        assert piece.detail


# --- stop words -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        (P1 + " " + P2, "English"),
        ("Die Hafenbehörde teilte am Montag mit, dass das Schiff nach zwei Tagen wieder frei sei und der Verkehr "
         "durch den Kanal bis zum Ende der Woche wieder aufgenommen werde.", "German"),
        ("Les autorités du port ont indiqué lundi que le navire avait été renfloué après deux jours et que le trafic "
         "reprendrait dans le canal avant la fin de la semaine.", "French"),
    ],
)
def test_the_language_is_told_by_its_frequent_words(text, language):
    assert (detect_language(words_of(text)) or "").endswith(language)


# --- 15.1: patterns cannot hang the analysis --------------------------------------------------------------


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)+$"])
def test_a_catastrophic_user_pattern_is_stopped_and_reported(tmp_path, pattern):
    user = tmp_path / "config.yaml"
    user.write_text(
        "cleaning:\n  rules:\n    - id: greedy\n      scope: paragraph\n      max_words: 400\n"
        "      patterns: ['" + pattern + "']\n",
        encoding="utf-8",
    )
    cfg = load_config(user)
    text = f"{P1}\n\n{'a' * 900}b.\n\nWord {'word ' * 190}!\n\n{P2}\n"
    clock = Clock(budget=0.05)
    result = clean(text, cfg.cleaning, clock)
    assert result.expired == ("greedy",)
    assert P1 in [p.text for p in result.paragraphs]


def test_the_expired_rule_reaches_the_article_notes(tmp_path):
    from models.pipeline.article import expired_notes

    assert "'greedy'" in expired_notes(("greedy",))[0]


def test_bundled_patterns_hold_on_long_words_and_repeats(config):
    """Audit of every bundled pattern on the shapes that make patterns backtrack: one huge word, a long run
    of one character, long repeated words. Run through the time-budgeted engine, none may run out."""
    timed = replace(config.cleaning, rules=tuple(_timed(r) for r in config.cleaning.rules))
    hostile = [
        "Turkey and the S-400.\n\n" + "a" * 200_000,
        "x@" + "a." * 50_000,
        ("word " * 20_000).strip(),
        "By " + "Name " * 5000,
        "(" * 20_000,
    ]
    for text in hostile:
        assert clean(text, timed, Clock(budget=0.5)).expired == ()


def _timed(rule):
    import regex

    return replace(rule, regex=regex.compile(rule.regex.pattern, regex.IGNORECASE | regex.VERSION0), timed=True)


# --- 15.8: Markdown escapes in saved pages ----------------------------------------------------------------


def test_markdown_escapes_and_emphasis_read_as_text(config):
    md = (
        "The minister called the report \\[sic\\] misleading, said that 2\\*3 is six, named the file\\_name and "
        "promised a \\*major\\* review of *all* harbour fees, **starting** in the spring.\n\n" + P2 + "\n"
    )
    first = kept(md, config)[0]
    assert "report [sic] misleading" in first
    assert "2*3 is six" in first and "file_name" in first
    assert "a *major* review of all harbour fees, starting in" in first
    assert "\\" not in first


def test_saved_web_page_escapes_do_not_reach_passages(config):
    from models.pipeline.ingest import source_from_bytes

    html = (
        "<html><head><title>Fees</title></head><body><article><h1>Harbour fees to rise</h1>"
        "<p>The minister called the report [sic] misleading and said that 2*3 is six, as the file_name shows, in a "
        "*major* review of the harbour fees announced on Monday.</p>"
        f"<p>{P2}</p></article></body></html>"
    )
    source = source_from_bytes("page.html", html.encode())
    text = kept(source.text, config)[0]
    assert "[sic]" in text and "2*3" in text and "file_name" in text and "*major*" in text
    assert "\\" not in text


# --- glued furniture, decks, site names -------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening, source",
    [
        ("Portville, Sept 22 (HWN). – ", "HWN"),
        ("Nov. 2 (HWN) -- ", "HWN"),
        ("PORTVILLE – ", None),
        ("Portville/Northbay: ", None),
    ],
)
def test_a_wire_dateline_is_cut_off_the_first_paragraph(config, opening, source):
    result = run(f"Ship Refloated After Two Days\n\n{opening}{P1}\n\n{P2}\n", config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    cut = [r for r in result.removed if r.rule == "wire-dateline"]
    assert cut and cut[0].role == "dateline" and cut[0].text == opening.strip()
    assert extract_meta(result).source == source


def test_a_credit_glued_to_the_last_paragraph_is_cut_off(config):
    result = run(f"{P1}\n\n{P2}\n\n{P4}  (HWN/ABC)\n", config)
    assert [p.text for p in result.paragraphs] == [P1, P2, P4]
    assert [(r.rule, r.text) for r in result.removed] == [("glued-credit", "(HWN/ABC)")]


def test_one_sentence_with_a_labelled_credit_is_a_caption(config):
    caption = "This aerial picture shows the grain ship on the sandbank on March 2, 2022. (Source: Harbour Photos)"
    assert kept(f"{P1}\n\n{P2}\n\n{caption}\n", config) == [P1, P2]


def test_a_deck_without_a_final_stop_under_the_title_is_kept(config):
    # (in a head with a date: alone between the title and the body it reads as the lead picture's caption,
    # tests/models/test_clean_kinds.py)
    deck = "Two days on a sandbank held up forty ships"
    result = run(f"Ship Refloated After Two Days\n\n{deck}\n\nMarch 3, 2026\n\n{P1}\n\n{P2}\n", config)
    assert [p.text for p in result.paragraphs] == [deck, P1, P2]


def test_a_lone_lowercase_token_is_not_joined_to_the_line_above(config):
    deck = "Two days on a sandbank held up forty ships"
    assert kept(f"Ship Refloated After Two Days\n\n{deck}\n\nship-photo\n\n{P1}\n\n{P2}\n", config) == [deck, P1, P2]


def test_a_site_name_after_the_title_is_the_outlet(config):
    meta = extract_meta(run(f"Ship Refloated After Two Days | Harbour Ledger\n\n{P1}\n\n{P2}\n", config))
    assert (meta.title, meta.source) == ("Ship Refloated After Two Days", "Harbour Ledger")
    meta = extract_meta(run(f"Ship Refloated After Two Days - Port Chief\n\n{P1}\n\n{P2}\n", config))
    assert meta.title == "Ship Refloated After Two Days - Port Chief" and meta.source is None


def test_the_outlets_name_above_the_title_is_the_outlet_but_a_section_label_is_not(config):
    assert extract_meta(run(f"HWN\n\nShip Refloated After Two Days\n\n{P1}\n\n{P2}\n", config)).source == "HWN"
    assert extract_meta(run(f"Business\n\nShip Refloated After Two Days\n\n{P1}\n\n{P2}\n", config)).source is None


# --- repetition across the corpus -------------------------------------------------------------------------


def _article(config, name, text):
    from models.pipeline.article import analyze_source
    from models.pipeline.ingest import source_from_bytes
    from models.pipeline.topics import Tagger

    tagger = Tagger(config.topics, config.thresholds)
    return analyze_source(source_from_bytes(f"{name}.txt", text.encode()), config, tagger, name)


PROMPT = "Please visit our harbour news channel for the latest updates."
# another story entirely, from the same site
S1 = (
    "The town council approved a new budget for its three primary schools on Thursday, raising spending on "
    "teachers' salaries and on repairs to a gymnasium roof that leaked all winter."
)
S2 = "Parents had petitioned councillors for months, and several spoke at the meeting before the vote was taken."
QUOTE = "He did not elaborate."


def test_a_line_several_stories_carry_is_site_furniture_but_a_shared_wire_story_stays(config):
    from models.pipeline.boilerplate import drop_corpus_repeats

    one = _article(config, "one", f"{P1}\n\n{PROMPT}\n\n{P2}\n")
    two = _article(config, "two", f"{S1}\n\n{PROMPT}\n\n{S2}\n")
    assert PROMPT in [p.text for p in one.passages]  # one article alone cannot tell
    # the same wire story at two outlets: they share a paragraph, and the short quote is theirs
    wire_a = _article(config, "wire_a", f"{P2}\n\n{QUOTE}\n\n{P1}\n")
    wire_b = _article(config, "wire_b", f"{P2}\n\n{QUOTE}\n\n{P3}\n")
    out = drop_corpus_repeats([one, two, wire_a, wire_b], config.cleaning)
    assert [p.text for p in out[0].passages] == [P1, P2]
    assert [p.text for p in out[1].passages] == [S1, S2]
    assert out[2] is wire_a and out[3] is wire_b
    removed = [r for r in out[0].removed if r.kind == "corpus"]
    assert [r.text for r in removed] == [PROMPT] and "2 articles" in removed[0].detail
    for article in out[:2]:
        assert [p.index for p in article.passages] == list(range(len(article.passages)))
        assert all(article.text[p.start:p.end] == p.text for p in article.passages)
        assert [p.id for p in article.passages] == [f"{article.id}:{n}" for n in range(len(article.passages))]


def test_the_corpus_stage_removes_shared_furniture(config, tmp_path):
    from models.loader import analyze

    (tmp_path / "one.txt").write_text(f"{P1}\n\n{PROMPT}\n\n{P2}\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text(f"{S1}\n\n{PROMPT}\n\n{S2}\n", encoding="utf-8")
    corpus = analyze([tmp_path], config, cache=False)
    assert all(PROMPT not in a.text for a in corpus.articles)
    # the article whose own evidence kept the prompt (it shares the story's words) loses it to the corpus stage
    one = next(a for a in corpus.articles if a.path.endswith("one.txt"))
    assert [r.kind for r in one.removed if r.text == PROMPT] == ["corpus"]
    assert all(any(r.text == PROMPT for r in a.removed) for a in corpus.articles)
    assert all(S2 in a.text for a in corpus.articles if a.path.endswith("two.txt"))


def test_a_prompt_one_article_removed_itself_is_furniture_where_another_kept_it(config):
    from models.pipeline.boilerplate import drop_corpus_repeats

    # the same site's prompt, asked of the reader: "two" tells it by its own evidence (nothing of the story in
    # it), "one" cannot (it shares the story's words); the corpus stage counts both articles as carrying it
    one = _article(config, "one", f"{P1}\n\n{PROMPT}\n\n{P2}\n")
    two = _article(config, "two", f"{S1}\n\n{PROMPT}\n\n{S2}\n")
    assert PROMPT in [p.text for p in one.passages]
    assert PROMPT not in [p.text for p in two.passages] and S2 in [p.text for p in two.passages]
    out = drop_corpus_repeats([one, two], config.cleaning)
    assert [p.text for p in out[0].passages] == [P1, P2]


def test_a_listed_headline_in_title_case_goes_even_with_a_stop(config):
    text = (
        f"{P1}\n\n{P2}\n\nMore on this\nPort Strike Enters Its Third Week At The Docks.\nNew Ferry Route Opens.\n\n"
        f"{P3}\n\n{P4}\n"
    )
    assert kept(text, config) == [P1, P2, P3, P4]


@pytest.mark.parametrize(
    "caption",
    ["Tugboats pull the grain ship off the sandbank near Portville, March 2, 2022 / HWN",
     "Credit: HWN / Mara Lindqvist"],
)
def test_captions_with_a_credit_after_a_slash_go(config, caption):
    assert kept(f"{P1}\n\n{caption}\n\n{P2}\n", config) == [P1, P2]


def test_an_inline_link_to_another_story_goes(config):
    assert kept(f"{P1}\n\nREAD: Port strike enters its third week\n\n{P2}\n\n{P3}\n", config) == [P1, P2, P3]
