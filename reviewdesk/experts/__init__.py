"""The expert pool (专家库) and the interest registry: spreadsheet formats, vocabularies, the shared upsert.

Qt-free and session-level only; the services in reviewdesk/services/experts.py and registry.py wrap these
in role checks, one transaction and the audit log."""
