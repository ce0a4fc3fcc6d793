"""Cross-document work: claim matching, stance, corroboration, dossiers, grading."""
