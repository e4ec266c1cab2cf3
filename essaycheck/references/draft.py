"""The draft that every reader of an entry writes what it found into."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Draft:
    """The fields found so far; turned into a Reference at the end."""

    values: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    in_container: bool = False  # "In … (Eds.), Book" or "In Proceedings …"
    journal: bool = False
    source: str = ""  # the sentence(s) after the title that were not a journal or "In …"
    group_author: bool = False
    description: str = ""  # a bracketed description other than a thesis: "[Film]", "[Fact sheet]"
    repeated_authors: bool = False  # "———." stands for the authors of the entry before
    published: bool = False  # a place of publication was read: the work is a book (or the chapter's book)
    after_in: bool = False  # the source was introduced by "In": all of it is the source, none of it the title
    preprint: bool = False  # the source is a preprint archive ("arXiv", "PsyArXiv")

    def set(self, **values: object) -> None:
        for key, value in values.items():
            if value and not self.values.get(key):
                self.values[key] = value

    def get(self, key: str) -> object:
        return self.values.get(key, "")
