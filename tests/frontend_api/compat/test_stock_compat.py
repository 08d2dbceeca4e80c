"""Differential test: the API at /api/v2/ against stock Wagtail v2 viewsets on the same data.

Stock `PagesAPIViewSet`, `ImagesAPIViewSet` and `DocumentsAPIViewSet` are mounted at
/stock-api/v2/ (tests/frontend_api/compat/urls.py) and every request of the corpus goes to
both. Status, error shape, Location, total_count, ids and their order, and every field
stock serves must agree, except for the rows of the table "Differences from stock Wagtail
v2" in docs/api.md: each row has exactly one normaliser below, registered under the row's
name. Any other difference fails, listed with the request and the first mismatches.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, FieldError
from django.test import Client
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from episodes.models import EpisodePage
from frontend_api.pages.filters import EPISODE_FILTERS

from .corpus import Request, corpus
from .dataset import build

OURS, STOCK = "/api/v2/", "/stock-api/v2/"
DOCS_TABLE = settings.BASE_DIR / "docs" / "api.md"


@dataclass(frozen=True)
class Answer:
    status: int
    location: str | None
    body: Any  # parsed JSON, or None when the body is not JSON


@dataclass
class Exchange:
    """One corpus request and both answers, as the normalisers see them."""

    request: Request
    params: dict[str, str]
    ours: Answer
    stock: Answer
    ask_stock: Callable[[dict[str, str]], Answer]

    @property
    def message(self) -> str:
        body = self.stock.body
        return body.get("message", "") if isinstance(body, dict) else ""


def fetch(client: Client, url: str) -> Answer:
    """The answer to a GET, through APPEND_SLASH's redirect when there is one."""
    response = client.get(url)
    if response.status_code == 301 and response["Location"].startswith(url.split("?")[0] + "/"):
        response = client.get(response["Location"])
    try:
        body = json.loads(response.content) if response.content else None
    except ValueError:
        body = None
    location = response.get("Location")
    if location:
        location = location.replace(STOCK, OURS)
    if body is not None:
        body = json.loads(json.dumps(body).replace(STOCK, OURS))
    return Answer(response.status_code, location, body)


def walk(value: Any, visit: Callable[[dict], None]) -> None:
    """Call visit on every object inside value, outermost first."""
    if isinstance(value, dict):
        visit(value)
        for item in value.values():
            walk(item, visit)
    elif isinstance(value, list):
        for item in value:
            walk(item, visit)


def page_objects(body: Any) -> list[dict]:
    """The page objects of an answer: the detail itself, or the listing's items."""
    if not isinstance(body, dict):
        return []
    if isinstance(body.get("items"), list):
        return [item for item in body["items"] if isinstance(item, dict)]
    return [] if "message" in body else [body]


def answered_model(exchange: Exchange):
    """The page model the request is about: its single `type`, or the detail's meta.type."""
    names = exchange.params.get("type", "").split(",")
    body = exchange.ours.body
    if len(names) == 1 and "." in names[0]:
        label = names[0]
    elif isinstance(body, dict) and isinstance(body.get("meta"), dict) and "items" not in body:
        label = body["meta"].get("type", "")
    else:
        return None
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def computed_only(model) -> list[str]:
    """api_fields the API computes and stock cannot serialize: no model field carries them."""
    names = []
    for field in getattr(model, "api_fields", ()):
        try:
            model._meta.get_field(field.name)
        except FieldDoesNotExist:
            names.append(field.name)
    return names


def fields_of(kind) -> set[str]:
    names = set()
    for model in apps.get_models():
        if issubclass(model, Page):
            names |= {f.name for f in model._meta.get_fields() if isinstance(f, kind)}
    return names


RICH_TEXT_FIELDS = fields_of(RichTextField)
STREAM_FIELDS = fields_of(StreamField)

# Row name (as in docs/api.md) -> normaliser. Applied in this order.
ROWS: dict[str, Callable[[Exchange], None]] = {}


def row(name: str):
    def register(function):
        ROWS[name] = function
        return function

    return register


