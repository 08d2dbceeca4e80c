"""The OpenAPI document: valid OpenAPI 3.1, and real responses of every page type conform to it."""

import datetime
import re

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from episodes import factories as f
from episodes.demo.content import PEOPLE
from episodes.demo.seed import article_body
from episodes.models import RelatedEpisode
from frontend_api.pages.views import PagesAPIViewSet
from frontend_api.schema.document import openapi_document
from frontend_api.schema.parameters import listing_parameters

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    response = client.get("/api/v2/schema/")
    assert response.status_code == 200
    return response.json()


def validator_for(document: dict, component: str) -> Draft202012Validator:
    """A JSON Schema validator for one component, resolving refs inside the document."""
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:api", resource)
    schema = {"$ref": f"urn:api#/components/schemas/{component}"}
    return Draft202012Validator(schema, registry=registry)


def assert_conforms(document: dict, component: str, data: dict) -> None:
    errors = sorted(validator_for(document, component).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_the_document_is_valid_openapi_3_1(document):
    validate(document)
    assert document["openapi"] == "3.1.0"


def test_every_body_block_type_has_a_schema(document):
    schemas = document["components"]["schemas"]
    for name in ("heading", "paragraph", "pull_quote", "faq", "image", "embed"):
        assert schemas[f"Block_{name}"]["properties"]["type"] == {"const": name}


def test_every_query_parameter_the_view_accepts_is_documented():
    documented = {parameter["name"] for parameter in listing_parameters()}
    accepted = PagesAPIViewSet.known_query_parameters - {"format"}
    assert accepted - documented == set()


def detail(client, page) -> dict:
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_home_and_show_details_conform(client, document, home_page, show):
    assert_conforms(document, "HomePage", detail(client, home_page))
    answer = detail(client, show)
    assert_conforms(document, "PodcastPage", answer)
    assert set(answer) == set(document["components"]["schemas"]["PodcastPage"]["properties"])


@pytest.mark.parametrize("blocks", [1, 60])
def test_episode_details_conform_at_one_and_many_blocks(client, document, show, blocks):
    speakers = dict.fromkeys(PEOPLE, f.PersonFactory())
    full = article_body(speakers, f.ImageFactory())
    extra = [f.paragraph(f"<p>Paragraph {n}.</p>") for n in range(blocks - len(full))]
    body = full + extra if blocks > 1 else full[:1]
    related = f.EpisodePageFactory(parent=show, cover_image=f.ImageFactory())
    related.save_revision().publish()
    page = f.EpisodePageFactory(
        parent=show,
        cover_image=f.ImageFactory(),
        body=body,
        audio_duration=datetime.timedelta(hours=1),
    )
    page.related_links = [RelatedEpisode(episode=related)]
    page.save_revision().publish()
    data = detail(client, page)
    assert len(data["body"]) == blocks
    assert_conforms(document, "EpisodePage", data)
    assert set(data) == set(document["components"]["schemas"]["EpisodePage"]["properties"])


def test_listings_conform(client, document, episode):
    listing = client.get("/api/v2/pages/", {"type": "episodes.EpisodePage", "fields": "*"}).json()
    assert listing["items"]
    for item in listing["items"]:
        assert_conforms(document, "PageListingItem", item)


def test_errors_conform(client, document):
    response = client.get("/api/v2/pages/", {"limit": "many"})
    assert response.status_code == 400
    assert_conforms(document, "Error", response.json())


def test_the_docs_page_loads_the_schema(client):
    response = client.get("/api/v2/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'spec-url="/api/v2/schema/"' in html and "redoc.standalone.js" in html


def test_the_document_is_built_once():
    assert openapi_document() is openapi_document()


def test_a_drifted_block_shape_is_caught(client, document, episode):
    data = detail(client, episode)
    data["body"][0]["value"]["level"] = "h2"
    assert list(validator_for(document, "EpisodePage").iter_errors(data))


def response_schema(document: dict, path: str, status: str) -> dict:
    return document["paths"][path]["get"]["responses"][status]


def test_a_rate_limited_token_request_is_declared_with_retry_after(client, document, settings):
    settings.TOKEN_RATE_LIMIT = "1/min"
    assert client.get("/api/v2/review/unknown-token/").status_code == 404
    response = client.get("/api/v2/review/unknown-token/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert_conforms(document, "Error", response.json())
    for path in ("/api/v2/review/{token}/", "/api/v2/page_preview/"):
        declared = response_schema(document, path, "429")
        assert declared["headers"]["Retry-After"]["required"] is True


def test_paging_limits_are_in_the_schema_for_every_listing(document, settings):
    for path in ("/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"):
        parameters = {p["name"]: p["schema"] for p in document["paths"][path]["get"]["parameters"]}
        assert parameters["limit"] == {"type": "integer", "minimum": 0, "maximum": 50}
        assert parameters["offset"] == {"type": "integer", "minimum": 0}


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("", True),
        ("*", True),
        ("*,-body,-json_ld", True),
        ("_,title,show", True),
        ("headline,-title", True),
        ("*,title", False),  # v2: additional fields with '*' make no sense
        ("_,-title", False),  # v2: negated fields with '_' make no sense
        ("title,_", False),  # v2: '_' must come first
        ("tïtle", False),
        ("nonsense", False),
    ],
)
def test_the_fields_pattern_follows_v2s_grammar(document, value, valid):
    parameters = document["paths"]["/api/v2/pages/"]["get"]["parameters"]
    (fields,) = [p for p in parameters if p["name"] == "fields"]
    assert bool(re.fullmatch(fields["schema"]["pattern"], value)) is valid


def test_a_locale_that_does_not_exist_is_a_declared_404(client, document, home_page):
    response = client.get("/api/v2/pages/", {"locale": "xx"})
    assert response.status_code == 404
    assert "404" in document["paths"]["/api/v2/pages/"]["get"]["responses"]
    assert_conforms(document, "Error", response.json())
