"""Leak canary: content that must stay hidden carries unique markers; a crawl of every public
endpoint, parameter and auth state must never show one.

Hidden: a never-published draft, the unpublished draft revision of a live page, pages behind
login, password and group restrictions (and a child of one), a scheduled page, an expired page,
an editor's preview, a draft shown only through reviewer links that are now expired or revoked,
and an image and a document in a restricted collection. A public marker on a live page proves
the crawl reads what it fetches.
"""

import base64
import datetime
import uuid
from dataclasses import dataclass

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Revision,
)
from wagtail_headless_preview.models import PagePreview

from episodes.factories import EpisodePageFactory, ImageFactory, heading, paragraph
from episodes.models import RelatedEpisode
from episodes.transcripts.models import TranscriptCue
from episodes.transcripts.parsing import Cue
from episodes.transcripts.storage import store_transcript
from frontend_api.drafts.tokens import hash_token, new_token
from frontend_api.models import ReviewLink

RUN = uuid.uuid4().hex[:8]
PASSWORD = f"canary-{RUN}"


def marker(name: str) -> str:
    """A string that appears nowhere but where the canary put it."""
    return f"zqx{name}{RUN}"


HIDDEN = {
    name: marker(name)
    for name in (
        "draft",
        "draftslug",
        "draftrevision",
        "login",
        "password",
        "group",
        "privatechild",
        "scheduled",
        "expired",
        "preview",
        "review",
        "privateimage",
        "privatedocument",
    )
}
PUBLIC = marker("public")


@dataclass
class Canary:
    pages: list[Page]
    show_slug: str
    episode_numbers: list[int]
    image_ids: list[int]
    document_ids: list[int]
    dead_review_tokens: list[str]
    dead_preview_tokens: list[str]
    user: object


def marked_episode(parent, name: str, **kwargs):
    """An episode whose title, headline, summary, body and transcript all carry the marker."""
    text = HIDDEN.get(name, name)
    # Slugs stay neutral: a crawler asking for a page's path would find its own request echoed
    # (in a login redirect or a password form), which is no leak.
    kwargs.setdefault("slug", f"canary-{name}")
    page = EpisodePageFactory(
        parent=parent,
        title=f"Episode {text}",
        headline=f"Headline {text}",
        summary=f"<p>Summary {text}</p>",
        body=[heading(f"Heading {text}"), paragraph(f"<p>Paragraph {text}</p>")],
        **kwargs,
    )
    store_transcript(page, [Cue(0, 1000, "", f"Said {text}")], "vtt", "", f"{name}.vtt")
    return page