@row("computed fields")
def computed_fields(exchange: Exchange) -> None:
    """Stock cannot serialize them (500): ask it again without them, and leave them out."""
    model = answered_model(exchange)
    names = computed_only(model) if model else []
    if not names:
        return
    if exchange.stock.status == 500 and exchange.ours.status == 200:
        params = dict(exchange.params)
        negations = ",".join(f"-{name}" for name in names)
        params["fields"] = f"{params['fields']},{negations}" if "fields" in params else negations
        exchange.stock = exchange.ask_stock(params)
    for page in page_objects(exchange.ours.body):
        for name in names:
            page.pop(name, None)


@row("episode filters")
def episode_filters(exchange: Exchange) -> None:
    """Our own filters: they imply the episode type, take slugs, and word their own 400s."""
    used = set(EPISODE_FILTERS) & set(exchange.params)
    if not used:
        return
    if exchange.stock.status == 400 and "a recognised field" in exchange.message:
        exchange.stock = exchange.ask_stock({"type": "episodes.EpisodePage", **exchange.params})
    stock_empty = exchange.stock.status == 200 and exchange.stock.body["meta"]["total_count"] == 0
    if exchange.ours.status == 400 and (exchange.stock.status == 400 or stock_empty):
        exchange.stock = exchange.ours
    slug = used == {"rubric"} and not exchange.params["rubric"].isdigit()
    if slug and exchange.stock.status == 400 and "field filter error" in exchange.message:
        exchange.stock = exchange.ours


@row("nested fields")
def nested_fields(exchange: Exchange) -> None:
    """Nesting selects keys of the API's own objects, also where v2 cannot nest."""
    if "(" not in exchange.params.get("fields", ""):
        return
    ours_message = (exchange.ours.body or {}).get("message", "")
    v2_refuses = exchange.stock.status == 400 and re.match(
        r"unknown fields|'\w+' does not support nested fields", exchange.message
    )
    if exchange.ours.status == 200 and v2_refuses:
        exchange.stock = exchange.ours
    if exchange.ours.status == 400 and v2_refuses and ours_message.startswith("unknown fields"):
        exchange.stock = exchange.ours
    v2_only = {"title", "download_url", "tags", "meta", "type", "detail_url"}
    unknown = re.fullmatch(r"unknown fields: (.*)", ours_message)
    if exchange.stock.status == 200 and unknown and set(unknown[1].split(", ")) <= v2_only:
        exchange.stock = exchange.ours


@row("errors")
def errors(exchange: Exchange) -> None:
    """Every 404 is {"message": "not found"}, also where stock answers HTML."""
    if exchange.stock.status == 404:
        exchange.stock = replace(exchange.stock, body={"message": "not found"})


@row("no server errors")
def no_server_errors(exchange: Exchange) -> None:
    """Bad values stock fails on with a 500 are a 400 with a message."""
    body = exchange.ours.body
    has_message = isinstance(body, dict) and isinstance(body.get("message"), str)
    if exchange.stock.status == 500 and exchange.ours.status == 400 and has_message:
        exchange.stock = exchange.ours


@row("no browsable API")
def no_browsable_api(exchange: Exchange) -> None:
    if exchange.params.get("format") == "api" and exchange.ours.status == 404:
        exchange.stock = exchange.ours


@row("find redirect")
def find_redirect(exchange: Exchange) -> None:
    """No dangling `?` when find has no other parameters to pass on."""
    location = exchange.stock.location
    if location and location.endswith("?"):
        exchange.stock = replace(exchange.stock, location=location[:-1])


@row("page URLs on the frontend")
def frontend_urls(exchange: Exchange) -> None:
    site_root = Site.objects.get(is_default_site=True).root_url

    def visit(value: dict) -> None:
        url = value.get("html_url")
        if isinstance(url, str) and url.startswith(site_root + "/"):
            value["html_url"] = settings.FRONTEND_URL + url[len(site_root) :]

    walk(exchange.stock.body, visit)


@row("absolute media URLs")
def absolute_media_urls(exchange: Exchange) -> None:
    def visit(value: dict) -> None:
        url = value.get("download_url")
        if isinstance(url, str) and url.startswith("/"):
            value["download_url"] = settings.CMS_URL + url

    walk(exchange.stock.body, visit)


