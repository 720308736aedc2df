"""Scoring rules as data: rubric definitions (parts → items) and grade bands. No store, no Qt."""
