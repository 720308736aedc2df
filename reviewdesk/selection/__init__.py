"""Case selection (选案): the pure, reproducible draw (draw.py) and the pool filters (filters.py). No store access."""
