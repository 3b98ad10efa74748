"""Read `config.yaml` into typed settings.

The file is walked as a YAML node tree (not plain dicts) so that every error can name the file, the line and
the key: a person editing their own config should never have to guess what is wrong. A user's config may
leave sections out; each missing section (and each missing threshold or key binding) falls back to the
bundled default.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

SCOPES = ("paragraph", "sentence", "line", "tail", "related")
POSITIONS = ("any", "head", "tail")
ROLES = ("byline", "dateline", "copyright", "source", "author-bio", "disclaimer", "newsletter", "caption")
"""What a rule's matches state about the article, read by the metadata stage: `byline` (author, or an agency
as outlet), `dateline` (date, outlet), `copyright` / `source` / `disclaimer` / `newsletter` (outlet),
`author-bio` (author and outlet), `caption` (a picture's caption or credit). Metadata goes by role, so
renaming a rule loses nothing."""
DEFAULT_COLOUR = "#888888"  # a topic's colour when its config gives none, or one the reader cannot draw
_TOPIC_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class ConfigError(Exception):
    """A config file that cannot be used; the message names file, line (and column, for a YAML syntax error) and
    key."""

    def __init__(self, path: str, line: int | None, key: str, message: str, column: int | None = None) -> None:
        self.path, self.line, self.column, self.key = path, line, column, key
        where = f"{path}:{line}" if line else path
        where = f"{where}:{column}" if line and column else where
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")


@dataclass(frozen=True)
class Topic:
    """A topic to tag passages with.

    `aliases` name the topic itself: any of them (fuzzily) in a passage is explicit evidence. `requires` is a
    list of term groups; each group must also be named in the passage or within `window` passages of it (so
    "drones" counts for drones-to-Ukraine only near "Ukraine"). `references` are phrases that point back at
    the topic ("the deal"); `weak_references` are vaguer ones ("the subject") that only count right next to
    an explicit mention. `title_context` lets the article's title meet `requires` for every passage.
    `description` is the user's one sentence on what the topic covers: shown to people, and its specific terms
    join the vocabulary the corpus stage grows for the topic (models/pipeline/vocabulary.py).
    """

    id: str
    label: str
    colour: str
    aliases: tuple[str, ...]
    requires: tuple[tuple[str, ...], ...] = ()
    window: int = 0
    references: tuple[str, ...] = ()
    weak_references: tuple[str, ...] = ()
    title_context: bool = True
    description: str | None = None


@dataclass(frozen=True)
class CleaningRule:
    """A furniture rule: regexes (case-insensitive) and what to remove when one matches.

    scope `paragraph` drops the paragraph when a pattern matches within its first 200 characters (anywhere
    in it when `max_words` is set); `sentence` cuts the matching sentence off the start of the paragraph and
    keeps the rest; `line` drops a line that fully matches wherever it stands, before paragraphs are formed;
    `tail` drops a short line that fully matches and everything after it; `related` does the same unless
    real article prose still follows, when only the line and the short lines under it go. `max_words` limits
    the rule to short paragraphs; `position` limits it to the head (before the body) or the tail (at most one
    body paragraph after it). `role` says what a match states about the article (see ROLES). The patterns
    are compiled with the `regex` package so that models/pipeline/patterns.py can give them a time budget.
    """

    id: str
    scope: str
    patterns: tuple[str, ...]
    max_words: int | None = None
    position: str = "any"
    role: str | None = None
    regex: Any = field(compare=False, repr=False, default=None)
    timed: bool = False  # a user's rule: its patterns run on `regex` with a time budget (pipeline/patterns.py)


class LazyPattern:
    """A case-insensitive `re` pattern compiled the first time it is used, not when the config is read: the
    bundled rules' ~120 patterns cost ~0.1 s to compile, and a reader whose articles come from the cache never
    cleans one. Behaves as the compiled pattern (`search`, `match`, `pattern`, `flags`...); pickles as its
    source (the process pool's workers compile their own)."""

    __slots__ = ("source", "_compiled")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, re.IGNORECASE)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str]]:
        return LazyPattern, (self.source,)


