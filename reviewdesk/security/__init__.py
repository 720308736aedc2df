"""Key material: key slots that unlock the data key, login throttling, atomic files."""
