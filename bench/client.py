"""A small stdlib HTTP client: JSON GETs, and an admin session that can publish pages."""

import http.client
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser

# The editor the bulk data sets create, whose publish requests the scale benchmark times.
BENCH_USER = "bench-editor"
BENCH_PASSWORD = "bench-editor-password"


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
    if not parts.hostname:
        raise ValueError(f"{base_url!r} names no host")
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


class FormFields(HTMLParser):
    """The fields one form of a page would submit as rendered (no JavaScript run)."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.fields: list[tuple[str, str]] = []
        self._inside = False
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {name: value if value is not None else "" for name, value in attributes}
        if tag == "form":
            self._inside = attrs.get("id") == self.form_id
        name = attrs.get("name", "")
        if not self._inside or (not name and tag != "option") or "__prefix__" in name:
            return  # formset templates (__prefix__) are copied by JavaScript, never sent
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self._textarea = name
            self.fields.append((name, ""))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            name, text = self.fields[-1]
            self.fields[-1] = (name, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


@dataclass
class AdminSession:
    """A logged-in Wagtail admin user on one app server (cookies kept by hand: they are Secure)."""

    base_url: str
    cookies: dict[str, str] = field(default_factory=dict)
    timeout: float = 30

    def send(
        self, method: str, path: str, form: dict[str, str] | list[tuple[str, str]] | None = None
    ) -> Answer:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # Django's CSRF check wants the request's own origin on unsafe methods.
            headers["Origin"] = self.base_url
            headers["Referer"] = self.base_url + path
        answer = request(self.base_url, method, path, body, headers, self.timeout)
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

    def edit(self, page_id: int, changes: dict[str, str], action: str = "action-publish") -> Answer:
        """Submit the page editor's form as rendered, with `changes`; publishes by default.

        StreamField values are built by the editor's JavaScript, not rendered as fields: give
        them in `changes` (`{"body-count": "0"}` for an empty body), or they are refused.
        """
        path = f"/admin/pages/{page_id}/edit/"
        page = self.send("GET", path)
        if page.status != 200:
            raise RuntimeError(f"the editor of page {page_id} answered {page.status}")
        parser = FormFields("page-edit-form")
        parser.feed(page.body.decode())
        fields = [(name, value) for name, value in parser.fields if name not in changes]
        answer = self.send("POST", path, [*fields, *changes.items(), (action, action)])
        if answer.status != 302:
            errors = re.findall(rb'class="error-message"[^>]*>\s*([^<]+)', answer.body)
            raise RuntimeError(f"edit of page {page_id} answered {answer.status}: {errors[:5]}")
        return answer
