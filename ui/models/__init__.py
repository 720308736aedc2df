"""Table models. Large tables hold row ids and fetch rows lazily."""
