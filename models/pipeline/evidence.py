"""What a block of a page is, from evidence that holds on any outlet: the general half of cleaning.

Each block (a paragraph or a line standing alone) is measured once (`measure`): its words, whether it ends
like a sentence, its share of stop words in the article's language (jusText's classic signal: prose is
dense in function words, furniture is not), its share of capitalised words (titles, names, labels), its
share of link text. Then the blocks are read in their context, the way a person skims a page:

- the **title** is the first heading-like line of the head (a Markdown H1 wins), the more so when it is
  repeated, followed by a byline or a date, or followed by its deck; its repeats go;
- a **name line** at the head (capitalised names joined by "and" or commas, none of them used in the body)
  is the byline;
- the **head** and the **tail** of the page, outside the run of body paragraphs, hold furniture: a short
  line there that is not a sentence (no final stop, or no stop words: "Evergreen Marine Corp.") goes;
- **captions**: a short line beside an image credit, or ending in a bracketed credit ("[Getty]");
- inside the body, furniture comes in **runs**: of several short non-sentence lines in a row only the last,
  followed by prose, is a subheading; a short line between two prose paragraphs is a subheading.

The weights are named constants with the reason they hold. Every decision is recorded on the block as a
rule name, a kind (`evidence` for what the block is, `context` for where it stands, `repeat`) and a detail
that says what decided, so the reader's "r" view and the JSON can show it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from operator import itemgetter

from models.config import Cleaning
from models.pipeline.dates import date_line, date_start, date_words, leading_date_end, parse_date
from models.pipeline.stopwords import words_of
from models.text import ends_sentence, sentences, word_count

SENTENCE_MIN_WORDS = 6  # a block ending with a full stop is a sentence from this many words on
STOP_SHARE_PROSE = 0.2  # prose has at least this share of stop words (news prose measures 0.35-0.55)
TITLE_CASE_SHARE = 0.75  # a line with this share of capitalised words is in title case (prose has ~0.1-0.3)
LABEL_MAX_STOPS = 2  # a short line ending in a stop with fewer stop words than this is a label, not a sentence
GOOD_MIN_WORDS = 25  # a paragraph this long, sentence-like and stop-word dense is body text beyond doubt
CAPTION_MAX_WORDS = 60  # a caption with its credit is at most this long
LABEL_INTRO_WORDS = 12  # "Watch the rescue (1min09s):" introduces what follows in a few words
CAPTION_MAX_SENTENCES = 2  # ... and says what the picture shows in a sentence or two
NAME_MAX_TOKENS = 12  # a name line ("Jane Doe and John Smith") has at most this many words
TITLE_REPEATED = 3.0  # a head line the page repeats is its title (pages print the title twice or thrice)
TITLE_BEFORE_BYLINE = 3.0  # ... as is one followed by a byline or a date
TITLE_STANDS_ALONE = 2.0  # ... and one on its own between blank lines (labels and mastheads come in runs)
TITLE_ABOVE_BODY = 1.0  # ... and one directly above its deck or the body
TITLE_FIRST = 1.5  # titles come first: the first candidate gets a lead over later ones (a deck is longer)
TITLE_LABEL = -2.0  # a few words without a single function word ("Disasters & Accidents") name a section
LABEL_MAX_WORDS = 4
TITLE_SHOUTED = -2.0  # a line in capitals is a section label or masthead more often than a title
TITLE_LONG_AS_PROSE = -3.0  # the first body-length paragraph is a standfirst more often than a title
TITLE_FOREIGN = -3.0  # a head line sharing no content word with the body is a label or a player's ("Watch CBSN Live")
TITLE_FOREIGN_MIN_BODY = 60  # ... read only on a body long enough to hold its headline's words
AVERAGE_WORD_CHARS = 6  # (a word and its space, to count a body's words by its length)
TITLE_MIN_SCORE = 1.0  # below this no line is taken for the title
TITLE_MIN_WORDS = 3  # shorter lines are labels ("World", "DIPLOMACY", "Politics")
DECK_MIN_WORDS = 5  # a deck says what happened: a subject, a verb and more ("Major US airlines halt flights")
DECK_MAX_CAPS = 0.5  # sentence case capitalises its first word and names; title case (labels, teasers) ~all
TEASER_AFTER_RUN = 3  # pieces of furniture (view counts, share lines) that part the body from what follows
TITLE_EXTRA_WORDS = 4  # a title printed again with a breadcrumb or site name ("Home Windows <title>") adds few

_YEAR = re.compile(r"(?:19|20)\d\d")
_AFTER_NAMES = " |·•–—-:/"
BYLINE_MAX_WORDS = 8  # "By the Example Press Association": the keyword, an article and a few names
_BYLINE_START = re.compile(r"^(?i:by)\s*:?\s+(?:the\s+)?[A-Z@]")
_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}$")  # "a.m.", "U.S.", "p.m."
_HAS_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_DATEISH = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"
    r"|\b\d{1,2}:\d{2}\b",
    re.IGNORECASE,
)
_CAPS_LABEL = re.compile(r"^([A-Z][A-Z]+(?: [A-Z][A-Z]+){0,2}):\s+(\S.*)$")  # "JUST IN: …", "WATCH: …"
_POST_SIGNATURE = re.compile(r"[—–-]\s*[^\n()]{1,60}\(@\w{1,30}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")
_ALT_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*(?: [^\W\d_]+(?:[-'’][^\W\d_]+)*)+")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_PARTICLES = {"de", "van", "von", "bin", "al", "da", "di", "del", "la", "le", "el", "der", "den", "du", "ibn"}
_JOINERS = {"and", "&", "und", "et", "y", "e", "i", "og", "och", "en"}
_BRACKET_CREDIT = re.compile(r"[\[(](?P<label>(?:photo|image|credit|source|picture)s?:\s*)?[A-Z][\w.&'’ /,-]{0,70}[\])]$", re.IGNORECASE)
# (70 characters: a credit naming an expedition, a foundation and an agency between slashes)
# Words that name a picture, in a credit ("(OceanGate video)", "(AP Photo/Jane Doe, File)"), a caption's opening
# ("This March 3 photo shows …") or a byline's portrait ("Jane Doe Avatar"): caption vocabulary, not a story's.
PICTURE_WORDS = frozenset(
    "photo photos image images picture pictures video videos file screenshot screengrab footage illustration "
    "avatar headshot portrait".split()
)
# "FILE - A view of …" (the wire's mark of an archive picture), "This March 3, 2019 photo shows …", "In this
# photo provided by …": a sentence about a picture.
_CAPTION_OPENING = re.compile(
    r"^(?:FILE\s*[-–—]\s|(?i:(?:in )?(?:this|these|an?|the)\b[^.!?]{0,80}?\b(?:photo|image|picture|screenshot|screengrab|still|video grab)s?"
    r"\b[^.!?]{0,60}?\b(?:shows?|provided|released|taken|made available|distributed)\b))"
)
# What follows a caption's last sentence when it is a credit: capitalised words and initials (a label
# "Photo:", a separator "/" or "|", "via"), "… Maryland, U.S. March 27. Peter Doe/NTSB/Handout via REUTERS".
_CREDIT_TOKEN = re.compile(r"^(?:[A-Z0-9][\w.&'’@-]*:?|via|VIA|/|\||[A-Z][\w.&'’-]*/[\w.&'’/@-]+)$")
CREDIT_MAX_WORDS = 16  # a credit names a photographer, an agency and a note ("THIS IMAGE HAS BEEN SUPPLIED …")
CREDIT_LINE_MAX_WORDS = 8  # "Philippe Doe | Reuters", "JANE DOE / JDOE@EXAMPLE.COM", "JANE DOE VIA AP"
CREDITED_CAPTION_MAX_SENTENCES = 3  # a wire caption: what the picture shows, then a sentence or two of context
CAPTION_PAIR_WORDS = 5  # two blocks in a row opening with the same five words: a picture's alt text and caption
PAIR_PREFIX_CHARS = 8  # five words take more characters than this
# A wire dateline opening the first paragraph: place(s) and/or a date, an agency, then a dash, a colon or the
# agency between slashes ("ANKARA (Reuters) -", "MOSCOW, October 27. /TASS/.", "Tripoli, Sept 22 (EFE). –",
# "Nov. 2 (UPI) --", "LONDON –", "Kochi/New Delhi:").
_PLACE = r"[A-Z][\w'’.-]+(?:[ /][A-Z][\w'’.-]+){0,3}"
_REGION = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}"  # the country or state after the city ("BENGALURU, India:")
_SHORT_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
WIRE_DATELINE = re.compile(
    rf"^(?:(?P<place>{_PLACE}(?:,\s+{_REGION})?)(?:[,.]?\s+{_SHORT_DATE})?|{_SHORT_DATE})\.?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w&. /-]{1,30})\))?\.?\s*"
    r"(?(agency)(?:[-–—]{1,2}|:)?|(?:[-–—]{1,2}|:|/(?P<slashed>[A-Z][\w&-]{1,20})/\.))\s+(?=[\"“‘'A-Z0-9])"
)  # (after an agency in brackets the dash may be missing: "Washington, Aug 23 (PTI) NASA said …")
# What a dateline leaves when its place was a link the page lost: the agency in brackets alone, or only the
# brackets, then the dash ("(KTLA) — The …", "( – The …"): no word of the sentence it opens.
_TAG_DATELINE = re.compile(r"^\((?:\s*[A-Z][\w&.'’/ -]{0,30}\)|\)?)\s*[-–—]{1,2}\s+(?=[\"“‘'A-Z0-9])")
# (a missing ")" only after empty brackets: "(The mayor - Jane Doe - said …" is a remark in brackets)
# A dateline standing alone as a line ("OSAKA -", "LIMA, Peru –", "LONDON, June 5 (Reuters) -"): its paragraph
# went on the next line.
DATELINE_ALONE = re.compile(
    rf"(?:{_PLACE}(?:,\s+{_REGION})?(?:[,.]?\s+{_SHORT_DATE})?|{_SHORT_DATE})\.?\s*(?:\([A-Za-z][\w&. /-]{{1,30}}\))?\.?\s*[-–—]{{1,2}}"
)
DATELINE_ALONE_WORDS = 6
# "… in Ankara, June 3, 2021 / AA", "… at the summit / Name Surname": a credit after a slash ends a caption
_SLASH_CREDIT = re.compile(r"\s/\s*[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}$")
CREDITS_MAX_CHARS = 320  # the wire's credits line: two or three names, places and roles
GLUED_CREDITS = re.compile(r"(?<=[.!?”\"’])\s*\(?(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting) by [^()]{3,300}\)?\s*$")
_GLUED_CREDIT = re.compile(r"(?<=[.!?”\"’])\s*\((?P<credit>[A-Za-z][\w&.]{0,15}(?:\s?/\s?[A-Za-z][\w&.]{0,15})*)\)\s*$")


@dataclass
class Block:
    """A working paragraph: its text and source line, what it measures, and the decision taken on it."""

    text: str
    line: int
    link_ratio: float = 0.0
    heading_level: int | None = None
    standalone: bool = False  # the only line between two blank lines
    gap_before: bool = True  # a blank line (or the start) stands before it
    repeated: bool = False  # the same line stands again later on the page
    deck: bool = False  # the words a byline was glued to: the article's deck, kept
    rule: str | None = None  # set when removed (or "subheading"/"merged": kept in another form)
    kind: str = ""
    detail: str = ""
    role: str | None = None
    heading_above: str | None = None
    # measured by `measure`
    words: int = 0
    stop_share: float = 0.0
    stop_hits: int = 0
    cap_share: float = 0.0
    ends: bool = False

    def drop(self, rule: str, kind: str, detail: str, role: str | None = None) -> None:
        self.rule, self.kind, self.detail, self.role = rule, kind, detail, role


_FIRST = itemgetter(0)
MEASURE_CHARS = 250  # the stop-word and capital shares are read on a block's first words: enough to tell
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def measure(block: Block, stops: frozenset[str]) -> None:
    """Fill in the block's measurements (cheap: the words of its start, found in C)."""
    text = block.text
    block.words = word_count(text)
    block.ends = ends_sentence(text)
    words = _WORDS.findall(text, 0, MEASURE_CHARS)
    if not words:
        return
    if stops:
        block.stop_hits = sum(map(stops.__contains__, " ".join(words).lower().replace("’", "'").split()))
        block.stop_share = block.stop_hits / len(words)
    block.cap_share = sum(map(str.isupper, map(_FIRST, words))) / len(words)


def is_sentence(block: Block, stops: frozenset[str]) -> bool:
    """Ends like a sentence, long enough, and (when the language is known) written with function words."""
    return block.ends and block.words >= SENTENCE_MIN_WORDS and (not stops or block.stop_share >= STOP_SHARE_PROSE)


def is_prose(block: Block, cleaning: Cleaning, stops: frozenset[str]) -> bool:
    """A body paragraph by its own evidence: a sentence, or long enough to be one without its final stop."""
    if is_sentence(block, stops):
        return True
    return block.words >= cleaning.prose_min_words and (not stops or block.stop_share >= STOP_SHARE_PROSE)


def is_good(block: Block, stops: frozenset[str]) -> bool:
    """Body text beyond doubt (jusText's "good"): long, sentence-like, stop-word dense."""
    return block.words >= GOOD_MIN_WORDS and block.ends and (not stops or block.stop_share >= STOP_SHARE_PROSE)


def not_a_sentence(block: Block, stops: frozenset[str]) -> bool:
    """A label rather than a sentence: no final stop, or a short line with hardly a function word ("Harbour
    Works Ltd."): a sentence, however short, needs a few ("He did not say.")."""
    return not block.ends or bool(stops and block.stop_hits < LABEL_MAX_STOPS and block.words <= SENTENCE_MIN_WORDS)


