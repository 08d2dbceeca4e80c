"""The only door to the CMS: its public HTTP API, called like any third-party frontend would."""

from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

JSON = dict[str, Any]


class NotFound(Exception):
    """The CMS answered 404: no such page, or a dead preview or review token."""


class CMSUnavailable(Exception):
    """The CMS could not be reached or answered with an error other than 404."""


def cookieless_jar() -> CookieJar:
    """A jar that refuses every cookie, so nothing one visitor caused is sent for another."""
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


class CMSClient:
    """Typed calls to the endpoints of the public contract (DESIGN.md section 5)."""

    def __init__(self, base_url: str, timeout: float):
        self.base_url = base_url.rstrip("/")
        self.http = httpx.AsyncClient(
            base_url=f"{base_url}/api/v2/",
            timeout=timeout,
            follow_redirects=True,
            cookies=cookieless_jar(),
            headers={"Accept": "application/json"},
        )

    async def close(self) -> None:
        await self.http.aclose()

    async def get(self, path: str, params: dict | None = None, client_ip: str = "") -> JSON:
        """GET an API path; raise NotFound on 404 and CMSUnavailable on anything else amiss."""
        # Token endpoints are rate-limited per visitor; say who the visitor is.
        headers = {"X-Forwarded-For": client_ip} if client_ip else {}
        try:
            response = await self.http.get(path, params=params, headers=headers)
        except httpx.HTTPError as error:
            raise CMSUnavailable(f"{type(error).__name__} calling the CMS") from error
        if response.status_code == 404:
            raise NotFound(path)
        if response.status_code != 200:
            raise CMSUnavailable(f"The CMS answered {response.status_code}")
        try:
            return response.json()
        except ValueError as error:
            raise CMSUnavailable("The CMS answered with something other than JSON") from error

    async def find(self, html_path: str) -> JSON:
        """The page served at a frontend path, in full detail."""
        return await self.get("pages/find/", {"html_path": html_path})

    async def pages(self, **params: str | int) -> JSON:
        """A page listing: {"meta": {"total_count"}, "items": [...]}."""
        return await self.get("pages/", params)

    async def preview(self, content_type: str, token: str, client_ip: str = "") -> JSON:
        """An editor's unsaved or draft page, through a wagtail-headless-preview token."""
        params = {"content_type": content_type, "token": token}
        return await self.get("page_preview/", params, client_ip)

    async def review(self, token: str, client_ip: str = "") -> JSON:
        """A draft shared through a reviewer link, with its `review` object."""
        # Quoted whole so a crafted token can't walk to another API path.
        return await self.get(f"review/{quote(token, safe='')}/", client_ip=client_ip)

    async def transcript(self, url: str) -> JSON:
        """A transcript the API linked to, in its Podcasting 2.0 JSON form."""
        # Only the path is kept: the CMS is asked where this frontend reaches it (which may
        # not be its public address), and a URL in content can't send this server elsewhere.
        return await self.get(f"{self.base_url}{urlsplit(url).path}")
