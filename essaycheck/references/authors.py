"""The author part of an entry: people ("Family, I. I."), group authors, editors as authors.

Everything here works on one comma-separated list, token by token, so it stays linear on any
input. A list is read as people only when every name pairs with initials (or a given name);
otherwise it is a group author ("World Health Organization.") or, for works without an
author, the title that APA moves into the author position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import slips
from ..model import Author

_LETTER = r"[^\W\d_]"
# "N. J.", "J.-W.", "d. m.", "Th.", or an initial whose period was forgotten ("J").
_INITIAL = rf"{_LETTER}(?:{_LETTER}?\.|(?=[\s\-‐]|$))"
_INITIALS = re.compile(rf"{_INITIAL}(?:\s?[\-‐]{_INITIAL})?(?:\s*{_INITIAL}(?:\s?[\-‐]{_INITIAL})?)*")  # "M. -A."
_INITIALS_PREFIX = re.compile(rf"(?:{_LETTER}\.(?:[\-‐]{_LETTER}\.)?\s?)+")
_SUFFIX = re.compile(r"(?:Jr|Sr)\.?|JR\.|SR\.|I{2,3}|IV")  # "JR" without a period is Vancouver initials
_INITIALS_AND_SUFFIX = re.compile(r"(?P<initials>.+?),?\s+(?P<suffix>(?:Jr|Sr)\.?|I{2,3}|IV)")
# Separators between names: commas, "&" and "and", in any of the combinations students write.
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:&|and\b)|&|\band\b(?=\s)|,)\s*", re.IGNORECASE)
_ELLIPSIS = re.compile(r"(?<![^\W\d_])\.\s?\.\s?\.|…")
_EDITOR_MARK = re.compile(r"\s*(?:\((?:Eds?|eds?|Hrsg|Hg)\.?\)|,?\s(?:Eds?|eds?|Hrsg|Hg)\.)\s*[.:,]?\s*$")
# "———. (2004)." or "--- (1986)": the same authors as the entry before (not APA 7, which repeats them).
REPEATED_AUTHORS = re.compile(r"[-‐‑–—_]{2,}\.?")
# Looser separators for other author–date styles: semicolons, "und", slashes.
_LOOSE_SEPARATOR = re.compile(r"\s*(?:[,;]\s*(?:&|and\b|und\b)|&|\b(?:and|und)\b(?=\s)|[,;/])\s*", re.IGNORECASE)
# Vancouver-style initials with no periods: "RG" in "Halliday RG".
_BARE_INITIALS = re.compile(r"[A-Z]{1,3}")
# Other roles after a name: "Nolan, C. (Director), & Thomas, E. (Producer)."
_ROLE = re.compile(r"\s*\([A-Z][a-z]{1,20}\.?(?:\s[A-Z][a-z]{1,20}\.?)?\)")
# A group's abbreviation, which belongs in the citation, not the list: "American Psychological Association [APA]."
_GROUP_ABBREVIATION = re.compile(r"\s*\[[A-Z][A-Za-z&.\-]{0,14}\]")
_ET_AL = re.compile(r",?\s+et\s+al\.?$")
_NAME_CHARS = re.compile(r"[^\W\d_][\w'’\-‐.]*")
_MAX_PART = 3000

# Words that make a name read as an organisation rather than a title.
_ORGANISATION_WORDS = frozenset("""
academy agency alliance association authority bank board bureau centre center college commission
committee company corporation council department division federation foundation fund government
group inc institute institution league library ltd ministry museum network office organisation
organization press program programme project service services society trust union university
""".split())
# Lower-case words that do not make a name sentence case: "Department of Health", "van der".
_MINOR_WORDS = frozenset("""
a an and at by de del della der des di do dos du e en et for from in la le les of on or the to
und van von y zu
""".split())


@dataclass(frozen=True)
class AuthorPart:
    """What the author position of an entry holds."""

    people: tuple[Author, ...] = ()
    group: str = ""  # a group author's name
    title: str = ""  # no author: the title stands in the author position
    editors: bool = False  # "(Ed.)." / "(Eds.)." after the names
    ellipsis: bool = False  # ". . ." before the last of 21+ authors
    repeated: bool = False  # "———." : the same authors as the entry before
    warnings: tuple[str, ...] = ()


def _tokens(text: str, separator: re.Pattern = _SEPARATOR) -> list[tuple[str, bool]]:
    """Split a name list at its separators: [(token, follows "&" or "and"), ...]."""
    tokens: list[tuple[str, bool]] = []
    position = 0
    after_and = False
    for match in separator.finditer(text):
        tokens.append((text[position:match.start()].strip(), after_and))
        after_and = match.group().strip(" ,;/") != ""
        position = match.end()
    tokens.append((text[position:].strip(), after_and))
    return [(token, amp) for token, amp in tokens if token]


def is_initials(token: str) -> bool:
    return len(token) <= 40 and _INITIALS.fullmatch(token) is not None


def _is_given_name(token: str) -> bool:
    """A written-out given name, "John" or "Mary Ann" (not APA, but clearly a person)."""
    words = token.split()
    return 0 < len(words) <= 3 and all(
        w[0].isupper() and w.replace("-", "").replace("'", "").replace(".", "").isalpha() for w in words
    )


def _given(token: str) -> str | None:
    """The given-name part if ``token`` can be one: initials, initials + suffix, or a name."""
    if is_initials(token) or _is_given_name(token):
        return token
    match = _INITIALS_AND_SUFFIX.fullmatch(token) if len(token) <= 50 else None
    if match and is_initials(match.group("initials")):
        return token
    return None


def split_name_suffix(given: str) -> tuple[str, str]:
    """("H. L.", "III") from a given part with a suffix ("H. L., III", "R. A. Jr."); (given, "") otherwise."""
    match = _INITIALS_AND_SUFFIX.fullmatch(given.strip()) if len(given) <= 50 else None
    if match and is_initials(match.group("initials")):
        return match.group("initials"), match.group("suffix")
    return given, ""


def _is_family(token: str) -> bool:
    words = token.split()
    if not 0 < len(words) <= 5 or len(token) > 80 or is_initials(token):
        return False
    # "St. John" has a period; "Press. Kesharwani" is the end of the entry before.
    return all(_NAME_CHARS.fullmatch(w) and (w[-1] != "." or len(w) <= 3) for w in words)


def parse_people(text: str) -> tuple[Author, ...] | None:
    """People in APA order ("Raj, M., Fast, N. J., & Fisher, O."), or None if it is not such a list."""
    if len(text) > _MAX_PART:
        return None
    tokens = _tokens(text.strip())
    people: list[Author] = []
    i = 0
    while i < len(tokens):
        family, _ = tokens[i]
        if not _is_family(family) or i + 1 >= len(tokens) or _ends_in_bare_initials(family) or (
                " " in family and _capitals_first(family)):  # "KUHLMANN Martin, SCHUMANN Michael" is two people
            return None
        token, after_and = tokens[i + 1]
        given = None if after_and else _given(token)
        if given is None:
            return None
        i += 2
        if i < len(tokens) and not tokens[i][1] and _SUFFIX.fullmatch(tokens[i][0]):
            given = f"{given}, {tokens[i][0]}"
            i += 1
        people.append(Author(family=family, given=given))
    return tuple(people) or None


def _ends_in_bare_initials(token: str) -> bool:
    """"Halliday RG", "Glick R.": a name with its initials, never the family part of an APA pair."""
    words = token.split()
    return len(words) > 1 and not _SUFFIX.fullmatch(words[-1]) and (  # "Towne Jr." is a family name
        _BARE_INITIALS.fullmatch(words[-1]) is not None or is_initials(words[-1]))


def _capitals_first(token: str) -> Author | None:
    """"APPELBAUM Eileen", "DURAND Jean-Pierre": the family name in capitals, then given names."""
    words = token.split()
    k = 0
    while k < len(words) and len(words[k]) > 1 and words[k].isupper() and words[k].replace("-", "").isalpha():
        k += 1
    if k == 0 or k == len(words) or not all(_is_given_name(w) or _loose_initials(w) for w in words[k:]) or (
            _names_organisation(token)):
        return None
    return Author(family=" ".join(w.title() for w in words[:k]), given=" ".join(words[k:]))


def _loose_initials(token: str) -> bool:
    return is_initials(token) or _BARE_INITIALS.fullmatch(token) is not None


def _natural_name(token: str) -> Author | None:
    """"Jacques Thomassen", "L. Leustean", "Mary Ann van Dyke": given names first."""
    words = token.split()
    if not 2 <= len(words) <= 5 or not words[-1][:1].isupper() or not _is_family(words[-1]) or (
            _BARE_INITIALS.fullmatch(words[-1]) or _SUFFIX.fullmatch(words[-1])):  # "Katz SL", "Cook EH Jr": Vancouver
        return None
    given = []
    for k, word in enumerate(words[:-1]):
        if word.lower() in _MINOR_WORDS:  # a particle starts the family name: "Ludwig van Beethoven"
            return Author(family=" ".join(words[k:]), given=" ".join(given)) if given else None
        if not (_loose_initials(word) or _is_given_name(word)):
            return None
        given.append(word)
    return Author(family=words[-1], given=" ".join(given))


def _family_then_initials(token: str) -> Author | None:
    """"Halliday RG", "Smith J. K." (no comma between family name and initials)."""
    words = token.split()
    k = len(words)
    while k > 1 and (_loose_initials(words[k - 1]) or k == len(words) and _SUFFIX.fullmatch(words[k - 1])):
        k -= 1
    family = " ".join(words[:k])
    if k == len(words) or not _is_family(family) or family.isupper() or _names_organisation(family) or any(
            len(w) == 1 for w in words[:k]):
        return None  # "KPMG UK", "Council UK" are groups
    return Author(family=family, given=" ".join(words[k:]))


def looks_like_group(text: str) -> bool:
    """"World Health Organization", "Organisation for Economic Co-operation and Development (OECD)":
    an organisation's name, not a title."""
    name = _GROUP_ABBREVIATION.sub("", re.sub(r"\s*\([A-Z][A-Za-z&.]{1,12}\)$", "", text.strip())).strip()
    return 0 < len(name.split()) <= 12 and _names_organisation(name) and not is_sentence_case(name) and (
        not any(c in name for c in "()[]:?!\"“”"))


