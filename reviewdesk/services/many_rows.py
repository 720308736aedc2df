"""Building thousands of result objects (a register of 8,000 items, a due list of 20,000 rows) at once.

Each view is a new tracked object, so a big read triggers the cyclic garbage collector again and again, and
each full pass walks every object of the process (in the desktop app, all of Qt's wrappers too): at 100,000
items that was a third of a register read. The views hold no reference cycles, so nothing is lost by holding
the collector off while they are built; it runs as usual afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside; re-enabled after unless it was already off (another caller's pause)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
