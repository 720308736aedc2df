"""Printed documents: a small block model composed from the store's facts, rendered to Word and PDF."""
