from tests.editorial.conftest import embargoed_edition, team  # noqa: F401  (shared fixtures)
