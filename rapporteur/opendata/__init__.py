"""Open data: the report as stable, machine-readable records (the API; later datasets and feeds).

Reads only what every other output reads — the edition as a document (``reports.document``)
under the one visibility rule (``reports.visibility``) — and names everything through
``opendata.identifiers``.
"""
