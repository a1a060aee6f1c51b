"""Allen interval relations (being written)."""
