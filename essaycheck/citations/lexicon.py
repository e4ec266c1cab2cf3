"""Word lists that tell a cited name from an ordinary capitalised word.

All entries are folded (lower case, no accents or punctuation) so they can be
compared with :func:`essaycheck.names.fold`.
"""

from __future__ import annotations

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
SEASONS = frozenset("spring summer autumn fall winter christmas easter".split())

# Sentence openers that are capitalised without being names: "Recently, Smith (2020)".
DISCOURSE = frozenset(
    """
    however moreover furthermore recently similarly additionally indeed thus therefore
    consequently notably interestingly conversely likewise finally first firstly second secondly
    third thirdly lastly also here yet still today historically importantly specifically
    previously earlier later subsequently meanwhile nevertheless nonetheless hence accordingly
    ultimately overall again instead alternatively critically broadly generally clearly namely
    elsewhere originally traditionally according research researchers scholars authors studies
    evidence especially particularly example instance this that these those such further
    """.split()
)

# Title-case words that sit before a year without being anybody's name:
# "(Table 2019)", "(Windows 2000)", "Chapter (2019)", "(circa 1850)".
COMMON_NOUNS = frozenset(
    """
    table figure fig chapter chap section sec appendix page part volume vol issue edition ed eds
    version release update draft series model type item question line slide exhibit footnote note
    windows office excel word android ios iphone
    year years week weeks month months day days term semester class grade phase stage step level
    wave round session module unit lesson
    study experiment survey census report act law bill article amendment election olympics
    covid coronavirus circa ca est ad bc bce ce
    ii iii iv vi vii viii ix xi xii
    equation eq hypothesis theorem sample cohort population total age aged born died founded
    established since until before after during from around about approximately roughly early
    late mid source sources data retrieved accessed updated revised published copyright
    reprinted originally trans ibid id op cit
    theory theories framework approach paradigm principle principles method methods scale inventory
    questionnaire taxonomy
    """.split()
) | MONTHS | WEEKDAYS | SEASONS | DISCOURSE

# Words before a surname that are not part of it: "Professor Smith (2019)".
TITLES = frozenset(
    """
    professor prof dr mr mrs ms miss sir dame lord lady dean president psychologist sociologist
    philosopher author researcher economist theorist educator scholar scientist historian
    """.split()
)

# Lower-case particles that belong to the surname that follows: "van Merriënboer", "de Vries".
PARTICLES = frozenset(
    "van von de der den del della di da das dos du la le lo ten ter te vander bin ibn al el "
    "abu ben y wa st".split()
)

# Nouns that make a run of capitalised words a group author: "Page Group", "World Health Organization".
GROUP_HEADS = frozenset(
    """
    association associations organization organisation organizations organisations institute
    institutes institution institutions department council agency society group bureau commission
    foundation office centre center centres centers ministry university college school board
    network service services trust committee federation union bank fund programme program academy
    academies authority administration corporation company inc ltd llc government parliament
    congress assembly alliance coalition consortium partnership initiative project clinic
    hospital library museum press forum panel taskforce force team collaboration collaborative
    nations statistics institutes
    """.split()
)

# Lower-case words allowed inside a group author's name: "Department of Health and Social Care".
GROUP_JOINERS = frozenset("of for on the and in at to &".split())

# Where a locator starts after the year: "p. 4", "pp. 4–5", "para. 2", "Chapter 3", "Table 2".
LOCATOR_LABELS = (
    r"pp?\.|paras?\.|¶+|chap(?:ter|\.)|tables?|fig(?:ure|\.)|figures|sections?|sec\.|§+|slides?|"
    r"lines?|part|appendix|vol\.|footnote|n\.|timestamp|minute|min\.|col\.|column|verse|"
    r"\d{1,2}:\d{2}"
)
