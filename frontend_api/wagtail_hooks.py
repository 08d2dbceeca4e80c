"""Admin wiring: reviewer links (URLs, page header menu item, audit log actions), the
revalidation webhooks report, and the podcast feed checks (publish gate and report)."""

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin

from frontend_api.drafts import admin_views
from frontend_api.drafts.review_links import (
    CREATE_ACTION,
    REVOKE_ACTION,
    VIEW_ACTION,
    can_manage_links,
)
from frontend_api.feeds.validation.publishing import gate_bulk_publish, gate_publish
from frontend_api.feeds.validation.reports import FeedChecksIndexView, ShowFeedReportView
from frontend_api.revalidation.reports import WebhookDeliveriesReportView


class ReviewLinksMenuItem(PageMenuItem):
    """ "Reviewer links" in the page header's menu, for pages the frontend can show."""

    label = "Reviewer links"
    icon_name = "link"
    url_name = "review_links:index"
    priority = 40

    def is_shown(self, user: User) -> bool:
        return issubclass(self.page.specific_class or object, HeadlessPreviewMixin) and (
            can_manage_links(self.page, user)
        )


@hooks.register("register_page_header_buttons")
def review_links_header_button(
    page: Page, user: User, view_name: str, next_url: str | None = None
) -> Iterator[ReviewLinksMenuItem]:
    yield ReviewLinksMenuItem(page=page)


@hooks.register("register_admin_urls")
def review_links_urls() -> list[URLResolver]:
    urls = [
        path("<int:page_id>/", admin_views.ReviewLinksView.as_view(), name="index"),
        path(
            "<int:page_id>/revoke/<int:link_id>/",
            admin_views.RevokeReviewLinkView.as_view(),
            name="revoke",
        ),
    ]
    return [path("review-links/", include((urls, "review_links"), namespace="review_links"))]


@hooks.register("register_log_actions")
def review_link_log_actions(actions: Any) -> None:
    actions.register_action(CREATE_ACTION, "Create reviewer link", "Reviewer link created")
    actions.register_action(
        VIEW_ACTION, "View reviewer link", "Draft viewed through a reviewer link"
    )
    actions.register_action(REVOKE_ACTION, "Revoke reviewer link", "Reviewer link revoked")


@hooks.register("register_admin_urls")
def revalidation_report_urls() -> list[URLResolver]:
    view = WebhookDeliveriesReportView
    urls = [
        path("", view.as_view(), name="index"),
        path("results/", view.as_view(results_only=True), name="results"),
    ]
    namespace = "revalidation_report"
    return [path("reports/revalidation/", include((urls, namespace), namespace=namespace))]


class RevalidationReportMenuItem(MenuItem):
    """Shown to whoever may view deliveries (superusers, or the model's view permission)."""

    def is_shown(self, request: HttpRequest) -> bool:
        return WebhookDeliveriesReportView.permission_policy.user_has_permission(
            request.user, "view"
        )


@hooks.register("register_reports_menu_item")
def revalidation_report_menu_item() -> MenuItem:
    return RevalidationReportMenuItem(
        "Revalidation webhooks",
        reverse("revalidation_report:index"),
        icon_name="link-external",
        order=900,
    )


@hooks.register("before_publish_page")
def feed_check_before_publish(request: HttpRequest, page: Page) -> HttpResponse | None:
    return gate_publish(request, page)


@hooks.register("before_bulk_action")
def feed_check_before_bulk_publish(
    request: HttpRequest, action_type: str, objects: list[Any], action: Any
) -> HttpResponse | None:
    return gate_bulk_publish(request, action_type, objects, action)


@hooks.register("register_admin_urls")
def feed_checks_urls() -> list[URLPattern | URLResolver]:
    urls = [
        path("", FeedChecksIndexView.as_view(), name="index"),
        path("results/", FeedChecksIndexView.as_view(results_only=True), name="results"),
        path("<int:show_id>/", ShowFeedReportView.as_view(), name="show"),
        path(
            "<int:show_id>/results/",
            ShowFeedReportView.as_view(results_only=True),
            name="show_results",
        ),
    ]
    return [path("reports/feed-checks/", include((urls, "feed_checks"), namespace="feed_checks"))]


@hooks.register("register_reports_menu_item")
def feed_checks_menu_item() -> MenuItem:
    return MenuItem(
        "Podcast feed checks", reverse("feed_checks:index"), icon_name="warning", order=910
    )
