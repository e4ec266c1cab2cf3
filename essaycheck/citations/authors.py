"""Is this text an author list, and where does a narrative author's name start?

Both questions are answered on spaCy tokens of a short window (never a whole
paragraph): capitalisation, stop words and number-likeness of each token, plus
the small word lists of :mod:`.lexicon`. ``known`` holds folded names from the
reference list; it only ever turns a doubtful candidate into a name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..names import fold
from .lexicon import COMMON_NOUNS, DISCOURSE, GROUP_HEADS, GROUP_JOINERS, PARTICLES, TITLES
from .nlp import tokenize

MAX_AUTHOR_CHARS = 200
MAX_AUTHORS = 25
_KNOWN_SPAN_TOKENS = 12  # longest group name looked up in the reference list, in tokens

_ABBREVIATION = re.compile(r"\s*\[\s*([^\[\]]{1,40}?)\s*\]\s*$")
_ABBREVIATION_INSIDE = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)\s*(?=\S)")
_ET_AL = re.compile(r",?\s+et\.?\s*al(?:\.|(?!\w))\s*$", re.IGNORECASE)  # "et al.", and "et. al", "et.al." slips
_INITIAL = re.compile(r"^[A-Z]\.(?:-?[A-Z]\.)*$")
_LEADING_INITIAL = re.compile(r"^(?!St\.)(?:[A-Z][a-z]?\.)(?:-?[A-Z]\.)*$")  # "M.", "J.-W.", "Ch." before a name
_GLUED_INITIAL = re.compile(r"(?<=\b[A-Z]\.)(?=[A-Z][a-z])")  # "S. G.Hate"
_ET_AL_LOOSE = re.compile(r"(?:\s+et\.\s*al\.?|\s+et\s*\.al\.?|\s+et\.al\.?|\s+&\s*al\.?)(?=\s*,?\s*$)",
                          re.IGNORECASE)  # "et. al", "et.al.", "& al." (French "et al.")
_TRAILING_INITIAL = re.compile(r"^[A-Z]{1,2}\.?(?:-?[A-Z]\.)*$")  # "D.", "R", "DR" after a family name
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’\-‐‑])*$")  # Word's non-breaking hyphen too: "Abdoul‑Karim"
_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,4}$")  # "U.S.", "U.K." in a group's name
_HYPHENS = frozenset("-‐‑")
_POSSESSIVE = frozenset(("'s", "’s", "'", "’"))


@dataclass(frozen=True)
class Names:
    """Names read from a citation, as written, with the marks around them."""

    names: tuple[str, ...]
    start: int = 0  # offset of the name (or its initials) in the text that was read
    et_al: bool = False
    connector: str = ""
    abbreviation: str = ""
    possessive: bool = False
    comma: bool = False  # a comma between the names and "(" — the narrative slip


def _quoted_title(text: str) -> str | None:
    """'"Digital Skills,"' -> 'Digital Skills': a work without author is cited by its quoted title."""
    text = text.strip()
    if len(text) > 2 and text[0] in "\"\u201c" and text[-1] in "\"\u201d":
        title = text[1:-1].rstrip(",").strip()
        if title and title[0].isupper() and '"' not in title and "\u201c" not in title:
            return title
    return None


def _is_word(token) -> bool:
    return _WORD.match(token.text) is not None and not token.like_num


def _is_initialism(token) -> bool:
    return _INITIALISM.match(token.text) is not None


def _is_capitalised(token) -> bool:
    """Title case, all caps or "McDonald": spaCy's is_title/is_upper, plus inner capitals."""
    return _is_word(token) and (token.is_title or token.is_upper or token.text[0].isupper())


def _is_known(text: str, known: frozenset[str]) -> bool:
    return bool(known) and fold(text) in known


def _plain_word(token, known: frozenset[str]) -> bool:
    """A capitalised word that is not a month, a common noun or a stop word ("In", "The")."""
    if _is_known(token.text, known):
        return True
    if not _is_capitalised(token):
        return False
    return not token.is_stop and fold(token.text) not in COMMON_NOUNS


