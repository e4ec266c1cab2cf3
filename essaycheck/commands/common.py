"""Flags shared by the subcommands that check essays, and turning them into Settings."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..config import check_rule_patterns, load_settings
from ..settings import Settings

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _rule_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def add_settings_options(parser: argparse.ArgumentParser) -> None:
    """The flags that map onto configuration keys (see README, Configuration)."""
    rules = parser.add_argument_group("rules")
    rules.add_argument("--select", type=_rule_list, action="extend", metavar="RULES",
                       help="only these rules (comma-separated ids or prefixes, e.g. doi,missing-reference)")
    rules.add_argument("--ignore", type=_rule_list, action="extend", metavar="RULES",
                       help="skip these rules (comma-separated ids or prefixes)")

    net = parser.add_argument_group("looking up DOIs, links and the works themselves")
    net.add_argument("--no-resolve", dest="resolve", action="store_false", default=None,
                     help="look nothing up: no DOIs, links or works (no network at all)")
    net.add_argument("--offline", action="store_true", default=None,
                     help="use only answers already in the cache; send nothing")
    net.add_argument("--no-cache", dest="cache", action="store_false", default=None,
                     help="neither read nor write the on-disk cache")
    net.add_argument("--cache-dir", metavar="DIR",
                     help="where the cache lives (default: ESSAYCHECK_CACHE_DIR or your user cache folder)")
    net.add_argument("--mailto", metavar="ADDRESS",
                     help="your contact address, sent to Crossref and OpenAlex (or set ESSAYCHECK_MAILTO)")
    net.add_argument("--lookups", type=_lookup_list, metavar="SERVICES",
                     help="where to check that each reference exists: any of crossref,openalex,openlibrary "
                          "(default: all three; an empty list checks DOIs and links only)")
    for service, name in (("crossref", "Crossref"), ("openalex", "OpenAlex"), ("openlibrary", "Open Library")):
        net.add_argument(f"--{service}-url", metavar="URL",
                         help=f"{name}'s address, for a mirror (or set ESSAYCHECK_{service.upper()}_URL)")
    net.add_argument("--allow-private-urls", action="store_true", default=None,
                     help="allow URLs that point at this machine or a private network")
    net.add_argument("--concurrency", type=_positive_int, metavar="N", help="lookups at once (default 8)")
    net.add_argument("--timeout", type=float, metavar="SECONDS", help="per request (default 10)")

    out = parser.add_argument_group("output")
    out.add_argument("--color", dest="colour", choices=("auto", "always", "never"),
                     help="colour in the terminal report (default: auto, only on a terminal; NO_COLOR is honoured)")
    out.add_argument("--no-progress", dest="progress", action="store_false", default=None,
                     help="never show a progress bar")
    cfg = parser.add_argument_group("configuration")
    cfg.add_argument("--config", type=Path, metavar="FILE",
                     help="use this essaycheck.toml / pyproject.toml instead of searching upward")
    cfg.add_argument("--isolated", action="store_true", help="ignore every configuration file")


def _lookup_list(text: str) -> tuple[str, ...]:
    from ..config import ConfigError, parse_lookups

    try:
        return tuple(parse_lookups([n.strip() for n in text.split(",") if n.strip()], "--lookups"))
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--lookups: ")) from exc


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def settings_from_args(args: argparse.Namespace, start: Path) -> Settings:
    """Defaults ← config file (found upward from ``start``) ← flags."""
    from ..rules import ALL_RULE_IDS

    for name in ("select", "ignore"):
        if getattr(args, name, None):
            check_rule_patterns(getattr(args, name), ALL_RULE_IDS, f"--{name}")
    overrides = {
        name: getattr(args, name, None)
        for name in ("resolve", "offline", "cache", "cache_dir", "mailto", "lookups", "crossref_url", "openalex_url",
                     "openlibrary_url", "allow_private_urls", "concurrency", "timeout", "colour", "progress",
                     "output_format", "jobs", "style")
    }
    overrides["select"] = tuple(args.select) if getattr(args, "select", None) else None
    overrides["ignore"] = tuple(args.ignore) if getattr(args, "ignore", None) else None
    if getattr(args, "isolated", False):
        return Settings().updated(**overrides)
    return load_settings(start, overrides, config_file=getattr(args, "config", None))


def use_colour(setting: str, stream=sys.stdout) -> bool:
    """Colour only on a terminal, unless forced; NO_COLOR switches 'auto' off."""
    if setting == "always":
        return True
    if setting == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()
