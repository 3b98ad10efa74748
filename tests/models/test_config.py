"""Config: the bundled file loads, a user's file may override parts, and every mistake names file, line, key."""

from __future__ import annotations

import pytest

from models.config import DEFAULT_COLOUR, ConfigError, load_config


def write(tmp_path, text):
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_config_has_the_mission_topics(config):
    ids = [t.id for t in config.topics]
    assert ids[:3] == ["s400-delivery", "f35-removal", "drones-ukraine"]
    assert {"caatsa-sanctions", "coup-2016"} <= set(ids)
    assert all(t.colour.startswith("#") and t.aliases for t in config.topics)


def test_partial_user_config_keeps_the_rest_of_the_defaults(tmp_path, config):
    cfg = load_config(write(tmp_path, "thresholds:\n  links_per_article: 3\nkeys:\n  quit: ctrl+q\n"))
    assert cfg.thresholds.links_per_article == 3
    assert cfg.thresholds.fuzzy_min == config.thresholds.fuzzy_min
    assert cfg.topics == config.topics and cfg.cleaning.rules == config.cleaning.rules
    assert cfg.keys["quit"] == "ctrl+q"
    assert cfg.digest != config.digest


def test_user_topics_replace_the_default_topics(tmp_path):
    cfg = load_config(write(tmp_path, "topics:\n  - id: gas\n    label: Gas\n    colour: '#ff0000'\n    aliases: [TurkStream]\n"))
    assert [t.id for t in cfg.topics] == ["gas"]


