"""Departures from APA 7 form that the parser notices while it reads an entry leniently.

They are named once here: the parser records them in ``Reference.warnings`` and the
``reference-format`` rule says what to change for each. Other warnings are the parser's own doubt
("type of work not recognised") and are never reported to the student.
"""

NUMBERED = "numbered or bulleted entry"
AUTHORS_REPEATED_BY_DASH = "authors replaced by a dash"
AUTHOR_NAMES = "author names not written the APA way"
NO_COMMA_BEFORE_INITIALS = "no comma between family name and initials"
NO_INITIALS = "family names without initials"
SHORT_ELLIPSIS = "ellipsis with fewer than 20 names"
NO_DATE = "no date in parentheses"
YEAR_NOT_IN_PARENTHESES = "year not in parentheses"
TWO_YEARS = "two years in the date"
PUNCTUATION_AFTER_DATE = "punctuation after the date"
QUOTED_TITLE = "title in quotation marks"
EDITION_FORM = "edition not in parentheses after the title"
VOLUME_FORM = "volume not in parentheses after the title"
NO_PERIOD_BEFORE_PUBLISHER = "no period between the title and the publisher"
NO_PERIOD_AFTER_TITLE = "no period between the title and the journal"
NO_PERIOD_BEFORE_SOURCE = "no period between the title and what follows it"
JOURNAL_FORM = "journal, volume and pages not written the APA way"
CHAPTER_FORM = "chapter not written the APA way"
PLACE_OF_PUBLICATION = "place of publication (APA 7 leaves it out)"
PLACE_WITHOUT_PUBLISHER = "place of publication instead of the publisher"
DESCRIPTION_NOT_BRACKETED = "kind of work written as the source"
PRESENTED_AT = "“Paper presented at” (APA 6)"
DOUBLED_AUTHOR_DATE = "authors and date written twice"
LINK_BROKEN = "link broken by a space"
AVAILABLE_FROM = "“Available from” before the link"
ACCESS_DATE_FORM = "date of access not written the APA way"
ORIGINAL_DATE_FORM = "date of the original work not written the APA way"
ISBN = "ISBN in the entry (APA 7 leaves it out)"
PREPRINT_NUMBER = "preprint number written after the archive (“arXiv preprint arXiv:…”)"
PLACEHOLDER = "placeholder left in the entry (“[DOI pending]”)"
SPACED_NO_DATE = "“n. d.” written with a space"
LABEL_BEFORE_AUTHORS = "a label before the authors (“Cognitive Load Theory: Sweller, J.”)"

# What to tell a student for each, in the order an entry is read. ``{name}`` is the entry's first
# author written the APA way ("Wenger, E."), ``{family}`` their family name, ``{year}`` the year.
ADVICE = {
    NUMBERED: "remove the number or bullet (APA 7 entries are listed alphabetically, unnumbered)",
    AUTHORS_REPEATED_BY_DASH: "write the authors' names again instead of the dash",
    DOUBLED_AUTHOR_DATE: "write the authors and the date once, not twice",
    AUTHOR_NAMES: "write each author as family name, comma, initials ({name}), with “&” before the last",
    NO_COMMA_BEFORE_INITIALS: "put a comma between each family name and its initials ({name})",
    NO_INITIALS: "give each author's initials after the family name ({family}, A. B.)",
    SHORT_ELLIPSIS: "list every author up to 20 (the ellipsis is only for 21 or more)",
    NO_DATE: "give the year in parentheses right after the authors, or (n.d.) when there is no date",
    YEAR_NOT_IN_PARENTHESES: "put the year in parentheses right after the authors, then a period: ({year})",
    TWO_YEARS: "give one year of publication (a reprint's first year goes at the end: Original work published …)",
    PUNCTUATION_AFTER_DATE: "follow the date with a period: ({year})",
    QUOTED_TITLE: "take the quotation marks off the title",
    EDITION_FORM: "give the edition in parentheses right after the title: (2nd ed.)",
    VOLUME_FORM: "give the volume in parentheses right after the title: (Vol. 2)",
    NO_PERIOD_BEFORE_PUBLISHER: "end the title with a period before the publisher",
    NO_PERIOD_AFTER_TITLE: "end the article's title with a period before the journal's name",
    NO_PERIOD_BEFORE_SOURCE: "end the title with a period before what follows it",
    JOURNAL_FORM: "write the journal's name, volume, issue and pages as Journal Name, 12(3), 45–67",
    CHAPTER_FORM: "write a chapter as In A. Editor (Ed.), Book title (pp. 10–20). Publisher",
    PLACE_OF_PUBLICATION: "leave out the place of publication (APA 7 gives only the publisher)",
    PLACE_WITHOUT_PUBLISHER: "give the publisher's name instead of the place of publication",
    DESCRIPTION_NOT_BRACKETED: "say what kind of work it is right after the title, in square brackets "
                               "([Unpublished manuscript]) or, with its number, in parentheses (Working Paper No. 12)",
    PRESENTED_AT: "describe the work after the title in square brackets, [Paper presentation], then give the "
                  "event's name and place",
    LINK_BROKEN: "take out the space that breaks the link in two",
    AVAILABLE_FROM: "leave out “Available from” and end the entry with the link itself",
    ACCESS_DATE_FORM: "give a date of access only for a page that changes, as Retrieved March 3, 2020, from "
                      "and the link",
    ORIGINAL_DATE_FORM: "end the entry with the original date as (Original work published 1936)",
    ISBN: "leave out the ISBN (APA 7 does not give it)",
    PREPRINT_NUMBER: "name the archive alone after the title (arXiv, not “arXiv preprint arXiv:…”) and end the "
                     "entry with the preprint's link",
    PLACEHOLDER: "take out the placeholder in square brackets: give the DOI or link once there is one",
    SPACED_NO_DATE: "write a missing date as (n.d.), with no space inside",
    LABEL_BEFORE_AUTHORS: "start the entry with the authors: leave out the label before them",
}
