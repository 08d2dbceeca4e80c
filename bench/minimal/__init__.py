"""The physical limit: a bare Django project (no apps, no middleware) serving fixed bytes."""
