"""Speakers across articles: the voices of every article grouped by who they are, people by surname and
given name, bodies by name, matched with rapidfuzz so spelling variants ("Erdoğan", "Erdogan"; "Mikheyev",
"Mikheev") meet; anonymous sources never meet across articles."""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz, process

from models.insight.voices.records import ORGANISATION, PERSON, UNNAMED, Speaker, Voice
from models.insight.voices.words import _name_key

class _Groups:
    """Union-find over (article, voice) pairs."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _same_given(a: str, b: str) -> bool:
    """Given names that can be one person's: equal or close, or an initial of the other ("R." and "Recep")."""
    if a[0] != b[0]:
        return False
    if len(a.rstrip(".")) == 1 or len(b.rstrip(".")) == 1:
        return True
    return fuzz.ratio(a, b) >= 80


def _close_keys(keys: list[str], scorer, min_score: float) -> list[list[str]]:
    """Clusters of keys whose spellings are close (same first letter, rapidfuzz score >= `min_score`)."""
    index = {k: n for n, k in enumerate(keys)}
    groups = _Groups(len(keys))
    by_letter: dict[str, list[str]] = {}
    for k in keys:
        by_letter.setdefault(k[:1], []).append(k)
    for block in by_letter.values():
        if len(block) < 2:
            continue
        for k in block:
            if len(k) < 4:
                continue
            for other, _, _ in process.extract(k, block, scorer=scorer, score_cutoff=min_score, limit=None):
                if other != k and len(other) >= 4:
                    groups.union(index[k], index[other])
    clusters: dict[int, list[str]] = {}
    for k in keys:
        clusters.setdefault(groups.find(index[k]), []).append(k)
    return list(clusters.values())


def match_speakers(by_article: dict[str, tuple[Voice, ...]], *, min_score: float = 85.0) -> tuple[Speaker, ...]:
    """Group the voices of all articles into speakers.

    People meet when their folded surnames are equal or close (rapidfuzz ratio >= `min_score`, same first
    letter) and their given names, where both have one, agree; a bare surname joins the person of that
    surname mentioned most. Bodies meet when their folded names are close (token sort ratio >=
    `min_score`). Anonymous sources stay apart.
    """
    items: list[tuple[str, Voice]] = [(a, v) for a, vs in by_article.items() for v in vs]
    words = [_name_key(v.name) for _, v in items]
    groups = _Groups(len(items))
    people: dict[str, list[int]] = {}
    bodies: dict[str, list[int]] = {}
    for n, (_, v) in enumerate(items):
        if v.kind == PERSON and words[n]:
            people.setdefault(words[n][-1], []).append(n)
        elif v.kind == ORGANISATION and words[n]:
            bodies.setdefault(" ".join(words[n]), []).append(n)
    for cluster in _close_keys(sorted(bodies), fuzz.token_sort_ratio, min_score):
        members = [n for k in cluster for n in bodies[k]]
        for n in members[1:]:
            groups.union(members[0], n)
    for cluster in _close_keys(sorted(people), fuzz.ratio, min_score):
        given: dict[str, list[int]] = {}
        for n in (n for k in cluster for n in people[k]):
            given.setdefault(words[n][0] if len(words[n]) > 1 else "", []).append(n)
        for members in given.values():
            for n in members[1:]:
                groups.union(members[0], n)
        named = sorted(g for g in given if g)
        for x in range(len(named)):
            for y in range(x + 1, len(named)):
                if _same_given(named[x], named[y]):
                    groups.union(given[named[x]][0], given[named[y]][0])
        if "" in given and named:
            weight: Counter[int] = Counter()
            for g in named:
                for n in given[g]:
                    weight[groups.find(n)] += len(items[n][1].mentions)
            groups.union(max(weight, key=lambda r: (weight[r], -r)), given[""][0])
    members_of: dict[int, list[int]] = {}
    for n in range(len(items)):
        members_of.setdefault(groups.find(n), []).append(n)
    speakers = []
    for root in sorted(members_of):
        group = members_of[root]
        voices = [items[n][1] for n in group]
        names = tuple(dict.fromkeys(v.name for v in voices))
        used = Counter(v.name for v in voices for _ in v.mentions)
        name = max(names, key=lambda nm: (len(_name_key(nm)), used[nm], nm))
        role = next((v.role for v in voices if v.role), None)
        first = items[group[0]]
        key = first[1].key if first[1].kind != UNNAMED else f"{first[0]}/{first[1].key}"
        speakers.append(Speaker(key, name, first[1].kind, role, names,
                                tuple((items[n][0], items[n][1].key) for n in group),
                                sum(len(v.mentions) for v in voices)))
    speakers.sort(key=lambda sp: (-len(sp.article_ids), -sp.mention_count, sp.name))
    return tuple(speakers)
