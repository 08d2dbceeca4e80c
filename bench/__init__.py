"""Benchmarks; `python -m bench.run` measures the API against plain Wagtail API v2."""
