"""Rapporteur: one structured source for an annual human-rights report."""