def headline_like(block: Block, cleaning: Cleaning, stops: frozenset[str]) -> bool:
    """A line that reads as a headline or a label: short, and not a sentence, or written in title case
    ("Port Strike Enters Its Third Week.": a teaser's headline keeps its stop on some sites)."""
    if block.words > cleaning.title_max_words:
        return False
    return not_a_sentence(block, stops) or block.cap_share >= TITLE_CASE_SHARE


def name_line(text: str, stops: frozenset[str] = frozenset()) -> bool:
    """Only personal names: capitalised words (with name particles) joined by "and", "&" or commas. A
    capitalised stop word ("A", "Of", "The") makes it a headline in title case instead. A separator the page
    put after the names ("Jane Doe and John Roe |") is no word of theirs."""
    text = text.rstrip(_AFTER_NAMES)
    if _DATEISH.search(text) or _DIGIT.search(text):
        return False
    tokens = text.replace(",", " , ").split()
    if not 2 <= len(tokens) <= NAME_MAX_TOKENS or text.isupper():
        return False
    names, current = [], 0
    for token in tokens:
        bare = token.strip(".")
        if token == "," or bare.lower() in _JOINERS:
            names.append(current)
            current = 0
        elif bare.lower() in _PARTICLES:
            current += 1
        elif bare[:1].isupper() and bare.lower() not in stops:
            current += 1
        else:
            return False
    names.append(current)
    return all(2 <= n <= 4 for n in names)


def glued_repeat(text: str) -> str | None:
    """"Jane DoeJane Doe" / "Jane Doe Jane Doe": the repeated half, when the line is one thing twice."""
    s = text.strip()
    half = len(s) // 2
    for cut, skip in ((half, 0), (half, 1), (half + 1, 0)):
        first, second = s[:cut], s[cut + skip:]
        if len(first) >= 4 and first.strip() and first.strip() == second.strip():
            return first.strip()
    return None


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_QUOTES = str.maketrans({"’": "'", "‘": "'"})
# Characters outside ASCII that folding leaves without a letter or digit (quotes, dashes, the ellipsis, a
# no-break space): a text whose only non-ASCII characters are these has the words of its lowercase.
_NOT_PLAIN = re.compile(r"[^\x00-\x7f’‘“”„«»‹›–—…\u00a0\u2009\u202f]")
_FOLDED_WORD = re.compile(r"[^\W_]+")


def quick_fold(text: str) -> str:
    """A whole paragraph lowercased without its diacritics, in C (`models.text.fold` goes character by
    character): only ever compared with itself, to tell two copies of a line."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_QUOTES))).lower()


def folded_words(text: str) -> list[str]:
    """The words of `quick_fold(text)`; the lowercase's own when nothing in the text folds to a letter."""
    if text.isascii() or not _NOT_PLAIN.search(text):
        return _FOLDED_WORD.findall(text.lower())
    return _FOLDED_WORD.findall(quick_fold(text))


def normal(text: str) -> str:
    """A line's words only, folded: what makes two copies of a line the same line."""
    return " ".join(folded_words(text[:600]))


# --- decisions -----------------------------------------------------------------------------------------


def classify(blocks: list[Block], cleaning: Cleaning, stops: frozenset[str]) -> None:
    """Decide the blocks the rules left undecided, from their own evidence and their context."""
    for block in blocks:
        if block.rule is not None:
            continue
        if not _HAS_LETTER.search(block.text):
            block.drop("separator", "evidence", "no letters")
        elif block.words <= SIGNOFF_MAX_WORDS and SIGNOFF.fullmatch(block.text):
            block.drop("sign-off", "evidence", "editors' initials between slashes, the agencies in brackets: the desk's sign-off")
        elif block.text[0] == "<" and _MARKUP_ONLY.fullmatch(block.text):
            block.drop("markup", "evidence", "only markup tags: the page's code printed as text, no words of an article")
        elif block.link_ratio >= cleaning.link_text_ratio and block.words <= 40:
            block.drop("link-list", "evidence", f"{block.link_ratio:.0%} of its text is links")
        elif block.words <= STRIP_MAX_WORDS and block is not blocks[0] and _label_strip(block.text):
            # (not the page's first line: a title with its section and site, "Ferry strike | World | The Ledger")
            block.drop("label-strip", "evidence", "short labels between separators ('|', '•', '·'), none a sentence: "
                       "a strip of tags, times or share buttons")
        elif block.text[0] == "[" and _shortcodes(block.text):  # (one character tested before any pattern)
            block.drop("shortcode", "evidence", "only bracketed tags with a lowercase name and attributes: a page template's code, not text")
        elif block.text[0] in "([" and _bracket_tag(block.text, stops):
            block.drop("bracket-tag", "evidence", "a few words wholly in brackets, not one a function word: an outlet's, a picture's or "
                       "an update's tag (\"(KTLA)\", \"(3rd UPDATE)\"), no sentence")
        elif block.words <= DATELINE_ALONE_WORDS and block.text[-1] in "-–—" and DATELINE_ALONE.fullmatch(block.text):
            block.drop("dateline", "evidence", "a wire dateline alone on its line: its paragraph starts below", "dateline")
        elif block.words <= PROMPT_MAX_WORDS and _says_twice(block.text):
            block.drop("said-twice", "repeat", "two sentences in a row say the same words: a widget's text printed twice "
                       "(a sign-up prompt, an alt text and its caption), where prose moves on")
        elif _site_prompt(block):
            block.drop("site-prompt", "evidence", "the site speaking to the reader (we/our and you/your), outside any quote")
        elif block is not blocks[0] and _tag_list(block, stops):
            block.drop("tag-list", "evidence", f"{block.words} words in a row, nearly all capitalised, without a function word or any punctuation: a list of tags")
        elif _teaser(block, cleaning, stops) and not (block is blocks[0] and len(blocks) > 1 and is_prose(blocks[1], cleaning, stops)):
            # (the page's first line, right above the body, is its title with a label: "BREAKING: <title>")
            block.drop("teaser", "evidence", "a label in capitals before a headline without a final stop: a link to another story")
        else:
            copy = glued_repeat(block.text) if block.words <= 2 * NAME_MAX_TOKENS else None  # (short lines only)
            if copy is not None:
                role = "byline" if name_line(copy, stops) else None
                block.drop("glued-repeat", "repeat", f"the same words twice: {copy!r}", role)
    _printed_twice(blocks)
    _run_printed_twice(blocks)
    _embedded_posts(blocks)
    _alt_text(blocks)
    _captions(blocks, cleaning, stops)
    _repeats(blocks, cleaning, stops)

    live = [i for i, b in enumerate(blocks) if b.rule is None]
    prose = [i for i in live if is_prose(blocks[i], cleaning, stops)]
    title = _pick_title(blocks, live, prose, cleaning, stops)
    if title is not None:
        _title_repeats(blocks, title)
        live = [i for i in live if blocks[i].rule is None]
        prose = [i for i in prose if blocks[i].rule is None]
    _name_lines(blocks, live, prose, title, stops)
    _date_lines(blocks, live, prose)
    live = [i for i in live if blocks[i].rule is None]
    _edge_notices(blocks, live, title, stops)
    live = [i for i in live if blocks[i].rule is None]
    prose = [i for i in prose if blocks[i].rule is None]
    if not prose:
        return
    if _caption_on_top(blocks, live, prose, cleaning):
        blocks[prose[0]].drop("image-caption", "context", f"the page's first paragraph, {blocks[prose[0]].words} words without "
                              "a final stop above the sentences of the body: a lead picture's caption", "caption")
        live, prose = live[1:] if live[0] == prose[0] else live, prose[1:]
        live = [i for i in live if blocks[i].rule is None]
        if not prose:
            return
    first, last = _body_span(blocks, live, prose, cleaning, title)
    deck = _deck(blocks, title, cleaning, stops)
    if deck is not None and title is not None and _lone_under_title(blocks, title, deck, cleaning, stops):
        blocks[deck].drop("image-caption", "context", "the one line between the title and the body, no byline, date or "
                          "picture credit beside it: the lead picture's caption", "caption")
        deck = None
    for i in live:
        block = blocks[i]
        if i == deck or block.deck or block.rule is not None:
            continue
        if block.words <= cleaning.title_max_words and _shouted_or_chatter(block, cleaning, blocks, live, first < i < last, stops):
            continue
        if i < first and _short_line(block, cleaning, stops):
            block.drop("head-short-line", "context", _why_short(block, stops) + ", above the body")
        elif i > last and _short_line(block, cleaning, stops):
            block.drop("tail-short-line", "context", _why_short(block, stops) + ", below the body")
    _body_captions(blocks, first, last, cleaning, stops)
    _inside_body(blocks, first, last, cleaning, stops)
    _foreign_teasers(blocks, first, last, cleaning, stops)
    _subheadings(blocks, first, last, cleaning, stops)
    _cut_teasers(blocks, first)


# "shs/jlw (dpa, AFP, AP)": the editors' initials in lowercase between slashes, the agencies in brackets after them
SIGNOFF = re.compile(r"[a-z]{2,4}(?:/[a-z]{2,4})+(?:\s*\([A-Za-z][\w&., /-]{0,40}\))?\s*")
SIGNOFF_MAX_WORDS = 10
# A line that is nothing but markup tags ('<img height="1" src="…">'): a page's code left in its text.
_MARKUP_ONLY = re.compile(r"(?:<[A-Za-z!/][^<>]{0,2000}>\s*)+")
STRIP_MAX_WORDS = 30  # a strip of labels is a line; a paragraph is longer
STRIP_MIN_PARTS = 3  # "Nov 03, 2021 • 1 hour ago • 1 minute read", "politics | election | governor"
STRIP_PART_WORDS = 4  # each part a label, a time or a tag
_STRIP_SPLIT = re.compile(r"\s*[|•·]\s*")


def _label_strip(text: str) -> bool:
    """Three or more short parts between separators ("|", "•", "·"), none of them a sentence: a strip of tags,
    dates and reading times, or share buttons, where prose separates with commas and sentences."""
    if "|" not in text and "•" not in text and "·" not in text:
        return False
    parts = [p for p in _STRIP_SPLIT.split(text) if p]
    if len(parts) < STRIP_MIN_PARTS:
        return False
    return all(word_count(p) <= STRIP_PART_WORDS and not ends_sentence(p) for p in parts)


CAPS_HEADLINE_MIN_WORDS = 4  # "OPERATORS WARN OF DELAYS": a headline in capitals; a subheading in capitals is a label or a question


def _shouted_or_chatter(block: Block, cleaning: Cleaning, blocks: list[Block], live: list[int], inside: bool,
                        stops: frozenset[str]) -> bool:
    """Two kinds of line that are never the article's own, wherever they stand (the title and the deck aside),
    dropped here: a headline of another story in capitals ("FERRY OPERATORS WARN: 'WE CANNOT WAIT'"): a line of
    several words, every letter a capital, that asks nothing (a subheading in capitals is a question or a label
    of a few words); and the page speaking about itself in a short line (`_page_chatter`: "Here is what we
    know:", "Read the latest developments below")."""
    if block.heading_level is not None:
        return False
    if CAPS_HEADLINE_MIN_WORDS <= block.words and _shouted(block.text) and not block.text.rstrip().endswith("?") \
            and block.text.rstrip().rstrip("\"'”’)")[-1:] not in ".!…" and (not inside or _caps_teaser(block, blocks, live, stops)):
        block.drop("caps-headline", "evidence", f"{block.words} words all in capitals, no question: a headline of another story")
        return True
    if block.words <= CHATTER_MAX_WORDS and _page_chatter(block.text):
        block.drop("page-chatter", "evidence", "a short line in the site's voice (we/our, you/your) or pointing at the page "
                   "(below, above), outside any quote: the page speaking about itself")
        return True
    return False


CAPS_TEASER_MIN_WORDS = 5  # a capitals line sharing no word of the story, inside the body: longer than a label ("THE ROAD TO RECOVERY")


def _caps_teaser(block: Block, blocks: list[Block], live: list[int], stops: frozenset[str]) -> bool:
    """A capitals line between the body's paragraphs is another story's headline only with more to tell it from a
    subheading in capitals ("THE ROAD TO RECOVERY"): a teaser's colon, the same line elsewhere on the page, or a
    headline's length and no content word of the story's."""
    text = block.text.strip()
    if ":" in text or any(blocks[i] is not block and blocks[i].text.strip() == text for i in live):
        return True
    if block.words < CAPS_TEASER_MIN_WORDS:
        return False
    own = _stems(text.lower(), stops)
    story: set[str] = set()
    for i in live:
        if blocks[i] is not block and not _shouted(blocks[i].text):
            story.update(_stems(blocks[i].text, stops))
    return not (own & story)


def initials_of(short: str, before: str) -> bool:
    """Whether `short` is the initials of the capitalised words just before it ("Harbour Pilots Association (HPA)")."""
    short = short.strip()
    if not re.fullmatch(r"[A-Z]{2,5}", short):
        return False
    caps = [w[0] for w in re.findall(r"[A-Z][\w'’-]*", before)]
    return "".join(caps[-len(short):]) == short


def _shouted(text: str) -> bool:
    """Every letter a capital (and letters enough to tell)."""
    return text.isupper() and sum(ch.isalpha() for ch in text) >= 12


