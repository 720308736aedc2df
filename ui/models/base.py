"""Shared bits of the table models."""

from __future__ import annotations

from ui.qt import QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the default `parent` argument of rowCount/columnCount