# --- names inside a parenthesis: "Smith & Lee", "American Psychological Association [APA]" -----


@functools.lru_cache(maxsize=4096)
def read_names(text: str, known: frozenset[str] = frozenset(), *, bare: bool = False) -> Names | None:
    """The author list written before the year in ``(… , 2019)``, or None if it is not one.

    ``bare`` is set when no comma separates the names from the year ("(Smith 2019)");
    a single bare word must then look like a surname (or be in ``known``).
    """
    if not text or len(text) > MAX_AUTHOR_CHARS:
        return None
    if (title := _quoted_title(text)) is not None:
        return Names((title,))
    abbreviation = ""
    if (found := _ABBREVIATION.search(text)) is not None:
        abbreviation, text = found.group(1), text[:found.start()]
    elif (found := _ABBREVIATION_INSIDE.search(text)) is not None:  # "Uniform Crime Reporting (UCR) Program"
        abbreviation, text = found.group(1), f"{text[:found.start()]} {text[found.end():]}".strip()
    et_al = False
    if (found := _ET_AL.search(text)) is not None:
        et_al, text = True, text[:found.start()]
    if not text:
        return None
    if _is_known(text, known):
        return Names((text,), et_al=et_al, abbreviation=abbreviation)

    text = _GLUED_INITIAL.sub(" ", text)
    tokens = tokenize(text)
    group = any(t.lower_ in GROUP_HEADS for t in tokens)
    chunks: list[list] = [[]]
    connector = ""
    for token in tokens:
        separator = token.text == "&" or (not group and (token.lower_ == "and" or token.text == ","))
        if separator:
            if token.text != ",":
                connector = "&" if token.text == "&" else "and"
            if chunks[-1]:
                chunks.append([])
        else:
            chunks[-1].append(token)
    chunks = [c for k, c in enumerate(chunks) if c and not (k and not group and _initials_only(c))]
    if not chunks or len(chunks) > MAX_AUTHORS:
        return None  # ("Smith, J., 2019", "Gashi, S. et al."): initials after a name, which citation-form names
    names = []
    for chunk in chunks:
        name = _chunk_name(text, chunk, known, group=group)
        if name is None:
            return None
        names.append(name)
    if bare and not (et_al or connector or _plausible_bare(names[0], chunks[0], known, group)):
        return None
    return Names(tuple(names), et_al=et_al, connector=connector, abbreviation=abbreviation)


def _initials_only(chunk: list) -> bool:
    """"J.", "R. W.", "J.-P.": a person's initials standing on their own between commas."""
    return all(_TRAILING_INITIAL.match(token.text) and token.text.endswith(".") or token.text == "."
               for token in chunk)


def _chunk_name(text: str, chunk: list, known: frozenset[str], *, group: bool) -> str | None:
    """One name from its tokens ("M. Chen" -> "Chen", "van Merriënboer"), or None.

    Initials and titles are not part of it, before or after: "Dr. Mala K." and "Pandian D. R."
    (a slip APA 7 does not allow, which a citation-form finding would name) still give the name.
    """
    while len(chunk) > 2 and re.fullmatch(r"[A-Z][a-z]?", chunk[0].text) and chunk[1].text == "." and (
            chunk[1].idx == chunk[0].idx + len(chunk[0].text)) and not group:
        chunk = chunk[2:]  # "Ch. Pavan Kumar": the tokenizer splits "Ch." in two
    while chunk and (_LEADING_INITIAL.match(chunk[0].text) and not (group and _is_initialism(chunk[0]))
                     or fold(chunk[0].text) in TITLES) and len(chunk) > 1:
        chunk = chunk[1:]  # "M. Chen" -> "Chen", but "U.S. Department of Education" keeps "U.S."
    while len(chunk) > 1 and not group and _TRAILING_INITIAL.match(chunk[-1].text):
        chunk = chunk[:-1]  # "Pandian D. R." -> "Pandian"
    name = text[chunk[0].idx:chunk[-1].idx + len(chunk[-1].text)]
    if _is_known(name, known):
        return name
    last = chunk[-1]
    if not _is_capitalised(last):
        return None
    for i, token in enumerate(chunk):
        if token.text in _HYPHENS:
            if i == 0 or i == len(chunk) - 1:
                return None
        elif _is_capitalised(token) or group and _is_initialism(token):
            continue
        elif token.lower_ in PARTICLES and _is_word(token):
            continue
        elif group and token.lower_ in GROUP_JOINERS and 0 < i < len(chunk) - 1:
            continue
        else:
            return None  # digits, "=", "%", lower-case words: "(n = 2019)", "(in 2019)"
    if len(chunk) == 1 and not _plain_word(last, known):
        return None
    return name


