"""Open data: what researchers, journalists and lawyers take away from the report.

The API, the datasets, the feeds and the citations read only what every other output reads —
the edition as a document (``reports.document``) under the one visibility rule
(``reports.visibility``) — so nothing unpublished can reach them by a second path, and they
name everything through ``opendata.identifiers``. Depends on ``reports`` (and ``archive`` for
search) only.
"""
