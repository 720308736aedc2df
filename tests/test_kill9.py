"""kill -9 at random moments of import, opinion batch, results export and import, passwd, rekey, backup and
restore (tests/fuzz/kills.py): nothing lost, nothing half-done, no leftovers, no plaintext.

A few kills per run with a new seed each time (printed); reproduce with REVIEWDESK_FUZZ_SEED=<seed>, and
run more with REVIEWDESK_FUZZ_COUNT=<n>. bench/reliability.py runs the large version."""

from __future__ import annotations

import os
import random
from pathlib import Path

from tests.fuzz import kills


def test_kills_leave_the_workspace_whole(demo_template: Path, tmp_path: Path) -> None:
    seed = int(os.environ.get("REVIEWDESK_FUZZ_SEED") or random.SystemRandom().randrange(1 << 31))
    count = int(os.environ.get("REVIEWDESK_FUZZ_COUNT") or 4)
    print(f"kill-9 harness: REVIEWDESK_FUZZ_SEED={seed} REVIEWDESK_FUZZ_COUNT={count}")
    result = kills.campaign(seed, count, tmp_path / "kills", template=demo_template)
    assert result["tried"] == count
    assert result["failures"] == [], f"seed {seed}: {result['failures']}"
