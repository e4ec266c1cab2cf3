"""Building blocks for the small example essays that document and test each rule."""

RAJ = ("Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. "
       "Personality and Social Psychology Bulletin, 43(6), 772–784. https://doi.org/10.1177/0146167217697299")
BRAUN = ("Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. "
         "Qualitative Research in Psychology, 3(2), 77–101. https://doi.org/10.1191/1478088706qp063oa")
GRANOVETTER = ("Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology, "
               "78(6), 1360–1380. https://doi.org/10.1086/225469")
WENGER = "Wenger, E. (1998). Communities of practice: Learning, meaning, and identity. Cambridge University Press."
PAGE = ("Page Group. (2022). Top 12 benefits of networking: Why networking is important. "
        "https://www.michaelpage.com.au/advice/career-advice/career-progression/top-12-benefits-networking-why-networking-important")


def essay(body: str, *entries: str) -> str:
    """A plain-text essay: a title, one body paragraph, a References heading and the entries."""
    listing = "\n".join(entries)
    return f"Professional networking\n{body}\nReferences\n{listing}\n" if entries else f"Professional networking\n{body}\n"


def markdown_essay(body: str, *entries: str) -> str:
    """The same as :func:`essay` in Markdown, where *stars* mark italics."""
    listing = "\n\n".join(entries)
    return f"# Professional networking\n\n{body}\n\n## References\n\n{listing}\n"
