"""Data collision screening (数据碰撞排查): officers of the reviewed units against business-registry extracts."""
