"""Assembling a results package's manifest and in-memory members (export side, pure)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from typing import Any

from reviewdesk.clock import rfc3339
from reviewdesk.packages.manifest import FORMAT, VERSION
from reviewdesk.packages.results_manifest import AUDIT_CHECKPOINT, AUDIT_LOG
from reviewdesk.results.collect import CaseResult

AUDIT_LOG_MEDIA_TYPE = "application/x-ndjson"
AUDIT_CHECKPOINT_MEDIA_TYPE = "application/json"


def _entry(path: str, data: bytes, media_type: str, case_id: str | None, title: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "media_type": media_type,
        "title": title,
    }
    if case_id is not None:
        entry["case_id"] = case_id
    return entry


def assemble(
    *, campaign_id: str, campaign_name: str, issuer_name: str, key_id: str, results: Sequence[CaseResult],
    audit_log: bytes, audit_checkpoint: bytes,
) -> tuple[dict[str, Any], list[tuple[bytes, dict[str, Any]]]]:
    """The manifest and (bytes, files entry) pairs for builder.build: opinions first, then the audit members."""
    files: list[tuple[bytes, dict[str, Any]]] = []
    for result in results:
        for path, f in result.files:
            files.append((f.data, _entry(path, f.data, f.media_type, result.case_external_id, "评查意见书")))
    files.append((audit_log, _entry(AUDIT_LOG, audit_log, AUDIT_LOG_MEDIA_TYPE, None, "审计日志")))
    files.append((audit_checkpoint, _entry(AUDIT_CHECKPOINT, audit_checkpoint, AUDIT_CHECKPOINT_MEDIA_TYPE, None, "审计日志检查点")))
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "kind": "results",
        "package_id": str(uuid.uuid4()),
        "created_at": rfc3339(),
        "issuer": {"name": issuer_name, "key_id": key_id},
        "campaign": {"id": campaign_id, "name": campaign_name},
        "cases": [r.body for r in results],
        "experts": [],
        "files": [entry for _data, entry in files],
    }
    return manifest, files
