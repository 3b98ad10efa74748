"""Cleaning: furniture out (with the rule that took it), split paragraphs joined, pull-quotes once."""

from __future__ import annotations

from models.pipeline.clean import clean

BODY = (
    "Turkey bought the S-400 air defence system from Russia in 2017, and Washington has objected ever since, "
    "warning of sanctions and of damage to NATO's shared defences."
)
BODY2 = (
    "Officials in Ankara say the purchase was a sovereign decision, and that the country had asked its allies "
    "for an equivalent system for years without success."
)


def paragraphs(text, config):
    return [p.text for p in clean(text, config.cleaning).paragraphs]


def rules(text, config):
    return {r.rule for r in clean(text, config.cleaning).removed}


def test_furniture_glued_to_a_paragraph_start_is_cut_and_the_prose_kept(config):
    text = f"Your email address will not be published.{BODY}\n\n{BODY2}\n"
    result = clean(text, config.cleaning)
    assert [p.text for p in result.paragraphs] == [BODY, BODY2]
    assert result.removed[0].text == "Your email address will not be published."
    assert result.removed[0].rule == "comment-form"


def test_paragraph_split_mid_sentence_is_rejoined(config):
    text = f"{BODY}\n\nThe government insisted that it acted in order to\n\nensure its national security needs.\n"
    assert paragraphs(text, config)[-1] == "The government insisted that it acted in order to ensure its national security needs."


def test_a_finished_sentence_is_not_joined_to_the_next(config):
    text = f"{BODY}\n\n{BODY2}\n"
    assert paragraphs(text, config) == [BODY, BODY2]


def test_pull_quote_repeated_in_the_page_appears_once(config):
    quote = "Now that Ankara holds the Russian system, there is little Washington can do to make it give it back."
    text = f"{quote}\n\n{BODY}\n\nThe analyst put it bluntly. {quote} Others disagree with that reading.\n\n{BODY2}\n"
    kept = paragraphs(text, config)
    assert sum(quote in p for p in kept) == 1
    assert "pull-quote" in rules(text, config)


def test_markdown_links_become_their_text(config):
    text = f"It's no wonder that Turkey began to [reorient itself eastward](https://x.example/a) and {BODY}\n\n{BODY2}\n"
    assert paragraphs(text, config)[0].startswith("It's no wonder that Turkey began to reorient itself eastward and")


def test_related_posts_tail_and_everything_after_it_go(config):
    text = f"{BODY}\n\n{BODY2}\n\nRelated Posts\n\nSome other story about fish markets in a faraway town today.\n\nLeave a Reply\n"
    result = clean(text, config.cleaning)
    assert [p.text for p in result.paragraphs] == [BODY, BODY2]
    assert {r.rule for r in result.removed} == {"related-tail"}
    assert len(result.removed) == 3


def test_a_tail_marker_before_any_body_text_does_not_erase_the_article(config):
    text = f"Comments\n\n{BODY}\n\n{BODY2}\n"
    assert paragraphs(text, config) == [BODY, BODY2]


def test_head_furniture_title_byline_dateline_taxonomy(config):
    text = (
        "A Title Worth Reading\n\nBy [Jane Doe](#)\n\nThe Daily Outlet, March 3, 2022\n\n"
        "Region: [Europe](#), [Asia](#)\n\n5 min read\n\n" + BODY + "\n\n" + BODY2 + "\n"
    )
    result = clean(text, config.cleaning)
    assert [p.text for p in result.paragraphs] == [BODY, BODY2]
    assert [(r.rule, r.text) for r in result.removed] == [
        ("title", "A Title Worth Reading"),
        ("byline", "By Jane Doe"),
        ("dateline", "The Daily Outlet, March 3, 2022"),
        ("taxonomy", "Region: Europe, Asia"),
        ("reading-time", "5 min read"),
    ]


def test_tail_furniture_each_with_its_rule(config):
    text = (
        f"{BODY}\n\n{BODY2}\n\n*\n\n"
        "Note to readers: please click the share buttons above.\n\n"
        "Jane Doe is an independent journalist and a frequent contributor to The Outlet.\n\n"
        "Featured image is from Wikimedia\n\n"
        "Copyright © Jane Doe, The Outlet, 2022\n\n"
        "Disclaimer: The contents of this article are of sole responsibility of the author.\n\n"
        "For media inquiries: press@outlet.example\n\n"
        "Sign up for our daily newsletter.\n"
    )
    result = clean(text, config.cleaning)
    assert [p.text for p in result.paragraphs] == [BODY, BODY2]
    assert [r.rule for r in result.removed] == [
        "separator", "share-prompt", "author-bio", "image-credit", "copyright", "disclaimer", "contact", "newsletter",
    ]


def test_an_expert_introduced_mid_article_is_not_an_author_bio(config):
    expert = "Ilter Turan is a professor of international relations at Istanbul Bilgi University, and he doubts the deal."
    text = f"{BODY}\n\n{expert}\n\n{BODY2}\n\n{BODY}  Again.\n"
    assert expert in paragraphs(text, config)


def test_mostly_links_line_is_navigation(config):
    text = f"{BODY}\n\n[World](/w) | [Opinion](/o) | [Sport](/s)\n\n{BODY2}\n"
    result = clean(text, config.cleaning)
    assert [p.text for p in result.paragraphs] == [BODY, BODY2]
    assert result.removed[0].rule == "link-list"


def test_subheading_labels_the_next_paragraph(config):
    text = f"{BODY}\n\nWhy does this matter?\n\n{BODY2}\n"
    result = clean(text, config.cleaning)
    assert [p.text for p in result.paragraphs] == [BODY, BODY2]
    assert result.paragraphs[1].heading == "Why does this matter?"


def test_single_newline_separated_paragraphs_are_kept_apart(config):
    text = f"{BODY}\n{BODY2}\n"
    assert paragraphs(text, config) == [BODY, BODY2]


def test_hard_wrapped_paragraph_is_one_paragraph(config):
    words = (BODY + " " + BODY2).split()
    lines: list[str] = []
    line: list[str] = []
    for word in words:
        if len(" ".join(line + [word])) > 60:
            lines.append(" ".join(line))
            line = []
        line.append(word)
    lines.append(" ".join(line))
    assert paragraphs("\n".join(lines) + "\n", config) == [BODY + " " + BODY2]


def test_markup_like_text_is_kept_literally(config):
    text = f"{BODY} [@click=app.quit]x[/] [/bold]\n\n{BODY2}\n"
    assert "[@click=app.quit]x[/] [/bold]" in paragraphs(text, config)[0]
