"""The pipeline's layers: a lower stage never imports a higher one.

Import statements are read with ``ast`` (every one, including those inside functions), and
relative forms are resolved against the importing module's package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parent.parent / "essaycheck"

# importing package -> packages none of its modules may import
FORBIDDEN = {
    "essaycheck.render": ("essaycheck.batch",),
    "essaycheck.resolve": ("essaycheck.rules",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module the source of ``module`` imports, as absolute names.

    ``from X import y`` counts both ``X`` and ``X.y``, since ``y`` may be a submodule.
    """
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            found.add(prefix)
            found.update(f"{prefix}.{alias.name}" for alias in node.names)
    return found


def is_within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def modules_of(package: str) -> list[Path]:
    return sorted((PACKAGE_ROOT.parent / package.replace(".", "/")).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_lower_layers_do_not_import_higher_ones(package):
    files = modules_of(package)
    assert files, f"no modules found under {package}"
    offences = []
    for path in files:
        name = module_name(path)
        imports = imported_modules(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")
        for forbidden in FORBIDDEN[package]:
            offences.extend(f"{name} imports {m}" for m in sorted(imports) if is_within(m, forbidden))
    assert not offences, "\n".join(offences)


@pytest.mark.parametrize("statement", [
    "from ..batch.summary import common_problems",
    "from .. import batch",
    "from ..batch import summary",
    "import essaycheck.batch.summary",
    "from essaycheck.batch import summary",
    "def render():\n    from ..batch.summary import common_problems\n",
])
def test_the_check_sees_every_import_form(statement):
    imports = imported_modules(statement, "essaycheck.render.index_html")
    assert any(is_within(m, "essaycheck.batch") for m in imports)


def test_the_check_resolves_relative_imports_from_a_package():
    assert "essaycheck.rules" in imported_modules("from ..rules import RULES", "essaycheck.resolve", is_package=True)
    assert not any(is_within(m, "essaycheck.batch")
                   for m in imported_modules("from . import html\nfrom ..model import Report",
                                             "essaycheck.render.index_html"))