_SITE_VOICE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")  # (not "US", the country)
CHATTER_MAX_WORDS = 10  # "Here is what we know:", "Follow our live coverage below"
_PAGE_POINTER = re.compile(r"\b(?:below|above)\W*$", re.IGNORECASE)  # "… developments below", "… see above:"


def _page_chatter(text: str) -> bool:
    """The site's voice in a line of its own: first person plural or the reader addressed, or the page pointed at
    ("below", "above") at its end, with no quote (a speaker's "we" stands in quotes) and no list mark; the
    line introduces what follows (it ends with a colon or without a stop) or points at it."""
    if quoted(text) or LIST_ITEM.match(text):
        return False
    stripped = text.rstrip()
    if not (stripped.endswith(":") or not ends_sentence(stripped)):
        return False  # (a sentence with its stop is the story's: "The village lies in the valley below.")
    return _PAGE_POINTER.search(stripped) is not None or _SITE_VOICE.search(stripped) is not None \
        or _READER_WORDS.search(stripped) is not None


CAPTION_FRAGMENT_MAX_WORDS = 30  # a caption is a line or two
VERBLESS_MIN_WORDS = 4  # (a label of a word or two, "Loading...", is a widget's: see `_inside_body`)
VERBLESS_MAX_WORDS = 15  # "The old ferry shed on the east quay in winter.": a phrase, never a paragraph's length
_PRONOUN_START = frozenset("he she they it we i his her their its our this that these those there".split())
# Finite verbs that carry no mark of their own: the auxiliaries, and the common past forms without "-ed" (English
# grammar, not any story's words): a line holding one of them, or a word in "-ed", is a sentence, not a phrase.
_FINITE = frozenset(
    "is are was were be been am has have had do does did will would can could may might must shall should "
    "said says told spoke went came took made gave found left met held ran saw sent stood struck wrote won lost "
    "began became brought built bought caught chose drew drove fell felt fought flew got grew hit kept knew led "
    "meant paid put quit read rose sank set shot sold sought spent split spread stole swore taught thought threw "
    "understood woke wore withdrew bore broke fled forgot froze hid hung lay lit rang rode sang shook shut slid "
    "spoke swam swung tore dug bit bled bound burst cast cost cut dealt fed forbade let overtook oversaw ".split()
)
_ENGLISH = ("the", "was", "and")


def _verbless(text: str) -> bool:
    """No finite verb: no auxiliary, no past form (`_FINITE`, a word in "-ed"), and no word in "-s" after its
    first (a present verb: "The church sits in ruins" has one; so has a plural, and then the line is kept)."""
    words = _WORDS.findall(text.lower())
    for k, word in enumerate(words):
        if word in _FINITE or (len(word) > 4 and word.endswith("ed")) or "'" in word or "’" in word:
            return False
        if k > 0 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return False
    return True


_PAST = frozenset(w for w in _FINITE if w not in {"is", "are", "be", "been", "am", "has", "have", "do", "does", "will", "can",
                                                  "may", "must", "shall", "says", "read", "put", "set", "cut", "hit", "let",
                                                  "cost", "quit", "spread", "split", "burst", "cast", "shut"})


def _no_past(text: str) -> bool:
    """No past form in the text: no "-ed" word, no common past without one (`_FINITE`): a picture's present."""
    for word in _WORDS.findall(text.lower()):
        if word in _PAST or (len(word) > 4 and word.endswith("ed")):
            return False
    return True


def _body_captions(blocks: list[Block], first: int, last: int, cleaning: Cleaning, stops: frozenset[str]) -> None:
    """Captions of pictures without a credit, between two body paragraphs (English pages): a fragment that opens in
    lowercase ("rescue crews are searching the rubble"): the article's paragraphs open with a capital, a digit
    or a quote; a short phrase with a stop and no finite verb ("The old ferry shed on the east quay in winter."):
    a sentence has one. A bare name right under such a caption (1-4 capitalised words, no stop) is its credit
    ("The Harbour Ledger", "Kyodo")."""
    if not stops or not all(w in stops for w in _ENGLISH):
        return
    prev: Block | None = None
    for i in range(first + 1, last):
        block = blocks[i]
        if block.rule is not None:
            prev = block if block.role == "caption" and block.rule != "subheading" else None
            continue  # (another rule's line between: what follows is no credit of the caption above it)
        if block.words > CAPTION_FRAGMENT_MAX_WORDS or block.heading_level is not None or block.deck:
            prev = None  # (a paragraph: the cheap tests first, most blocks stop here)
            continue
        why = None
        if prev is not None and prev.role == "caption" and _bare_credit(block, stops):
            block.drop("image-credit", "context", f"a bare name right under the caption at line {prev.line}: its credit", "caption")
            prev = block
            continue
        if _lowercase_start(block.text):
            above = next((blocks[k] for k in range(i - 1, -1, -1) if blocks[k].rule is None), None)
            if above is not None and _ends_clean(above.text) and len(sentences(block.text)) <= CAPTION_MAX_SENTENCES:
                why = "opens in lowercase between the body's paragraphs, which open with a capital: a picture's caption"
        elif block.ends and block.text.rstrip().endswith(".") and VERBLESS_MIN_WORDS <= block.words <= VERBLESS_MAX_WORDS \
                and block.stop_hits >= LABEL_MAX_STOPS \
                and len(sentences(block.text)) == 1 and _names_a_thing(block.text, stops) \
                and not _ABBREVIATION_END.search(block.text.rstrip()) and _PICTURE_SPOT.search(block.text) \
                and _verbless(block.text):
            why = f"{block.words} words with a stop and no finite verb between the body's paragraphs: a picture's caption"
        elif not block.ends and _PRESENT_PICTURE.search(block.text) and block.text.split()[0].lower() not in _PRONOUN_START:
            why = "a line in the present continuous without a stop between the body's paragraphs: what a picture shows"
        if why and (LIST_ITEM.match(block.text) or quoted(block.text)):
            why = None  # (a list's item, or someone's words)
        if why:
            block.drop("image-caption", "evidence", why, "caption")
            prev = block
        else:
            prev = None


# "… on the east quay in winter.", "… at dawn.": a picture's phrase says where (or when) it was taken; a phrase of the
# story's own ("A tragedy for the whole community.") says no place
_PICTURE_SPOT = re.compile(r"\b(?:in|on|at|near|along|beside|outside|inside|over|under|off|across|above|below) "
                           r"(?:(?:the|a|an) [a-z]|[A-Z]|dawn|dusk|night|sunset|sunrise|winter|summer|spring|autumn)")
_PICTURE_PLACE = re.compile(r"\b(?:in|at) (?:the )?[A-Z][a-z]")  # "… speaks to reporters in Portvale."
# "… are searching the rubble", "… is seen from the air": the present of a picture's moment (a report tells
# what happened, in the past, and a subheading names a part)
_PRESENT_PICTURE = re.compile(r"\b(?:is|are) (?:being )?(?:[a-z]+ing|seen|shown|pictured)\b")
BARE_CREDIT_MAX_WORDS = 4
_CREDIT_JOINERS = frozenset({"the", "of", "&", "and", "de"})


def _bare_credit(block: Block, stops: frozenset[str]) -> bool:
    """A name alone: a few capitalised words (an outlet's, an agency's, a photographer's), no digit, no stop."""
    if block.ends or block.words > BARE_CREDIT_MAX_WORDS or _DIGIT.search(block.text):
        return False
    words = block.text.split()
    return all(w[:1].isupper() or w.lower() in _CREDIT_JOINERS for w in words) and words[0].lower() not in stops - {"the"}


def _names_a_thing(text: str, stops: frozenset[str]) -> bool:
    """A phrase that names what a picture shows opens with an article or a name ("The old ferry shed …", "A view
    of …", "Portvale harbour at dawn."), not with a word that answers the story ("No word yet from the ministry.",
    "Again, no answer.", "Not a shop open in the town.")."""
    first = text.split(None, 1)[0]
    if first in ("The", "A", "An"):
        return True
    return first[:1].isupper() and first.isalpha() and first.lower() not in stops and first.lower() not in _PRONOUN_START


def _lowercase_start(text: str) -> bool:
    """The first word is wholly lowercase letters ("rescue …"; not "iPhone", not a name's particle: "de Souza")."""
    first = text.split(None, 1)[0]
    return first.isalpha() and first.islower() and first not in _PARTICLES


def _ends_clean(text: str) -> bool:
    """The paragraph above ends a sentence for sure: a stop after a word (not an abbreviation's: "U.S."), not a
    colon, a semicolon or a quote left open (a paragraph the page broke inside a sentence runs on in lowercase)."""
    stripped = text.rstrip()
    return stripped.endswith((".", "!", "?", ".”", '."', "?”", '?"', "!”", '!"', ".’", ".)")) \
        and not _ABBREVIATION_END.search(stripped.rstrip("”\"’)"))


LIST_ITEM = re.compile(r"^\s*(?:[-*+•◾◽▪▫■□●○◦‣►▸▶◆◇➤→✓✔–—]|\d{1,3}[.)]\s)")  # a bullet or a number opens a list item
TIMESTAMP_MAX_WORDS = 6  # "UPDATE: 10:38 a.m.", "Posted 3 hours ago": a time, and a label at most


BODY_LABEL_MAX_WORDS = 3  # "Comments (12)", "Loading...": a widget's label, where a sentence needs a function word


def _inside_body(blocks: list[Block], first: int, last: int, cleaning: Cleaning, stops: frozenset[str]) -> None:
    """Between the first and the last body paragraph, three kinds of line that are never the article's own:
    a timestamp of a live page ("UPDATE: 10:38 a.m."); a headline of another story: a line without a final
    stop, too long for a subheading (`heading_max_words`), short enough for a headline (`title_max_words`),
    that is no list item: the link a page prints between two paragraphs ("… offer prayers: Updates"); a widget's
    label ending in a stop or a bracket ("Comments (12)", "Loading..."): a few words, not one a function word
    of the article's language, outside any quote (a subheading has no final stop)."""
    for i in range(first + 1, last):
        block = blocks[i]
        if block.rule is not None or block.heading_level is not None or block.deck:
            continue
        if block.words <= TIMESTAMP_MAX_WORDS and _TIME.search(block.text) and _date_line(block.text):
            block.drop("timestamp", "evidence", f"{block.words} words around a time, inside the body: a live page's timestamp")
        elif stops and block.ends and block.words <= BODY_LABEL_MAX_WORDS and block.stop_hits == 0 \
                and not quoted(block.text) and not LIST_ITEM.match(block.text):
            block.drop("body-label", "evidence", f"{block.words} word{'' if block.words == 1 else 's'} without a function word inside the body: a widget's label")
        elif not block.ends and cleaning.heading_max_words < block.words <= cleaning.title_max_words \
                and not LIST_ITEM.match(block.text):
            block.drop("other-headline", "context", f"{block.words} words without a final stop inside the body, too long for a subheading: a link to another story")
            for item in blocks[i + 1:]:  # its summary, printed under it as a list of points without a stop
                if item.rule is not None or item.gap_before or item.ends or not LIST_ITEM.match(item.text):
                    break
                item.drop("other-headline", "context", f"a list item right under the headline of another story at line {block.line}")


def _cut_teasers(blocks: list[Block], first: int) -> None:
    """Below the body, past a run of furniture, paragraphs that stop mid-sentence are the starts of other
    stories (teasers cut at a fixed length: "… Native Hawai"). The article's own last paragraph, cut short
    by the page ("… a section of […]"), follows the body directly and stays."""
    ended = [i for i in range(first, len(blocks)) if blocks[i].rule is None and blocks[i].ends]
    if not ended:
        return
    furniture = 0
    for block in blocks[ended[-1] + 1:]:
        if block.rule not in (None, "subheading", "merged"):
            furniture += 1
        elif block.rule is None and furniture >= TEASER_AFTER_RUN and not block.ends:
            block.drop("tail-teaser", "context", f"no final stop, below the body past {furniture} pieces of furniture: another story's start")


def _deck(blocks: list[Block], title: int | None, cleaning: Cleaning, stops: frozenset[str]) -> int | None:
    """The line right under the title that reads as a sentence without its final stop ("21 start-ups in India
    had exposure in SVB"): the deck, the article's own words, kept as a passage."""
    if title is None:
        return None
    below = next((i for i in range(title + 1, len(blocks)) if blocks[i].rule is None), None)
    if below is None:
        return None
    if _deck_like(blocks[below], cleaning, stops):
        return below
    story = _Story([b.text for b in blocks[below + 1:] if b.rule is None and b.ends])
    return below if _deck_with_names(blocks[below], cleaning, stops, story) else None


DECK_MIN_LOWER = 2  # a sentence-case deck has lowercase words ("Jane Doe says the mayor won"); a title-case label none


def _deck_with_names(block: Block, cleaning: Cleaning, stops: frozenset[str], story: _Story) -> bool:
    """A deck in sentence case whose capitals are names ("Brandon Presley says Gov. Tate Reeves won"): every
    capitalised word after the first is one the body never writes in lowercase (a name), and two words or more
    are in lowercase; a headline in title case capitalises words the body writes in lowercase."""
    if block.ends or not DECK_MIN_WORDS <= block.words <= cleaning.title_max_words or _date_line(block.text):
        return False
    words = _WORDS.findall(block.text)[1:]
    if sum(1 for w in words if w.islower()) < DECK_MIN_LOWER:
        return False
    capitals = [w for w in words if w[:1].isupper() and w.lower() not in stops]
    return not any(w.lower()[:STEM_CHARS] in story.lowercase() for w in capitals)