def _names_organisation(text: str) -> bool:
    return any(w.lower().strip(".,") in _ORGANISATION_WORDS for w in text.split())


def _family_names_only(text: str) -> tuple[Author, ...] | None:
    """"Chen, & Kalyuga." or "Venkatesh, Morris, Davis, & Davis": family names with no initials.

    Read as people only when the list ends with "&" or "and" before its last name, so that a
    group's name ("Bank, Fund, & Trust") with words like these stays a group.
    """
    text = text.strip().rstrip(".,;: ")
    tokens = _tokens(text, _LOOSE_SEPARATOR)
    if len(tokens) < 2 or not tokens[-1][1] or any(after for _, after in tokens[:-1]):
        return None
    for token, _ in tokens:
        words = token.split()
        if len(words) > 2 or not _is_family(token) or not all(w[:1].isupper() for w in words) or (
                _names_organisation(token)):
            return None
    return tuple(Author(family=token) for token, _ in tokens)


def parse_people_leniently(text: str) -> tuple[Author, ...] | None:
    """People as other author–date styles write them, or None.

    Accepts what :func:`parse_people` refuses: semicolons ("Ademczyk, Grzegorz; Gostmann, Peter"),
    Vancouver names ("Halliday RG, Darba J"), given names first after the first author ("Andeweg,
    Rudy B. and Jacques Thomassen"), full given names ("Okafor, Chinedu, Amara Obi") and initials
    split by a stray comma ("Xu, Q, X."). Only names that read as people are accepted.
    """
    if len(text) > _MAX_PART:
        return None
    text = text.strip().rstrip(",;: ")
    if text.endswith(".") and not is_initials(text.rsplit(None, 1)[-1]):
        text = text[:-1]
    tokens = _tokens(text, _LOOSE_SEPARATOR)
    people: list[Author] = []
    i = 0
    while i < len(tokens):
        token, after_and = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        capitals = _capitals_first(token) if len(tokens) > 1 else None
        natural = _natural_name(token) if people and len(token.split()) > 1 and ";" not in text else None
        if natural and following and len(following[0].split()) == 1 and _is_given_name(following[0]):
            natural = None  # "…, Gamoran Sherin, Miriam": family name, then given name
        if capitals:
            people.append(capitals)
            i += 1
        elif natural and not (following and _loose_initials(following[0])):
            people.append(natural)  # "Carrubba, Clifford, Matthew Gabel, …": given names first after the first
            i += 1
        elif following and not following[1] and _is_family(token) and not _family_then_initials(token) and (
                _loose_initials(following[0]) or _is_given_name(following[0])):
            people.append(Author(family=token, given=following[0]))
            i += 2
        elif people and not after_and and (_loose_initials(token) or _SUFFIX.fullmatch(token)) and people[-1].given:
            people[-1] = Author(family=people[-1].family, given=f"{people[-1].given} {token}")
            i += 1
        elif person := _family_then_initials(token) or (_natural_name(token) if people else None):
            people.append(person)
            i += 1
        elif people and after_and and i == len(tokens) - 1 and _is_family(token) and token[:1].isupper():
            people.append(Author(family=token.rstrip(";,")))  # "…, Sweller, J., & John;": a last name alone
            i += 1
        else:
            return None
    if not people or any(len(p.family) < 2 for p in people):
        return None
    return tuple(people)


