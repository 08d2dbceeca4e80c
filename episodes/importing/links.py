"""Links between imported articles: a link to the old site's page of another imported article
becomes a page link, so it follows the page wherever the frontend serves it."""

import html
import re
from urllib.parse import urlsplit

from episodes.models import EpisodePage

# Rich text as the sanitiser stores it: external links are <a href="..."> and nothing else.
LINK_RE = re.compile(r'<a href="([^"]*)">')


def normalized(url: str) -> str:
    """A URL as the same page whatever its scheme, "www.", case of host or trailing slash."""
    parts = urlsplit(html.unescape(url).strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return host + path + (f"?{parts.query}" if parts.query else "")


def host_of(url: str) -> str:
    return normalized(url).split("/", 1)[0].split("?", 1)[0]


class LinkTargets:
    """Imported pages by the address they had on the old site, and which hosts that was."""

    def __init__(self) -> None:
        self.pages: dict[str, int] = {}
        self.old_hosts: set[str] = set()
        for pk, source in EpisodePage.objects.exclude(source_url="").values_list(
            "pk", "source_url"
        ):
            self.add(source, pk)

    def add(self, source_url: str, pk: int) -> None:
        key = normalized(source_url)
        if key:
            self.pages[key] = pk
            self.old_hosts.add(host_of(source_url))

    def expect(self, source_urls: list[str]) -> None:
        """Hosts of a batch about to be imported: links to them are links between articles."""
        self.old_hosts.update(host for url in source_urls if (host := host_of(url)))

    def resolves_any(self, urls: set[str]) -> bool:
        return any(normalized(url) in self.pages for url in urls)

    def rewrite(self, rich_text: str, unresolved: set[str]) -> str:
        """Links to imported pages become page links; links to the old site that match no page
        yet are added to `unresolved` (their page may come later in the batch)."""

        def replace(match: re.Match) -> str:
            href = match.group(1)
            key = normalized(href)
            if not key:
                return match.group(0)
            pk = self.pages.get(key)
            if pk is not None:
                return f'<a linktype="page" id="{pk}">'
            if key.split("/", 1)[0].split("?", 1)[0] in self.old_hosts:
                unresolved.add(html.unescape(href))
            return match.group(0)

        return LINK_RE.sub(replace, rich_text)


def unresolved_note(urls: set[str]) -> str:
    shown = ", ".join(sorted(urls)[:3]) + (", …" if len(urls) > 3 else "")
    return f"links to the old site that match no imported page (yet): {shown}"
