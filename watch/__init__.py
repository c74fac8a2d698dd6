"""Deadlines, alerts and their delivery: what staff must act on, and when."""