_SPACED_LETTERS = re.compile(r"[^\W\d_]{1,2}[,;]?")
_MIN_SPACED_RUN = 4


def close_letter_spacing(text: str) -> str | None:
    """"C RO N I N, J. J. & TAY L O R , S . A ." (letters spaced out by a PDF) as "CRONIN, J. J. & TAYLOR,
    S. A."; None when the text is not spaced out (a run of four one- or two-letter pieces shows it)."""
    tokens = text[:_MAX_PART].split()
    run = longest = spaced = 0
    for token in tokens:
        short = _SPACED_LETTERS.fullmatch(token) is not None
        spaced += short
        run = run + 1 if short else 0
        longest = max(longest, run)
    if longest < _MIN_SPACED_RUN or spaced < 0.45 * len(tokens):
        return None
    out = ""
    for token in tokens:
        if token[0] in ".,;:" or out[-1:].isalpha() and token[0].isalpha():
            out += token  # a letter of the same word, or the punctuation that ends it
        else:
            out += (" " if out else "") + token
    return out


def parse_names_given_first(text: str) -> tuple[Author, ...] | None:
    """"Karen Cook and Margaret Levi", "E. Editor & F. Editor": every name given first, or None."""
    if len(text) > _MAX_PART:
        return None
    people = [_natural_name(token) for token, _ in _tokens(text.strip().rstrip(".,;: "), _LOOSE_SEPARATOR)]
    return tuple(people) if people and all(people) else None


