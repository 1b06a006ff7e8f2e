"""The report team's workflow: roles per region, review workflows, the edition dashboard and the
embargoed launch, and the audit of role changes and launches.

Staff sign-in lives in ``accounts``, backups in ``backups``. Depends on ``reports`` (the
content model) and ``publishing`` (the scheduler builds files); ``reports`` knows nothing of it.
"""
