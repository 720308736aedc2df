"""A few hundred package mutants per run, a new seed each time (printed; set REVIEWDESK_FUZZ_SEED to reproduce,
REVIEWDESK_FUZZ_COUNT for more). bench/reliability.py runs thousands through the same campaign()."""

from __future__ import annotations

import os
import random
from pathlib import Path

from tests.fuzz import packages


def test_package_mutants_are_refused_cleanly_or_imported_whole(tmp_path: Path) -> None:
    seed = int(os.environ.get("REVIEWDESK_FUZZ_SEED") or random.SystemRandom().randrange(2**32))
    count = int(os.environ.get("REVIEWDESK_FUZZ_COUNT") or 200)
    print(f"package fuzz: REVIEWDESK_FUZZ_SEED={seed} REVIEWDESK_FUZZ_COUNT={count}")
    result = packages.campaign(seed, count, tmp_path)
    assert result["tried"] == count
    assert not result["failures"], f"seed {seed}: {result['failed']} of {count} failed:\n" + "\n".join(result["failures"][:30])