_INITIALS_FIRST = re.compile(rf"(?:{_LETTER}\.[\s\-‐]?){{1,3}}\s?(?P<family>[A-Z][\w'’\-‐‑]+(?:\s(?:van|von|de|der|da|di|del|le|la)\s[A-Z][\w'’\-‐‑]+)?)")
_NATURAL = re.compile(r"(?P<given>[A-Z][\w'’\-‐‑]+(?:\s[A-Z]\.)?(?:\s[A-Z][\w'’\-‐‑]+)?)\s(?P<family>[A-Z][\w'’\-‐‑]+)")
_VANCOUVER = re.compile(r"(?P<family>[A-Z][\w'’\-‐‑]+(?:\s[A-Z][\w'’\-‐‑]+)?)\s(?P<given>[A-Z]{1,3})")
_NAME_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s|&\s*)?|\s&\s|\sand\s|;\s*)")
_ET_AL_AFTER = re.compile(r",?\s*et\s+al\.?,?\s*")
_MAX_LEADING_PEOPLE = 60


def leading_people(text: str) -> tuple[tuple[Author, ...], int] | None:
    """People at the start of an entry that has no APA author part, and where they end.

    "C. Szegedy, V. Vanhoucke, Z. Wojna Rethinking …" (initials first, as Elsevier and IEEE
    write), "Tricia M. Farwell, Richard D. Waters. Exploring …" (given names first),
    "Joseph RV, Mohanty A, Tyagi S. A hybrid …" (Vancouver). Names given in full and first
    count only when there are two or more of them, so a group author is not taken for a person.
    """
    text = text[:_MAX_PART]
    marker = re.match(r"\[\d{1,3}\]\s*", text)
    position = marker.end() if marker else 0
    people: list[Author] = []
    natural_only = True
    while len(people) < _MAX_LEADING_PEOPLE:
        for kind, pattern in (("initials", _INITIALS_FIRST), ("natural", _NATURAL), ("vancouver", _VANCOUVER)):
            match = pattern.match(text, position)
            if match is None:
                continue
            after = text[match.end():match.end() + 1]
            if kind == "vancouver" and after not in (",", ".", ";", " ", "") or kind == "natural" and (
                    match.group("family").isupper() or after not in (",", ".", ";", "")
                    and not text.startswith((" and ", " & ", " et al"), match.end())):
                continue
            family = match.group("family")
            if family.lower() in _ORGANISATION_WORDS or _names_organisation(match.group()):
                return None
            given = text[match.start():match.start("family")].strip() if kind != "vancouver" else match.group("given")
            people.append(Author(family=family, given=given))
            natural_only = natural_only and kind == "natural" and "." not in match.group()
            position = match.end()
            break
        else:
            break
        et_al = _ET_AL_AFTER.match(text, position)
        if et_al:
            position = et_al.end()
            break
        separator = _NAME_SEPARATOR.match(text, position)
        if separator is None:
            break
        following = text[separator.end():separator.end() + 40]
        if not re.match(r"[A-Z]", following):
            break
        position = separator.end()
    if not people or natural_only and len(people) < 2:
        return None
    end = position
    while end < len(text) and text[end] in " ,.;:":
        end += 1
    return tuple(people), end


