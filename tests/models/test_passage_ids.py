"""A passage id is written in one place (models.document.passage_id) and read back in one (article_of):
issue 13 found ids rebuilt by hand in several modules, each free to drift from the others."""

from __future__ import annotations

import re

from models.document import article_of, passage_id
from tests.conftest import ROOT

# an id spelt by hand: f"{article_id}:{i}", f"{article.id}:{n}", f"{x}:{p.index}"
BY_HAND = re.compile(r'f"\{[^}]+\}:\{(?:[a-z_]+\.)?(?:index|i|n)\}"')


def test_an_id_reads_back_as_its_article():
    assert passage_id("3f2a", 7) == "3f2a:7"
    assert article_of(passage_id("3f2a", 7)) == "3f2a"
    assert article_of(passage_id("a:b", 0)) == "a:b"  # the index is after the last colon


def test_the_models_write_passage_ids_only_through_passage_id():
    found = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "models").rglob("*.py"))
             if path.name != "document.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if BY_HAND.search(line)]
    assert found == [], f"passage ids spelt by hand (use models.document.passage_id): {found}"
