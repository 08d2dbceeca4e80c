"""Transcripts served in every format podcast apps and frontends read."""
