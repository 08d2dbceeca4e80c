"""Plain Wagtail API v2 on the same models and database: the baseline the benchmark compares to."""
