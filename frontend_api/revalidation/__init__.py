"""Telling frontends and CDNs what changed: the signed revalidation webhook and CDN purges."""