def parse_editor_names(text: str) -> tuple[tuple[Author, ...], tuple[str, ...]]:
    """Editors written initials first, as after "In": "E. Editor & F. van Editor" (or given names
    first, "Erika Editor", which is not APA and is warned of)."""
    editors: list[Author] = []
    warnings: list[str] = []
    for token, _ in _tokens(text[:_MAX_PART]):
        match = _INITIALS_PREFIX.match(token)
        natural = None if match else _natural_name(token)
        if match and match.end() < len(token):
            editors.append(Author(family=token[match.end():].strip(), given=match.group().strip()))
        elif natural:
            editors.append(natural)
            warnings.append(slips.AUTHOR_NAMES)
        else:
            editors.append(Author(literal=token))
            warnings.append(f"editor name not understood: {token[:40]}")
    return tuple(editors), tuple(warnings)


def _words(text: str) -> list[str]:
    return [w.strip("\"'“”‘’.,:;!?") for w in text.split()]


def is_sentence_case(text: str) -> bool:
    """True for a title ("Top 12 benefits of networking"), False for a name ("World Health Organization")."""
    words = [w for w in _words(text) if w]
    lower = [w for w in words if w[0].islower() and w.lower() not in _MINOR_WORDS]
    if not lower:
        return False
    if len(lower) >= 2:
        return True
    return not any(w.lower() in _ORGANISATION_WORDS for w in words if w[0].isupper())


def is_title_case(text: str) -> bool:
    """True for a name written as journals are ("Journal of Law, Economics and Organisation")."""
    words = [w for w in _words(text) if any(c.isalpha() for c in w)]
    return bool(words) and all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)


def _has_inner_sentence_break(text: str) -> bool:
    """A ". " inside the text that ends a sentence (not "U.S. ", "J. ", "Inc. ")."""
    for match in re.finditer(r"([^\s.]*)[.?!]\s+\S", text):
        word = match.group(1)
        if len(word.rstrip(".")) > 1 and not word.rstrip(".").replace(".", "").isupper():
            if word not in ("Inc", "Ltd", "Co", "St", "Dr"):
                return True
    return False