def _caption_on_top(blocks: list[Block], live: list[int], prose: list[int], cleaning: Cleaning) -> bool:
    """The page opens, with no title, on a paragraph longer than any title that does not end like a sentence,
    above body paragraphs that do: the lead picture's caption ("Two vessels sit in port, from where the search
    is mounted"), where a standfirst without its stop is a headline's length and the body's sentences end."""
    top = blocks[prose[0]]
    if live[0] != prose[0] or top.ends or top.words <= cleaning.title_max_words or top.heading_level is not None:
        return False
    if any(b.role == "title" for b in blocks[: prose[0]]) or LIST_ITEM.match(top.text):
        return False
    body = [blocks[i] for i in prose[1:] if not LIST_ITEM.match(blocks[i].text)][:2]  # (bullets under it: a deck)
    return bool(body) and all(b.ends for b in body)


_HEAD_ROLES = ("byline", "dateline", "caption")


def _lone_under_title(blocks: list[Block], title: int, deck: int, cleaning: Cleaning, stops: frozenset[str]) -> bool:
    """A deck comes with the rest of the page's head: a byline, a date, the lead picture or the title again stand
    above the body (above the title too, on some pages), or it is printed with the title as one run. A deck-like line alone between the title and the body, in a head
    without any of these (other furniture aside: a consent notice), is where a page without a byline prints its
    lead picture's caption ("Crowds watch the launch on a screen")."""
    if LIST_ITEM.match(blocks[deck].text) or not blocks[deck].gap_before:
        return False  # a deck of bullet points, or one printed with the line above it (the title) as one run
    for n, block in enumerate(blocks):
        if n == title:
            continue
        if block.role in _HEAD_ROLES or block.rule == "title" or (block.words <= SHORT_DATE_LINE_WORDS and _date_line(block.text)):
            # (the title printed again below the deck is head furniture too)
            return False
        if block.rule is None and n != deck:
            return n > deck and is_prose(block, cleaning, stops)
    return False


SHORT_DATE_LINE_WORDS = 12  # a date line: the date and a label or two ("Posted Jul 19, 2024 3:27 AM CDT")


def _deck_like(block: Block, cleaning: Cleaning, stops: frozenset[str]) -> bool:
    """A sentence without its final stop, no name or date line: written with function words, or headlinese in
    sentence case ("Major US airlines halt flights": only its first word and names capitalised, where a
    label or a teaser's headline is in title case)."""
    if block.ends or block.words < DECK_MIN_WORDS or block.words > cleaning.title_max_words:
        return False
    if name_line(block.text, stops) or _date_line(block.text):
        return False
    if stops and block.words >= SENTENCE_MIN_WORDS and block.stop_share >= STOP_SHARE_PROSE:
        return True
    return block.cap_share <= DECK_MAX_CAPS


def _date_line(text: str) -> bool:
    """A line stating a full date or a time ("Posted Jul 19, 2024", "10:30"); a year alone ("since 2008") is
    not one."""
    return bool(_TIME.search(text)) or parse_date(text) is not None


def _why_short(block: Block, stops: frozenset[str]) -> str:
    what = "no final stop" if not block.ends else "hardly a function word"
    return f"{block.words} word{'' if block.words == 1 else 's'}, {what}"


def _short_line(block: Block, cleaning: Cleaning, stops: frozenset[str]) -> bool:
    return block.words <= cleaning.heading_max_words and not_a_sentence(block, stops)


def _captions(blocks: list[Block], cleaning: Cleaning, stops: frozenset[str]) -> None:
    """Captions and credits, by their shape and by what stands beside them:
    - a block that reads as a caption on its own (`_caption_evidence`: a picture credit closing it, a caption's
      opening, initials of a credit after a description);
    - two blocks in a row opening with the same words (a picture's alt text, then its caption);
    - a credit line ("Jane Doe | Reuters", "JANE DOE VIA AP"; or a piece a rule removed as a caption) and
      the sentences printed beside it with no blank line between (of a short line without a stop right
      above a rule's credit, too);
    - a paragraph printed again elsewhere on the page with the same words as a caption."""
    for block in blocks:
        if block.rule is None and block.words <= CAPTION_MAX_WORDS:
            why = _caption_evidence(block, stops)
            if why:
                block.drop("image-caption", "evidence", why, "caption")
    _caption_pairs(blocks)
    for n, block in enumerate(blocks):
        if not block.ends and 2 <= block.words <= CREDIT_LINE_MAX_WORDS and block.kind in ("", "rule", "repeat") \
                and _credit_line(block, stops):
            if block.rule is None:
                block.drop("image-credit", "evidence", "a credit line: names and initials around a '/', '|' or 'via'", "caption")
            _beside_credit(blocks, n)
        elif block.role == "caption" and block.kind == "rule":
            above = blocks[n - 1] if n else None
            if above is not None and above.rule is None and above.line >= block.line - 1 and above.words <= 30 and not above.ends:
                above.drop("image-caption", "context", "a short line right above an image credit", "caption")
            elif not block.gap_before or (n + 1 < len(blocks) and not blocks[n + 1].gap_before):
                _beside_credit(blocks, n)
    _caption_copies(blocks)


def _caption_evidence(block: Block, stops: frozenset[str]) -> str | None:
    """Why the block is a caption by its own shape, or None."""
    text = block.text.rstrip(_CELL_EDGES)  # ("… of Hurricane Katrina. [Photo/Agencies] |": a table cell's border after it)
    tail = text[-80:]
    m = _BRACKET_CREDIT.search(tail) if text[-1:] in ")]" else None  # (it ends with its bracket: no search without)
    if m:
        before = (text[: len(text) - len(tail)] + tail[: m.start()]).rstrip()
        again = _BRACKET_CREDIT.search(before[-80:]) if before[-1:] in ")]" else None
        if again and (again.group("label") or "/" in again.group(0) or " via " in again.group(0).lower()):
            # "… in Viga (Jane Doe via AP) (AP)": a picture credit with the agency's own after it
            before = before[: max(0, len(before) - 80) + again.start()].rstrip()
        if before and not ends_sentence(before):
            return "a line ending in a bracketed credit"
        credit = m.group(0)
        picture = m.group("label") or "/" in credit or any(w.lower() in PICTURE_WORDS for w in _WORDS.findall(credit))
        if before and picture and len(sentences(before)) <= CREDITED_CAPTION_MAX_SENTENCES:
            # "… on July 2, 2023. (AP Photo/Jane Doe, File)", "… wreck. (OceanGate video)": sentences credited
            # as a picture; a paragraph ending in "(Reuters)" has no picture in its credit and stays
            return "sentences with a picture credit after them"
        if before and len(sentences(before)) == 1 and not quoted(before) and before.endswith(".") \
                and SENTENCE_MIN_WORDS <= word_count(before) <= VERBLESS_MAX_WORDS and _verbless(_POSSESSIVE.sub("", before)) \
                and _PICTURE_PLACE.search(before):
            # "Restoration work underway at Harbour Road on Sunday. (PTI)": a phrase naming a place, no finite verb,
            # credited: a picture's caption (the story's sentences have their verb: "The search continues. (Reuters)")
            return "a phrase without a finite verb at a named place, a credit in brackets after it: a picture's caption"
        if before and len(sentences(before)) == 1 and not quoted(before) and _no_past(before) \
                and not credit.strip("()[] ").isupper() and (_PRESENT_PICTURE.search(before) or _PICTURE_PLACE.search(before)):
            # "Jane Doe speaks to reporters in Portvale. (Harbour Ledger)": one sentence in the present, the
            # moment of a picture, credited in brackets; a report's sentence tells what happened, in the past
            # (the picture's shape is there: "is/are …ing" or someone in/at a named place; "The search for the
            # missing crew continues. (Reuters)" and "The rate stands at 4.2 percent. (Eurostat)" are the story's)
            return "a sentence in the present with a credit in brackets after it: a picture's description"
    end = text[-60:]
    m = _SLASH_CREDIT.search(end) if "/" in end else None
    if m:
        before = (text[: len(text) - len(end)] + end[: m.start()]).rstrip()
        if before and not ends_sentence(before):
            return "a line ending in a credit after a slash"
    if _VIEW_OPENING.match(text) and len(sentences(text)) <= CAPTION_MAX_SENTENCES and not quoted(text):
        return "opens as a picture's description does: a view of a place"
    head = text[:WEEKDAY_DATE_CHARS].lower()
    if (text.startswith("FILE") or any(map(head.__contains__, _PICTURE_STEMS))) and _CAPTION_OPENING.match(text) \
            and len(sentences(text)) <= CREDITED_CAPTION_MAX_SENTENCES + 1:
        return "opens as a caption does: a sentence about a picture"
    if "day" in head and not quoted(text):
        m = _WEEKDAY_DATE.search(text, 0, WEEKDAY_DATE_CHARS)
        spans = sentences(text) if m else []
        if m and len(spans) <= CREDITED_CAPTION_MAX_SENTENCES and m.end() <= spans[0][1]:
            # "A cross is seen at a memorial, Saturday, July 6, 2024, in Lahaina.": a picture's description dated
            # to the day; news prose says "on Saturday" (a quote may say more: quoted text is left alone)
            return "a description dated with its weekday, day and year, as a wire caption is"
    dated = _dated_picture(text)
    if dated:
        return dated
    if block.ends or not text[-1:].isalnum():
        return None  # (a credit or initials end the text without a stop)
    spans = sentences(text)
    if 2 <= len(spans) <= CREDITED_CAPTION_MAX_SENTENCES + 1 and _credit_after(text[spans[-1][0]:]):
        return "sentences with a credit after the last one (names, initials, a '/' or 'via')"
    words = text.rsplit(None, 2)
    if block.words >= 4 and _ACRONYM_CREDIT.match(words[-1]) and words[-2][:1].islower() and words[-2].lower() not in stops:
        return "a description with a credit's initials after it"
    if block.words >= 4 and _ACRONYM_CREDIT.match(words[-1]) and words[-2].endswith(".") and len(spans) <= CREDITED_CAPTION_MAX_SENTENCES \
            and not _ABBREVIATION_END.search(words[-2]) and not quoted(text):
        return "a description with an agency's initials after its stop (\"… in the rubble. AFP\")"
    return None


_POSSESSIVE = re.compile(r"['’]s\b")  # ("Odisha’s district": a possessive, no verb's contraction)
_ACRONYM_CREDIT = re.compile(r"^[A-Z]{2,5}$")  # "… near the wreck site CNN"
# "A view of houses immersed in flood water …", "An aerial view shows …", "General view of the harbour": a picture
_VIEW_OPENING = re.compile(r"^(?:(?:An?|The) )?(?:(?:general|aerial|partial|drone|close-up) )?view (?:of|from|shows)\b", re.IGNORECASE)
_CELL_EDGES = " |"
# "… in the Kalanki area of Kathmandu, July 12, 2019." / "…, on July 13, 2019.": a first sentence closed by a comma and
# the picture's day; a report says when inside its sentence ("was sentenced on July 9, 2014, in …")
_PICTURE_DAY = re.compile(
    r",\s+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.(?=\s|$)"
)
BARE_CREDIT_TAIL_WORDS = 3  # "… July 16, 2019. Getty", "… 2019. Getty Images": a name or two after the stop
DATED_PICTURE_MIN_WORDS = 8  # what the picture shows, where, and its day
DATED_PICTURE_MAX_CHARS = 600


def _dated_picture(text: str) -> str | None:
    """A picture's description by its wire shape: a first sentence that ends with a comma and the day the picture
    was taken ("Rescuers look for survivors after a building collapsed in Mumbai, July 16, 2019."), someone in or at
    a place, and then either a bare credit without a stop ("… 2019. Getty") or nothing in the past tense in that
    sentence (a caption's present: "A resident searches for belongings …"); at most the caption's sentences."""
    m = _PICTURE_DAY.search(text) if ", " in text else None
    if m is None or len(text) > DATED_PICTURE_MAX_CHARS or quoted(text):
        return None
    spans = sentences(text)
    if not spans or m.end() > spans[0][1] + 1 or len(spans) > CREDITED_CAPTION_MAX_SENTENCES:
        return None
    first = text[: m.end()]
    if word_count(first) < DATED_PICTURE_MIN_WORDS or not _PICTURE_PLACE.search(first):
        return None
    rest = text[m.end():].split()
    if rest and not ends_sentence(text) and len(rest) <= BARE_CREDIT_TAIL_WORDS and all(_CREDIT_TOKEN.match(t) for t in rest):
        return "a description dated with its day after a comma, a credit's name after it: a picture's caption"
    if _no_past(first) and not _PRONOUN_START.intersection(first.lower().split()[:1]):
        return "a description in the present dated with its day after a comma: a picture's caption"
    return None
_PICTURE_STEMS = ("photo", "image", "picture", "screen", "still", "video")  # (a cheap test before the opening's pattern)
_WEEKDAY_DATE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}\b"
)
WEEKDAY_DATE_CHARS = 250  # a caption's date stands in its first sentence
# A quotation mark: double quotes and guillemets anywhere, an opening single quote (‘, or ' and ’ at a word's
# start: "‘We will not let you down,’ she said", "'You did it,' a docker shouted"); not an apostrophe inside or
# after a word ("the workers’ union", "don't", "'90s").
_OPENING_SINGLE = re.compile(r"(?:^|[\s(\[—–-])['’][^\W\d_]|»[^\W\d_]")  # (a "»" after words is a link's arrow)


def quoted(text: str) -> bool:
    """Whether `text` holds a quotation (someone's words: news prose speaks to its reader only inside them)."""
    if '"' in text or "“" in text or "”" in text or "‘" in text or "«" in text or "„" in text:
        return True  # (tested in C before any pattern)
    return ("'" in text or "’" in text or "»" in text) and _OPENING_SINGLE.search(text) is not None
