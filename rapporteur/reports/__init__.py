"""The core of Rapporteur: editions, regions, country entries and the vocabularies that connect them.

Every other app may import from here; this app imports from none of them.
"""
