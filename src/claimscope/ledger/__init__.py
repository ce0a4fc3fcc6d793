"""Cross-document work over model records (never spaCy Docs, never SQL).

`entity_links` links each document's entities to corpus entities; `names` holds the name
normalisation its rules share; `alias_book` reads the alias file that lets a user merge and split.
"""
