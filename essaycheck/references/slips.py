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
NO_PERIOD_BEFORE_PUBLISHER = "no period between the title and the publisher"
JOURNAL_FORM = "journal, volume and pages not written the APA way"
CHAPTER_FORM = "chapter not written the APA way"
PLACE_OF_PUBLICATION = "place of publication (APA 7 leaves it out)"
DOUBLED_AUTHOR_DATE = "authors and date written twice"

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
    NO_PERIOD_BEFORE_PUBLISHER: "end the title with a period before the publisher",
    JOURNAL_FORM: "write the journal's name, volume, issue and pages as Journal Name, 12(3), 45–67",
    CHAPTER_FORM: "write a chapter as In A. Editor (Ed.), Book title (pp. 10–20). Publisher",
    PLACE_OF_PUBLICATION: "leave out the place of publication (APA 7 gives only the publisher)",
}
