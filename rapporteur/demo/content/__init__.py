"""Demo content, written for this project.

Facts about real countries are limited to well-established public events (elections,
changes of government, court verdicts reported worldwide). The Kazakhstan entry draws its
facts from the reference capture in shared/seeds; its wording is our own.
"""
