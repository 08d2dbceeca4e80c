"""The reference frontend: renders the CMS's public HTTP API as server-side HTML."""
