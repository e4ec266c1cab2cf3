"""spaCy is imported once, lazily, and without its command-line interface; nothing of spaCy is lost."""

import subprocess
import sys

PROBE = """
import sys
from essaycheck.citations.nlp import pipeline
nlp = pipeline()
assert [t.text for t in nlp.make_doc("Raj et al. (2017)")] == ["Raj", "et", "al", ".", "(", "2017", ")"]
assert "spacy.cli" not in sys.modules and "typer" not in sys.modules  # not loaded for a check
import spacy
import spacy.cli  # still importable, and the real thing
assert callable(spacy.cli.download) and "spacy.cli" in sys.modules
assert spacy.info()["spacy_version"] == spacy.__version__  # spacy.info reaches the real one
assert pipeline() is nlp  # built once
print("ok")
"""


def test_spacy_without_its_cli_and_nothing_lost():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
