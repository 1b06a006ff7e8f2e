"""Backups of the whole site — database and uploaded files — that restore exactly (``manage.py backup``, ``restore``)."""
