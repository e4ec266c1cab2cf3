"""Capitalisation of titles in APA 7: sentence case for works, title case for periodicals.

A word is lowered only when it is known to be a common English word: the English word lists
of ``english-words`` (Webster's Second International and GCIDE) say so, for the word or its
stem ("Crowds" -> crowd, "Gleaned" -> glean), and it is not a country's name (``pycountry``)
or one of the names that are also words (China, Turkey, Brown). It keeps its capital when it starts a title or
follows a colon, a dash or a question mark; when it is an acronym (COVID-19, UK), has inner
capitals (iPhone, McDonald) or is a proper noun the lists know (English, Victorian); when the
essay shows it capitalised mid-sentence or it names an author (``keep``); and whenever the
lists do not know it at all. Unsure means kept: a correction never lowercases a name.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

__all__ = ["PROPER_WORDS", "essay_proper_words", "sentence_case", "is_title_case", "is_all_capitals", "capitalised_after_colons", "is_english", "is_common", "journal_title_case",
           "proper_words", "MINOR_WORDS"]

# Words APA 7's title case leaves in lower case (articles, short conjunctions and prepositions).
MINOR_WORDS = frozenset("a an and as at but by for from if in into nor of off on or per so the to up via vs with yet".split())
# Function words of other languages: a title with them and no English one is left alone.
_FOREIGN_WORDS = frozenset("""de da do dos das del della di des du la le les et y und der die das für mit ein eine
zur zum im ve van voor het een och på av och för el los las una en para por con sur dans pour est""".split())
_ENGLISH_FUNCTION_WORDS = MINOR_WORDS | frozenset("""is are was were be been being do does did how why what when
where who whom which that this these those not no it its their our your his her we they you i can could will would
should may might must than then about after before between through over under among within without toward towards
against during across""".split())
# Common words of today the older word lists lack.
_MODERN_WORDS = frozenset("""app apps blog blogs online offline website websites software smartphone smartphones
email emails internet database databases wellbeing covid pandemic podcast podcasts selfie selfies
download downloads upload uploads dataset datasets workflow workflows workplace teamwork healthcare
multimedia videogame videogames cyberbullying microblogging livestream livestreaming""".split())
# Names that are also ordinary words, which a word list cannot tell apart: places, groups APA
# capitalises (Black, White, Indigenous), and family names common in titles. Always kept.
_NAMES_THAT_ARE_WORDS = frozenset("""turkey jordan guinea nice bath reading mobile china chile georgia chad niger
wales black white indigenous aboriginal brown smith young green king bell hall rice wood hill cook baker miller
taylor parker turner carter mason bush may march god bible""".split())
_PROPER_EXTRA = _NAMES_THAT_ARE_WORDS | frozenset(m.lower() for m in (*calendar.month_name[1:], *calendar.day_name))
_SENTENCE_BREAK = re.compile(r"[:?!\u2014\u2013]$|^[\u2014\u2013]+$")
_WORD = re.compile(r"^(?P<before>[^\w]*)(?P<core>[\w'\u2019.-]*?)(?P<after>[^\w]*)$")


@lru_cache(maxsize=1)
def _word_lists() -> tuple[set[str], set[str], frozenset[str]]:
    """Webster's list and GCIDE (as english-words gives them, capitals kept) and the countries'
    one-word names in lower case; loaded once, in about a tenth of a second."""
    import pycountry
    from english_words import get_english_words_set

    countries = frozenset(name.lower() for country in pycountry.countries
                          for name in (country.name, getattr(country, "common_name", ""))
                          if name and " " not in name and "," not in name)
    return get_english_words_set(["web2"], lower=False), get_english_words_set(["gcide"], lower=False), countries


def _is_proper(lowered: str) -> bool:
    """A name: a country's, one of the names that are also words, or a word Webster's list knows
    only with its capital (GCIDE capitalises every headword, so only Webster's tells)."""
    webster, gcide, countries = _word_lists()
    if lowered in _PROPER_EXTRA or lowered in countries:
        return True
    return lowered.capitalize() in webster and not _in_lists(lowered)


def _in_lists(lowered: str) -> bool:
    webster, gcide, _ = _word_lists()
    return lowered in webster or lowered in gcide or lowered in _MODERN_WORDS


@lru_cache(maxsize=1)
def _country_phrases() -> frozenset[str]:
    """Countries' names of several words, in lower case ("united states", "south africa")."""
    import pycountry

    return frozenset(name.lower() for country in pycountry.countries
                     for name in (country.name, getattr(country, "common_name", ""))
                     if name and " " in name and "," not in name and "(" not in name)


@lru_cache(maxsize=16)
def _names_pattern(keep: frozenset[str]) -> re.Pattern:
    """One pattern for every name of several words: the countries' and those in ``keep``."""
    phrases = sorted(_country_phrases() | {k for k in keep if " " in k}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


_TWO_CAPITALISED = re.compile(r"[A-Z]\S*\s+(?:(?:of|and|the)\s+)?[A-Z]")


def _protected(title: str, keep: frozenset[str]) -> set[int]:
    """Offsets of the words of ``title`` inside a name of several words, written with capitals:
    a country's ("United States") or one the essay shows (``keep`` entries with a space)."""
    offsets: set[int] = set()
    if not _TWO_CAPITALISED.search(title):
        return offsets
    for match in _names_pattern(keep).finditer(title):
        words = list(re.finditer(r"\S+", match.group()))
        if all(w.group()[:1].isupper() or w.group().lower() in MINOR_WORDS for w in words):
            offsets.update(match.start() + w.start() for w in words)
    return offsets


def _stems(word: str) -> list[str]:
    """``word`` (lower case) and what it may be an inflection of."""
    stems = [word]
    for suffix, replacements in (("'s", ("",)), ("\u2019s", ("",)), ("ies", ("y",)), ("es", ("", "e")),
                                 ("s", ("",)), ("ied", ("y",)), ("ed", ("", "e")), ("ing", ("", "e")),
                                 ("ly", ("",)), ("ness", ("",)), ("ment", ("",)), ("er", ("", "e"))):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            stems.extend(base + r for r in replacements)
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiousl":  # "stopped" -> stop
                stems.append(base[:-1])
    return stems


@lru_cache(maxsize=65536)
def is_common(word: str) -> bool:
    """Whether ``word`` is known as an ordinary English word (not a name)."""
    lowered = word.lower()
    if _is_proper(lowered):
        return False
    return any(_in_lists(stem) for stem in _stems(lowered))


def _keeps_capital(core: str, keep: frozenset[str]) -> bool:
    """Whether a capitalised word of a title keeps its capital in sentence case."""
    letters = [c for c in core if c.isalpha()]
    if not letters or not core[:1].isupper():
        return True
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True  # an acronym: COVID-19, UK, APA
    if any(c.isupper() for c in core[1:] if c.isalpha()) or any(c.isdigit() for c in core):
        return True  # inner capitals or digits: McDonald, iPhone, H1N1
    bare = core.rstrip(".").replace("\u2019", "'")
    if bare.lower() in keep or bare.lower().removesuffix("'s") in keep:
        return True
    return not is_common(bare)


def _pieces(title: str) -> list[tuple[str, bool, int]]:
    """The title's tokens with whether each starts a sentence (the first, after : ? ! or a dash)
    and where it stands."""
    pieces, starts, at = [], True, 0
    for token in re.split(r"(\s+)", title):
        if not token or token.isspace():
            pieces.append((token, False, at))
        else:
            pieces.append((token, starts, at))
            starts = bool(_SENTENCE_BREAK.search(token))
        at += len(token)
    return pieces


def _convert(token: str, starts: bool, keep: frozenset[str]) -> str:
    """One whitespace-separated token in sentence case (its hyphenated and dashed parts too)."""
    parts = re.split(r"([-\u2014\u2013/])", token)
    out = []
    for n, part in enumerate(parts):
        if n % 2:
            out.append(part)
            continue
        first = starts and n == 0 or n >= 2 and parts[n - 1] in "\u2014\u2013"
        match = _WORD.match(part)
        if not match or not match["core"]:
            out.append(part)
            continue
        core = match["core"]
        if not first and not _keeps_capital(core, keep):
            core = core[0].lower() + core[1:]
        out.append(match["before"] + core + match["after"])
    return "".join(out)


def sentence_case(title: str, keep: frozenset[str] = frozenset()) -> str:
    """``title`` in sentence case; ``keep`` holds words and names of several words (lower case)
    known to be proper nouns."""
    protected = _protected(title, keep)
    return "".join(token if token.isspace() or not token or at in protected else _convert(token, starts, keep)
                   for token, starts, at in _pieces(title))


def _content_words(title: str, keep: frozenset[str] = frozenset()) -> list[str]:
    """The cores of the title's words that title case capitalises, except sentence starts."""
    words = []
    protected = _protected(title, keep)
    for token, starts, at in _pieces(title):
        if not token.strip() or starts or at in protected:
            continue
        for n, part in enumerate(re.split(r"[-\u2014\u2013/]", token)):
            match = _WORD.match(part)
            core = match["core"] if match else ""
            if n and (len(core) <= 2 or core[:1].islower()):
                continue  # after a hyphen either case is title case: "E-commerce", "Self-Determination"
            if core and any(c.isalpha() for c in core) and core.lower() not in MINOR_WORDS:
                words.append(core)
    return words


def is_title_case(title: str, keep: frozenset[str] = frozenset()) -> bool:
    """Whether ``title`` is written in title case: its major words after the first capitalised
    (at most one in four of them left in lower case), at least two of them ordinary words that
    sentence case would lower."""
    words = _content_words(title, keep)
    if len(words) < 2 or is_all_capitals(title):
        return False
    lowered = sum(w[:1].islower() and not any(c.isupper() for c in w) for w in words)
    if sum(w[:1].isupper() for w in words) < max(2, 3 * lowered):
        return False  # decided without the word lists, which load in a third of a second
    capitals = sum(not _keeps_capital(w, keep) for w in words)
    # Title case as students write it may leave a word or two in lower case ("… Detection using
    # Machine Learning"); a sentence-case title has more of them than stray capitals.
    return capitals >= 2 and capitals >= 3 * lowered and is_english(title)


_LOWER_AFTER_COLON = re.compile(r"(:\s+[\"'“‘(]?)([a-z][a-z'’]*)\b(?![-\w])")


def capitalised_after_colons(title: str) -> str:
    """``title`` with the first word after each colon capitalised, where it is an ordinary word
    in lower case ("Weather impacts: a quantitative analysis" -> "…: A quantitative analysis");
    words such as "iPhone" or "e-learning" are left as they are."""
    def capitalise(match: re.Match) -> str:
        word = match[2]
        return match[1] + (word[0].upper() + word[1:] if is_common(word) else word)

    if not _LOWER_AFTER_COLON.search(title) or not is_english(title):
        return title
    return _LOWER_AFTER_COLON.sub(capitalise, title)


def is_all_capitals(title: str) -> bool:
    """Whether ``title`` is written in capitals throughout (three words or more)."""
    letters = [w for w in re.findall(r"[^\W\d_]{2,}", title)]
    return len(letters) >= 3 and all(w.isupper() for w in letters)


def is_english(title: str) -> bool:
    """Whether ``title`` reads as English: no function words of another language without English
    ones, and most of its words known to the English word lists."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", title)]
    if not words:
        return False
    foreign = sum(w in _FOREIGN_WORDS and w not in _ENGLISH_FUNCTION_WORDS for w in words)
    if foreign and foreign >= sum(w in _ENGLISH_FUNCTION_WORDS for w in words):
        return False
    known = sum(w in MINOR_WORDS or _is_proper(w) or is_common(w) for w in words)
    return known >= 0.6 * len(words)


def journal_title_case(name: str) -> str:
    """A periodical's name in title case: major words capitalised ("Organization science" ->
    "Organization Science"); capitals already there, acronyms and names such as "iScience" kept.
    A name in another language keeps its own capitals ("Revista de Saúde Pública")."""
    words = name.split(" ")
    if "/" in name or not name.isascii() or any(w.lower() in _FOREIGN_WORDS for w in words):
        return name
    out = []
    for k, word in enumerate(words):
        bare = word.strip("()[],.:;")
        if k and bare.lower() in MINOR_WORDS or not bare[:1].islower() or any(c.isupper() for c in bare):
            out.append(word)
        else:
            at = word.index(bare[0])
            out.append(word[:at] + bare[0].upper() + word[at + 1:])
    return " ".join(out)


_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;)] )([A-Z][a-z]+)(?:'s)?\b")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_MID_SENTENCE_NAME = re.compile(r"(?<=[a-z,;)] )([A-Z][a-z]+(?: (?:of |and )?[A-Z][a-z]+)+)")


def _is_heading(text: str) -> bool:
    """A short line without a sentence's end whose words are mostly capitalised."""
    words = text.split()
    return 0 < len(words) <= 20 and not text.rstrip().endswith((".", "!", "?")) and (
        sum(w[:1].isupper() for w in words) * 2 > len(words))


_QUOTED = re.compile(r"[\"“][^\"“”]{10,300}[\"”]")
PROPER_WORDS = "proper-words"  # the key under which a check keeps them (CheckContext.memo, Report.memo)


def essay_proper_words(paragraphs, references) -> frozenset[str]:
    """:func:`proper_words` of an essay: its body paragraphs' text and its authors' family names."""
    return proper_words((p.text for p in paragraphs), [name for ref in references for name in ref.family_names])


def proper_words(texts, names=()) -> frozenset[str]:
    """Words (lower case) an essay shows to be proper nouns: capitalised in the middle of a
    sentence of ``texts`` (its body paragraphs) and never written in lower case there, names of
    several such words ("United Nations", "World Health Organization") never written in lower
    case, and ``names`` (its authors' family names). A word a student capitalises for emphasis ("Machine
    Learning") but also writes in lower case is not taken for a name."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    phrases: set[str] = set()
    texts = list(texts)
    for text in texts:
        lower.update(_LOWER_WORD.findall(text))
        if _is_heading(text):
            continue  # a heading in title case ("Water Quality Monitoring Using Zigbee") names nothing
        text = _QUOTED.sub(" ", text)  # nor does a title quoted in title case ("Perception of Body Weight …")
        found = _MID_SENTENCE_NAME.findall(text)
        phrases.update(match.lower() for match in found)
        alone = _MID_SENTENCE_NAME.sub(" ", text)  # a word of a name is not a name on its own
        capitalised.update(match.lower() for match in _MID_SENTENCE_CAPITAL.findall(alone))
    written_lower = " ".join(texts)
    phrases = {p for p in phrases if p not in written_lower}  # "Machine Learning" also written "machine learning"
    return frozenset(capitalised - lower) | phrases | {name.lower() for name in names if name}
