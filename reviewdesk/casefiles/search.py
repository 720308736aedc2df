"""The FTS5 search index over case fields and document text (trigram tokens: Chinese substrings match)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from reviewdesk.casefiles.text import normalise_for_index

RECOGNISED = "ocr"  # documents.text_status once OCR recognised its pages without a text layer
PAGE_BREAK = "\f"  # between the pages of a PDF's text in the index, so a hit knows its page

# Where the first occurrence is, for the page and the passage: the FTS match says a row matches, not where.
# (SQLite's lower() changes ASCII letters only, so the position is the same in the body as it is.)
_POS = "instr(lower(search_index.body), lower(:raw))"
# The passage shown with a hit: this many characters before the first occurrence and after it. FTS5's own
# snippet() is not used: it tokenizes the whole body of every hit (135 ms for 50 hits in files of 100 OCR
# pages, against 10 ms for this).
BEFORE, AFTER = 12, 24
_PAGE = (
    f"CASE WHEN search_index.kind = 'document' AND {_POS} > 0 AND documents.page_count >= 1 THEN "
    f"CASE WHEN documents.page_count = 1 THEN 1 WHEN instr(search_index.body, char(12)) = 0 THEN NULL ELSE "
    f"1 + length(substr(search_index.body, 1, {_POS})) "
    f"- length(replace(substr(search_index.body, 1, {_POS}), char(12), '')) END END"
)
_FROM = (
    "FROM search_index JOIN cases ON cases.id = search_index.case_id "
    "LEFT JOIN documents ON search_index.kind = 'document' AND documents.id = search_index.ref_id"
)


@dataclass(frozen=True)
class Hit:
    kind: str  # case | document
    ref_id: int
    case_id: int
    title: str  # the case's title (case hits) or the document's (document hits)
    snippet: str
    case_number: str = ""  # 案号, so a hit says which case it belongs to
    case_title: str = ""
    page: int | None = None  # 1-based page of the first occurrence (PDF with a text layer); None: no pages
    recognised: bool = False  # the document's text is (partly) recognised by OCR, not its own text layer

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "id": self.ref_id, "case_id": self.case_id, "title": self.title,
                "snippet": self.snippet, "case_number": self.case_number, "case_title": self.case_title,
                "page": self.page, "recognised": self.recognised}


# search_index_cases (migration 0014) says which case each search_index row belongs to, so a search limited
# to a few cases reads only their rows; every write to search_index goes through the functions below.
def index(session: Session, kind: str, ref_id: int, case_id: int, title: str, body: str) -> None:
    index_many(session, [(kind, ref_id, case_id, title, body)])


def index_many(session: Session, entries: list[tuple[str, int, int, str, str]]) -> None:
    """Entries (kind, ref_id, case_id, title, body) in two statements. Their row ids are chosen here, for both
    tables: writers hold the store's write lock, so no one else takes the same ids meanwhile."""
    if not entries:
        return
    last = session.execute(text("SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1")).scalar() or 0
    rows = [{"id": last + 1 + i, "k": kind, "r": ref_id, "c": case_id, "t": title, "b": normalise_for_index(body)}
            for i, (kind, ref_id, case_id, title, body) in enumerate(entries)]
    session.execute(
        text("INSERT INTO search_index (rowid, kind, ref_id, case_id, title, body) VALUES (:id, :k, :r, :c, :t, :b)"), rows
    )
    session.execute(text("INSERT INTO search_index_cases (row_id, case_id) VALUES (:id, :c)"), rows)


def unindex_case(session: Session, case_id: int) -> None:
    session.execute(
        text("DELETE FROM search_index WHERE rowid IN (SELECT row_id FROM search_index_cases WHERE case_id = :c)"),
        {"c": case_id},
    )
    session.execute(text("DELETE FROM search_index_cases WHERE case_id = :c"), {"c": case_id})


def unindex_document(session: Session, document_id: int) -> None:
    rows = ",".join(str(int(r)) for (r,) in session.execute(
        text("SELECT rowid FROM search_index WHERE kind = 'document' AND ref_id = :r"), {"r": document_id}
    ))
    if rows:
        session.execute(text(f"DELETE FROM search_index WHERE rowid IN ({rows})"))
        session.execute(text(f"DELETE FROM search_index_cases WHERE row_id IN ({rows})"))


def search(session: Session, query: str, *, case_ids: set[int] | None = None, limit: int = 50) -> list[Hit]:
    """Cases and documents whose fields or text contain `query`; `case_ids` restricts to what the user may see."""
    q = " ".join(query.split())
    if not q or (case_ids is not None and not case_ids):
        return []
    # The rows of the cases in scope. A scan (short queries) looks them up one by one. A text match keeps its
    # own plan and only tests the row ids ("+" keeps SQLite from handing them to FTS5 as lookups: FTS5 would
    # then rank each one in a query of its own, about 1 ms a row).
    in_scope = "" if case_ids is None else (
        "search_index.rowid IN (SELECT row_id FROM search_index_cases WHERE case_id IN "
        f"({','.join(str(int(i)) for i in sorted(case_ids))}))"
    )
    matched_in_scope, scanned_in_scope = (f" AND +{in_scope}", f" AND {in_scope}") if in_scope else ("", "")
    columns = (f"search_index.kind, search_index.ref_id, search_index.case_id, search_index.title, "
               f"{_POS}, substr(search_index.body, max(1, {_POS} - {BEFORE}), :span), "
               f"cases.case_number, cases.title, {_PAGE}, documents.text_status")
    params: dict[str, object] = {"raw": q, "span": BEFORE + len(q) + AFTER, "n": limit}
    if len(q) >= 3:
        sql = f"SELECT {columns} {_FROM} WHERE search_index MATCH :q{matched_in_scope} ORDER BY rank LIMIT :n"
        params["q"] = '"' + q.replace('"', '""') + '"'
    else:
        # Trigrams need three characters; one- and two-character queries (e.g. a surname) scan instead.
        sql = (
            f"SELECT {columns} {_FROM} "
            f"WHERE (search_index.title LIKE :like ESCAPE '\\' OR search_index.body LIKE :like ESCAPE '\\')"
            f"{scanned_in_scope} LIMIT :n"
        )
        params["like"] = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = session.execute(text(sql), params).all()
    return [Hit(r[0], int(r[1]), int(r[2]), r[3], passage(r[5] or "", int(r[4] or 0), len(q)), r[6], r[7],
                None if r[8] is None else int(r[8]), r[9] == RECOGNISED) for r in rows]


def passage(window: str, position: int, length: int) -> str:
    """The hit's passage with its first occurrence marked 【…】; `window` starts BEFORE characters ahead of the
    1-based `position` (0: not in the body, e.g. a case found by its title) and is cut at the end of the span."""
    window = window.replace(PAGE_BREAK, " ")
    if position <= 0:
        return window[: BEFORE + AFTER] + ("…" if len(window) > BEFORE + AFTER else "")
    at = min(position - 1, BEFORE)
    head, hit, tail = window[:at], window[at : at + length], window[at + length :]
    return ("…" if position - 1 > BEFORE else "") + f"{head}【{hit}】{tail}" + ("…" if len(tail) == AFTER else "")
