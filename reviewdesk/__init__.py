"""ReviewDesk core: store, domain services and CLI. Never imports Qt."""

__version__ = "0.1.0"