@dataclass(frozen=True)
class Cleaning:
    rules: tuple[CleaningRule, ...] = ()
    title_max_words: int = 25
    prose_min_words: int = 15
    heading_max_words: int = 12
    link_text_ratio: float = 0.6
    pull_quote_min_chars: int = 60


@dataclass(frozen=True)
class Thresholds:
    """Numbers that tune tagging and linking; see README for what each one does."""

    fuzzy_min: float = 85.0
    fuzzy_min_short: float = 90.0
    tag_min_score: float = 0.3
    implicit_back: int = 4
    implicit_forward: int = 2
    weak_implicit_distance: int = 1
    link_min_score: float = 0.15
    link_min_similarity: float = 0.0
    discovered_link_min_similarity: float = 0.3
    discovered_link_min_shared: int = 3
    links_per_article: int = 1
    links_max_per_passage: int = 12
    link_candidates: int = 50
    content_link_min_shared: int = 3
    content_link_min_similarity: float = 0.0


@dataclass(frozen=True)
class Config:
    topics: tuple[Topic, ...]
    cleaning: Cleaning
    thresholds: Thresholds
    keys: dict[str, str]
    path: str
    digest: str
    # the ids `parallax topics suggest` wrote into a topics file (its `suggested:` list): one of them that is no
    # longer among `topics` was deleted by the user, and is not suggested again (see `dismissed`)
    suggested: tuple[str, ...] = ()
    # what was wrong but did not stop the config from loading ("file:line: key: what, and what was used
    # instead"): a colour the reader cannot draw, a key binding that is not text. The command line prints them,
    # the reader shows them.
    notes: tuple[str, ...] = ()

    @property
    def dismissed(self) -> frozenset[str]:
        """Discovered topics the user removed from a suggested topics file: not to be suggested again."""
        return frozenset(self.suggested) - {t.id for t in self.topics}

    def topic(self, topic_id: str) -> Topic | None:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        return None


def default_config_path() -> Path:
    """The bundled `config.yaml`: at the top of a checkout, inside the package in a wheel (models/resources.py)."""
    from models.resources import config_path

    return config_path()


TOPICS_BESIDE = "topics.yaml"


def topics_beside(paths: list[str]) -> Path | None:
    """The `topics.yaml` of the one folder of articles given, if it has one: used when no --config is."""
    folders = [Path(p) for p in paths if p != "-" and Path(p).is_dir()]
    if len(folders) != 1 or len(folders) != len(paths):
        return None
    return topics_in(folders[0])


def topics_in(folder: Path) -> Path | None:
    """`folder`'s own topics file (the one `parallax topics suggest` writes there), if it has one."""
    candidate = folder / TOPICS_BESIDE
    return candidate if candidate.is_file() else None


def load_config(path: str | Path | None = None) -> Config:
    """Load `path` (or the bundled default), filling sections it leaves out from the default."""
    default_path = default_config_path()
    default_doc = _read(default_path)
    if path is None or Path(path).resolve() == default_path.resolve():
        return _build(default_doc, None, str(default_path))
    user_path = Path(path)
    return _build(default_doc, _read(user_path), str(user_path))


# --- reading -------------------------------------------------------------------------------------------


# libyaml's parser when PyYAML was built with it (ten times faster on config.yaml, same nodes and marks).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class _Doc:
    path: str
    root: yaml.MappingNode | None
    text: str


