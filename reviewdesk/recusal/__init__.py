"""Recusal (回避): one small rule per ground of domain.md; the engine screens expert–case pairs."""
