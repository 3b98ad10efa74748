"""Scores an analysis against a hand-made gold annotation (tests/data/seeds_gold.yaml).

Written for this project's tests from the annotation's own description: passages are found by a quote
(whitespace, curly quotes, Markdown links and asterisks folded), then topic tagging, links, cleaning and
metadata are compared with what the annotation says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MISSION = ("s400-delivery", "f35-removal", "drones-ukraine")


def fold(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return " ".join(text.replace("*", "").split()).lower()


@dataclass
class Score:
    topic_f1: dict[str, float] = field(default_factory=dict)
    link_recall: float = 0.0
    link_precision: float = 0.0
    boilerplate_leaks: list[str] = field(default_factory=list)
    joins_missed: list[str] = field(default_factory=list)
    dupes: list[str] = field(default_factory=list)
    gold_found: int = 0
    gold_total: int = 0
    metadata_ok: int = 0
    metadata_total: int = 0
    metadata_wrong: list[str] = field(default_factory=list)

    @property
    def mission_f1(self) -> float:
        return sum(self.topic_f1[t] for t in MISSION) / len(MISSION)


def score(gold: dict, analysis: dict) -> Score:
    out = Score()
    by_name = {a["path"].replace("\\", "/").rsplit("/", 1)[-1]: a for a in analysis["articles"]}
    every = [(name, p, fold(p["text"])) for name, a in by_name.items() for p in a["passages"]]

    for name, fields_ in (gold.get("articles") or {}).items():
        for key, want in fields_.items():
            out.metadata_total += 1
            got = (by_name.get(name) or {}).get(key) or ""
            if fold(str(got)) == fold(str(want)):
                out.metadata_ok += 1
            else:
                out.metadata_wrong.append(f"{name} {key}: want {want!r}, got {got!r}")

    out.boilerplate_leaks = [b for b in gold.get("boilerplate", []) if any(fold(b) in t for _, _, t in every)]
    out.joins_missed = [j for j in gold.get("joined", []) if not any(fold(j) in t for _, _, t in every)]
    out.dupes = [o for o in gold.get("once", []) if sum(fold(o) in t for _, _, t in every) != 1]

    found: dict[str, tuple[str, dict]] = {}
    for name, entries in gold["passages"].items():
        for entry in entries:
            out.gold_total += 1
            quote = fold(entry["quote"])
            hit = next((p for n, p, t in every if n == name and quote in t), None)
            if hit is not None:
                out.gold_found += 1
                found[hit["id"]] = (name, entry)

    def predicted(pid: str) -> set[str]:
        passage = next(p for _, p, _ in every if p["id"] == pid)
        return {t["topic"] for t in passage["topics"]}

    def gold_all(entry: dict) -> set[str]:
        return set(entry.get("topics") or []) | set(entry.get("implicit") or [])

    for topic in (*MISSION, "caatsa-sanctions", "coup-2016"):
        tp = fp = fn = 0
        for pid, (_, entry) in found.items():
            said = topic in predicted(pid)
            if topic in (entry.get("topics") or []):
                tp += said
                fn += not said
            elif topic not in (entry.get("implicit") or []):
                fp += said
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out.topic_f1[topic] = 2 * p * r / (p + r) if p + r else 0.0

    neighbours: dict[str, list[str]] = {}
    for link in analysis["links"]:
        neighbours.setdefault(link["source"], []).append(link["target"])
        neighbours.setdefault(link["target"], []).append(link["source"])
    good = total = need = hit = 0
    for pid, (name, entry) in found.items():
        for other in neighbours.get(pid, []):
            if other in found and found[other][0] != name:
                total += 1
                good += bool(gold_all(entry) & gold_all(found[other][1]))
        for topic in set(entry.get("topics") or []) & set(MISSION):
            for article in by_name:
                if article == name or not any(
                    n == article and topic in (e.get("topics") or []) for n, e in found.values()
                ):
                    continue
                need += 1
                hit += any(
                    other in found and found[other][0] == article and topic in gold_all(found[other][1])
                    for other in neighbours.get(pid, [])
                )
    out.link_recall = hit / need if need else 0.0
    out.link_precision = good / total if total else 0.0
    return out
