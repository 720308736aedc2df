"""Use cases. The only door to the store for the CLI and the UI: each function takes the open workspace
(which carries the acting user), checks the role, runs in one transaction and appends to the audit log."""