@dataclass(frozen=True)
class _Names:
    """An author part with its decorations taken off."""

    text: str
    editors: bool
    ellipsis: bool
    et_al: bool


def _clean(lead: str) -> _Names:
    text = lead.strip()
    editors = _EDITOR_MARK.search(text)
    if editors:
        text = text[: editors.start()]
    text = _GROUP_ABBREVIATION.sub("", _ROLE.sub("", text)).strip()
    if text.endswith(".."):  # "Thomas, E. (Producer)." lost its role, not its period
        text = text[:-1]
    ellipsis = _ELLIPSIS.search(text) is not None
    if ellipsis:
        text = _ELLIPSIS.sub(",", text)
    text = text.strip().rstrip(",").strip()
    et_al = _ET_AL.search(text)
    if et_al:
        text = text[: et_al.start()].strip()
    return _Names(text, editors is not None, ellipsis, et_al is not None)


def _people(names: _Names) -> tuple[Author, ...] | None:
    """The people of a cleaned author part; "Raj et al." gives the one family name written."""
    people = parse_people(names.text)
    if people is None and names.et_al and _is_family(names.text):
        people = (Author(family=names.text),)
    return people


def looks_like_lead(text: str, strict: bool = True) -> bool:
    """Could ``text`` be what stands before "(year)": authors, a group, or a title?

    ``strict`` asks for the closing period APA requires; a line's first words get the
    benefit of the doubt ("Smith, J (2020)").
    """
    text = text.strip()
    if not text or len(text) > _MAX_PART or strict and text[-1] not in ".?!)":
        return False
    names = _clean(text)
    text = names.text
    if not text or any(c in text for c in "()[]{}") or "http" in text or "www." in text:
        return False
    if _people(names):
        return True
    if is_initials(text) or names.et_al:
        return False
    first = text.lstrip("\"'“‘")[:1]
    if not (first.isupper() or first.isdigit()) or ", " in text and _initials_after_comma(text):
        return False
    return len(text.split()) <= 40 and not _has_inner_sentence_break(text)


def _initials_after_comma(text: str) -> bool:
    """"Smith, J. Title" is a broken author list, not a group name."""
    return any(is_initials(token.split()[0]) for token, _ in _tokens(text)[1:] if token.split())


def read_author_part(text: str) -> AuthorPart:
    """Read the author position as written (``text`` ends just before the date group)."""
    names = _clean(text)
    warnings: list[str] = []
    if not names.text:
        return AuthorPart(editors=names.editors, warnings=("no author",))
    if names.et_al:
        warnings.append("et al. in the author part")
    initials_first = _initials_first_people(names.text)
    if initials_first:  # ("A. Conrad" is no family name, though parse_people would take it for one)
        warnings.append(slips.AUTHOR_NAMES)
        return AuthorPart(people=initials_first, editors=names.editors, warnings=tuple(warnings))
    people = _people(names)
    if people:
        if names.ellipsis and len(people) < 20:
            warnings.append(slips.SHORT_ELLIPSIS)
        return AuthorPart(people=people, editors=names.editors, ellipsis=names.ellipsis, warnings=tuple(warnings))
    repaired = _repair_punctuation(names.text)
    people = parse_people(repaired) if repaired != names.text else None
    if people:  # "Miller, R. S &., Schlenker, B. R.", "Vogler, M. and Rotte. R."
        warnings.append(slips.AUTHOR_NAMES)
        return AuthorPart(people=people, editors=names.editors, ellipsis=names.ellipsis, warnings=tuple(warnings))
    uncommaed = _people_without_commas(names.text)
    if uncommaed:
        warnings.append(slips.NO_COMMA_BEFORE_INITIALS)
        return AuthorPart(people=uncommaed, editors=names.editors, ellipsis=names.ellipsis, warnings=tuple(warnings))
    if REPEATED_AUTHORS.fullmatch(names.text):
        return AuthorPart(repeated=True, editors=names.editors, warnings=(slips.AUTHORS_REPEATED_BY_DASH,))
    loose = parse_people_leniently(names.text)
    if loose:
        warnings.append(slips.AUTHOR_NAMES)
        return AuthorPart(people=loose, editors=names.editors, ellipsis=names.ellipsis, warnings=tuple(warnings))
    bare = _family_names_only(names.text)
    if bare:
        warnings.append(slips.NO_INITIALS)
        return AuthorPart(people=bare, editors=names.editors, ellipsis=names.ellipsis, warnings=tuple(warnings))
    name = names.text.rstrip(". ").strip() or names.text
    if names.ellipsis:
        warnings.append("ellipsis in a name that is not a list of people")
    if not names.editors and is_sentence_case(name):
        return AuthorPart(title=name, warnings=tuple(warnings))
    if _initials_after_comma(name) or any(c in name for c in "()[]") or len(name.split()) > 15:
        warnings.append("author names not understood")
    return AuthorPart(group=name, editors=names.editors, ellipsis=names.ellipsis, warnings=tuple(warnings))


