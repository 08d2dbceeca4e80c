"""Searching images and documents works and never finds items of restricted collections."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from episodes.factories import ImageFactory


@pytest.fixture
def collections(db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Embargoed")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    ImageFactory(title="Harbour at dawn")
    ImageFactory(title="Harbour embargoed", collection=private)
    for title, collection in (("Harbour notes", root), ("Harbour secrets", private)):
        document = get_document_model()(title=title, collection=collection)
        document.file.save(f"{title}.txt", ContentFile(b"x"), save=True)


@pytest.mark.parametrize(
    ("endpoint", "public_title"),
    [("images", "Harbour at dawn"), ("documents", "Harbour notes")],
)
def test_search_answers_and_leaves_restricted_collections_out(
    client, collections, endpoint, public_title
):
    response = client.get(f"/api/v2/{endpoint}/?search=Harbour")
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == [public_title]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_an_unpaired_quote_in_search_is_searched_as_words(client, collections, endpoint):
    response = client.get(f'/api/v2/{endpoint}/?search="Harbour')
    assert response.status_code == 200
    if endpoint != "pages":
        assert len(response.json()["items"]) == 1


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_an_offset_past_any_database_integer_is_an_empty_page(client, collections, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?offset=99999999999999999999999")
    assert response.status_code == 200
    assert response.json()["items"] == []
