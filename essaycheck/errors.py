"""One error hierarchy; the CLI turns any of these into one line and exit code 2."""


class EssaycheckError(Exception):
    """Base class of every error essaycheck raises on purpose."""


class InputError(EssaycheckError):
    """The essay cannot be read: missing, not a supported format, corrupt, hostile or too large."""


class ConfigError(EssaycheckError):
    """The configuration file or a command-line option is not valid."""


class ResolveError(EssaycheckError):
    """A DOI or URL could not be checked (network fault, bad answer, forbidden address)."""