_CREDIT_LABELS = PICTURE_WORDS | {"credit", "credits", "source"}


def _credit_after(tail: str) -> bool:
    """Words after a caption's last sentence that make a credit: capitalised names and initials with a label
    ("Photo: EPA-EFE"), a slash or "via" ("Jane Doe/NTSB/Handout via REUTERS")."""
    tokens = tail.split()
    if not tokens or len(tokens) > CREDIT_MAX_WORDS or ends_sentence(tail) or not all(_CREDIT_TOKEN.match(t) for t in tokens):
        return False
    labelled = tokens[0].endswith(":") and tokens[0].rstrip(":").lower() in _CREDIT_LABELS
    return labelled or any(t in ("via", "VIA", "/", "|") or "/" in t for t in tokens)


def _credit_line(block: Block, stops: frozenset[str]) -> bool:
    """A line that is only a credit: a few capitalised names and initials around a "/", a "|" or "via", without
    a function word ("Ship Refloated After Two Days | Harbour Ledger" is a title and its site)."""
    if block.ends or not 2 <= block.words <= CREDIT_LINE_MAX_WORDS or block.heading_level is not None:
        return False
    if "/" not in block.text and "|" not in block.text and "via" not in block.text.lower():
        return False
    tokens = block.text.split()
    if any(t.lower() in stops for t in tokens if t.lower() != "via"):
        return False
    if _DIGIT.search(block.text) or not all(_CREDIT_TOKEN.match(t) for t in tokens):
        return False
    return any(t in ("via", "VIA", "/", "|") or "/" in t for t in tokens)


def _caption_sentence(block: Block) -> bool:
    return block.rule is None and block.ends and block.words <= CAPTION_MAX_WORDS \
        and len(sentences(block.text)) <= CREDITED_CAPTION_MAX_SENTENCES


def _beside_credit(blocks: list[Block], n: int) -> None:
    """The sentences printed right above and right below a credit, no blank line between: its caption (one or
    two blocks each way: an alt text and a caption)."""
    k = n
    while k > 0 and not blocks[k].gap_before and n - k < 2 and _caption_sentence(blocks[k - 1]):
        blocks[k - 1].drop("image-caption", "context", f"printed with the credit at line {blocks[n].line}, no blank line between", "caption")
        k -= 1
    k = n
    while k + 1 < len(blocks) and not blocks[k + 1].gap_before and k - n < 2 and _caption_sentence(blocks[k + 1]):
        blocks[k + 1].drop("image-caption", "context", f"printed with the credit at line {blocks[n].line}, no blank line between", "caption")
        k += 1


def _caption_pairs(blocks: list[Block]) -> None:
    """Two blocks in a row opening with the same five words, one of them a sentence: a picture's alt text and
    its caption ("Sparks fill the air." / "Sparks fill the air as firefighters …"); body paragraphs never
    open alike one after the other."""
    for n, (above, block) in enumerate(zip(blocks, blocks[1:])):
        if above.rule is not None or block.rule is not None:
            continue
        if above.text[:PAIR_PREFIX_CHARS].lower() != block.text[:PAIR_PREFIX_CHARS].lower():
            continue  # (cheap: most neighbours differ in their first characters already)
        if _joined_lead(above, block, blocks[n + 2:]):
            above.drop("summary", "repeat", "the paragraphs below it printed again as one: a summary of the lead", None)
            continue
        if max(above.words, block.words) > 2 * CAPTION_MAX_WORDS or not (is_sentence_shape(above) or is_sentence_shape(block)):
            continue
        if quoted(above.text) or quoted(block.text):
            continue  # someone's words printed twice: a pull-quote above its paragraph (the repeats drop the copy), no picture
        a, b = folded_words(above.text[:200]), folded_words(block.text[:200])
        if len(a) >= CAPTION_PAIR_WORDS and a[:CAPTION_PAIR_WORDS] == b[:CAPTION_PAIR_WORDS] and normal(above.text) != normal(block.text):
            # (a paragraph printed twice is a copy, for the repeats to drop once)
            for piece in (above, block):
                piece.drop("image-caption", "repeat", "opens with the same words as the block beside it: a picture's alt text and caption", "caption")


def _joined_lead(above: Block, block: Block, after: list[Block]) -> bool:
    """`above` is `block` whole and then the start of the next paragraph: the page printed its first paragraphs
    again as one summary above them (a caption and its alt text never run on into the body's next paragraph)."""
    if len(above.text) <= len(block.text):
        return False
    a, b = folded_words(above.text), folded_words(block.text)
    nxt = next((x for x in after if x.rule is None), None)
    if nxt is None or a[: len(b)] != b:
        return False
    rest = a[len(b):]
    return len(rest) >= CAPTION_PAIR_WORDS and rest[:CAPTION_PAIR_WORDS] == folded_words(nxt.text[:200])[:CAPTION_PAIR_WORDS]


def is_sentence_shape(block: Block) -> bool:
    return block.ends and block.words >= SENTENCE_MIN_WORDS


def _caption_copies(blocks: list[Block]) -> None:
    """A block printed again with the words of a caption found above (a gallery prints each caption twice)."""
    captions = {normal(b.text): b.line for b in blocks if b.role == "caption" and b.kind != "rule" and b.words >= 3}
    if not captions:
        return
    for block in blocks:
        if block.rule is None and block.words <= CAPTION_MAX_WORDS and normal(block.text) in captions:
            block.drop("image-caption", "repeat", f"the words of the caption at line {captions[normal(block.text)]}", "caption")


# A template's code left in the text: "[ad_slot id="top"]", "[/gallery]": lowercase names, attributes name=value.
_SHORTCODE = re.compile(r"\[/?[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*(?:\s+[\w-]+=(?:\"[^\"\]]*\"|'[^'\]]*'|[^\s\]]+))*\s*/?\]")
_SHORTCODES = re.compile(rf"(?:{_SHORTCODE.pattern}\s*)+")


def _shortcodes(text: str) -> bool:
    """A line of nothing but a template's bracketed tags ("[ad_slot id="top"] [ad_slot id="side"]"): each
    a lowercase name, with "_" or "-" in it or attributes after it ("[1]", "[sic]", "[Jane Doe]" are text)."""
    if not text.startswith("[") or not text.rstrip().endswith("]"):
        return False
    return _SHORTCODES.fullmatch(text.strip()) is not None and ("=" in text or "_" in text or "-" in text or "[/" in text)


PROMPT_MAX_WORDS = 80  # a sign-up form or a consent notice, printed as one paragraph
_READER_WORDS = re.compile(r"\b(?:you|your|yours|you['’](?:re|ve|ll))\b", re.IGNORECASE)
_SITE_WORDS = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


TWICE_MIN_WORDS = 6  # sentences this long said twice in a row are a copy, not a refrain ("We will fight. We will fight.")
TWICE_OPENING_CHARS = 20  # the second copy opens with the first one's words
TWICE_SHARED = 0.75  # ... sharing this share of their words (a prompt's second copy drops a word or two)


def _says_twice(text: str) -> bool:
    """The block's first sentence said again, with nearly the same words ("Read the X newsletter for unbiased, unsponsored product
    recommendations every week. Read the X newsletter for unbiased product recommendations every week.")."""
    opening = text[:TWICE_OPENING_CHARS]
    if len(opening) < TWICE_OPENING_CHARS or text.find(opening, TWICE_OPENING_CHARS) < 0:
        return False  # (the copy opens as the first sentence does: one search in C before any sentence is split)
    spans = sentences(text)
    if len(spans) < 2:
        return False
    words = [set(folded_words(text[a:b])) for a, b in spans]
    for one, two in zip(words, words[1:]):
        if min(len(one), len(two)) >= TWICE_MIN_WORDS and len(one & two) >= TWICE_SHARED * len(one | two):
            return True
    return False


def site_speaks(text: str) -> bool:
    """The site's own voice, once is enough below a marker of the tail: "we"/"our", the reader addressed, or
    "please", outside any quote ("Please report any comments that break our rules.")."""
    return bool(_SITE_VOICE.search(text) or _READER_WORDS.search(text) or _PLEASE.search(text)) and not quoted(text)


def _site_prompt(block: Block) -> bool:
    """The site speaking to its reader ("Sign up to our email for your free briefing", "We use your sign-up
    …"): a short paragraph that says both "we/our" and "you/your" at least twice between them and has no
    quote, where news prose speaks of others (and a speaker's "we" and "you" stand in quotes)."""
    if block.words > PROMPT_MAX_WORDS or block.heading_level is not None:
        return False
    text = block.text
    if "you" not in text and "You" not in text and "YOU" not in text:
        return False  # (three searches in C before any pattern: most paragraphs never say "you")
    reader = len(_READER_WORDS.findall(text))
    if reader == 0:
        return False
    site = len(_SITE_WORDS.findall(text))
    return site >= 1 and reader + site >= 3 and not quoted(text)


def _teaser(block: Block, cleaning: Cleaning, stops: frozenset[str]) -> bool:
    """"JUST IN: <headline>", "WATCH: <headline>": a label in capitals, a colon, then a headline (no final
    stop). A dateline in capitals ("ANKARA: The minister said …") opens a sentence, which ends with a stop."""
    m = _CAPS_LABEL.match(block.text)
    if m is None or block.ends or block.words > cleaning.title_max_words + 3:
        return False
    return word_count(m.group(2)) >= TITLE_MIN_WORDS


BRACKET_TAG_MAX_WORDS = 4
_BRACKETED = re.compile(r"[(\[]([^()\[\]]{1,60})[)\]]\.?")


def _bracket_tag(text: str, stops: frozenset[str]) -> bool:
    """A line that is only a short tag in brackets ("(KTLA)", "(3rd UPDATE)", "[Photo: Jane Doe]"): a few words,
    none of them a function word of the article's language, a capital or a digit among them, no sentence inside;
    a remark in brackets ("(The vote was later delayed.)") is written with function words."""
    m = _BRACKETED.fullmatch(text.strip())
    if m is None:
        return False
    inner = m.group(1).strip()
    words = _WORDS.findall(inner)
    if not words or len(inner.split()) > BRACKET_TAG_MAX_WORDS or re.search(r"[.!?]\s", inner):
        return False
    if not any(w[:1].isupper() for w in words) and not _DIGIT.search(inner):
        return False
    return not stops or not any(w.lower() in stops for w in words)


TAG_LIST_MIN_WORDS = 8  # a run of names this long with hardly a function word is no headline ("Storm hits coast")
TAG_LIST_MAX_STOPS = 0.15  # prose measures 0.35-0.55 stop words; titles of 8+ words in title case 0.2 and more
_SENTENCE_MARKS = re.compile(r"[.,;:!?\"“”()]")


def _tag_list(block: Block, stops: frozenset[str]) -> bool:
    """A page's tags printed as a line ("Jane Doe Harbour Authority Shipping Ports Jane Doe"): many words, nearly
    all capitalised, hardly a function word and no punctuation at all, where a sentence or a headline of that
    length needs function words ("to", "as", "in") and a list of names written as text has commas."""
    return (
        bool(stops) and not block.ends and block.words >= TAG_LIST_MIN_WORDS and block.heading_level is None
        and block.stop_share < TAG_LIST_MAX_STOPS and block.cap_share >= TITLE_CASE_SHARE
        and _SENTENCE_MARKS.search(block.text) is None and not LIST_ITEM.match(block.text)
    )


SIGNATURE_MAX_WORDS = 12  # "— Jane Doe (@janedoe) March 3, 2024" alone on its line
POST_MAX_CHARS = 320  # a post is short: 280 characters and a link


def _embedded_posts(blocks: list[Block]) -> None:
    """A social-media post embedded in the page ends with its signature: "— Name (@handle) March 3, 2024".
    The signature goes; so does the post's text above it when a line ending in a colon introduces it
    ("Watch the rescue:"), which goes too."""
    for n, block in enumerate(blocks):
        if block.rule is not None or not _POST_SIGNATURE.search(block.text[-120:]):
            continue
        block.drop("embedded-post", "evidence", "the signature of an embedded social-media post", None)
        post = blocks[n - 1] if n else None
        if post is not None and post.rule is None and block.words <= SIGNATURE_MAX_WORDS and len(post.text) <= POST_MAX_CHARS:
            # the signature on a line of its own: the post's text is the block above it
            post.drop("embedded-post", "context", "right above the signature of an embedded post: the post's text", None)
        intro = n - 2
        if intro >= 0 and blocks[intro].rule is None and blocks[intro].text.rstrip().endswith(":") and blocks[intro].words <= LABEL_INTRO_WORDS:
            for piece in (blocks[intro], blocks[n - 1]):
                if piece.rule is None:
                    piece.drop("embedded-post", "context", "an embedded post, between its introduction and its signature", None)


def _alt_text(blocks: list[Block]) -> None:
    """A line of words without a capital or a stop ("harbour ship grounded") is a picture's alt text or file
    name: an article's own lines, headings included, are capitalised. The short paragraph printed right
    under it, with no blank line between, is the picture's caption."""
    for n, block in enumerate(blocks):
        if block.rule is not None or block.ends or block.words < 2 or block.text != block.text.lower():
            continue
        if not _ALT_WORDS.fullmatch(block.text) or block.heading_level is not None:
            continue  # only words: a list item ("• whatsapp") or a count ("2024-03-01 10:12 view") is no alt text
        block.drop("image-alt", "evidence", "words without a capital or a stop: a picture's alt text", "caption")
        below = blocks[n + 1] if n + 1 < len(blocks) else None
        if below is not None and below.rule is None and not below.gap_before and below.words <= CAPTION_MAX_WORDS \
                and len(sentences(below.text)) <= CAPTION_MAX_SENTENCES:
            below.drop("image-caption", "context", "right under a picture's alt text, no blank line between", "caption")


