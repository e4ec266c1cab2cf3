"""One error hierarchy; the CLI turns any of these into one line and exit code 2."""


class EssaycheckError(Exception):
    """Base class of every error essaycheck raises on purpose; its text is always one line."""

    def __str__(self) -> str:
        # messages quote file names, and a file name may hold a line break
        return super().__str__().replace("\r", "\\r").replace("\n", "\\n")


class InputError(EssaycheckError):
    """The essay cannot be read: missing, not a supported format, corrupt, hostile or too large."""


class NotAnEssay(InputError):
    """The file is something else than a written text: an image, a spreadsheet, a presentation …"""


class ConfigError(EssaycheckError):
    """The configuration file or a command-line option is not valid."""


class ResolveError(EssaycheckError):
    """A DOI or URL could not be checked (network fault, bad answer, forbidden address)."""
