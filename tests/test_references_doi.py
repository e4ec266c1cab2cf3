"""find_doi / normalize_doi on every way a DOI gets written."""

from __future__ import annotations

import pytest

from essaycheck.references import find_doi, normalize_doi


@pytest.mark.parametrize(
    ("text", "normalised", "written"),
    [
        ("https://doi.org/10.1177/0146167217697299", "10.1177/0146167217697299",
         "https://doi.org/10.1177/0146167217697299"),
        ("http://dx.doi.org/10.3102/003465430298487", "10.3102/003465430298487",
         "http://dx.doi.org/10.3102/003465430298487"),
        ("https://dx.doi.org/10.3102/003465430298487.", "10.3102/003465430298487",
         "https://dx.doi.org/10.3102/003465430298487"),
        ("doi.org/10.1191/1478088706qp063oa", "10.1191/1478088706qp063oa", "doi.org/10.1191/1478088706qp063oa"),
        ("doi:10.1037/0003-066X.55.1.68", "10.1037/0003-066x.55.1.68", "doi:10.1037/0003-066X.55.1.68"),
        ("DOI: 10.1037/0003-066X.55.1.68.", "10.1037/0003-066x.55.1.68", "DOI: 10.1037/0003-066X.55.1.68"),
        ("doi 10.1007/s10648-005-3951-0", "10.1007/s10648-005-3951-0", "doi 10.1007/s10648-005-3951-0"),
        ("https://doi.org/10.1000/xyz.", "10.1000/xyz", "https://doi.org/10.1000/xyz"),
        ("Bulletin, 43(6), 772–784. 10.1177/0146167217697299", "10.1177/0146167217697299",
         "10.1177/0146167217697299"),
        ("(https://doi.org/10.1016/S0140-6736(20)30183-5).", "10.1016/s0140-6736(20)30183-5",
         "https://doi.org/10.1016/S0140-6736(20)30183-5"),
        ("https://doi.org/10.1175/1520-0477(1996)077<0437:TNYRP>2.0.CO;2",
         "10.1175/1520-0477(1996)077<0437:tnyrp>2.0.co;2",
         "https://doi.org/10.1175/1520-0477(1996)077<0437:TNYRP>2.0.CO;2"),
        ("https://doi.org/10.1000%2Fabc", "10.1000/abc", "https://doi.org/10.1000%2Fabc"),
    ],
)
def test_find_doi_in_every_written_form(text: str, normalised: str, written: str) -> None:
    assert find_doi(text) == (normalised, written)
    assert normalize_doi(text) == normalised


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no doi here",
        "https://psycnet.apa.org/doi/10.1037/0003-066X.55.1.68",  # a DOI inside another site's URL
        "10.1177/",
        "version 10.2 of the software",
    ],
)
def test_no_doi(text: str) -> None:
    assert find_doi(text) is None
    assert normalize_doi(text) == ""
