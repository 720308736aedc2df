"""ReviewDesk desktop front end: a thin PySide6 layer over the `reviewdesk` core.

Every Qt import goes through `ui.qt`. Nothing here talks to the ORM; pages call `reviewdesk.services`.
"""
