"""Audio ingest: what an episode's audio file or URL says about itself (duration, size, type)."""
