"""Creating, opening and revoking reviewer links, each recorded in Wagtail's audit log."""

from datetime import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail_headless_preview.models import get_client_root_url_from_site

from frontend_api.drafts.tokens import hash_token, looks_like_token, new_token
from frontend_api.models import ReviewLink

CREATE_ACTION = "frontend_api.review_link.create"
VIEW_ACTION = "frontend_api.review_link.view"
REVOKE_ACTION = "frontend_api.review_link.revoke"


def can_manage_links(page: Page, user: User | AnonymousUser | None) -> bool:
    """Only people who may edit a page may share or revoke its draft."""
    return page.permissions_for_user(user).can_edit()


def review_url(page: Page, token: str) -> str:
    """Where people open the link: the frontend of the page's site, at /review/<token>."""
    return f"{get_client_root_url_from_site(page.get_site())}review/{token}"


def audit_data(link: ReviewLink) -> dict:
    """What the audit log keeps about a link: never its token or hash."""
    return {
        "review_link": link.pk,
        "revision": link.revision_id,
        "expires_at": link.expires_at.isoformat(),
    }


@transaction.atomic
def issue_link(link: ReviewLink) -> str:
    """Saves a validated link under a new token and records its creation; returns the token.

    The token is returned once and kept nowhere: the database holds only its hash.
    """
    if not can_manage_links(link.page, link.created_by):
        raise PermissionDenied
    token = new_token()
    link.token_hash = hash_token(token)
    link.save()
    log(link.page.specific_deferred, CREATE_ACTION, user=link.created_by, data=audit_data(link))
    return token


def create_link(
    page: Page,
    user: User,
    expires_at: datetime,
    revision: Revision | None = None,
    note: str = "",
) -> tuple[ReviewLink, str]:
    """A new link validated like the admin form's, and its token."""
    link = ReviewLink(
        page=page, revision=revision, note=note, created_by=user, expires_at=expires_at
    )
    link.full_clean(exclude=["token_hash"])
    return link, issue_link(link)


def active_link(token: str) -> ReviewLink | None:
    """The active link for a token; None for any token that doesn't open a draft now."""
    if not looks_like_token(token):
        return None
    return (
        ReviewLink.objects.active()
        .select_related("page__latest_revision", "revision")
        .filter(token_hash=hash_token(token))
        .first()
    )


def record_view(link: ReviewLink) -> None:
    """Counts a reviewer's visit and records it in the audit log."""
    ReviewLink.objects.filter(pk=link.pk).update(
        view_count=F("view_count") + 1, last_viewed_at=timezone.now()
    )
    log(link.page.specific_deferred, VIEW_ACTION, user=None, data=audit_data(link))


@transaction.atomic
def revoke_link(link: ReviewLink, user: User | AnonymousUser) -> None:
    """Revokes a link at once; revoking twice changes nothing."""
    if not can_manage_links(link.page, user):
        raise PermissionDenied
    updated = ReviewLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=user
    )
    if updated:
        log(link.page.specific_deferred, REVOKE_ACTION, user=user, data=audit_data(link))
