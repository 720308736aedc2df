"""Document content in the encrypted store, as 1 MiB chunks (rows stay small; reads can stream)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from reviewdesk.store.models import DocumentChunk

CHUNK = 1 << 20


class ChunkWriter:
    """Collects bytes and writes a row per full chunk, so memory stays at one chunk."""

    def __init__(self, session: Session, document_id: int) -> None:
        self._session = session
        self._document_id = document_id
        self._buffer = bytearray()
        self._seq = 0

    def write(self, data: bytes) -> None:
        if not self._buffer and len(data) == CHUNK:
            self._emit(data)  # the usual case for large files: no copy
            return
        self._buffer += data
        while len(self._buffer) >= CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]))
            del self._buffer[:CHUNK]

    def close(self) -> None:
        if self._buffer or self._seq == 0:
            self._emit(bytes(self._buffer))
            self._buffer.clear()

    def _emit(self, data: bytes) -> None:
        self._session.execute(insert(DocumentChunk), [{"document_id": self._document_id, "seq": self._seq, "data": data}])
        self._seq += 1


def iter_document(session: Session, document_id: int) -> Iterator[bytes]:
    stmt = select(DocumentChunk.data).where(DocumentChunk.document_id == document_id).order_by(DocumentChunk.seq)
    yield from session.execute(stmt).scalars()


def read_document(session: Session, document_id: int) -> bytes:
    return b"".join(iter_document(session, document_id))
