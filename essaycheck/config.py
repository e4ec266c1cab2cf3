"""Configuration like ruff: ``[tool.essaycheck]`` in pyproject.toml, or essaycheck.toml, found upward.

Keys map one to one onto command-line flags (``allow-private-urls`` is
``--allow-private-urls``); flags win over the file, the file over the defaults.
Unknown keys and wrong types are a :class:`ConfigError` naming the key and the file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import fields
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError
from .model import Severity
from .settings import Settings

CONFIG_FILES = ("essaycheck.toml", ".essaycheck.toml", "pyproject.toml")

# file key -> (Settings field, expected type)
_KEYS: dict[str, tuple[str, type | tuple[type, ...]]] = {
    "select": ("select", list),
    "ignore": ("ignore", list),
    "severity": ("severity", dict),
    "resolve": ("resolve", bool),
    "offline": ("offline", bool),
    "cache": ("cache", bool),
    "cache-dir": ("cache_dir", str),
    "mailto": ("mailto", str),
    "lookups": ("lookups", list),
    "crossref-url": ("crossref_url", str),
    "openalex-url": ("openalex_url", str),
    "openlibrary-url": ("openlibrary_url", str),
    "allow-private-urls": ("allow_private_urls", bool),
    "concurrency": ("concurrency", int),
    "timeout": ("timeout", (int, float)),
    "style": ("style", str),
    "format": ("output_format", str),
    "color": ("colour", str),
    "progress": ("progress", bool),
    "jobs": ("jobs", int),
}
SUBTABLES = ("serve",)  # tables of their own inside the essaycheck table
_CHOICES = {"format": ("text", "json", "html"), "color": ("auto", "always", "never")}


def find_config(start: Path) -> Path | None:
    """The nearest essaycheck.toml, or pyproject.toml with a [tool.essaycheck] table, from ``start`` upward."""
    folder = start if start.is_dir() else start.parent
    for candidate_folder in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_FILES:
            candidate = candidate_folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "essaycheck" in _read_toml(path).get("tool", {})
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error}") from None


def config_table(path: Path) -> dict[str, Any]:
    """The essaycheck table of a config file (top level of essaycheck.toml, or [tool.essaycheck])."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("essaycheck", {})
    return data.get("tool", {}).get("essaycheck", data)


def settings_from_table(table: Mapping[str, Any], source: str, known_rules: frozenset[str]) -> dict[str, Any]:
    """Validate one config table and turn it into Settings keyword arguments."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in SUBTABLES:
            continue  # read by the command it belongs to (essaycheck.serve.limits)
        if key not in _KEYS:
            raise ConfigError(f"{source}: unknown key '{key}' (known keys: {', '.join(sorted(_KEYS))})")
        name, expected = _KEYS[key]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"{source}: '{key}' has the wrong type ({type(value).__name__})")
        if key in _CHOICES and value not in _CHOICES[key]:
            raise ConfigError(f"{source}: '{key}' must be one of {', '.join(_CHOICES[key])}, not '{value}'")
        if key in ("select", "ignore"):
            value = tuple(check_rule_patterns(value, known_rules, f"{source}: '{key}'"))
        if key == "lookups":
            value = tuple(parse_lookups(value, f"{source}: 'lookups'"))
        if key == "cache-dir":
            value = os.path.expanduser(value)
        if key == "severity":
            value = {rule_id: parse_severity(level, f"{source}: severity of '{rule_id}'")
                     for rule_id, level in value.items()}
            check_rule_patterns(list(value), known_rules, f"{source}: 'severity'")
        values[name] = value
    return values


LOOKUP_SERVICES = ("crossref", "openalex", "openlibrary")


def parse_lookups(names: list, where: str) -> list[str]:
    """The lookup services named, checked against those essaycheck knows."""
    unknown = [n for n in names if n not in LOOKUP_SERVICES]
    if unknown:
        raise ConfigError(f"{where}: unknown service '{unknown[0]}' (known: {', '.join(LOOKUP_SERVICES)})")
    return list(dict.fromkeys(names))


def check_rule_patterns(patterns: list, known_rules: frozenset[str], where: str) -> list[str]:
    """Rule ids or id prefixes; anything that selects no rule is an error."""
    for pattern in patterns:
        if not isinstance(pattern, str):
            raise ConfigError(f"{where}: rule ids are strings, not {pattern!r}")
        stem = pattern.rstrip("-")
        if not any(r == stem or r.startswith(stem + "-") for r in known_rules):
            raise ConfigError(f"{where}: no rule is called '{pattern}' (see 'essaycheck rules')")
    return list(patterns)


def parse_severity(level: Any, where: str) -> Severity:
    try:
        return Severity(str(level).lower())
    except ValueError:
        raise ConfigError(f"{where} must be error, warning or info, not '{level}'") from None


def load_settings(start: Path, overrides: Mapping[str, Any] | None = None,
                  config_file: Path | None = None) -> Settings:
    """Defaults ← config file found from ``start`` (or ``config_file``) ← ``overrides`` (flags; None = unset)."""
    from .rules import ALL_RULE_IDS

    values: dict[str, Any] = {}
    path = config_file or find_config(start)
    if path is not None:
        values.update(settings_from_table(config_table(path), str(path), ALL_RULE_IDS))
    if "mailto" not in values and os.environ.get("ESSAYCHECK_MAILTO"):
        values["mailto"] = os.environ["ESSAYCHECK_MAILTO"]
    known = {f.name for f in fields(Settings)}
    values.update({k: v for k, v in (overrides or {}).items() if v is not None and k in known})
    return Settings(**values)
