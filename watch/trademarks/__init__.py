"""Trademark-gazette watch: screen a gazette's marks against the protected GIs, keep the findings with
their opposition deadlines, and track what staff did with each (issue 12)."""
