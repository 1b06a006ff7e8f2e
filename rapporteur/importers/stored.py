"""Content as pages store it, made comparable with what an import would write."""


def without_ids(value):
    """Stored StreamField data without its block ids: two imports of the same file compare equal
    to each other and to the page they wrote (Wagtail gives every block a new id on save)."""
    if isinstance(value, dict):
        return {key: without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value
