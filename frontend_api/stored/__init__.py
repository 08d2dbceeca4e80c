"""Stored representations: published pages' API answers kept in the database (docs/read-path.md)."""
