"""Podcast distribution: the RSS feed, its JSON chapters and their HTTP freshness."""
