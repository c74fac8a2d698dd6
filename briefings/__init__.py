"""Briefings: one module per brief (dispute, comparison, screening) and the parts they share. Each
prepares a finished `reports.briefing.Briefing`; reports/ renders it."""
