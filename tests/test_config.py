"""Configuration files like ruff's: discovery, validation, precedence of flags."""

import pytest

from essaycheck.config import find_config, load_settings
from essaycheck.errors import ConfigError
from essaycheck.model import Severity


def test_pyproject_table_found_upward(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.essaycheck]\nignore = ["reference-order"]\nmailto = "tutor@uni.example"\n'
        '[tool.essaycheck.severity]\nnarrative-comma = "error"\n')
    essays = tmp_path / "class" / "week1"
    essays.mkdir(parents=True)
    settings = load_settings(essays)
    assert settings.ignore == ("reference-order",)
    assert settings.mailto == "tutor@uni.example"
    assert settings.severity_of("narrative-comma", Severity.WARNING) is Severity.ERROR
    assert not settings.rule_enabled("reference-order")


def test_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.other]\nx = 1\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(tmp_path / "sub") is None


def test_essaycheck_toml_wins_over_pyproject_in_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.essaycheck]\nconcurrency = 2\n')
    (tmp_path / "essaycheck.toml").write_text('concurrency = 3\n')
    assert load_settings(tmp_path).concurrency == 3


def test_flags_win_over_the_file(tmp_path):
    (tmp_path / "essaycheck.toml").write_text('concurrency = 3\nresolve = false\n')
    settings = load_settings(tmp_path, {"concurrency": 5, "resolve": None})
    assert settings.concurrency == 5 and settings.resolve is False


@pytest.mark.parametrize("content, words", [
    ('colour = "always"\n', "unknown key 'colour'"),
    ('concurrency = "8"\n', "'concurrency' has the wrong type"),
    ('ignore = ["no-such-rule"]\n', "no rule is called 'no-such-rule'"),
    ('[severity]\nnarrative-comma = "fatal"\n', "must be error, warning or info"),
    ('format = "xml"\n', "'format' must be one of"),
    ('concurrency = \n', "cannot read the configuration"),
])
def test_bad_configuration_names_key_and_file(tmp_path, content, words):
    (tmp_path / "essaycheck.toml").write_text(content)
    with pytest.raises(ConfigError) as error:
        load_settings(tmp_path)
    assert words in str(error.value) and "essaycheck.toml" in str(error.value)


def test_rule_prefixes_select_families():
    from essaycheck.settings import Settings

    settings = Settings(select=("doi",))
    assert settings.rule_enabled("doi-format") and settings.rule_enabled("doi-not-found")
    assert not settings.rule_enabled("missing-reference")


def test_the_readme_example_is_a_valid_configuration(tmp_path):
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.ignore == ("reference-order",) and settings.jobs == 4
    assert settings.cache_dir.endswith("/.cache/essaycheck") and "~" not in settings.cache_dir


def test_every_configuration_key_has_a_command_line_flag():
    """Like ruff: what the file can say, a flag can say too (severity is per rule, so file-only)."""
    import argparse

    from essaycheck.cli import build_parser
    from essaycheck.config import _KEYS

    flags = set()
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                flags.update(option for a in sub._actions for option in a.option_strings)
    missing = [key for key in _KEYS if key != "severity" and f"--{key}" not in flags and f"--no-{key}" not in flags]
    assert not missing
