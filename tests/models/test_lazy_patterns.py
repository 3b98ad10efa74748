"""The bundled cleaning rules are compiled when first used, not when the config is read (start-up)."""

from __future__ import annotations

import pickle
import re

from models.config import LazyPattern, load_config


def test_reading_the_config_compiles_no_bundled_rule():
    config = load_config()
    lazy = [rule.regex for rule in config.cleaning.rules if not rule.timed]
    assert lazy and all(isinstance(p, LazyPattern) and p._compiled is None for p in lazy)


def test_a_lazy_pattern_behaves_as_the_compiled_one_and_pickles_as_its_source():
    lazy = LazyPattern(r"^(?:read more|subscribe)\b")
    assert lazy.match("Read more here") and not lazy.search("nothing")
    assert lazy.pattern == r"^(?:read more|subscribe)\b" and lazy.flags & re.IGNORECASE
    again = pickle.loads(pickle.dumps(lazy))
    assert isinstance(again, LazyPattern) and again._compiled is None and again.match("SUBSCRIBE now")


def test_every_bundled_pattern_compiles():
    for rule in load_config().cleaning.rules:
        rule.regex.compiled()
