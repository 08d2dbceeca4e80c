"""Reading what an import names by URL: http(s) only, within a timeout and a size cap."""

import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings

USER_AGENT = "podcast-cms-import/1"
CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that could not be read; the message says why, for the person running the import."""


def is_web_url(url: str) -> bool:
    return urlsplit(url.strip()).scheme.lower() in ("http", "https")


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) addresses only (urllib's own also goes to ftp)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_web_url(newurl):
            raise FetchError(f"{req.full_url}: redirected away from http(s) to {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_WebOnlyRedirects)


def fetch(url: str, limit: int, what: str = "the file") -> bytes:
    """The body at `url`, refused when it is not http(s), too slow, or larger than `limit`."""
    if not is_web_url(url):
        raise FetchError(f"{url}: only http and https addresses are read")
    timeout = settings.IMPORT_FETCH_TIMEOUT
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _opener.open(request, timeout=timeout) as answer:
            declared = answer.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(f"{url}: {what} is {int(declared):,} bytes, over {limit:,}")
            data = bytearray()
            while chunk := answer.read(CHUNK):
                data += chunk
                if len(data) > limit:
                    raise FetchError(f"{url}: {what} is over {limit:,} bytes")
            return bytes(data)
    except urllib.error.HTTPError as error:
        raise FetchError(f"{url}: the host answered HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"{url}: could not be reached ({reason})") from None
