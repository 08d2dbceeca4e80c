"""Rich text comes out frontend-ready: resolved links, renditions, nothing Wagtail-internal."""

import pytest
import wagtail_factories
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from episodes.factories import EpisodePageFactory, ImageFactory
from frontend_api.loading.richtext import RichTextResolver, expand_rich_text


@pytest.fixture(autouse=True)
def origins(settings):
    settings.FRONTEND_URL = "https://front.example"
    settings.CMS_URL = "https://cms.example"


def published(show, **kwargs):
    page = EpisodePageFactory(parent=show, **kwargs)
    page.save_revision().publish()
    return page


def page_link(page_id, text="a page"):
    return f'<p><a linktype="page" id="{page_id}">{text}</a></p>'


def test_link_to_live_public_page_points_at_the_frontend(show):
    target = published(show, slug="target")
    [html] = expand_rich_text([page_link(target.pk)])
    assert html == '<p><a href="https://front.example/test-show/target/">a page</a></p>'


def test_link_to_draft_page_loses_its_href(show):
    draft = EpisodePageFactory(parent=show, slug="draft", live=False)
    [html] = expand_rich_text([page_link(draft.pk)])
    assert html == "<p><a>a page</a></p>"


def test_link_to_private_page_loses_its_href(show):
    target = published(show, slug="secret")
    PageViewRestriction.objects.create(page=show, restriction_type="login")
    [html] = expand_rich_text([page_link(target.pk)])
    assert html == "<p><a>a page</a></p>"


def test_link_to_password_protected_page_loses_its_href(show):
    target = published(show, slug="locked")
    PageViewRestriction.objects.create(page=target, restriction_type="password", password="x")
    [html] = expand_rich_text([page_link(target.pk)])
    assert "href" not in html


def test_link_to_deleted_page_loses_its_href(db):
    [html] = expand_rich_text([page_link(987654)])
    assert html == "<p><a>a page</a></p>"


def test_document_link_points_at_the_document(db):
    document = wagtail_factories.DocumentFactory(title="Notes")
    [html] = expand_rich_text([f'<a linktype="document" id="{document.pk}">notes</a>'])
    assert html == f'<a href="https://cms.example{document.url}">notes</a>'


def test_document_in_private_collection_loses_its_href(db):
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = wagtail_factories.DocumentFactory(collection=private)
    [html] = expand_rich_text([f'<a linktype="document" id="{document.pk}">notes</a>'])
    assert html == "<a>notes</a>"


def test_embedded_image_becomes_a_rendition(db):
    image = ImageFactory()
    source = f'<embed embedtype="image" id="{image.pk}" format="left" alt="A chart"/>'
    [html] = expand_rich_text([source])
    rendition = image.get_rendition("width-500")
    assert html == (
        f'<img alt="A chart" class="richtext-image left" height="{rendition.height}" '
        f'src="https://cms.example{rendition.url}" width="{rendition.width}">'
    )


def test_missing_image_is_dropped(db):
    [html] = expand_rich_text(['<p>x</p><embed embedtype="image" id="424242" format="left"/>'])
    assert html == "<p>x</p>"


def test_media_embed_uses_the_cached_oembed_html(db):
    url = "https://video.example/watch/1"
    Embed.objects.create(url=url, hash=get_embed_hash(url), type="video", html="<iframe></iframe>")
    html = expand_rich_text([f'<embed embedtype="media" url="{url}"/>'])[0]
    assert html == "<iframe></iframe>"


def test_unknown_link_type_keeps_the_text_only(db):
    [html] = expand_rich_text(
        ['<a linktype="mystery" id="1">x</a> <a href="https://a.example">y</a>']
    )
    assert html == '<a>x</a> <a href="https://a.example">y</a>'


def test_no_wagtail_markup_is_left(show):
    target = published(show, slug="t")
    image = ImageFactory()
    document = wagtail_factories.DocumentFactory()
    source = (
        f'{page_link(target.pk)}{page_link(99999)}<a linktype="document" id="{document.pk}">d</a>'
        f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt=""/>'
        '<embed embedtype="media" url="https://unknown.example/v"/><embed embedtype="x"/>'
    )
    [html] = expand_rich_text([source])
    assert "linktype" not in html
    assert "embedtype" not in html
    assert "<embed" not in html


def test_many_links_cost_one_query_per_kind(show, django_assert_num_queries):
    targets = [published(show, slug=f"t{i}") for i in range(50)]
    image = ImageFactory()
    document = wagtail_factories.DocumentFactory()
    htmls = [page_link(target.pk) for target in targets] + [
        f'<a linktype="document" id="{document.pk}">d</a>',
        f'<embed embedtype="image" id="{image.pk}" format="left" alt=""/>',
    ]
    expand_rich_text(htmls)  # makes the rendition once
    # pages, documents (+ embeds in the same round trip), images with their renditions
    with django_assert_num_queries(3):
        expanded = expand_rich_text(htmls)
    assert all("href=" in html for html in expanded[:51])


def test_expand_alone_loads_what_it_needs(show):
    target = published(show, slug="alone")
    resolver = RichTextResolver()
    assert "/test-show/alone/" in resolver.expand(page_link(target.pk))
