"""Every fixed copy opens in another office suite: LibreOffice converts it to PDF, showing the
changes (deletions struck through, insertions added), so every insertion is in the printed text
(Debian's libreoffice-writer-nogui; skipped when it is not installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import essaycheck
from essaycheck.fix import fix_docx
from essaycheck.read import read_document
from essaycheck.settings import Settings

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


@pytest.mark.parametrize("name", ["mistakes-essay.docx", "layout-mistakes.docx"])
def test_libreoffice_opens_the_fixed_copy_with_the_fixes_accepted(tmp_path, name):
    report = essaycheck.check(SAMPLES / name, Settings(resolve=False))
    fixed = tmp_path / name.replace(".docx", ".fixed.docx")
    assert fix_docx(report, SAMPLES / name, fixed).applied
    profile = tmp_path / "profile"
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(fixed)], capture_output=True, text=True, timeout=180)
    pdf = fixed.with_suffix(".pdf")
    assert done.returncode == 0 and pdf.exists(), done.stderr
    printed = " ".join(p.text for p in read_document(pdf).paragraphs)
    printed = " ".join(printed.split())
    assert " ".join(read_document(SAMPLES / name).paragraphs[0].text.split()) in printed
    for problem in report.problems:  # a pure insertion (a missing comma) prints as the fixed text
        if problem.rule == "missing-comma" and problem.suggestion:
            assert problem.suggestion in printed
