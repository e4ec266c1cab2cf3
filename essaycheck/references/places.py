"""Places of publication, which APA 7 leaves out and other styles write before or after the publisher.

"London: Routledge", "Routledge, London", "Boston, Beacon Press", "Oxford/New York": to tell the
place from the publisher when no colon separates them, the reader needs to know what a place
looks like. A place is a city that publishers are commonly found in, alone or with its state or
country ("Cambridge, MA", "Thousand Oaks, CA", "Leiden, The Netherlands"), or several of them
joined by "/", "and" or "&" ("London and New York"). The lists are of places, never of publishers.
"""

from __future__ import annotations

import re

from ..names import fold_words


def _names(text: str) -> frozenset[str]:
    return frozenset(fold_words(name) for name in text.split(","))


_CITIES = _names("""
Aarhus, Aldershot, Amsterdam, Ann Arbor, Antwerp, Antwerpen, Armonk, Athens, Atlanta, Austin, Baden-Baden,
Baltimore, Bangalore, Barcelona, Basel, Basingstoke, Beijing, Belmont, Bergen, Berkeley, Berlin, Bern,
Beverly Hills, Bielefeld, Birmingham, Bloomington, Bologna, Bonn, Boston, Boulder, Bradford, Bremen, Brighton,
Bristol, Brussels, Bruxelles, Buckingham, Budapest, Buenos Aires, Cairo, Cambridge, Canberra, Cape Town,
Cardiff, Chapel Hill, Cheltenham, Chicago, Chichester, Cologne, Copenhagen, Den Haag, Dordrecht, Dresden,
Dublin, Durham, Düsseldorf, Edinburgh, Englewood Cliffs, Essen, Florence, Frankfurt, Frankfurt am Main,
Frankfurt a. M., Frankfurt/Main, Freiburg, Geneva, Genève, Göttingen, Graz, Greenwich, Hamburg, Hannover,
Harlow, Harmondsworth, Heidelberg, Helsinki, Hillsdale, Hoboken, Hong Kong, Houndmills, Ithaca, Jena,
Johannesburg, Karlsruhe, Kiel, Köln, Konstanz, Lanham, Lausanne, Leicester, Leiden, Leipzig, Lexington,
Lisbon, Lisboa, London, Los Angeles, Lund, Luxembourg, Lyon, Madison, Madrid, Mahwah, Mainz, Manchester,
Mannheim, Marburg, Melbourne, Mexico City, Milan, Milano, Minneapolis, Montreal, Moscow, München, Munich,
Münster, Nairobi, New Brunswick, New Delhi, New Haven, New York, Newbury Park, Newcastle, Norwood, Nottingham,
Nürnberg, Opladen, Oslo, Ottawa, Oxford, Paderborn, Paris, Philadelphia, Pittsburgh, Potsdam, Prague,
Princeton, Reading, Rio de Janeiro, Rome, Roma, Rotterdam, San Diego, San Francisco, Santa Barbara,
Santa Monica, São Paulo, Seattle, Singapore, St. Louis, St. Paul, Stanford, Stockholm, Stuttgart, Sydney,
Tel Aviv, The Hague, Thousand Oaks, Tokyo, Toronto, Tübingen, Upper Saddle River, Utrecht, Vancouver, Vienna,
Wien, Warsaw, Warszawa, Washington, Washington DC, Weinheim, Westport, Wiesbaden, Würzburg, Zürich
""")
# What may follow a city: its state or country, written out or abbreviated ("MA", "N.Y.", "UK").
_REGIONS = _names("""
Australia, Austria, Belgium, Brazil, California, Canada, China, Connecticut, Denmark, England, Finland, France,
Germany, Illinois, India, Ireland, Israel, Italy, Japan, Maryland, Massachusetts, Mass, Michigan, Minnesota,
Netherlands, The Netherlands, New Jersey, New York, Norway, Pennsylvania, Poland, Portugal, Scotland, Spain,
Sweden, Switzerland, Texas, United Kingdom, United States, USA, UK, Wales, Main
""")
_REGION_CODE = re.compile(r"[A-Z]{2}|[A-Z][a-z]?\.\s?[A-Z][a-z]?\.?|[A-Z][a-z]{2,4}\.")  # "MA", "N.Y.", "D.C", "Calif."
_PLACE_SEPARATOR = re.compile(r"\s*(?:/|&|\band\b|,|;|\s[-–]\s)\s*")
_MAX_PLACE = 80
_DATE = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|October"
                   r"|November|December)\b")
# "M.E. Sharpe" and "St. Martin's" are names, "Papers. Bonn" is two sentences
_SENTENCE_END = re.compile(r"\b(?!(?:St|Dr|Co|Mt|Jr|Sr|Inc|Ltd)\.)[^\W\d_]{2,}[.?!]\s")


def _is_city(text: str) -> bool:
    text = re.sub(r"\s*\((?:[A-Z][\w.]*\s?){1,2}\)$", "", text)  # "Freiburg (Breisgau)"
    return fold_words(text) in _CITIES


def is_region(text: str) -> bool:
    """"UK", "N.Y.", "Germany", "New Jersey": a state or country, as written after a city."""
    text = text.strip(" ,;")
    return fold_words(text) in _REGIONS or bool(_REGION_CODE.fullmatch(text))


def is_place(text: str) -> bool:
    """"London", "New York/Oxford", "Cambridge, MA", "Hillsdale, New Jersey/London": places only."""
    text = text.strip(" .,;")
    if not text or len(text) > _MAX_PLACE:
        return False
    parts = [part for part in _PLACE_SEPARATOR.split(text) if part]
    if len(parts) > 1 and could_be_city(parts[0]) and is_region(parts[1]) and not _is_city(parts[1]):
        parts = parts[1:]  # "Jyväskylä, Finland", "Hillsdale, NJ": any town, named by its region
    elif not parts or not _is_city(parts[0]):
        return False
    return all(_is_city(part) or is_region(part) for part in parts[1:])


def could_be_city(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words)


def split_place(text: str) -> tuple[str, str] | None:
    """(place, publisher) from "Boston, Beacon Press" or "Springer, New York"; (place, "") from a
    place alone ("London/New York"); None when no place is named at either end."""
    text = text.strip(" .,;")
    if is_place(text):
        return text, ""
    place, colon, publisher = text.partition(":")
    if colon and is_place(place) and _could_be_publisher(publisher.strip()):
        return place.strip(), publisher.strip()  # "Hillsdale, New Jersey/ London: Erlbaum"
    commas = [match.start() for match in re.finditer(r",\s", text[:300])][:6]
    for comma in reversed(commas):  # the longest place first: "New Haven, CT, Yale University Press"
        head, tail = text[:comma].strip(), text[comma + 1:].strip()
        if is_place(head) and _could_be_publisher(tail):
            return head, tail
    for comma in commas:
        head, tail = text[:comma].strip(), text[comma + 1:].strip()
        if is_place(tail) and _could_be_publisher(head):
            return tail, head
    return None


def _could_be_publisher(text: str) -> bool:
    """A short name starting with a capital or a digit, no sentence in it, not a date."""
    words = text.split()
    return 0 < len(words) <= 10 and (text[:1].isupper() or text[:1].isdigit()) and ":" not in text and (
        not _SENTENCE_END.search(text)) and not _DATE.search(text)