_MISPLACED_AMPERSAND = re.compile(r"\s*&\s*\.\s*,?\s*")  # "Oppes, T &., Svensson, A."
_PERIOD_FOR_COMMA = re.compile(r"(?<=[^\W\d_]{2})\.\s+(?=[^\W\d_]\.)")  # "Rotte. R.", "Powell. B."


_INITIALS_THEN_NAME = re.compile(r"(?P<given>(?:[A-Z][a-z]?\.[\s\-‐]?){1,3})\s?(?P<family>(?:(?:van|von|de|der|den|da|di|del|du|le|la) )*[A-Z][\w'’\-‐‑]+(?: [\w'’\-‐‑]+)?)")


def _initials_first_people(text: str) -> tuple[Author, ...] | None:
    """"J. Smith & K. Lee", "A. Conrad, B. Lee", "Ch. Pavan kumar & S. Praveenkumar": every name with
    its initials first (the order of IEEE and Elsevier), or None."""
    if not _INITIALS_THEN_NAME.match(text):
        return None  # (most lists start with a family name: one look is enough)
    tokens = _tokens(text[:_MAX_PART].strip().rstrip(",;: "), _LOOSE_SEPARATOR)
    people = []
    for token, _ in tokens:
        match = _INITIALS_THEN_NAME.fullmatch(token.rstrip("."))
        if match is None or _names_organisation(token):
            return None
        people.append(Author(family=match["family"], given=" ".join(match["given"].split())))
    return tuple(people) or None


def _repair_punctuation(text: str) -> str:
    """An author list with its slips of punctuation put right, to be read again."""
    return _PERIOD_FOR_COMMA.sub(", ", _MISPLACED_AMPERSAND.sub("., & ", text[:_MAX_PART]))


def _people_without_commas(text: str) -> tuple[Author, ...] | None:
    """"Smith J., & Lee K. L." (a common slip): every name is a family name then initials."""
    people = []
    for token, _ in _tokens(text[:_MAX_PART]):
        family, _, given = token.rpartition(" ")
        while family and is_initials(family.rpartition(" ")[2]):
            family, _, more = family.rpartition(" ")
            given = f"{more} {given}"
        if not (family and _is_family(family) and is_initials(given) and "." in given):
            return None
        people.append(Author(family=family, given=given))
    return tuple(people) or None


def people_prefix_end(text: str) -> int:
    """Where a list of people at the start of ``text`` ends (0 if it does not start with one).

    For entries without a date group: "Smith, J., & Lee, K. Title…" -> the offset after "K.".
    """
    head = text[:_MAX_PART]
    end = 0
    position = 0
    expect_family = True
    for match in _SEPARATOR.finditer(head + ","):
        token = head[position:match.start()].strip()
        if expect_family:
            if not _is_family(token):
                break
        else:
            prefix = _INITIALS_PREFIX.match(token)
            if not prefix:
                break
            if prefix.end() < len(token.rstrip()):
                start = head.index(token, position)
                return start + len(prefix.group().rstrip())
            end = match.start()
        expect_family = not expect_family
        position = match.end()
    return end