def related_pairs(ours: Any, stock: Any):
    """Pairs of (ours, stock) objects at the same place in both answers."""
    if isinstance(ours, dict) and isinstance(stock, dict):
        yield ours, stock
        for key in ours.keys() & stock.keys():
            yield from related_pairs(ours[key], stock[key])
    elif isinstance(ours, list) and isinstance(stock, list) and len(ours) == len(stock):
        for pair in zip(ours, stock, strict=True):
            yield from related_pairs(*pair)


@row("related objects")
def related_objects(exchange: Exchange) -> None:
    """Foreign keys (images, rubrics) in the API's shape: compare id and the keys both have."""
    if exchange.ours.status != 200 or exchange.stock.status != 200:
        return
    for ours, stock in list(related_pairs(exchange.ours.body, exchange.stock.body)):
        for key in ours.keys() & stock.keys():
            mine, theirs = ours[key], stock[key]
            is_object = isinstance(theirs, dict) and isinstance(theirs.get("meta"), dict)
            if is_object and "html_url" not in theirs["meta"] and isinstance(mine, dict):
                common = (mine.keys() & theirs.keys()) - {"meta"}
                ours[key] = {name: mine[name] for name in common}
                stock[key] = {name: theirs[name] for name in common}


@row("rich text for frontends")
def rich_text(exchange: Exchange) -> None:
    """Rich text is frontend HTML whatever rich_text_format says: compare its text."""
    pairs = zip(page_objects(exchange.ours.body), page_objects(exchange.stock.body), strict=False)
    for ours, stock in pairs:
        for name in RICH_TEXT_FIELDS & ours.keys() & stock.keys():
            if isinstance(ours[name], str) and isinstance(stock[name], str):
                ours[name], stock[name] = strip_tags(ours[name]), strip_tags(stock[name])


@row("body blocks for frontends")
def body_blocks(exchange: Exchange) -> None:
    """Block values are resolved for frontends: compare the blocks' types and ids."""
    pairs = zip(page_objects(exchange.ours.body), page_objects(exchange.stock.body), strict=False)
    for ours, stock in pairs:
        for name in STREAM_FIELDS & ours.keys() & stock.keys():
            if isinstance(ours[name], list) and isinstance(stock[name], list):
                ours[name] = [(block["type"], block["id"]) for block in ours[name]]
                stock[name] = [(block["type"], block["id"]) for block in stock[name]]


@row("headline falls back to the title")
def headline(exchange: Exchange) -> None:
    pairs = zip(page_objects(exchange.ours.body), page_objects(exchange.stock.body), strict=False)
    for ours, stock in pairs:
        fell_back = stock.get("headline") == "" and ours.get("headline")
        if fell_back and EpisodePage.objects.filter(title=ours["headline"], headline="").exists():
            stock["headline"] = ours["headline"]


def sorted_items(answer: Answer) -> Answer:
    body = answer.body
    if isinstance(body, dict) and isinstance(body.get("items"), list):
        items = sorted(body["items"], key=lambda item: item.get("id") or 0)
        return replace(answer, body={**body, "items": items})
    return answer


def ties_by_id(exchange: Exchange, answer: Answer) -> Answer:
    """Items whose `order` values tie, in id order: neither API defines the order of ties."""
    body = answer.body
    order = exchange.params.get("order", "")
    if not order or "random" in order or not isinstance(body, dict) or "items" not in body:
        return answer
    model = answered_model(exchange) or Page
    names = [name.removeprefix("-") for name in order.split(",")]
    ids = [item.get("id") for item in body["items"]]
    try:
        keys = {
            row[0]: row[1:] for row in model.objects.filter(pk__in=ids).values_list("pk", *names)
        }
    except FieldError:  # an order= on no model field: both APIs refused it
        return answer
    items = sorted(
        enumerate(body["items"]),
        key=lambda pair: (first_index(ids, keys, pair[1]), pair[1].get("id") or 0),
    )
    return replace(answer, body={**body, "items": [item for _, item in items]})