def _printed_twice(blocks: list[Block]) -> None:
    """A sentence printed twice in a row, with no blank line between, is a picture's alt text and its caption
    (pages print both): body text is never repeated line for line. (A name printed twice is a byline: that
    is for the name-line evidence.)"""
    for above, block in zip(blocks, blocks[1:]):
        if block.gap_before or above.rule is not None or block.rule is not None or block.words < SENTENCE_MIN_WORDS:
            continue
        if block.text == above.text:
            for copy in (above, block):
                copy.drop("image-caption", "repeat", "printed twice in a row: a picture's alt text and its caption", "caption")


def _run_printed_twice(blocks: list[Block]) -> None:
    """Two paragraphs printed again, in the same order, further down the page ("This story is from the June 5
    issue of …", "Start your free trial …", then both again): a widget the page rendered twice. A body never
    prints two of its paragraphs twice in a row (a pull-quote is one sentence, held inside its paragraph); both
    copies go."""
    seen: dict[str, int] = {}
    live = [i for i, b in enumerate(blocks) if b.rule is None and b.words >= SENTENCE_MIN_WORDS]
    at = {i: n for n, i in enumerate(live)}
    for i in live:
        key = blocks[i].text
        first = seen.get(key)
        if first is None:
            seen[key] = i
            continue
        n, m = at[first], at[i]
        if n + 1 < m and m + 1 < len(live) and blocks[live[n + 1]].text == blocks[live[m + 1]].text:
            for k in (first, live[n + 1], i, live[m + 1]):
                blocks[k].drop("printed-twice", "repeat", f"one of two paragraphs the page prints twice in a row "
                               f"(lines {blocks[first].line} and {blocks[i].line}): a widget rendered twice")


def _repeats(blocks: list[Block], cleaning: Cleaning, stops: frozenset[str]) -> None:
    """A short line met again later in the page is furniture printed twice (title, byline, "Share")."""
    first_seen: dict[str, Block] = {}
    for block in blocks:
        if block.rule is not None and block.role != "title":
            continue
        if block.words > cleaning.title_max_words or is_sentence(block, stops):
            continue
        key = normal(block.text)
        if not key:
            continue
        if key in first_seen and first_seen[key] is not block:
            block.drop("repeat", "repeat", f"the same line as line {first_seen[key].line}")
            first_seen[key].repeated = True  # kept: the title pick weighs repeats
        else:
            first_seen[key] = block


def _pick_title(
    blocks: list[Block], live: list[int], prose: list[int], cleaning: Cleaning, stops: frozenset[str]
) -> int | None:
    """The head line that reads most like a title (a Markdown H1 first): weighed with the named TITLE_*
    evidence, recorded in the block's detail."""
    first_prose = prose[0] if prose else len(blocks)
    story = _Story([blocks[i].text for i in prose])
    candidates = [i for i in live if i <= first_prose and _title_like(blocks[i], cleaning, stops, story)]
    # a headline ending in its date, taken by a rule for a date line ("Port strike, March 3, 2025")
    candidates += [i for i, b in enumerate(blocks[:first_prose]) if b.rule is not None and b.role == "dateline" and _dated_headline(b.text, stops, story)]
    candidates.sort()
    if not candidates:
        return None
    h1 = [i for i in candidates if blocks[i].heading_level == 1]
    if h1:
        blocks[h1[0]].drop("title", "evidence", "a Markdown level-1 heading", "title")
        return h1[0]
    if len(live) < 2:
        return None

    def evidence(i: int) -> tuple[float, list[str]]:
        block = blocks[i]
        points, why = min(block.words, 12) / 6, [f"{block.words} words"]
        if block.repeated:
            points += TITLE_REPEATED
            why.append("repeated on the page")
        following = [b for b in blocks[i + 1:i + 4] if b.line <= block.line + 6]
        hit = next((k for k, b in enumerate(following) if b.role in ("byline", "dateline") or (b.words <= 12 and _DATEISH.search(b.text))), None)
        between = [b for b in following[:hit] if b.rule is None and not name_line(b.text, stops)] if hit is not None else []
        label = block.words <= LABEL_MAX_WORDS and block.cap_share == 1.0  # "Listen Live Sports", "Home Cities Kochi"
        if block.gap_before and hit is not None and len(between) <= (0 if label else 1) \
                and all(is_prose(b, cleaning, stops) or _deck_like(b, cleaning, stops) for b in between):
            # (only for a line that opens its run: a section label inside the masthead's run is above the
            # page's date too; and only for the line nearest the date, with its deck at most between, none
            # for a label of a few capitalised words: a breadcrumb or a player's label above the title is
            # not what the date follows)
            points += TITLE_BEFORE_BYLINE
            why.append("followed by a byline or date")
        if block.standalone:
            points += TITLE_STANDS_ALONE
            why.append("stands alone")
        below = next((b for b in blocks[i + 1:] if b.rule is None), None)
        if below is not None and (is_prose(below, cleaning, stops) or _deck_like(below, cleaning, stops)
                                  or _deck_with_names(below, cleaning, stops, story)):
            points += TITLE_ABOVE_BODY
            why.append("above its deck or the body")
        if i == candidates[0]:
            points += TITLE_FIRST
            why.append("first heading-like line")
        if stops and block.words <= LABEL_MAX_WORDS and block.stop_hits == 0:
            if block.words == SHORT_TITLE_WORDS and _story_words(block, story, stops):
                why.append("no function word, but the story's own words")  # ("Lithium mining")
            else:
                points += TITLE_LABEL
                why.append("no function word: a label")
        if block.text.isupper():
            points += TITLE_SHOUTED
            why.append("in capitals")
        if i == first_prose and block.words >= cleaning.prose_min_words:
            points += TITLE_LONG_AS_PROSE
            why.append("as long as a paragraph")
        return points, why

    scores = {i: evidence(i)[0] for i in candidates}
    foreign: set[int] = set()
    while len(candidates) > 1:  # the leader is asked whether it shares a word with the body; one that does not drops back
        best = max(candidates, key=lambda i: (scores[i], -i))
        if best in foreign or not _foreign_to_story(blocks[best], story, stops):
            break
        foreign.add(best)
        scores[best] += TITLE_FOREIGN
    best = max(candidates, key=lambda i: (scores[i], -i))
    if scores[best] < TITLE_MIN_SCORE:
        return None
    why = evidence(best)[1] + (["not one word of the body's"] if best in foreign else [])
    blocks[best].drop("title", "evidence", "; ".join(why), "title")
    return best


class _Story:
    """The body's words (prose paragraphs), read once and only when a head line asks what it shares with them."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._uses: Counter[str] | None = None
        self._lower: set[str] | None = None
        self._joined: str | None = None

    def uses(self) -> Counter[str]:
        """How often the body uses each word, by its first letters ("mining" and "mines" are one word)."""
        if self._uses is None:
            self._uses = Counter(w[:STEM_CHARS] for text in self._texts for w in words_of(text))
        return self._uses

    def joined(self) -> str:
        """The body's text as one string, for a search or two."""
        if self._joined is None:
            self._joined = " ".join(self._texts)
        return self._joined

    def lowercase(self) -> set[str]:
        """The words the body writes in lowercase (by their first letters): no name is among them."""
        if self._lower is None:
            self._lower = {w[:STEM_CHARS] for text in self._texts for w in _LOWER_WORD.findall(text)}
        return self._lower


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
SHORT_TITLE_WORDS = TITLE_MIN_WORDS - 1  # "Lithium mining": a headline of two words, when they are the story's
SHORT_TITLE_MIN_USES = 3  # ... both used by the body, together at least this often
SHORT_TITLE_MAX_ZIPF = 4.8  # ... and one of them no everyday word of English ("Read more", "Top stories" are labels),
SHORT_TITLE_REPEATED = 3  # ... or both everyday words the body uses this often each ("Trade war")


def _title_like(block: Block, cleaning: Cleaning, stops: frozenset[str], story: _Story | None = None) -> bool:
    if block.heading_level is not None:
        return True
    text = block.text.rstrip()
    if block.words == SHORT_TITLE_WORDS and story is not None:
        if not _story_words(block, story, stops):
            return False
    elif not TITLE_MIN_WORDS <= block.words <= cleaning.title_max_words:
        return False
    if text.endswith(".") and not _ABBREVIATION_END.search(text):
        return False  # (a title has no final stop; an abbreviation's dots are no stop: "... Friday 8 a.m.", "... in the U.S.")
    if name_line(block.text, stops) and not (story is not None and _headline_in_title_case(block, story)):
        return False
    if block.words <= BYLINE_MAX_WORDS and _BYLINE_START.match(text):
        return False  # (a byline: "By the Example Press", "By: KNW")
    if date_line(block.text) or (block.words <= 8 and any(not _YEAR.fullmatch(m.group()) for m in _DATEISH.finditer(block.text))):
        # a short line with a day, a numeric date or a time; a year alone is a title's ("... 2023 protesters"),
        # and so is a full date after a headline ("Port strike, March 3, 2025")
        return _dated_headline(block.text, stops, story)
    return True


def _foreign_to_story(block: Block, story: _Story, stops: frozenset[str]) -> bool:
    """Not one content word of the line (by its first letters) in the body: a headline names what the story tells
    ("Monsoon floods sweep away homes": the body's floods and homes); a player's or a section's label does not."""
    if not stops or len(story.joined()) < TITLE_FOREIGN_MIN_BODY * AVERAGE_WORD_CHARS:
        return False
    own = [w for w in words_of(block.text) if len(w) > 2 and w not in stops]
    # (a word is looked for in the body's text, by its first letters, one search each: no word list is built)
    return bool(own) and not any(
        re.search(r"\b" + re.escape(w[:STEM_CHARS]) + ("" if len(w) >= STEM_CHARS else r"\b"), story.joined(), re.IGNORECASE)
        for w in own)


def _story_words(block: Block, story: _Story, stops: frozenset[str]) -> bool:
    """Two words that are the story's own: a headline ("Lithium mining"), not a section's or a widget's label
    ("World news", "Read more"): not in capitals, both used by the body, and one rare in English at large or both
    repeated by the body."""
    from models import background

    words = words_of(block.text)  # (the stop lists hold everyday nouns too: "war")
    if block.text.isupper() or _DIGIT.search(block.text) or len(words) != SHORT_TITLE_WORDS:
        return False
    uses = [story.uses()[w[:STEM_CHARS]] for w in words]
    if not all(uses) or sum(uses) < SHORT_TITLE_MIN_USES:
        return False
    if min(uses) >= SHORT_TITLE_REPEATED:  # both repeated by the body: the story's subject ("Trade war")
        return True
    return not background.available() or min(background.zipf(w) for w in words) < SHORT_TITLE_MAX_ZIPF


def _headline_in_title_case(block: Block, story: _Story) -> bool:
    """Capitalised words that the body writes in lowercase ("Island Ferry Returns": "the ferry returns to the
    island") are a headline in title case, not names: a person's name is capitalised wherever it stands."""
    return _lowercase_in_body([w for w in _WORDS.findall(block.text) if w.lower() not in _PARTICLES and w.lower() not in _JOINERS], story)


