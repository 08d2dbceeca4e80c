"""Turn existing episode articles (HTML pages, Markdown files, WordPress exports) into pages."""
