"""Reading a document makes many small objects and no reference cycles: the garbage collector,
which would otherwise run every few hundred of them and walk everything alive each time (spaCy's
model included, in a long-running server or batch), waits until the reading is done."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
