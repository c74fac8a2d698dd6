"""Ground floor: folding, romanising and keying names, and the knowledge tables (pure)."""
