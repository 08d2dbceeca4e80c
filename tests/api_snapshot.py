"""Everything the public API says about a database's pages, images and documents, by URL."""

import json

from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

PAGE_SIZE = 20


def fetch(client: Client, url: str) -> list:
    """[status, body]: the JSON body, or the Location of a redirect."""
    response = client.get(url)
    if 300 <= response.status_code < 400:
        return [response.status_code, response["Location"]]
    return [response.status_code, json.loads(response.content)]


def paged(client: Client, url: str, into: dict[str, list]) -> None:
    """Every page of a listing, PAGE_SIZE items at a time."""
    offset = 0
    while True:
        page_url = f"{url}{'&' if '?' in url else '?'}limit={PAGE_SIZE}&offset={offset}"
        into[page_url] = fetch(client, page_url)
        status, body = into[page_url]
        if status != 200 or len(body["items"]) < PAGE_SIZE:
            return
        offset += PAGE_SIZE


def snapshot() -> dict[str, list]:
    """The API's answer for every page id (drafts included), listing, path, image and document."""
    client = Client()
    answers: dict[str, list] = {}
    for page in Page.objects.order_by("pk").specific(defer=True):
        answers[f"/api/v2/pages/{page.pk}/"] = fetch(client, f"/api/v2/pages/{page.pk}/")
        html_path = "/" + "/".join(page.url_path.strip("/").split("/")[1:])
        find_url = f"/api/v2/pages/find/?html_path={html_path}"
        answers[find_url] = fetch(client, find_url)
    paged(client, "/api/v2/pages/", answers)
    paged(client, "/api/v2/pages/?type=episodes.EpisodePage&fields=*", answers)
    for model, endpoint in ((get_image_model(), "images"), (get_document_model(), "documents")):
        paged(client, f"/api/v2/{endpoint}/", answers)
        for pk in model.objects.order_by("pk").values_list("pk", flat=True):
            answers[f"/api/v2/{endpoint}/{pk}/"] = fetch(client, f"/api/v2/{endpoint}/{pk}/")
    return answers
