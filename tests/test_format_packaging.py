"""styles/ ships inside the package: a wheel built from this tree, installed in a fresh environment, finds it."""

import shutil
import subprocess
import sys
import venv
from pathlib import Path

from essaycheck.formatting.style import available_project_styles, project_styles_dir, style_path

ROOT = Path(__file__).resolve().parent.parent


def test_project_styles_are_found_in_the_tree():
    assert "essaycheck-author-date" in available_project_styles()
    assert Path(style_path("essaycheck-author-date")).parent == project_styles_dir()


def test_installed_wheel_finds_styles(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "styles", source / "styles")
    shutil.copytree(ROOT / "essaycheck", source / "essaycheck", symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    # Built with this environment's setuptools and installed from the wheel file alone: no network.
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
                            "--quiet", "--wheel-dir", str(wheels), str(source)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("essaycheck-*.whl")
    env_dir = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                              "--no-index", "--quiet", str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    probe = ("from essaycheck.formatting.style import style_path, project_styles_dir\n"
             "import essaycheck\n"
             "path = style_path('essaycheck-author-date')\n"
             "assert 'site-packages' in path, path\n"
             "print(path)")
    found = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()).is_file()
