"""The report team's side: roles, review workflow, embargoed launch, account security, audit, backups.

Depends on ``reports`` (the content model); ``reports`` knows nothing of this app.
"""