def _read(path: Path) -> _Doc:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(str(path), None, "", "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), None, "", f"cannot read: {exc}") from None
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(str(path), exc) from None
    except yaml.reader.ReaderError as exc:  # a character YAML allows nowhere, e.g. ESC: no mark, an offset
        raise _character_error(str(path), text, exc) from None
    except yaml.YAMLError as exc:
        raise ConfigError(str(path), None, "", f"YAML error: {exc}") from None
    if root is not None and not isinstance(root, yaml.MappingNode):
        raise ConfigError(str(path), _line(root), "", "the top level must be a mapping of sections")
    return _Doc(str(path), root, text)


def _syntax_error(path: str, exc: yaml.MarkedYAMLError) -> ConfigError:
    """Points at the mistake, not where the parser gave up. A token left open (a key missing its ':', a quote
    or a `[`/`{` never closed) is only noticed on a later line, at the next token or the file's end: the
    mistake is where that token or collection starts, which YAML gives as the error's context. A block
    collection's start is no mistake (the bad line is where the parser stopped), nor is the first of two
    anchors, so there the problem's own place is kept and the context is named after it."""
    problem, context = exc.problem or str(exc), exc.context or ""
    noticed, started = exc.problem_mark, exc.context_mark
    opened = isinstance(exc, yaml.scanner.ScannerError) or context.startswith("while parsing a flow")
    if noticed is None or (started is not None and opened and started.line < noticed.line):
        at, note = started, f"{context} from here" if context else ""
        if noticed is not None:
            note += f"; the parser gave up at line {noticed.line + 1}, column {noticed.column + 1}"
    else:
        at, note = noticed, ""
        if started is not None and context and (started.line, started.column) != (noticed.line, noticed.column):
            note = f"{context} at line {started.line + 1}, column {started.column + 1}"
    message = f"YAML error: {problem}" + (f" ({note.lstrip('; ')})" if note else "")
    if at is None:
        return ConfigError(path, None, "", message)
    return ConfigError(path, at.line + 1, "", message, column=at.column + 1)


def _character_error(path: str, text: str, exc: yaml.reader.ReaderError) -> ConfigError:
    """The line and column of the first character YAML refuses. The error's offset counts characters in one
    loader and UTF-8 bytes in the other (libyaml); the refused character is the first of its kind in the
    text either way, so it is looked up instead."""
    code = exc.character if isinstance(exc.character, int) else None
    at = text.find(chr(code)) if code is not None else -1
    what = f"character U+{code:04X}" if code is not None else "a character"
    message = f"YAML error: {what} is not allowed in a YAML file (a control character); delete it"
    if at < 0:
        return ConfigError(path, None, "", message)
    line_start = text.rfind("\n", 0, at) + 1
    return ConfigError(path, text.count("\n", 0, at) + 1, "", message, column=at - line_start + 1)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


_MULTI_LINE = frozenset({"description"})  # the keys whose quoted value may run over several lines


class _Walker:
    """Turns YAML nodes into typed values, raising ConfigError that points at the node."""

    def __init__(self, path: str, notes: list[str] | None = None) -> None:
        self.path = path
        self.notes = notes if notes is not None else []  # see Config.notes
        # one constructor for the whole file: building a loader per value cost ~25 ms of start-up on config.yaml
        self._constructor = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node | None, key: str, message: str) -> ConfigError:
        return ConfigError(self.path, _line(node) if node is not None else None, key, message)

    def note(self, node: yaml.Node | None, key: str, message: str) -> None:
        """Something wrong that does not stop the file from loading: said, and a default used instead."""
        self.notes.append(str(self.fail(node, key, message)))

    def mapping(self, node: yaml.Node, key: str, allowed: tuple[str, ...]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, key, f"expected a mapping, got {_kind(node)}")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for knode, vnode in node.value:
            name = knode.value if isinstance(knode, yaml.ScalarNode) else None
            where = f"{key}.{name}" if key else str(name)
            if name not in allowed:
                raise self.fail(knode, where, f"unknown key (allowed: {', '.join(allowed)})")
            if name in out:
                raise self.fail(knode, where, "key given twice")
            if name not in _MULTI_LINE:  # before any key is missed: a runaway quote may have swallowed it
                self._closed(vnode, where)
            out[name] = (knode, vnode)
        return out

    def scalar(self, node: yaml.Node, key: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, key, f"expected a single value, got {_kind(node)}")
        return self._constructor.construct_object(node)

    def string(self, node: yaml.Node, key: str, *, one_line: bool = True) -> str:
        if one_line:
            self._closed(node, key)
        value = self.scalar(node, key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(node, key, f"expected a non-empty string, got {value!r}")
        return value

    def boolean(self, node: yaml.Node, key: str) -> bool:
        value = self.scalar(node, key)
        if not isinstance(value, bool):
            raise self.fail(node, key, f"expected true or false, got {value!r}")
        return value

    def number(self, node: yaml.Node, key: str, kind: type) -> Any:
        value = self.scalar(node, key)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(node, key, f"expected a number, got {value!r}")
        if kind is int and not isinstance(value, int):
            raise self.fail(node, key, f"expected a whole number, got {value!r}")
        if not math.isfinite(value):  # .nan compares false with every bound, so it would pass them all
            raise self.fail(node, key, f"expected a finite number, got {node.value}")
        if value < 0:
            raise self.fail(node, key, f"must not be negative, got {value!r}")
        return kind(value)

    def sequence(self, node: yaml.Node, key: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, key, f"expected a list, got {_kind(node)}")
        return list(node.value)

    def _closed(self, node: yaml.Node, key: str) -> None:
        """A quoted value of one line (an id, a label, an alias, a pattern, a colour) that YAML read over several
        lines lost its closing quote: YAML lets a quoted string run on to the next quote, so `label: "No mandate`
        swallowed the lines after it (keys and all) into the label, and nothing was said. The user's quote is
        where it opens."""
        if (isinstance(node, yaml.ScalarNode) and node.style in ('"', "'")
                and node.end_mark.line > node.start_mark.line):
            raise ConfigError(
                self.path, node.start_mark.line + 1, key,
                f"the quoted value opened here runs on to line {node.end_mark.line + 1}: a closing "
                f"{node.style} is probably missing", column=node.start_mark.column + 1)

    def text(self, node: yaml.Node, key: str, *, one_line: bool = True) -> str:
        """Text the user typed, as typed: a topic's id, label, names and words, a rule's id and patterns, a key. YAML
        reads a bare `911`, `2016`, `yes` or `2021-03-23` as a number, a boolean or a date, but in an alias or
        a pattern it is text, so the scalar's own characters are taken. Quoted or not, the user meant what they
        wrote. (`string` is for settings, where a bare number is a mistake: a colour, a scope, a role.)"""
        if one_line:
            self._closed(node, key)
        if isinstance(node, yaml.ScalarNode) and not node.style and node.value.strip():  # plain: None (Python) or "" (C loader)
            try:
                typed = self.scalar(node, key)
            except (ValueError, yaml.YAMLError):  # e.g. a bare 2021-02-30: no date, but still the user's text
                return node.value
            if typed is not None and not isinstance(typed, str):
                return node.value
        return self.string(node, key, one_line=False)  # checked above

    def texts(self, node: yaml.Node, key: str) -> tuple[str, ...]:
        items = self.sequence(node, key)
        return tuple(self.text(item, f"{key}[{i}]") for i, item in enumerate(items))


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"{node.value!r}"


_SECTIONS = ("topics", "cleaning", "thresholds", "keys", "suggested")


def _sections(doc: _Doc) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if doc.root is None:
        return {}
    return _Walker(doc.path).mapping(doc.root, "", _SECTIONS)


def _build(default: _Doc, user: _Doc | None, shown_path: str) -> Config:
    base = _sections(default)
    over = _sections(user) if user else {}
    notes: list[str] = []

    def pick(name: str) -> tuple[_Walker, yaml.Node | None]:
        if name in over:
            return _Walker(user.path, notes), over[name][1]  # type: ignore[union-attr]
        if name in base:
            return _Walker(default.path, notes), base[name][1]
        return _Walker(default.path, notes), None

    walker, node = pick("topics")
    topics = _topics(walker, node) if node is not None else ()

    cleaning = _cleaning(_Walker(default.path), base["cleaning"][1]) if "cleaning" in base else Cleaning()
    if "cleaning" in over:
        cleaning = _cleaning(_Walker(user.path), over["cleaning"][1], cleaning)  # type: ignore[union-attr]

    thresholds = Thresholds()
    if "thresholds" in base:
        thresholds = _thresholds(_Walker(default.path), base["thresholds"][1], thresholds)
    if "thresholds" in over:
        thresholds = _thresholds(_Walker(user.path), over["thresholds"][1], thresholds)  # type: ignore[union-attr]

    keys: dict[str, str] = {}
    if "keys" in base:
        keys.update(_keys(_Walker(default.path, notes), base["keys"][1]))
    if "keys" in over:
        keys.update(_keys(_Walker(user.path, notes), over["keys"][1]))  # type: ignore[union-attr]

    suggested: tuple[str, ...] = ()
    if "suggested" in over:
        suggested = _Walker(user.path).texts(over["suggested"][1], "suggested")  # type: ignore[union-attr]

    digest_src = default.text + "\0" + (user.text if user else "")
    digest = hashlib.sha256(digest_src.encode()).hexdigest()[:16]
    return Config(topics, cleaning, thresholds, keys, shown_path, digest, suggested, tuple(notes))


def _topics(w: _Walker, node: yaml.Node) -> tuple[Topic, ...]:
    allowed = ("id", "label", "description", "colour", "color", "aliases", "requires", "window", "references",
               "weak_references", "title_context")
    topics: list[Topic] = []
    seen: set[str] = set()
    for i, item in enumerate(w.sequence(node, "topics")):
        key = f"topics[{i}]"
        m = w.mapping(item, key, allowed)
        for required in ("id", "label", "aliases"):
            if required not in m:
                raise w.fail(item, key, f"missing '{required}'")
        tid = w.text(m["id"][1], f"{key}.id")
        if not _TOPIC_ID.match(tid):
            raise w.fail(m["id"][1], f"{key}.id", f"{tid!r} is not a valid id (lowercase letters, digits, '-', '_')")
        if tid in seen:
            raise w.fail(m["id"][1], f"{key}.id", f"topic id {tid!r} is used twice")
        seen.add(tid)
        if "colour" in m and "color" in m:
            w.note(m["color"][0], f"{key}.color", "given beside colour (the same setting); colour is used")
        colour_node = (m.get("colour") or m.get("color") or (None, None))[1]
        colour = _colour(w, colour_node, f"{key}.colour") if colour_node is not None else DEFAULT_COLOUR
        aliases = w.texts(m["aliases"][1], f"{key}.aliases")
        if not aliases:
            raise w.fail(m["aliases"][1], f"{key}.aliases", "needs at least one alias")
        requires: tuple[tuple[str, ...], ...] = ()
        if "requires" in m:
            groups = w.sequence(m["requires"][1], f"{key}.requires")
            requires = tuple(w.texts(g, f"{key}.requires[{j}]") for j, g in enumerate(groups))
        topics.append(
            Topic(
                id=tid,
                label=w.text(m["label"][1], f"{key}.label"),
                colour=colour,
                aliases=aliases,
                requires=requires,
                window=w.number(m["window"][1], f"{key}.window", int) if "window" in m else 0,
                references=w.texts(m["references"][1], f"{key}.references") if "references" in m else (),
                weak_references=(
                    w.texts(m["weak_references"][1], f"{key}.weak_references") if "weak_references" in m else ()
                ),
                title_context=w.boolean(m["title_context"][1], f"{key}.title_context") if "title_context" in m else True,
                description=(
                    " ".join(w.text(m["description"][1], f"{key}.description", one_line=False).split()) if "description" in m else None
                ),
            )
        )
    return tuple(topics)


# Keys older configs may still carry: accepted and ignored, so that such a config keeps working. (The
# `related` cut no longer counts long paragraphs after it: it stops where body text resumes.)
_RETIRED_CLEANING_KEYS = ("guard_words", "guard_paragraphs")


def _cleaning(w: _Walker, node: yaml.Node, base: Cleaning | None = None) -> Cleaning:
    numbers = {f.name: f.type for f in fields(Cleaning) if f.name != "rules"}
    m = w.mapping(node, "cleaning", ("rules", *numbers, *_RETIRED_CLEANING_KEYS))
    values: dict[str, Any] = {}
    for name, (_, vnode) in m.items():
        if name == "rules" or name in _RETIRED_CLEANING_KEYS:
            continue
        kind = float if numbers[name] == "float" else int
        values[name] = w.number(vnode, f"cleaning.{name}", kind)
    rules = _rules(w, m["rules"][1], timed=base is not None) if "rules" in m else (base.rules if base else ())
    start = base or Cleaning()
    return Cleaning(
        rules=rules, **{name: values.get(name, getattr(start, name)) for name in numbers}
    )


def _rules(w: _Walker, node: yaml.Node, timed: bool) -> tuple[CleaningRule, ...]:
    """The rules of one file; a user's (`timed`) are compiled with `regex` so that they can be given a time
    budget, the bundled ones with `re` (faster, and audited by a test)."""
    if timed:  # only a user's rules need `regex` (the bundled ones are LazyPattern): not on every start
        import regex

    rules: list[CleaningRule] = []
    for i, item in enumerate(w.sequence(node, "cleaning.rules")):
        key = f"cleaning.rules[{i}]"
        m = w.mapping(item, key, ("id", "scope", "patterns", "max_words", "position", "role"))
        for required in ("id", "scope", "patterns"):
            if required not in m:
                raise w.fail(item, key, f"missing '{required}'")
        scope = w.string(m["scope"][1], f"{key}.scope")
        if scope not in SCOPES:
            raise w.fail(m["scope"][1], f"{key}.scope", f"{scope!r} is not one of {', '.join(SCOPES)}")
        position = w.string(m["position"][1], f"{key}.position") if "position" in m else "any"
        if position not in POSITIONS:
            raise w.fail(m["position"][1], f"{key}.position", f"{position!r} is not one of {', '.join(POSITIONS)}")
        role = w.string(m["role"][1], f"{key}.role") if "role" in m else None
        if role is not None and role not in ROLES:
            raise w.fail(m["role"][1], f"{key}.role", f"{role!r} is not one of {', '.join(ROLES)}")
        patterns = w.texts(m["patterns"][1], f"{key}.patterns")
        for j, (pnode, pattern) in enumerate(zip(w.sequence(m["patterns"][1], key), patterns)):
            if not timed:  # the bundled rules: checked by the tests, compiled when first used (start-up)
                break
            try:
                regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)
            except regex.error as exc:
                raise w.fail(pnode, f"{key}.patterns[{j}]", f"bad regular expression: {exc}") from None
        joined = "|".join(f"(?:{p})" for p in patterns)
        rules.append(
            CleaningRule(
                id=w.text(m["id"][1], f"{key}.id"),
                scope=scope,
                patterns=patterns,
                max_words=w.number(m["max_words"][1], f"{key}.max_words", int) if "max_words" in m else None,
                position=position,
                role=role,
                regex=regex.compile(joined, regex.IGNORECASE | regex.VERSION0) if timed else LazyPattern(joined),
                timed=timed,
            )
        )
    return tuple(rules)


