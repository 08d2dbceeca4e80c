"""Drafts for editors and reviewers: preview, review links, tokens, their admin views."""
