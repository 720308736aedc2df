"""No text that is not valid Unicode reaches the store, from any edge (UI field, CLI option, spreadsheet
cell, package): before every flush, string attributes of new and changed rows are checked for lone
surrogates, which SQLite's UTF-8 encoder would refuse with UnicodeEncodeError in the middle of a change."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from reviewdesk.safe_json import check_text


def _check(session: Session, _context: Any, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            value = state.dict.get(attr.key)
            if isinstance(value, str):
                check_text(value, f"{type(obj).__name__}.{attr.key}")


event.listen(Session, "before_flush", _check)
