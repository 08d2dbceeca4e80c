"""Admin views to create, list and revoke a page's reviewer links."""

from typing import Any, cast

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page
from wagtail.models import Page

from frontend_api.drafts.forms import ReviewLinkForm
from frontend_api.drafts.review_links import can_manage_links, issue_link, review_url, revoke_link
from frontend_api.models import ReviewLink


class PageLinksMixin(View):
    """Loads the page from the URL and refuses anyone who may not edit it."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_manage_links(self.page, request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def page(self) -> Page:
        return get_object_or_404(Page, pk=self.kwargs["page_id"]).specific

    @property
    def editor(self) -> User:
        # Wagtail's admin lets no anonymous user reach its views, and dispatch checked rights.
        return cast(User, self.request.user)


class ReviewLinksView(PageLinksMixin, WagtailAdminTemplateMixin, TemplateView):
    """The page's links with their use, and the form to make a new one."""

    template_name = "frontend_api/review_links.html"
    header_icon = "link"

    def get_page_title(self) -> str:
        return "Reviewer links"

    def get_page_subtitle(self) -> str:
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *get_breadcrumbs_items_for_page(self.page, self.request.user),
            {"url": "", "label": "Reviewer links"},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ReviewLinkForm(page=self.page, user=self.editor))
        context["page"] = self.page
        context["links"] = ReviewLink.objects.filter(page=self.page).select_related(
            "created_by", "revoked_by"
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ReviewLinkForm(request.POST, page=self.page, user=self.editor)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        link = form.save(commit=False)
        token = issue_link(link)
        # Shown in this response only: no redirect, no flash message, nothing stored.
        context = self.get_context_data(new_link=link, new_link_url=review_url(self.page, token))
        return self.render_to_response(context)


class RevokeReviewLinkView(PageLinksMixin, View):
    """Revokes one link of the page; it stops working on the very next request."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, page_id: int, link_id: int) -> HttpResponse:
        link = get_object_or_404(ReviewLink, pk=link_id, page_id=self.page.pk)
        revoke_link(link, request.user)
        messages.success(request, f"Reviewer link {link.pk} revoked.")
        return redirect(reverse("review_links:index", args=[self.page.pk]))
