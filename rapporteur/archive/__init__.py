"""Cross-edition reading: full-text search with facets, country hubs, themes and people across years.

Built on *archive records*: a denormalised, reader-visible projection of published content,
one row per section of every entry (and per article or overview), made from the same
``reports.document`` representation the pages render, and on a word index per edition
(``wordindex``, a small engine behind its own interface) that search reads. Depends on ``reports``
only.
"""
