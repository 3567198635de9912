"""Readers for dictionary formats: dyad's own TSV files (and, later, users' PETRARCH files)."""