def _lowercase_in_body(words: list[str], story: _Story) -> bool:
    """Whether the body writes most of these words (two at least) in lowercase: a headline's, not a name's."""
    hits = sum(w.lower()[:STEM_CHARS] in story.lowercase() for w in words)
    return len(words) >= 2 and hits >= max(2, (len(words) + 1) // 2)


_ZONE = re.compile(r"^[A-Z]{2,4}$")  # "EDT", "GMT": a time zone, in capitals
DATED_HEADLINE_MIN_WORDS = 2  # "Port strike, March 3, 2025": a headline's words before the date
_DATE_SEPARATORS = " ,;:|–—-("


def _dated_headline(text: str, stops: frozenset[str], story: _Story | None = None) -> bool:
    """A headline that ends in a full date ("Port strike, March 3, 2025", "Ferry strike ends – 3 March 2025"), not a
    date line naming its site ("Global Research, April 26, 2019"): before the date, two words or more that are
    neither function words nor the words of a date line, one of them in lowercase (a headline in sentence case) or,
    in title case, words the body writes in lowercase ("Port Strike Ends": "the strike ends at the port")."""
    at = date_start(text)
    if not at or not date_line(text[at:]):
        return False
    head = text[:at].rstrip(_DATE_SEPARATORS)
    words = [w for w in _WORDS.findall(head) if w.lower() not in stops and not date_words(w) and len(w) > 2 and not _ZONE.match(w)]
    if len(words) < DATED_HEADLINE_MIN_WORDS:  # (a time's letters are none: "9:00 p.m. ET")
        return False
    return any(w[:1].islower() for w in words) or (story is not None and _lowercase_in_body(words, story))


def _title_repeats(blocks: list[Block], title: int) -> None:
    """The title printed again: alone, or with a breadcrumb before it ("Home Windows <title>") or a site name
    after it ("<title> | The Ledger"); the second keeps the title role, so metadata can read the site."""
    key = normal(blocks[title].text)
    size = blocks[title].words
    for block in blocks:
        if block is blocks[title] or block.rule not in (None, "repeat") or not size <= block.words <= size + TITLE_EXTRA_WORDS:
            continue
        text = normal(block.text)
        if text == key:
            block.drop("title", "repeat", f"the title again (line {blocks[title].line})", None)
        elif text.endswith(" " + key):
            block.drop("title", "repeat", f"the title again (line {blocks[title].line}), a breadcrumb before it", None)
        elif text.startswith(key + " "):
            _, site = title_suffix(block.text)
            block.drop("title", "repeat", f"the title again (line {blocks[title].line}), the site's name after it", "title" if site else None)


def _name_lines(blocks: list[Block], live: list[int], prose: list[int], title: int | None, stops: frozenset[str]) -> None:
    """A line of names between the title and the body, whose names the body never uses, is the byline (one
    above the title is the masthead: the outlet's name, read by the metadata)."""
    first_prose = prose[0] if prose else len(blocks)
    body_words = None
    for i in live:
        if i > first_prose + 1:
            break
        if title is not None and i < title:
            continue
        block = blocks[i]
        if block.rule is not None or not name_line(block.text, stops):
            continue
        if body_words is None:
            body_words = {w for j in prose for w in words_of(blocks[j].text) if j != i}
        names = [w for w in words_of(block.text) if w not in _PARTICLES and w not in _JOINERS]
        if names and not any(w in body_words for w in names):
            block.drop("byline", "evidence", "a line of names the body never uses, above the body", "byline")


NOTICE_MAX_WORDS = 20  # a site's notice is a line or two ("See a typo? Report it here.")
NOTICE_LONG_MAX_WORDS = 40  # ... or, above the body, a paragraph of two sentences ("This is an archived article …")
NOTICE_MAX_SHARED = 1 / 3  # ... and shares hardly a content word with the article: it is about the page, not the story
STEM_CHARS = 5  # words compared by their first letters: "reports" and "reported" are one word of the story
_LEAD_LABEL = re.compile(r"^[^\W\d_][\w'’ -]{0,20}:\s")  # "New: …", "Note: …": a label opening the line


def _notice_mark(text: str) -> str | None:
    """The typography of a site speaking (quotes are left out before): a line ending in "!" or a colon (it
    introduces what is not there), a question, a line wholly in brackets, a label and a colon opening it, the
    reader addressed. Body prose says these only inside quotes, or in long paragraphs."""
    stripped = text.strip()
    if stripped.endswith("!"):
        return "it ends in '!'"
    if stripped.endswith(":"):
        return "it ends in a colon"
    if "?" in stripped:
        return "a question"
    if stripped[:1] in "([" and stripped[-1:] in ")]":
        return "wholly in brackets"
    if _LEAD_LABEL.match(stripped):
        return "a label and a colon open it"
    if _READER_WORDS.search(stripped):
        return "it speaks to the reader"
    if _PLEASE.search(stripped):
        return "it asks the reader ('please')"
    return None


_PLEASE = re.compile(r"\b[Pp]lease\b")


# "This summary was produced …", "This post will be updated …", "This article is based on …": a thing pointed at, then
# how it was made (a form of "be" right after it); "This settlement restores output …" tells the story's event
_THIS_THING = re.compile(r"(?:This|These) (?!(?:is|was|are|were|has|had|will|would|could|can|comes|came)\b)([a-z]+)"
                         r" (?:[a-z]+ly )?(?:is|was|are|were|will be|may be|has been|have been|had been)"
                         r" (?:[a-z]+ly )?(?:[a-z]+(?:ed|en|wn)|made|built|brought|sent|set|run|read|part of)\b")
# (the form of "be" then a participle or "part of": "This move is likely to anger …" is the story's)


def _stems(text: str, stops: frozenset[str]) -> set[str]:
    return {w[:STEM_CHARS] for w in words_of(text) if len(w) > 2 and w not in stops}


def _edge_notices(blocks: list[Block], live: list[int], title: int | None, stops: frozenset[str]) -> None:
    """Outside the body (above its first paragraph beyond doubt, below its last), a short line the site printed
    about the page ("You can now listen to articles.", "See a typo? Report it here.", "(This story was
    auto-generated from a feed.)"): it bears a mark of the site speaking (`_notice_mark`) and shares hardly a
    content word with the article, title included; a line next to such a notice that shares none at all is
    in the same run of furniture ("This audio is generated by an AI tool."). The body's own short lines at
    its edges share the story's words, or stand in quotes."""
    if not stops:
        return
    good = [i for i in live if is_good(blocks[i], stops) and not (blocks[i].text[:2] == "Th" and _THIS_THING.match(blocks[i].text))]
    # ("This is an archived article … Please look at the time stamp …": the page's first paragraph may be its notice)
    head_notice = good[0] if len(good) > 1 and blocks[good[0]].words <= NOTICE_LONG_MAX_WORDS \
        and not quoted(blocks[good[0]].text) and _notice_mark(blocks[good[0]].text) else None
    if not good:
        return  # (a long notice pointing at the page, "This article was created by AI …", is no body beyond doubt)
    edges = [i for i in live if (i < good[0] or i > good[-1]) and blocks[i].words <= CAPTION_MAX_WORDS
             and blocks[i].heading_level is None and not blocks[i].deck and not quoted(blocks[i].text)]
    if head_notice is not None:
        edges.append(head_notice)
    marks = {i: _notice_mark(blocks[i].text) if blocks[i].words <= NOTICE_MAX_WORDS or i == head_notice else None for i in edges}
    walled = {i for i in edges if _furniture_beside(blocks, i - 1) and _furniture_beside(blocks, i + 1)}
    pointing = {i: m for i in edges if blocks[i].text[:2] == "Th" and (m := _THIS_THING.match(blocks[i].text))}
    if not any(marks.values()) and not walled and not pointing:
        return  # (the article's words are read only when a line bears a mark, stands between furniture or points at a thing)
    own = {i: _stems(blocks[i].text, stops) for i in edges}
    counts: Counter[str] = Counter()
    for i in live:
        counts.update(own[i] if i in own else _stems(blocks[i].text, stops))
    if title is not None:
        counts.update(_stems(blocks[title].text, stops))

    def shared(i: int) -> float:
        return sum(1 for w in own[i] if counts[w] > 1) / len(own[i]) if own[i] else 0.0  # ("MORE ON:": no word at all)

    notices = {i for i in edges if marks[i] and shared(i) <= NOTICE_MAX_SHARED}
    for i in notices:
        blocks[i].drop("site-notice", "evidence", f"{blocks[i].words} words outside the body, {marks[i]}, hardly a word of the "
                       "article's: the site speaking about the page")
    pointing = {i: m for i, m in pointing.items() if i not in notices}
    if pointing:
        # "This article was created by AI …": a thing pointed at and how it was made; the thing is the page when the
        # story itself never names it (a story about a report names the report in its body), and when the rest of
        # the line is not the story's either, or the page points at that thing twice ("This article was created by
        # AI …" … "This article is based on a recent meeting …"); "This settlement was signed on Friday" is the story's
        body_stems: set[str] = set()
        for i in live:
            if i not in pointing:
                body_stems.update(_stems(blocks[i].text, stops))
        things = Counter(m.group(1)[:STEM_CHARS] for m in pointing.values())
        for i, m in pointing.items():
            thing = m.group(1)
            if thing[:STEM_CHARS] in body_stems or blocks[i].words > CAPTION_MAX_WORDS:
                continue
            if shared(i) <= NOTICE_MAX_SHARED or things[thing[:STEM_CHARS]] > 1:
                blocks[i].drop("site-notice", "evidence", f"{blocks[i].words} words outside the body opening with 'This {thing}' and "
                               "how it was made, a thing the story never names: the page speaking of itself")
                notices.add(i)
    at = {i: n for n, i in enumerate(live)}
    for i in edges:
        if i in notices:
            continue
        n = at[i]
        if blocks[i].words <= NOTICE_MAX_WORDS and shared(i) == 0 and not _item_of_a_kept_list(blocks, live, n, notices) \
                and not _long_sentence(blocks[i], stops) \
                and not _closes_body(blocks, live, n, good[-1], notices, stops) and (
                (n > 0 and live[n - 1] in notices) or (n + 1 < len(live) and live[n + 1] in notices)):
            blocks[i].drop("site-notice", "context", f"{blocks[i].words} words outside the body, next to a site's notice, "
                           "not a word of the article's: the same run of furniture")
        elif i in walled and len(own[i]) >= WALLED_MIN_WORDS and shared(i) <= WALLED_MAX_SHARED:
            blocks[i].drop("site-notice", "context", f"outside the body between two pieces of furniture, {len(own[i])} content "
                           f"words and {shared(i):.0%} of them the article's: the site's text, not the story's")


RUN_SENTENCE_MIN_WORDS = 15  # a sentence this long, written with function words, is the article's even beside a notice


def _long_sentence(block: Block, stops: frozenset[str]) -> bool:
    """A full sentence of prose ("Parents had petitioned councillors for months, and …"): never furniture only for
    standing next to a notice (a short article's paragraphs may share no word with each other)."""
    return block.ends and block.words >= RUN_SENTENCE_MIN_WORDS and block.stop_share >= STOP_SHARE_PROSE


def _closes_body(blocks: list[Block], live: list[int], n: int, last_good: int, notices: set[int], stops: frozenset[str]) -> bool:
    """Whether live block `n`, below the body, is a sentence right under the body's last paragraph (no notice
    or furniture between): the article's closing line ("She spoke at a briefing in Nairobi."), however few of
    the article's words it uses, not the run of furniture the notice below it opens."""
    i = live[n]
    if i <= last_good or not is_sentence(blocks[i], stops) or n == 0:
        return False
    above = live[n - 1]
    return above not in notices and blocks[above].rule is None and all(blocks[k].rule is None for k in range(above + 1, i))


_LIST_MARK = re.compile(r"^\s*([•·▪◦*‣⁃–—-]|\d{1,2}[.)])\s")


def _item_of_a_kept_list(blocks: list[Block], live: list[int], n: int, notices: set[int]) -> bool:
    """Whether live block `n` is an item of a list whose item beside it (the side away from any notice) stays
    in the body: "• The decision was unanimous." under "• This marks the 11th hike ..." is the list's last
    item, not the site's text, whatever words it uses. A list's items go together."""
    kind = _list_kind(blocks[live[n]].text)
    if kind is None:
        return False
    return any(0 <= m < len(live) and live[m] not in notices and blocks[live[m]].rule is None
               and _list_kind(blocks[live[m]].text) == kind for m in (n - 1, n + 1))


def _list_kind(text: str) -> str | None:
    """The list mark a line opens with ("•", "-", ...; "0" for any number), or None."""
    mark = _LIST_MARK.match(text)
    if mark is None:
        return None
    first = mark.group(1)[:1]
    return "0" if first.isdigit() else first


WALLED_MIN_WORDS = 6  # content words a line must have for "hardly any of them is the article's" to say something
WALLED_MAX_SHARED = 0.15  # ... one or two chance words in common (a deck or a lead shares a third and more)


def _furniture_beside(blocks: list[Block], n: int) -> bool:
    """A piece removed as furniture (not the title: a deck stands under it) at `n`; the page's edge is not. A
    walled line needs furniture on both sides: a last paragraph under a removed caption, with the end of the
    page below it, is the body's end, not a widget's text."""
    if n < 0 or n >= len(blocks):
        return False
    block = blocks[n]
    return block.rule not in (None, "subheading", "merged", "title") and block.role != "title"


def _date_lines(blocks: list[Block], live: list[int], prose: list[int]) -> None:
    """A line above the body that states a date and little else ("March 26, 2024, 8:12 AM EDT / Updated March
    26, 2024, 1:40 PM EDT") is the page's date line, whatever its length: never a deck or a paragraph."""
    good = [i for i in prose if is_good(blocks[i], frozenset())][:2]  # (a long deck may be the first of them)
    bound = good[-1] if good else (prose[0] if prose else len(blocks))
    for i in live:
        if i >= bound:
            break
        if blocks[i].rule is None and date_line(blocks[i].text):
            blocks[i].drop("dateline", "evidence", "a line of dates and times above the body", "dateline")


def _body_span(
    blocks: list[Block], live: list[int], prose: list[int], cleaning: Cleaning, title: int | None
) -> tuple[int, int]:
    """The first and last body paragraphs: the head runs to the last piece of furniture before the first
    full paragraph (a standfirst above the byline stays; a bare label between them is no subheading)."""
    first, last = prose[0], prose[-1]
    full = next((i for i in prose if blocks[i].words >= 2 * cleaning.prose_min_words), None)
    if full is not None:
        furniture = [i for i in range(first, full) if blocks[i].rule not in (None, "title")]
        if furniture:
            first = next((i for i in prose if i > furniture[-1]), first)
    for i in live:
        if blocks[i].heading_level is not None and i > (title if title is not None else -1) and i < first:
            first = i  # a Markdown subheading is the article's own structure, never head furniture
            break
    return first, last


TEASER_MAX_WORDS = 80  # another story's summary under its headline: a paragraph of a sentence or two
TEASER_MAX_SHARED = 0.2  # ... sharing hardly a content word with the article (its own paragraphs share a third and more)


def _foreign_teasers(blocks: list[Block], first: int, last: int, cleaning: Cleaning, stops: frozenset[str]) -> None:
    """Inside the body, a headline-like line (no final stop) with a short paragraph printed right under it (no blank
    line between), where the line shares not one content word with the rest of the article and the paragraph hardly
    any: another story's headline and summary the page put among the paragraphs ("Gas Prices Drop 3.8 Cents In
    Chattanooga / A year ago at this time, the price of gas …" inside a story on a landslide). The article's own
    subheading names what its paragraph tells, in the story's words."""
    if not stops:
        return
    pairs = []
    for i in range(first + 1, last):
        head = blocks[i]
        if head.rule is not None or head.ends or head.heading_level is not None or not TITLE_MIN_WORDS <= head.words <= cleaning.title_max_words:
            continue
        j = next((k for k in range(i + 1, last + 1) if blocks[k].rule is None), None)
        if j is None or blocks[j].gap_before or not blocks[j].ends or blocks[j].words > TEASER_MAX_WORDS or quoted(blocks[j].text):
            continue
        pairs.append((i, j))
    if not pairs:
        return  # (the article's words are counted only when such a pair stands in the body)
    stems = {i: _stems(b.text, stops) for i, b in enumerate(blocks) if b.rule is None}
    for i, j in pairs:
        rest: set[str] = set()
        for k, own in stems.items():
            if k != i and k != j:
                rest |= own
        head_shared = len(stems[i] & rest)
        body_shared = len(stems[j] & rest) / len(stems[j]) if stems[j] else 1.0
        if stems[i] and head_shared == 0 and body_shared <= TEASER_MAX_SHARED:
            why = f"not one word of the article's, {body_shared:.0%} of its summary's words the article's"
            blocks[i].drop("other-story", "context", f"a headline inside the body, {why}: another story's teaser")
            blocks[j].drop("other-story", "context", f"right under a headline of another story at line {blocks[i].line}: its summary")


def _subheadings(blocks: list[Block], first: int, last: int, cleaning: Cleaning, stops: frozenset[str]) -> None:
    """Short lines inside the body label the paragraph that follows; of a run of them only the last does."""
    pending: Block | None = None
    for i, block in enumerate(blocks):
        if block.rule is not None:
            continue
        if first <= i <= last and (block.heading_level is not None or _subheading(block, cleaning)):
            if pending is not None:
                pending.drop("stray-line", "context", "a short line in a run of them inside the body, labelling nothing")
            block.rule = "subheading"
            pending = block
        elif pending is not None:
            block.heading_above = pending.text
            pending = None


_WHOLLY_QUOTED = re.compile(r"[\"“‘'«](.+)[\"”’'»]")


def _subheading(block: Block, cleaning: Cleaning) -> bool:
    if block.words > cleaning.heading_max_words:
        return False
    stripped = block.text.rstrip()
    quoted_title = _WHOLLY_QUOTED.fullmatch(stripped)
    if quoted_title and not ends_sentence(quoted_title.group(1)) and _verbless(quoted_title.group(1)):
        return True  # a title in quotes ("'New beginning'"): a phrase with no verb and no stop, where a quoted sentence has both
    # a question: a short one, or one in capitals ("WHAT DO WE KNOW ABOUT THE SHIP THAT WAS INVOLVED?"), which a
    # body sentence in sentence case never is
    return not ends_sentence(stripped) or (stripped.endswith("?") and (block.words <= 8 or stripped.upper() == stripped != stripped.lower()))


# --- pieces glued onto body paragraphs ----------------------------------------------------------------


def cut_glued(blocks: list[Block], cleaning: Cleaning, stops: frozenset[str]) -> list[tuple[Block, str, str, str, str | None]]:
    """Furniture glued onto the body: a wire dateline opening the first paragraph ("Tripoli, Sept 22 (EFE). –")
    and a credit closing the last one ("… have failed. (dpa/NAN)"). Each is cut off its paragraph; returned
    as (block, cut text, rule, detail, role) for the caller to record."""
    cuts: list[tuple[Block, str, str, str, str | None]] = []
    _template_tags(blocks, cuts, stops)
    live = [b for b in blocks if b.rule is None and b.heading_level is None]
    prose = [b for b in live if is_prose(b, cleaning, stops)]
    if not prose:
        return cuts
    head = prose[1:] if _headline_first(blocks, prose[0]) else prose
    head = [b for b in head if not LIST_ITEM.match(b.text)]  # (a summary's bullets above the body open with no dateline)
    for first in head[:2]:  # the first may be a standfirst above the dateline
        m = WIRE_DATELINE.match(first.text[:200])
        if m is not None and len((m.group("place") or "").strip(".")) == 1:
            m = None  # ("A. – …": an initial, no place)
        if m is not None and m.group("agency") and initials_of(m.group("agency"), m.group("place") or ""):
            m = None  # ("The Harbour Pilots Association (HPA) - The union said …": a name and its initials, the body's)
        m = m or _TAG_DATELINE.match(first.text[:80])
        if m and _body_after(first.text[m.end():]):
            cuts.append((first, first.text[: m.end()].strip(), "wire-dateline", "a wire dateline opening the first paragraph", "dateline"))
            first.text = first.text[m.end():].strip()
            measure(first, stops)
            break
        body_at = _captioned_dateline(first.text)
        if body_at is not None:
            cuts.append((first, first.text[:body_at].strip(), "image-caption",
                         "a picture's caption and credit glued before the wire dateline opening the first paragraph", "caption"))
            first.text = first.text[body_at:].strip()
            measure(first, stops)
            break
    _dateline_dash(blocks, prose[0], cuts, stops)
    if head and head[0].rule is None:
        opening = head[0]
        at = leading_date_end(opening.text)
        if at is not None and _body_after(opening.text[at:]):
            cuts.append((opening, opening.text[:at].strip(), "dateline", "a date (and its label) run into the first paragraph's start",
                         "dateline"))
            opening.text = opening.text[at:]
            measure(opening, stops)
    for block in live:
        if block.line > prose[0].line:
            break
        at = handle_byline(block.text[:HEAD_BYLINE_CHARS])
        if at is None:
            continue
        lead = block.text[:at].rstrip(" |•·,–—-")
        if not lead:
            block.drop("byline", "evidence", "a name with its own handle after it: the byline", "byline")
            continue
        cuts.append((block, block.text[at:].strip(), "byline", "a name with its own handle after it, glued to the line above", "byline"))
        block.text = lead
        measure(block, stops)
        block.deck = block.words >= DECK_MIN_WORDS  # the page printed its deck and byline as one line
    for block in live:
        start = block.text[:FILE_NAME_MAX_CHARS].lower()
        m = _GLUED_FILE.match(block.text) if any(map(start.__contains__, _FILE_ENDS)) else None
        if m:
            cuts.append((block, m.group(), "image-file", "a picture's file name glued to the paragraph's start", "caption"))
            block.text = block.text[m.end():]
            measure(block, stops)
    last = prose[-1]
    end = last.text[-CREDITS_MAX_CHARS:]
    m = GLUED_CREDITS.search(end) if "by " in end else None
    if m and m.start() > 0:  # (the last prose paragraph, whatever furniture the page prints below it)
        # "… said on Monday. (Reporting by Jane Doe; Editing by John Roe)": the wire's credits, glued on
        cut = len(last.text) - len(end) + m.start()
        cuts.append((last, last.text[cut:].strip(), "credits", "the wire's credits closing the last paragraph", None))
        last.text = last.text[:cut].rstrip()
        measure(last, stops)
    m = _GLUED_CREDIT.search(last.text[-60:])
    if m and last is live[-1]:
        cut = len(last.text) - len(last.text[-60:]) + m.start()
        cuts.append((last, last.text[cut:].strip(), "glued-credit", "a credit closing the last paragraph", None))
        last.text = last.text[:cut].rstrip()
        measure(last, stops)
    return cuts


FILE_NAME_MAX_CHARS = 80
_FILE_ENDS = (".jp", ".png", ".gif", ".webp")  # (looked for in C before the pattern runs)
# "2008_07_sharpesjames.jpgSharpe James, the former …": a picture's file name run into the text after it
_GLUED_FILE = re.compile(r"[\w.-]{1,75}\.(?:jpe?g|png|gif|webp)(?=[\"“‘A-Z])", re.IGNORECASE)
# A page template's tags left in the text ("{{^adFree}}", "{% ad_slot %}"): template syntax, never prose.
_TEMPLATE_TAG = re.compile(r"\s*(?:\{\{[^{}\n]{1,80}\}\}|\{%[^{}\n]{1,80}%\})")


def _template_tags(blocks: list[Block], cuts: list[tuple[Block, str, str, str, str | None]], stops: frozenset[str]) -> None:
    """Template tags go wherever they stand: a block of nothing else is dropped, tags glued into a paragraph are
    cut out of it (recorded in `cuts`)."""
    for block in blocks:
        if block.rule is not None or "{" not in block.text:
            continue
        tags = [m.group(0).strip() for m in _TEMPLATE_TAG.finditer(block.text)]
        if not tags:
            continue
        rest = _TEMPLATE_TAG.sub("", block.text).strip()
        if not _HAS_LETTER.search(rest):
            block.drop("template-code", "evidence", "only a page template's tags ({{ }} or {% %})")
            continue
        cuts.append((block, " ".join(tags), "template-code", "a page template's tags ({{ }} or {% %}) inside the paragraph", None))
        block.text = rest
        measure(block, stops)


_STOP_MARK = re.compile(r"[.!?…]")
_BARE_DASH = re.compile(r"^[-–—]{1,2}\s+(?=[\"“‘'A-Z0-9])")


def _headline_first(blocks: list[Block], block: Block) -> bool:
    """The page's first block, a line with no stop at its end, is the headline (cut later as the title), not
    the body's first paragraph: the dateline may open the paragraph after it (and after a standfirst)."""
    return block is blocks[0] and not block.text.rstrip().endswith((".", "!", "?", "…", "”", '"', "’", ":"))


def _dateline_dash(blocks: list[Block], first: Block, cuts: list[tuple[Block, str, str, str, str | None]],
                   stops: frozenset[str]) -> None:
    """A dateline on a line of its own ("Wednesday, March 27, 2024") whose dash the page put at the start of
    the next line ("– The Coast Guard said …"): with the dateline gone, the body's first paragraph does not
    open with the bare dash."""
    m = _BARE_DASH.match(first.text)
    if m is None:
        return
    at = next(i for i, b in enumerate(blocks) if b is first)
    if at == 0 or blocks[at - 1].role != "dateline":
        return
    cuts.append((first, first.text[: m.end()].strip(), "dateline-dash", "the dash of the dateline cut above, opening the first paragraph", None))
    first.text = first.text[m.end():]
    measure(first, stops)


def _body_after(text: str) -> bool:
    """What a dateline opens is a sentence: several words and a full stop, where a label in capitals before a
    headline ("UPDATE: Governor says toll will rise ‘significantly’") has none."""
    return word_count(text) >= SENTENCE_MIN_WORDS and _STOP_MARK.search(text) is not None


_CREDIT_DASH = re.compile(r"[.!?][\"”’)]*\s*[—–]\s*(?=[A-Z])")  # "… lifts off on July 14, 2023. — AFP"
CREDIT_DASH_CHARS = 400  # the caption before the credit is a sentence or two
CREDIT_TO_DATELINE = 40  # the credit between the dash and the dateline: an agency or a photographer's name


def _captioned_dateline(text: str) -> int | None:
    """Where the body starts when a page glued a picture's caption and credit before the wire dateline of its
    first paragraph ("A rocket lifts off on July 14. — AFPBENGALURU, India: India on Wednesday …"): a sentence
    or two, a dash and a capitalised credit, then a dateline (`WIRE_DATELINE`) and the body. None without."""
    m = _CREDIT_DASH.search(text, 0, CREDIT_DASH_CHARS)
    if m is None or len(sentences(text[: m.start() + 1])) > CAPTION_MAX_SENTENCES or word_count(text[: m.start()]) > CAPTION_MAX_WORDS:
        return None
    for at in range(m.end() + 1, min(len(text), m.end() + CREDIT_TO_DATELINE)):
        # (the credit may be glued to the place: "AFPBENGALURU"; every split ends the dateline at the same place)
        if not text[at].isupper() or not (text[at - 1].isupper() or text[at - 1] == " "):
            continue
        d = WIRE_DATELINE.match(text[at:at + 200])  # (a pattern anchored with ^ matches only at a slice's start)
        if d and len((d.group("place") or "").strip(".")) > 1 and _body_after(text[at + d.end():]):
            return at + d.end()
    return None


HEAD_BYLINE_CHARS = 400  # a byline glued to a deck stands within the deck's length
_HANDLE = re.compile(r"\s\((@?[\w.]{3,30})\)")
_CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")


def handle_byline(text: str) -> int | None:
    """Where a byline starts that writes a name followed by the same name as a social-media handle ("Jane Doe
    (JaneDoe)", "Jane Doe (@janedoe)"): the author and the handle agree, whatever the outlet. None without one."""
    for m in _HANDLE.finditer(text):
        handle = m.group(1).lstrip("@").replace(".", "").replace("_", "").lower()
        words = text[: m.start()].split()
        for size in (2, 3, 4):
            name = words[-size:]
            if len(name) == size and all(_CAPITALISED.match(w) for w in name) and "".join(name).replace(".", "").replace("-", "").replace("'", "").replace("’", "").lower() == handle:
                return len(" ".join(words[:-size])) if words[:-size] else 0
    return None


def title_suffix(title: str) -> tuple[str, str | None]:
    """"HSBC buys UK operations of SVB – POLITICO" -> (the title, "POLITICO"): a site name after " | ", or in
    capitals after a dash. A name in ordinary case after a dash is the headline's own ("… - Rosatom")."""
    for separator in (" | ", " – ", " — ", " - "):
        head, sep, tail = title.rpartition(separator)
        tail = tail.strip()
        if not sep or not head.strip() or not 1 <= len(tail.split()) <= 3:
            continue
        if separator == " | " or (tail.isupper() and sum(ch.isalpha() for ch in tail) >= 3):
            return head.strip(), tail
    return title, None
