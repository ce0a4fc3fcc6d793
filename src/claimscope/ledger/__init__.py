"""Cross-document work over model records (never spaCy Docs, never SQL): entity linking, claim
matching, stance, origins, claim clusters, corroboration, assessment, grades and dossiers.

`entity_links` links each document's entities to corpus entities; `names` holds the name
normalisation its rules share; `alias_book` reads the alias file that lets a user merge and split.
`claim_match` and `stance` are the learned pair models; `origins`, `clusters`, `sources`,
`assess` and `dossier` are the ledger (`facade.Ledger` is what the Workspace calls).
"""
