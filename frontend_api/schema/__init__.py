"""The OpenAPI document of the public API and the views that serve it."""
