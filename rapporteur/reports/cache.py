"""Caching of what readers see, invalidated by a content *generation*.

Any change to published content (publish, unpublish, move, delete, a snippet or setting
edit) replaces the generation with a fresh random token after the transaction commits.
Cache keys include the generation, so every cached item built from older content stops
matching at once, in every worker sharing the cache. A random token (rather than a
counter) means that if the generation key itself is evicted, nothing older can match
again by accident — stale or since-withdrawn content is never served.

A shared cache in front (Varnish) is told the same thing: a new generation bans what it holds,
once the transaction commits (``reports.frontend_cache``).
"""

import uuid

from django.core.cache import cache

from .frontend_cache import ban_after_commit

GENERATION_KEY = "reports:generation"
DEFAULT_TIMEOUT = 6 * 60 * 60
# The shape of what is cached. The cache outlives a deploy (Redis, or the file cache), and a
# new version reading a value an older one stored — a page object where it now expects an id,
# a dataclass with other fields — would fail or mislead. Bump this whenever a cached value
# changes shape: the new version then ignores everything the old one stored.
FORMAT = "3"


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    ban_after_commit()


def cached(name, *key_parts, build, timeout=DEFAULT_TIMEOUT):
    """Return the cached value for ``name`` + ``key_parts`` in this generation, building it if missing."""
    key = ":".join(["reports", FORMAT, name, current_generation(), *map(str, key_parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=timeout)
    return value
