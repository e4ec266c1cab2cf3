"""The documents this project started from: ../shared/seeds beside the checkout, absent in some clones."""

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
INF305 = "001_623e39b58d41a856.txt"
BLOG = "000_c740e5f9a9bc5037.txt"


def seed(name: str) -> Path:
    """The seed's path; skips the calling test when the seeds are not beside this checkout."""
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed {name} is not beside this checkout ({SEEDS})")
    return path
