"""Hostile requests against every public endpoint: what an attacker or a broken client sends.

Paths and queries may name objects of the test site through placeholders filled in at run time:
{episode}, {draft}, {private}, {image}, {document}, {show_slug}, {episode_path}.
"""

from dataclasses import dataclass, field
from urllib.parse import quote


@dataclass(frozen=True)
class Hostile:
    """One request: a raw query string so NUL bytes and odd encodings reach the server as sent."""

    name: str
    path: str
    query: str = ""
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""


LISTINGS = ("/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/")
DETAILS = ("/api/v2/pages/{episode}/", "/api/v2/images/{image}/", "/api/v2/documents/{document}/")
FIND = "/api/v2/pages/find/"
PREVIEW = "/api/v2/page_preview/"
REVIEW = "/api/v2/review/{token}/"
# Every query parameter some endpoint reads, and a few it should ignore or refuse.
STRING_PARAMETERS = (
    "search",
    "fields",
    "type",
    "order",
    "html_path",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "show",
    "rubric",
    "tag",
    "season",
    "episode_number",
    "broadcast_after",
    "broadcast_before",
    "limit",
    "offset",
    "id",
    "locale",
    "translation_of",
    "search_operator",
    "token",
    "content_type",
)
NESTED_FIELDS = "fields=" + "related_episodes(" * 1000 + "title" + ")" * 1000
SQL_LIKE = (
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page; --",
    '" UNION SELECT password FROM auth_user --',
    "%' AND pg_sleep(5) --",
    "title:* & !body | (",
)
ORM_LOOKUPS = (
    "title__contains=a",
    "id__gt=0",
    "owner__password__startswith=pbkdf2",
    "live=false",
    "order=owner__password",
    "order=-live_revision__content",
    "fields=owner",
    "fields=live_revision",
    "type=auth.User",
    "type=wagtailcore.Revision&fields=*",
)
ODD_PATHS = (
    "../../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "/signal-and-noise/%00/",
    "/\u202eevil/",
    "/\U0001f399\ufe0f-episode/",
    "/caf\u00e9/\u00e9pisode-\u4e00/",
    "/" + "a/" * 500,
    "\\\\server\\share",
    "//evil.example.com/",
    "/\u0000",
)
TOKENS = {
    "missing": "",
    "forged": "eyJwYWdlIjoxfQ:1forged:signature",
    "garbage": "%ff%fe%00",
    "huge": "A" * 10_000,
}