@pytest.mark.parametrize(
    "text, line, key, words",
    [
        ("thresholds:\n  link_min_score: [1\n", 2, "", "YAML error"),
        ("thresholds:\n  linkz: 3\n", 2, "thresholds.linkz", "unknown key"),
        ("thresholds:\n  links_per_article: many\n", 2, "thresholds.links_per_article", "expected a number"),
        ("thresholds:\n  links_per_article: 1.5\n", 2, "thresholds.links_per_article", "whole number"),
        ("thresholds:\n  link_min_score: 2\n", 2, "thresholds.link_min_score", "between 0 and 1"),
        ("thresholds:\n  link_min_score: .nan\n", 2, "thresholds.link_min_score", "finite number, got .nan"),
        ("thresholds:\n  fuzzy_min: .NaN\n", 2, "thresholds.fuzzy_min", "finite number"),
        ("thresholds:\n  tag_min_score: -.inf\n", 2, "thresholds.tag_min_score", "finite number"),
        ("thresholds:\n  link_candidates: .inf\n", 2, "thresholds.link_candidates", "whole number"),
        ("topics:\n  - id: x\n    label: X\n    window: .nan\n    aliases: [a]\n", 4, "topics[0].window",
         "whole number"),
        ("colours: {}\n", 1, "colours", "unknown key"),
        ("topics:\n  - id: x\n    label: X\n    aliases: S-400\n", 4, "topics[0].aliases", "expected a list"),
        ("topics:\n  - id: x\n    label: X\n", 2, "topics[0]", "missing 'aliases'"),
        ("cleaning:\n  rules:\n    - id: r\n      scope: paragraph\n      patterns: ['(unclosed']\n", 5,
         "cleaning.rules[0].patterns[0]", "bad regular expression"),
        ("cleaning:\n  rules:\n    - id: r\n      scope: everywhere\n      patterns: [x]\n", 4, "cleaning.rules[0].scope", "not one of"),
        ("- just\n- a list\n", 1, "", "top level must be a mapping"),
    ],
)
def test_bad_config_names_file_line_and_key(tmp_path, text, line, key, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert key in message and words in message


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
@pytest.mark.parametrize(
    "text, where, noticed",
    [
        # A key missing its ':' is noticed on the next line: the user's mistake is on line 3.
        ("topics:\n  - id: a\n    label x\n    colour: red\n", "3:5", "line 4, column 5"),
        # A quote, a '[' or a '{' never closed: point at where it opens, not at the file's end or the next key.
        ("topics:\n  - id: a\n    label: \"x\n    colour: red\n", "3:12", "line 5, column 1"),
        ("topics:\n  - id: a\n    aliases: [a, b\n    colour: red\n", "3:14", "line 4, column 11"),
        ("thresholds: {fuzzy_min: 1\nkeys: {}\n", "1:13", "line 2, column 5"),
        # Where the bad line is where the parser stopped, that place is kept.
        ("topics:\n  - id: a\n   label: x\n", "3:4", None),
        ("topics:\n  - id: a\n    label: x\n  colour: red\n", "4:3", None),
        ("thresholds:\n  a: 1\n  b: 2: 3\n", "3:7", None),
        ("a: &x 1\nb: &x 2\n", "2:4", None),
    ],
)
def test_a_yaml_syntax_error_names_the_line_and_column_of_the_mistake(tmp_path, monkeypatch, loader, text, where,
                                                                        noticed):
    import yaml

    import models.config

    if not hasattr(yaml, loader):
        pytest.skip(f"PyYAML built without {loader}")
    monkeypatch.setattr(models.config, "_LOADER", getattr(yaml, loader))
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert message.startswith(f"{path}:{where}: YAML error: "), message
    assert (err.value.line, err.value.column) == tuple(int(n) for n in where.split(":"))
    if noticed:
        assert f"the parser gave up at {noticed}" in message


def test_a_bare_number_yes_or_date_in_a_rule_or_a_key_is_the_text_the_user_typed_too(tmp_path):
    """A rule's patterns and id and a key binding are text the user typed, like a topic's words: one reading
    for all of them (a bare `2016` in a pattern was refused as "expected a non-empty string, got 2016")."""
    cfg = load_config(write(tmp_path, (
        "cleaning:\n  rules:\n    - id: 2016\n      scope: line\n      patterns: [2016, yes, 2021-03-23, 0x1F]\n"
        "keys:\n  quit: 1\n"
    )))
    (rule,) = cfg.cleaning.rules
    assert (rule.id, rule.patterns) == ("2016", ("2016", "yes", "2021-03-23", "0x1F"))
    assert rule.regex.fullmatch("2016") and rule.regex.fullmatch("Yes")
    assert cfg.keys["quit"] == "1"


@pytest.mark.parametrize("text, key", [
    ("cleaning:\n  rules:\n    - id: r\n      scope: line\n      patterns: [~]\n", "cleaning.rules[0].patterns[0]"),
    ("cleaning:\n  rules:\n    - id: r\n      scope: line\n      patterns: ['']\n", "cleaning.rules[0].patterns[0]"),
    ("cleaning:\n  rules:\n    - id: r\n      scope: 2016\n      patterns: [x]\n", "cleaning.rules[0].scope"),
])
def test_an_empty_pattern_or_a_setting_that_is_no_text_is_still_a_mistake(tmp_path, text, key):
    with pytest.raises(ConfigError, match=key.replace("[", r"\[").replace("]", r"\]")):
        load_config(write(tmp_path, text))


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_a_control_character_in_the_file_is_pointed_at_by_line_and_column(tmp_path, monkeypatch, loader):
    """YAML refuses ESC or BEL anywhere; its error carries an offset (in UTF-8 bytes with libyaml), not a line:
    the message used to end in 'in "<unicode string>", position 16' on a second line."""
    import yaml

    import models.config

    if not hasattr(yaml, loader):
        pytest.skip(f"PyYAML built without {loader}")
    monkeypatch.setattr(models.config, "_LOADER", getattr(yaml, loader))
    path = write(tmp_path, "topics:\n  - id: café\n    label: Ca\x1bfé\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert message.startswith(f"{path}:3:14: YAML error: character U+001B is not allowed"), message
    assert "\n" not in message and "\x1b" not in message and "position" not in message


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.yaml")


def test_a_topic_may_carry_a_one_sentence_description(tmp_path):
    cfg = load_config(write(tmp_path, (
        "topics:\n  - id: blame\n    label: Who is to blame\n"
        "    description: >\n      What caused the accident and\n      who is held responsible.\n"
        "    aliases: [blame]\n"
    )))
    assert cfg.topics[0].description == "What caused the accident and who is held responsible."
    from models.loader import topic_infos

    assert topic_infos(cfg)[0].description == "What caused the accident and who is held responsible."


def test_an_empty_description_is_a_mistake(tmp_path):
    path = write(tmp_path, "topics:\n  - id: x\n    label: X\n    description: ''\n    aliases: [a]\n")
    with pytest.raises(ConfigError, match=r"topics\[0\].description"):
        load_config(path)


def test_a_bare_number_date_or_yes_in_a_topic_is_the_text_the_user_typed(tmp_path):
    """A user writing `aliases: [911, 2016, yes]` means the words, not an int, a year and a boolean: YAML's
    typing of plain scalars must not reject the whole topics file (seen on a real topics file: `911`)."""
    cfg = load_config(write(tmp_path, (
        "topics:\n  - id: 2016\n    label: 1.50\n"
        "    aliases: [911, 2016, yes, 2021-03-23, 2021-02-30, 0x1F, '007']\n"
        "    requires: [[no, off]]\n"
    )))
    topic = cfg.topics[0]
    assert (topic.id, topic.label) == ("2016", "1.50")
    assert topic.aliases == ("911", "2016", "yes", "2021-03-23", "2021-02-30", "0x1F", "007")
    assert topic.requires == (("no", "off"),)


@pytest.mark.parametrize("alias", ["~", "null", "''", "[a]", "{a: b}"])
def test_an_alias_that_is_no_text_is_still_a_mistake(tmp_path, alias):
    path = write(tmp_path, f"topics:\n  - id: x\n    label: X\n    aliases: [{alias}]\n")
    with pytest.raises(ConfigError, match=r"topics\[0\].aliases\[0\]"):
        load_config(path)


def test_an_unclosed_quote_is_named_not_swallowed(tmp_path):
    """`label: "No mandate` with no closing quote: YAML reads on to the next quote, swallowing the lines after it
    into the label. A value of one line that runs over several is reported where its quote opens."""
    path = tmp_path / "topics.yaml"
    path.write_text(
        'topics:\n  - id: mandate\n    label: "No mandate\n    aliases: [oops]\n'
        '    colour: "#8fbcbb"\n', encoding="utf-8")  # the colour's first quote closes the label; the rest is a comment
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.line == 3 and info.value.column == 12
    assert "topics[0].label" in str(info.value) and "closing" in str(info.value)


def test_a_description_may_be_quoted_over_several_lines(tmp_path):
    path = tmp_path / "topics.yaml"
    path.write_text(
        'topics:\n  - id: mandate\n    label: No mandate\n    aliases: [mandate]\n'
        '    description: "What the prime minister said of her mandate,\n      and who disputed it."\n',
        encoding="utf-8")
    [topic] = load_config(path).topics
    assert topic.description == "What the prime minister said of her mandate, and who disputed it."


def test_a_key_binding_that_is_not_text_is_said_and_the_rest_loads(tmp_path):
    """A trial's `quit: 42` was taken as the keys "42" (quit could no longer be pressed) and nothing was said."""
    path = write(tmp_path, (
        "keys:\n  quit: 42\n  help: '?'\n  clear_topic: 0\n  next_pane: [tab]\n  search:\n  7: q\n"
        "  follow_link: '42'\n"
    ))
    cfg = load_config(path)
    assert cfg.keys["help"] == "?" and cfg.keys["clear_topic"] == "0" and cfg.keys["follow_link"] == "42"
    assert "quit" not in cfg.keys and "next_pane" not in cfg.keys and "search" not in cfg.keys
    assert cfg.notes == (
        f"{path}:2: keys.quit: expected the key(s) as text, such as q or ctrl+s,q, got 42; quit keeps its default key",
        f"{path}:5: keys.next_pane: expected the key(s) as text, such as q or ctrl+s,q, got a list; "
        "next_pane keeps its default key",
        f"{path}:6: keys.search: expected the key(s) as text, such as q or ctrl+s,q, got nothing; "
        "search keeps its default key",
        f"{path}:7: keys: 7 is not a binding id (`parallax keys` lists them); the entry is left out",
    )
    assert load_config(write(tmp_path, "keys: [q]\n")).notes[0].startswith(f"{path}:1: keys: expected a mapping")


@pytest.mark.parametrize("written, drawn", [
    ("'#fff'", "#ffffff"),  # CSS shorthand: the topic bar crashed on it
    ("'#A1B2C3'", "#a1b2c3"),
    ("orange", "#ffa500"),  # a CSS name Rich does not know: the topic bar crashed on it too
    ("Dark Orange", "dark_orange"),  # Rich's own names stay names
    ("red", "red"),
])
def test_a_colour_is_read_as_the_reader_draws_it(tmp_path, written, drawn):
    cfg = load_config(write(tmp_path, f"topics:\n  - id: x\n    label: X\n    colour: {written}\n    aliases: [a]\n"))
    assert cfg.topics[0].colour == drawn and cfg.notes == ()


@pytest.mark.parametrize("written", ["'#ggg'", "'#zz'", "'#ffff'", "purplish", "12", "[red]"])
def test_a_colour_the_reader_cannot_draw_is_said_and_the_topic_is_grey(tmp_path, written):
    path = write(tmp_path, (
        f"topics:\n  - id: x\n    label: X\n    colour: {written}\n    aliases: [a]\n"
        "  - id: y\n    label: Y\n    colour: '#123456'\n    aliases: [b]\n"
    ))
    cfg = load_config(path)
    assert [t.colour for t in cfg.topics] == [DEFAULT_COLOUR, "#123456"]
    (note,) = cfg.notes
    assert note.startswith(f"{path}:4: topics[0].colour: ") and "is not a colour" in note and DEFAULT_COLOUR in note


def test_a_binding_given_twice_or_colour_beside_color_is_said(tmp_path):
    """YAML keeps the later of two entries without a word; the earlier line then looks ignored for no reason."""
    path = write(tmp_path, (
        "keys:\n  quit: x\n  help: h\n  quit: y\n"
        "topics:\n  - id: a\n    label: A\n    colour: '#112233'\n    color: red\n    aliases: [a]\n"
    ))
    cfg = load_config(path)
    assert cfg.keys["quit"] == "y" and cfg.topics[0].colour == "#112233"
    assert cfg.notes == (
        f"{path}:9: topics[0].color: given beside colour (the same setting); colour is used",
        f"{path}:4: keys.quit: bound twice (first on line 2); the later one, y, is used",
    )
