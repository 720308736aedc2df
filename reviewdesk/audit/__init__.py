"""The hash-chained audit log and its signed checkpoints."""
