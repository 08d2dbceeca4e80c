"""Frontend settings, read from the environment once, when the app is created."""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    """Where the CMS lives and how this frontend presents it."""

    cms_url: str = "http://localhost:8000"
    site_name: str = ""  # empty: the title of the site's home page, asked of the CMS
    site_name_ttl: float = 60.0
    page_size: int = 10
    latest_count: int = 6
    cms_timeout: float = 30.0
    # Origins allowed to frame previews: the admin's preview panel lives on the CMS.
    frame_ancestors: str = "http://localhost:8000"

    @classmethod
    def from_env(cls) -> "Config":
        """Build the configuration from CMS_URL and the FRONTEND_* variables."""
        cms_url = os.environ.get("CMS_URL", cls.cms_url).rstrip("/")
        return cls(
            cms_url=cms_url,
            site_name=os.environ.get("FRONTEND_SITE_NAME", cls.site_name),
            site_name_ttl=float(os.environ.get("FRONTEND_SITE_NAME_TTL", cls.site_name_ttl)),
            page_size=int(os.environ.get("FRONTEND_PAGE_SIZE", cls.page_size)),
            latest_count=int(os.environ.get("FRONTEND_LATEST_COUNT", cls.latest_count)),
            cms_timeout=float(os.environ.get("FRONTEND_CMS_TIMEOUT", cls.cms_timeout)),
            frame_ancestors=os.environ.get("FRONTEND_FRAME_ANCESTORS", cms_url),
        )