def corpus() -> list[Hostile]:
    """The whole corpus: every family of hostile input against every endpoint it can reach."""
    requests: list[Hostile] = []

    for path in LISTINGS:
        for value in ("-1", "abc", "99999999999999999999999", "1e9", "0x10", "", " 5", "5.5"):
            requests.append(Hostile(f"limit={value!r} on {path}", path, f"limit={quote(value)}"))
            requests.append(Hostile(f"offset={value!r} on {path}", path, f"offset={quote(value)}"))
        requests.append(Hostile(f"unknown field on {path}", path, "fields=no_such_field"))
        requests.append(Hostile(f"unknown parameter on {path}", path, "no_such_parameter=1"))
        requests.append(Hostile(f"fields nested 1000 deep on {path}", path, NESTED_FIELDS))
        requests.append(Hostile(f"format=api on {path}", path, "format=api"))
        requests.append(Hostile(f"format=xml on {path}", path, "format=xml"))
        for lookup in ORM_LOOKUPS:
            requests.append(Hostile(f"ORM lookup {lookup} on {path}", path, lookup))
        for text in SQL_LIKE:
            requests.append(
                Hostile(f"SQL-like search {text!r} on {path}", path, "search=" + quote(text))
            )

    for path in (*LISTINGS, FIND, PREVIEW):
        for name in STRING_PARAMETERS:
            requests.append(Hostile(f"NUL in {name} on {path}", path, f"{name}=a%00b"))
            requests.append(Hostile(f"NUL in the name {name} on {path}", path, f"{name}%00=1"))

    for path in DETAILS:
        requests.append(Hostile(f"format=api on {path}", path, "format=api"))
        requests.append(Hostile(f"fields nested 1000 deep on {path}", path, NESTED_FIELDS))
        requests.append(Hostile(f"unknown field on {path}", path, "fields=no_such_field"))
        requests.append(Hostile(f"NUL in fields on {path}", path, "fields=title%00"))
    for pk in ("-1", "0", "abc", "99999999999999999999999", "1%00", "{draft}", "{private}"):
        requests.append(Hostile(f"page id {pk!r}", f"/api/v2/pages/{pk}/"))

    for html_path in ODD_PATHS:
        requests.append(
            Hostile(f"html_path {html_path[:40]!r}", FIND, "html_path=" + quote(html_path))
        )
    requests.append(Hostile("html_path of a draft", FIND, "html_path={draft_path}"))
    requests.append(Hostile("html_path of a private page", FIND, "html_path={private_path}"))
    requests.append(Hostile("find by id, non-numeric", FIND, "id=abc"))
    requests.append(Hostile("find by id, huge", FIND, "id=99999999999999999999999"))
    requests.append(Hostile("find without a key", FIND))
    requests.append(
        Hostile("non-ASCII slug in a filter", "/api/v2/pages/", "show=" + quote("émission-日本"))
    )
    requests.append(Hostile("non-ASCII tag", "/api/v2/pages/", "tag=" + quote("café,日本")))
    requests.append(
        Hostile("non-ASCII type", "/api/v2/pages/", "type=" + quote("épisodes.Épisode"))
    )
    requests.append(
        Hostile(
            "dates upside down",
            "/api/v2/pages/",
            "broadcast_after=9999-12-31&broadcast_before=0001-01-01",
        )
    )
    requests.append(Hostile("date out of range", "/api/v2/pages/", "broadcast_after=99999-01-01"))
    requests.append(Hostile("season overflow", "/api/v2/pages/", "season=99999999999999999999"))

    for label, token in TOKENS.items():
        requests.append(
            Hostile(
                f"{label} preview token",
                PREVIEW,
                f"content_type=episodes.episodepage&token={quote(token)}",
            )
        )
        requests.append(
            Hostile(f"{label} review token", REVIEW.format(token=quote(token, safe="") or "-"))
        )
    for token_case in ("expired_preview", "other_page_preview", "wrong_type_preview"):
        requests.append(
            Hostile(
                f"{token_case} token",
                PREVIEW,
                f"content_type={{{token_case}_type}}&token={{{token_case}}}",
            )
        )
    requests.append(
        Hostile(
            "preview token under another page's id (the token alone decides: its own draft)",
            "/api/v2/page_preview/{episode}/",
            "content_type=episodes.episodepage&token={other_page_preview}",
        )
    )
    for token_case in ("expired_review", "revoked_review"):
        requests.append(Hostile(f"{token_case} link", "/api/v2/review/{" + token_case + "}/"))
    requests.append(
        Hostile(
            "preview content_type of a non-page model",
            PREVIEW,
            "content_type=auth.user&token={other_page_preview}",
        )
    )

    writable = (
        "/api/v2/pages/",
        "/api/v2/pages/{episode}/",
        "/api/v2/images/",
        FIND,
        PREVIEW,
        "/healthz",
    )
    for path in writable:
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            requests.append(
                Hostile(
                    f"{method} {path}",
                    path,
                    method=method,
                    body='{"title": "pwned"}',
                    headers={"Content-Type": "application/json"},
                )
            )
    requests.append(Hostile("TRACE on pages", "/api/v2/pages/", method="TRACE"))

    for path in ("/api/v2/pages/", "/api/v2/pages/{episode}/", "/healthz"):
        requests.append(
            Hostile(f"spoofed Host on {path}", path, headers={"Host": "evil.example.com"})
        )
        requests.append(
            Hostile(
                f"spoofed X-Forwarded-Host on {path}",
                path,
                headers={"X-Forwarded-Host": "evil.example.com"},
            )
        )
        requests.append(
            Hostile(
                f"Host with a port and junk on {path}",
                path,
                headers={"Host": "testserver:99999@evil"},
            )
        )

    requests.append(
        Hostile("Accept: text/html on pages", "/api/v2/pages/", headers={"Accept": "text/html"})
    )
    requests.append(
        Hostile(
            "Accept: */api on pages", "/api/v2/pages/", headers={"Accept": "application/xml;q=2"}
        )
    )
    requests.append(
        Hostile(
            "bad cookie on pages",
            "/api/v2/pages/",
            headers={"Cookie": "sessionid=\x00; csrftoken=" + "x" * 5000},
        )
    )
    requests.append(
        Hostile(
            "bad basic auth on pages",
            "/api/v2/pages/",
            headers={"Authorization": "Basic !!notbase64"},
        )
    )
    requests.append(
        Hostile(
            "bearer junk on detail",
            "/api/v2/pages/{episode}/",
            headers={"Authorization": "Bearer \u202e"},
        )
    )
    requests.append(Hostile("huge query string", "/api/v2/pages/", "search=" + "x" * 20_000))
    requests.append(
        Hostile("many repeated parameters", "/api/v2/pages/", "&".join(["tag=a"] * 2000))
    )
    requests.append(Hostile("percent-encoding broken", "/api/v2/pages/", "search=%E0%A4%A"))
    requests.append(Hostile("overlong UTF-8", "/api/v2/pages/", "search=%C0%AF"))
    return requests
