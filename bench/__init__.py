"""Benchmarks of the public API against plain Wagtail API v2 on the same data."""
