"""The FTS5 search index over case fields and document text (trigram tokens: Chinese substrings match)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from reviewdesk.casefiles.text import normalise_for_index

_SNIPPET = "snippet(search_index, 4, '【', '】', '…', 24)"


@dataclass(frozen=True)
class Hit:
    kind: str  # case | document
    ref_id: int
    case_id: int
    title: str
    snippet: str

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "id": self.ref_id, "case_id": self.case_id, "title": self.title, "snippet": self.snippet}


def index(session: Session, kind: str, ref_id: int, case_id: int, title: str, body: str) -> None:
    session.execute(
        text("INSERT INTO search_index (kind, ref_id, case_id, title, body) VALUES (:k, :r, :c, :t, :b)"),
        {"k": kind, "r": ref_id, "c": case_id, "t": title, "b": normalise_for_index(body)},
    )


def unindex_case(session: Session, case_id: int) -> None:
    session.execute(text("DELETE FROM search_index WHERE case_id = :c"), {"c": case_id})


def search(session: Session, query: str, *, case_ids: set[int] | None = None, limit: int = 50) -> list[Hit]:
    """Cases and documents whose fields or text contain `query`; `case_ids` restricts to what the user may see."""
    q = " ".join(query.split())
    if not q or (case_ids is not None and not case_ids):
        return []
    scope = "" if case_ids is None else f" AND case_id IN ({','.join(str(int(i)) for i in sorted(case_ids))})"
    if len(q) >= 3:
        phrase = '"' + q.replace('"', '""') + '"'
        sql = (
            f"SELECT kind, ref_id, case_id, title, {_SNIPPET} FROM search_index "
            f"WHERE search_index MATCH :q{scope} ORDER BY rank LIMIT :n"
        )
        params: dict[str, object] = {"q": phrase, "n": limit}
    else:
        # Trigrams need three characters; one- and two-character queries (e.g. a surname) scan instead.
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = (
            "SELECT kind, ref_id, case_id, title, substr(body, max(1, instr(body, :raw) - 24), 60) FROM search_index "
            f"WHERE (title LIKE :like ESCAPE '\\' OR body LIKE :like ESCAPE '\\'){scope} LIMIT :n"
        )
        params = {"like": like, "raw": q, "n": limit}
    rows = session.execute(text(sql), params).all()
    return [Hit(r[0], int(r[1]), int(r[2]), r[3], r[4] or "") for r in rows]