def first_index(ids: list, keys: dict, item: dict) -> int:
    """Where the first item with the same order values as `item` stands."""
    key = keys.get(item.get("id"))
    return next(index for index, other in enumerate(ids) if keys.get(other) == key)


def differences(ours: Any, stock: Any, where: str = "") -> list[str]:
    """Readable lines: what differs between the two JSON values, path by path."""
    if isinstance(ours, dict) and isinstance(stock, dict):
        lines = []
        for key in [*ours, *(key for key in stock if key not in ours)]:
            if key not in stock:
                lines.append(f"{where}.{key}: only ours ({str(ours[key])[:60]})")
            elif key not in ours:
                lines.append(f"{where}.{key}: only stock ({str(stock[key])[:60]})")
            else:
                lines += differences(ours[key], stock[key], f"{where}.{key}")
        return lines
    if isinstance(ours, list) and isinstance(stock, list) and len(ours) == len(stock):
        lines = []
        for index, pair in enumerate(zip(ours, stock, strict=True)):
            lines += differences(*pair, f"{where}[{index}]")
        return lines
    if ours != stock:
        return [f"{where or 'body'}: ours {str(ours)[:90]!r} != stock {str(stock)[:90]!r}"]
    return []


def compare(exchange: Exchange) -> list[str]:
    for normalise in ROWS.values():
        normalise(exchange)
    ours, stock = exchange.ours, exchange.stock
    if exchange.request.random_order:
        ours, stock = sorted_items(ours), sorted_items(stock)
    else:
        ours, stock = ties_by_id(exchange, ours), ties_by_id(exchange, stock)
    lines = []
    if ours.status != stock.status:
        lines.append(f"status: ours {ours.status} != stock {stock.status}")
    if ours.location != stock.location:
        lines.append(f"Location: ours {ours.location} != stock {stock.location}")
    lines += differences(ours.body, stock.body)
    return lines


def documented_rows() -> set[str]:
    """The row names of the differences table in docs/api.md."""
    text = DOCS_TABLE.read_text()
    table = text.split("## Differences from stock Wagtail v2", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| \*\*(.+?)\*\* \|", table, flags=re.MULTILINE))


def test_every_normaliser_is_a_documented_row_and_back():
    assert documented_rows() == set(ROWS)


def test_the_corpus_covers_every_v2_parameter():
    requests = corpus()
    assert len(requests) >= 300
    used = {name for request in requests for name, _ in parse_qsl(request.query)}
    v2 = {
        "type", "fields", "order", "child_of", "descendant_of", "ancestor_of", "site",
        "search", "search_operator", "locale", "limit", "offset", "translation_of",
        "rich_text_format", "html_path", "id", "format",
    }  # fmt: skip
    assert v2 <= used, v2 - used
    assert any(request.random_order for request in requests)
    assert {"pages/", "pages/find/", "pages/find", "images/", "documents/"} <= {
        request.path for request in requests
    }


@pytest.mark.urls("tests.frontend_api.compat.urls")
@pytest.mark.django_db
def test_same_answers_as_stock_wagtail_but_for_the_documented_differences():
    targets = build()
    client = Client(raise_request_exception=False)
    found: list[str] = []
    requests = corpus()
    for request in requests:
        params = dict(parse_qsl(request.query.format(**targets), keep_blank_values=True))
        path = request.path.format(**targets)

        def ask_stock(query: dict[str, str], path: str = path) -> Answer:
            return fetch(client, f"{STOCK}{path}?{urlencode(query)}")

        exchange = Exchange(
            request,
            params,
            fetch(client, request.url(OURS, targets)),
            fetch(client, request.url(STOCK, targets)),
            ask_stock,
        )
        lines = compare(exchange)
        if lines:
            found.append(f"GET {request.url(OURS, targets)}\n    " + "\n    ".join(lines[:8]))
    print(f"{len(requests)} requests compared with stock Wagtail v2")
    assert not found, f"{len(found)} of {len(requests)} requests differ:\n" + "\n".join(found)