def _thresholds(w: _Walker, node: yaml.Node, base: Thresholds) -> Thresholds:
    kinds = {f.name: (int if f.type == "int" else float) for f in fields(Thresholds)}
    m = w.mapping(node, "thresholds", tuple(kinds))
    values = {name: w.number(v, f"thresholds.{name}", kinds[name]) for name, (_, v) in m.items()}
    merged = {name: values.get(name, getattr(base, name)) for name in kinds}
    for name in ("fuzzy_min", "fuzzy_min_short"):
        if merged[name] > 100:
            raise w.fail(m[name][1] if name in m else node, f"thresholds.{name}", "must be between 0 and 100")
    for name in ("tag_min_score", "link_min_score", "link_min_similarity", "discovered_link_min_similarity",
                 "content_link_min_similarity"):
        if merged[name] > 1:
            raise w.fail(m[name][1] if name in m else node, f"thresholds.{name}", "must be between 0 and 1")
    return Thresholds(**merged)


def _colour(w: _Walker, node: yaml.Node, key: str) -> str:
    """A topic's colour as the reader can draw it (models/colours.py); one it cannot is said, and drawn grey.
    The topic bar once crashed on `#fff` and on CSS names such as `orange`, which the config let through."""
    from models.colours import normal_colour

    w._closed(node, key)
    colour = normal_colour(node.value) if isinstance(node, yaml.ScalarNode) else None
    if colour is None:
        w.note(node, key, f"{_typed(node)} is not a colour (use #rrggbb, #rgb or a colour name such as orange); "
                          f"the topic is shown in grey ({DEFAULT_COLOUR})")
        return DEFAULT_COLOUR
    return colour


