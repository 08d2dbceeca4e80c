"""A small stdlib HTTP client: JSON GETs, and an admin session that can publish pages."""

import http.client
import json
import re
import urllib.parse
from dataclasses import dataclass, field


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body)


def request(
    base_url: str,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> Answer:
    """One request on a fresh connection; redirects are returned, not followed."""
    parts = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(
            status=response.status,
            headers={k.lower(): v for k, v in response.getheaders()},
            body=response.read(),
        )
    finally:
        connection.close()


@dataclass
class AdminSession:
    """A logged-in Wagtail admin user on one app server (cookies kept by hand: they are Secure)."""

    base_url: str
    cookies: dict[str, str] = field(default_factory=dict)

    def send(self, method: str, path: str, form: dict[str, str] | None = None) -> Answer:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # Django's CSRF check wants the request's own origin on unsafe methods.
            headers["Origin"] = self.base_url
            headers["Referer"] = self.base_url + path
        answer = request(self.base_url, method, path, body, headers)
        for name, value in answer.headers.items():
            if name == "set-cookie":
                self._remember(value)
        return answer

    def _remember(self, set_cookie: str) -> None:
        # http.client folds repeated Set-Cookie headers into one, comma-separated.
        for match in re.finditer(r"(?:^|,\s*)([A-Za-z0-9_-]+)=([^;,]*)", set_cookie):
            name, value = match.groups()
            if name.lower() not in {"expires", "max-age", "path", "samesite", "domain"}:
                self.cookies[name] = value

    def csrf_form(self, path: str) -> str:
        """GET a form page and return its CSRF token."""
        answer = self.send("GET", path)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', answer.body)
        if not match:
            raise RuntimeError(f"no CSRF token on {path} (status {answer.status})")
        return match.group(1).decode()

    def login(self, username: str, password: str) -> None:
        token = self.csrf_form("/admin/login/")
        answer = self.send(
            "POST",
            "/admin/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"admin login failed with status {answer.status}")

    def bulk(self, action: str, page_id: int) -> Answer:
        """Run a page bulk action (publish, unpublish) on one page, as its confirm form does."""
        path = f"/admin/bulk/wagtailcore/page/{action}/?id={page_id}&next=/admin/"
        token = self.csrf_form(path)
        answer = self.send("POST", path, {"csrfmiddlewaretoken": token})
        if answer.status != 302:
            raise RuntimeError(f"{action} of page {page_id} answered {answer.status}")
        return answer