@pytest.fixture
def canary(show, episode, settings):
    settings.TOKEN_RATE_LIMIT = "100000/min"  # a throttled answer would hide a leak
    user = get_user_model().objects.create_superuser(
        username=f"editor-{RUN}", email="editor@example.com", password=PASSWORD
    )

    draft = marked_episode(show, "draft", live=False, slug=HIDDEN["draftslug"])

    live_with_draft = marked_episode(show, "livewithdraft")
    live_with_draft.save_revision().publish()
    live_with_draft.title = f"Episode {HIDDEN['draftrevision']}"
    live_with_draft.summary = f"<p>{HIDDEN['draftrevision']}</p>"
    live_with_draft.save_revision()

    restricted = {}
    for name, kind in (
        ("login", PageViewRestriction.LOGIN),
        ("password", PageViewRestriction.PASSWORD),
        ("group", PageViewRestriction.GROUPS),
    ):
        page = marked_episode(show, name)
        page.save_revision().publish()
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=kind, password=PASSWORD if name == "password" else ""
        )
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.create(name=f"Insiders {RUN}"))
        restricted[name] = page
    child = marked_episode(restricted["login"], "privatechild")
    child.save_revision().publish()

    scheduled = marked_episode(show, "scheduled", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision().publish()

    expired = marked_episode(show, "expired")
    expired.save_revision().publish()
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save_revision().publish()
    expired.refresh_from_db()
    expired.live, expired.expired = False, True
    expired.save(update_fields=["live", "expired"])

    previewed = marked_episode(show, "previewbase")
    previewed.save_revision().publish()
    previewed.title = f"Episode {HIDDEN['preview']}"
    with time_machine.travel(timezone.now() - datetime.timedelta(days=2)):
        stale_preview = previewed.create_page_preview()
    previewed.body = [paragraph(f"<p>{HIDDEN['preview']}</p>")]
    previewed.create_page_preview()  # fresh, its token known to the editor only

    reviewed = marked_episode(show, "review", live=False)
    dead_tokens = [new_token(), new_token()]
    ReviewLink.objects.create(
        page=reviewed,
        created_by=user,
        token_hash=hash_token(dead_tokens[0]),
        created_at=timezone.now() - datetime.timedelta(days=10),
        expires_at=timezone.now() - datetime.timedelta(seconds=1),
    )
    ReviewLink.objects.create(
        page=reviewed,
        created_by=user,
        token_hash=hash_token(dead_tokens[1]),
        expires_at=timezone.now() + datetime.timedelta(days=5),
        revoked_at=timezone.now(),
        revoked_by=user,
    )

    root_collection = Collection.get_first_root_node()
    private_collection = root_collection.add_child(name=f"Embargoed {RUN}")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    private_image = ImageFactory(title=HIDDEN["privateimage"], collection=private_collection)
    document = get_document_model()(title=HIDDEN["privatedocument"], collection=private_collection)
    document.file.save(f"{HIDDEN['privatedocument']}.txt", ContentFile(b"secret"), save=True)

    # A live page that links to, and relates to, hidden pages: their URLs must not come along.
    linker = EpisodePageFactory(
        parent=show,
        title=f"Episode {PUBLIC}",
        body=[
            paragraph(
                f'<p>{PUBLIC} <a linktype="page" id="{draft.pk}">a draft</a> and '
                f'<a linktype="page" id="{restricted["login"].pk}">a private page</a>'
                f' <a linktype="document" id="{document.pk}">a document</a></p>'
            )
        ],
    )
    linker.related_links = [
        RelatedEpisode(episode=target, sort_order=position)
        for position, target in enumerate((draft, restricted["password"], scheduled, expired))
    ]
    linker.save_revision().publish()

    pages = list(Page.objects.all())
    return Canary(
        pages=pages,
        show_slug=show.slug,
        episode_numbers=sorted(
            {p.specific.episode_number for p in pages if hasattr(p.specific, "episode_number")}
        ),
        image_ids=[private_image.pk],
        document_ids=[document.pk],
        dead_review_tokens=dead_tokens,
        dead_preview_tokens=[stale_preview.token],
        user=user,
    )


def public_urls(canary: Canary) -> list[str]:
    """Every public URL the crawl asks, with every parameter that selects or shapes content."""
    urls = ["/healthz", "/sitemap.xml", "/robots.txt", "/api/v2/schema/"]
    listing_params = [
        "",
        "fields=*",
        "fields=_,title,body,summary,headline,related_episodes,toc,json_ld,seo",
        "type=episodes.EpisodePage&fields=*",
        "type=episodes.PodcastPage&fields=*",
        "type=home.HomePage&fields=*",
        "order=-id",
        "order=title",
        "show=" + canary.show_slug,
        "broadcast_after=2000-01-01",
        "limit=50",
        "offset=1",
    ]
    words = ["Episode", "Headline", "Summary", "Paragraph", *HIDDEN.values()]
    listing_params += [f"search={word}" for word in words]
    listing_params += [f"search={word}&type=episodes.EpisodePage&fields=*" for word in words[:4]]
    for page in canary.pages:
        listing_params += [f"child_of={page.pk}", f"descendant_of={page.pk}"]
    urls += [f"/api/v2/pages/?{params}".rstrip("?") for params in listing_params]
    urls += ["/api/v2/images/", "/api/v2/images/?fields=*", "/api/v2/documents/"]
    urls += [f"/api/v2/images/?search={word}" for word in (HIDDEN["privateimage"], "Picture")]
    urls += [f"/api/v2/documents/?search={HIDDEN['privatedocument']}"]
    # The ids around each of the canary's pages (its home keeps a low id): PostgreSQL's
    # sequences never go back, so after a long suite the pages made here have ids in the
    # thousands, and asking every id from 1 took most of an hour.
    page_ids = sorted({n for page in canary.pages for n in range(max(1, page.pk - 3), page.pk + 4)})
    for pk in page_ids:
        urls += [f"/api/v2/pages/{pk}/", f"/api/v2/pages/{pk}/?fields=*"]
        urls += [f"/api/v2/pages/find/?id={pk}"]
    for image_id in range(max(1, min(canary.image_ids) - 3), max(canary.image_ids) + 3):
        urls.append(f"/api/v2/images/{image_id}/")
    for document_id in range(max(1, min(canary.document_ids) - 3), max(canary.document_ids) + 3):
        urls.append(f"/api/v2/documents/{document_id}/")
    for page in canary.pages:
        path = "/" + "/".join(page.url_path.strip("/").split("/")[1:])
        urls += [f"/api/v2/pages/find/?html_path={path}", path.rstrip("/") + "/"]
    urls += [f"/feeds/{canary.show_slug}/"]
    urls += [f"/feeds/{canary.show_slug}/chapters/{n}.json" for n in canary.episode_numbers]
    urls += [f"/transcripts/{pk}.{ext}" for pk in page_ids for ext in ("vtt", "html")]
    for token in canary.dead_review_tokens:
        urls.append(f"/api/v2/review/{token}/")
    for token in canary.dead_preview_tokens:
        for content_type in ("episodes.episodepage", "episodes.podcastpage", "home.homepage"):
            urls.append(f"/api/v2/page_preview/?content_type={content_type}&token={token}")
        for page in canary.pages:
            urls.append(
                f"/api/v2/page_preview/{page.pk}/?content_type=episodes.episodepage&token={token}"
            )
    return urls


def auth_states(canary: Canary) -> dict[str, Client]:
    """Anonymous, a logged-in superuser's session, basic auth, and junk or stale credentials."""
    session = Client()
    session.force_login(canary.user)
    basic = base64.b64encode(f"{canary.user.username}:{PASSWORD}".encode()).decode()
    return {
        "anonymous": Client(),
        "session cookie": session,
        "basic auth": Client(headers={"authorization": f"Basic {basic}"}),
        "stale bearer token": Client(
            headers={"authorization": f"Bearer {canary.dead_review_tokens[0]}"}
        ),
        "password-restriction cookie": Client(
            headers={"cookie": f"wagtail-private-page-passwords={PASSWORD}"}
        ),
    }


def leaks_in(text: str) -> list[str]:
    return [name for name, value in HIDDEN.items() if value in text]


@pytest.mark.django_db
def test_no_hidden_marker_is_served_to_anyone(canary):
    urls = public_urls(canary)
    found: list[str] = []
    public_seen = 0
    fetched = 0
    for state, client in auth_states(canary).items():
        for url in urls:
            response = client.get(url)
            fetched += 1
            text = response.content.decode("utf-8", "replace") + " ".join(
                f"{k}: {v}" for k, v in response.headers.items()
            )
            public_seen += PUBLIC in text
            found += [
                f"{name} in {url} ({state}, {response.status_code})" for name in leaks_in(text)
            ]
            assert response.status_code < 500, (state, url, response.status_code)
    print(f"leak canary: {fetched} responses, {len(found)} hidden markers found")
    assert not found, "\n".join(found)
    # The crawl sees content when it is public: the live page's marker shows in many answers.
    assert public_seen >= 10


@pytest.mark.django_db
def test_the_canary_is_really_in_the_database(canary):
    """Without this, a seeding mistake would make the crawl pass for nothing."""
    stored = " ".join(f"{page.title} {page.slug}" for page in Page.objects.all())
    stored += " ".join(str(revision.content) for revision in Revision.objects.all())
    stored += " ".join(preview.content_json for preview in PagePreview.objects.all())
    stored += " ".join(image.title for image in get_image_model().objects.all())
    stored += " ".join(document.title for document in get_document_model().objects.all())
    stored += " ".join(TranscriptCue.objects.values_list("text", flat=True))
    assert [name for name, value in HIDDEN.items() if value not in stored] == []
