"""Situation outputs for one day (the map, the digest)."""
