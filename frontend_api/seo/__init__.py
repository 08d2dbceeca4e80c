"""What search engines read: JSON-LD and the sitemap."""