def _keys(w: _Walker, node: yaml.Node) -> dict[str, str]:
    """Binding id -> its keys ("q", "ctrl+s,q"). An entry that is not text is said and left out, so that binding
    keeps its default key and the rest of the file loads (a `quit: 42` used to bind quit to the keys "42")."""
    if not isinstance(node, yaml.MappingNode):
        w.note(node, "keys", f"expected a mapping of binding id to keys, got {_kind(node)}; the default keys are used")
        return {}
    keys: dict[str, str] = {}
    first: dict[str, int] = {}  # the line each id was first bound on
    for knode, vnode in node.value:
        w._closed(knode, "keys")
        w._closed(vnode, "keys")
        name = _key_text(w, knode, digit=False)
        if name is None:
            w.note(knode, "keys", f"{_typed(knode)} is not a binding id (`parallax keys` lists them); "
                                  "the entry is left out")
            continue
        value = _key_text(w, vnode)
        if value is None:
            w.note(vnode, f"keys.{name}", f"expected the key(s) as text, such as q or ctrl+s,q, got {_typed(vnode)}; "
                                          f"{name} keeps its default key")
            continue
        if name in first:  # YAML keeps the later of two; say so, or the earlier line looks ignored for no reason
            w.note(knode, f"keys.{name}", f"bound twice (first on line {first[name]}); the later one, {value}, is used")
        first.setdefault(name, _line(knode))
        keys[name] = value
    return keys


def _key_text(w: _Walker, node: yaml.Node, *, digit: bool = True) -> str | None:
    """A binding id or its keys as typed, or None when they are not text. A quoted value is text whatever it
    reads as; a bare digit is its key (`clear_topic: 0`); a bare 42, true, null or a list is not text."""
    if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
        return None
    if node.style:
        return node.value
    try:
        typed = w.scalar(node, "keys")
    except (ValueError, yaml.YAMLError):  # e.g. a bare 2021-02-30
        return None
    if isinstance(typed, str):
        return typed
    if digit and type(typed) is int and len(node.value) == 1:
        return node.value
    return None


def _typed(node: yaml.Node) -> str:
    """A value as the user wrote it, for a message: 42, 'quoted', a list, a mapping, nothing."""
    if not isinstance(node, yaml.ScalarNode):
        return _kind(node)
    if not node.value.strip():
        return "nothing"
    return repr(node.value) if node.style else node.value
