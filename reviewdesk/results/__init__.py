"""Results packages (kind `results`): what a review laptop sends back and how the office machine merges it.

Pure parts live here (the per-case result JSON, the audit log and checkpoint members, comparing results);
reviewdesk/services/results.py runs them in transactions with role checks and audit entries.
"""
