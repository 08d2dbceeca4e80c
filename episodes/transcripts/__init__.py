"""Transcripts of episodes: parsing, storage, speaker mapping (and, later, quote location)."""