def _plausible_bare(name: str, chunk: list, known: frozenset[str], group: bool) -> bool:
    """"(Smith 2019)" yes; "(June 2020)", "(Windows 2000)", "(PISA 2018)" no."""
    if _is_known(name, known):
        return True
    words = [t for t in chunk if _is_word(t)]
    if len(words) == 1:
        word = words[0]
        return word.is_title and len(word.text) > 1 and _plain_word(word, known)
    if group:
        return True
    return any(t.lower_ in PARTICLES for t in words[:-1])  # "(van Dijk 2019)"


# --- narrative names: "as Raj et al., (2017)", "the OECD (2019)", "Braun and Clarke (2006)" ----


@functools.lru_cache(maxsize=4096)
def read_names_before(text: str, known: frozenset[str] = frozenset()) -> Names | None:
    """The author names that end ``text`` (the words right before "(2019)"), or None."""
    et_al = False
    loose = _ET_AL_LOOSE.search(text)
    if loose:  # "Smith et. al." / "Smith et.al.": read as "Smith et al." (and "et. al.," keeps its comma)
        comma = "," if "," in text[loose.end():] else ""
        text, et_al = text[:loose.start()].rstrip() + " et al." + comma, True
    tokens = tokenize(text)
    i = len(tokens) - 1
    comma = possessive = False
    abbreviation = ""
    if i >= 0 and tokens[i].text == ",":
        comma, i = True, i - 1
    if i >= 0 and tokens[i].text in _POSSESSIVE:
        possessive, i = True, i - 1
    if i >= 2 and tokens[i].text == "]" and tokens[i - 2].text == "[":
        abbreviation, i = tokens[i - 1].text, i - 3
    if i >= 2 and tokens[i].text == "." and tokens[i - 1].lower_ == "al" and tokens[i - 2].lower_ == "et":
        et_al, i = True, i - 3
    elif i >= 1 and tokens[i].lower_ in ("al", "al.") and tokens[i - 1].lower_ == "et":
        et_al, i = True, i - 2

    names: list[str] = []
    start = -1
    connector = ""
    serial = False
    while i >= 0:
        found = _name_before(text, tokens, i, known, in_list=bool(connector))
        if found is None:
            break
        first, name = found
        names.append(name)
        start, i = tokens[first].idx, first - 1
        if et_al or i < 0:
            break
        # Only "A and B", "A & B" or "A, B, and C": a bare comma without a final
        # "and" is punctuation of the sentence ("Recently, Smith (2020)").
        if tokens[i].text == "&" or tokens[i].lower_ == "and":
            if connector:
                break
            step = 2 if i >= 1 and tokens[i - 1].text == "," else 1
            if i - step < 0 or _name_before(text, tokens, i - step, known) is None:
                break
            connector = "&" if tokens[i].text == "&" else "and"
            serial = step == 2
            i -= step
        elif tokens[i].text == "," and i >= 1 and (
                found := _name_before(text, tokens, i - 1, known, in_list=serial)) and (
                connector and serial or _is_known(found[1], known) and _is_known(names[-1], known)
                and fold(found[1]) not in DISCOURSE):
            # "Smith, Lee, and Park": a list goes on past a comma after ", and", or between listed
            # names ("Tinati, Halford, Carr, Pope (2016)", every author written, no "and")
            i -= 1
        else:
            break
    if not names:
        return None
    return Names(tuple(reversed(names)), start=start, et_al=et_al, connector=connector,
                 abbreviation=abbreviation, possessive=possessive, comma=comma)


def _name_before(text: str, tokens: list, i: int, known: frozenset[str], *,
                 in_list: bool = False) -> tuple[int, str] | None:
    """``(index of the name's first token, name)`` for the name ending at ``tokens[i]``.

    ``in_list``: the name stands in a list of authors ("Guo, Zou, He, Tan, & Feng"), where a
    capitalised word between commas is a name even when it is also a common word ("He", "Born").
    """
    end = tokens[i].idx + len(tokens[i].text)
    if known:
        for j in range(max(0, i - _KNOWN_SPAN_TOKENS), i + 1):
            if (_is_word(tokens[j]) or _is_initialism(tokens[j])) and _is_known(text[tokens[j].idx:end], known):
                return j, text[tokens[j].idx:end]
    if not _is_capitalised(tokens[i]):
        return None
    group = _group_before(tokens, i)
    if group is not None:
        return group, text[tokens[group].idx:end]
    if not _plain_word(tokens[i], known) and not (
            in_list and _is_word(tokens[i]) and (i == 0 or tokens[i - 1].text == ",")):
        return None
    first = i
    while first >= 2 and tokens[first - 1].text in _HYPHENS and _is_word(tokens[first - 2]):
        first -= 2  # "Smith-Jones", "al-Farabi"
    while first >= 1 and tokens[first - 1].lower_ in PARTICLES and _is_word(tokens[first - 1]) and not (
        first >= 2 and tokens[first - 2].lower_ == "et"
    ):
        first -= 1  # "van Merriënboer", "Van der Berg"
    name = text[tokens[first].idx:end]
    # Capitalised words before the surname are given names ("Brené Brown") or titles
    # ("Professor Smith"), but after "the" they make a proper noun: "the Great Recession".
    before = first - 1
    while before >= 0 and _is_capitalised(tokens[before]) and not tokens[before].is_stop \
            and fold(tokens[before].text) not in TITLES:
        before -= 1
    if before < first - 1 and before >= 0 and tokens[before].lower_ == "the" and not _is_known(name, known):
        return None
    while first >= 1 and _INITIAL.match(tokens[first - 1].text):
        first -= 1  # "M. Chen (personal communication, …)"
    return first, name


def _group_before(tokens: list, i: int) -> int | None:
    """Start of a group author ending at ``tokens[i]`` ("World Health Organization"), if any."""
    first = i
    j = i - 1
    while j >= 0 and i - j < _KNOWN_SPAN_TOKENS:
        token = tokens[j]
        if _is_capitalised(token) and not token.is_stop or _is_initialism(token):
            first = j  # "U.S. Department of Education"
        elif not (token.lower_ in GROUP_JOINERS or token.text in _HYPHENS):
            break
        j -= 1
    joins = [k for k in range(first, i + 1) if tokens[k].text == "&" or tokens[k].lower_ == "and"]
    if joins and not any(t.lower_ in GROUP_HEADS for t in tokens[first:joins[-1]]):
        first = joins[-1] + 1  # "Smith and Page Group": the group starts after "and"
    while first < i and (fold(tokens[first].text) in DISCOURSE or fold(tokens[first].text) in TITLES
                         or not (_is_capitalised(tokens[first]) or _is_initialism(tokens[first]))):
        first += 1  # "According to …", "Professor …"
    words = [t for t in tokens[first:i + 1] if _is_word(t)]
    if len(words) < 2 or not any(t.lower_ in GROUP_HEADS for t in words):
        return None
    return first
