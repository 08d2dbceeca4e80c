"""The public pages endpoint: Wagtail API v2, anonymous, compact JSON, a fixed query budget."""

import datetime
import functools
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from rest_framework.response import Response
from wagtail.api.v2 import filters as v2_filters
from wagtail.api.v2 import views as v2_views
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.models import Page

from episodes.models import EpisodePage
from frontend_api.caching import dependencies
from frontend_api.caching.views import CachedViewMixin
from frontend_api.loading import compiled
from frontend_api.loading.batch import PageBatch
from frontend_api.loading.sites import SiteInfo, request_site
from frontend_api.pages.fields import COMPUTED_FIELDS, ParentField
from frontend_api.pages.filters import (
    EPISODE_FILTERS,
    EpisodeFilter,
    FieldsFilter,
    SearchFilter,
    episode_params,
)
from frontend_api.pages.nested import compile_selection
from frontend_api.pages.pagination import PageListingPagination
from frontend_api.pages.queries import api_pages, load_pages
from frontend_api.pages.serializers import FrontendPageSerializer
from frontend_api.public_api import PublicAPIMixin
from frontend_api.stored.listing import StoredListingMixin
from frontend_api.stored.reads import StoredDetailMixin
from frontend_api.visibility import public_pages

# Field selections come from the query string: the bound keeps odd clients from growing it.
MAX_SERIALIZER_CLASSES = 512
_serializer_classes: dict[tuple, type] = {}


def _hashable(config: Any) -> Any:
    """A parsed `fields=` configuration as nested tuples."""
    if isinstance(config, list | tuple):
        return tuple(_hashable(item) for item in config)
    return config


def _public_api_pages(root: str, now: datetime.datetime, keys: list[int]) -> QuerySet:
    return public_pages(root, api_pages(), now).filter(pk__in=keys)


class PagesAPIViewSet(
    CachedViewMixin,
    StoredDetailMixin,
    StoredListingMixin,
    PublicAPIMixin,
    v2_views.PagesAPIViewSet,
):
    """v2 pages with episode filters, frontend URLs and batched loading of every reference.

    Cached answers depend on the pages they read; listings also on the subtree they list.
    Plain detail reads and listings are answered from stored representations
    (docs/read-path.md).
    """

    pagination_class = PageListingPagination
    base_serializer_class = FrontendPageSerializer
    filter_backends = [
        FieldsFilter,
        v2_filters.ChildOfFilter,
        v2_filters.AncestorOfFilter,
        v2_filters.DescendantOfFilter,
        EpisodeFilter,
        v2_filters.OrderingFilter,
        v2_filters.TranslationOfFilter,
        v2_filters.LocaleFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = v2_views.PagesAPIViewSet.known_query_parameters.union(EPISODE_FILTERS)

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        """v2's, with nested `fields=` selecting keys of the computed fields' JSON; made once
        per process for each model and field selection (a class costs a few ms to build)."""
        i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)  # changes the default fields
        key = (cls, id(router), model, _hashable(fields_config), show_details, nested, i18n)
        found = _serializer_classes.get(key)
        if found is None:
            found = cls._build_serializer_class(router, model, fields_config, show_details, nested)
            if len(_serializer_classes) >= MAX_SERIALIZER_CLASSES:
                _serializer_classes.clear()
            _serializer_classes[key] = found
        return found

    @classmethod
    def _build_serializer_class(cls, router, model, fields_config, show_details, nested):
        selectable = {"parent": ParentField}
        for name in cls.get_body_fields_names(model):
            if name in COMPUTED_FIELDS:
                selectable[name] = COMPUTED_FIELDS[name]
        plain, nested_configs = [], {}
        for name, negated, sub_config in fields_config:
            if sub_config and not negated and name in selectable:
                nested_configs[name] = sub_config
                sub_config = None
            plain.append((name, negated, sub_config))
        serializer_class = super()._get_serializer_class(
            router, model, plain, show_details=show_details, nested=nested
        )
        selected = {
            name: selectable[name](
                selection=compile_selection(name, selectable[name].nested_schema(), config)
            )
            for name, config in nested_configs.items()
            if name in serializer_class.Meta.fields
        }
        if not selected:
            return serializer_class
        return type(serializer_class.__name__, (serializer_class,), selected)

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        for name in cls.get_body_fields_names(model):
            if name in COMPUTED_FIELDS and name not in overrides:
                overrides[name] = COMPUTED_FIELDS[name]()
        return overrides

    # Which pages -----------------------------------------------------------------------------

    @property
    def site(self) -> SiteInfo | None:
        if not hasattr(self, "_site"):
            try:
                self._site = request_site(self.request)
            except LookupError as exc:
                raise Http404("not found") from exc
            except ValueError as exc:
                raise BadRequestError(str(exc)) from exc
        return self._site

    def get_root_page(self) -> Page:
        if self.site is None:
            raise BadRequestError("no site serves this host")
        return Page.objects.get(pk=self.site.root_page_id)

    def get_base_queryset(self) -> QuerySet:
        """Live pages of the request's site under no view restriction, whoever asks."""
        return public_pages(self.site.root_tree_path if self.site else None)

    def get_queryset(self) -> QuerySet:
        requested = self.request.GET.get("type")
        models: tuple[type[Page], ...] = ()
        try:
            if requested:
                models = page_models_from_string(requested)
        except (LookupError, ValueError) as exc:
            raise BadRequestError("type doesn't exist") from exc
        if not models and episode_params(self.request):
            # Episode filters imply the episode type, so episode fields can be used too.
            models = (EpisodePage,)
        if len(models) != 1:
            return super().get_queryset()
        # v2 selects the type's rows by key from a subquery of the public pages; conditions on
        # the joined page let the database walk the path index for a window in tree order
        # instead of sorting every public page of the type.
        return public_pages(self.site.root_tree_path if self.site else None, models[0].objects)

    def get_object(self) -> Page:
        if not hasattr(self, "_cached_object"):
            pages = self.public_pages_by_key([self.kwargs["pk"]])
            if not pages:
                raise Http404("not found")
            self._cached_object = pages[0]
        return self._cached_object

    def public_pages_by_key(self, keys: Iterable[int]) -> list[Page]:
        """These pages if public, specific and annotated for serializing, in one query."""
        root = self.site.root_tree_path if self.site else None
        if root is None:
            return []
        ids = [int(key) for key in keys]
        build = functools.partial(_public_api_pages, root)
        return load_pages(compiled.run(("public pages", root), build, [timezone.now(), ids]))

    # Views -----------------------------------------------------------------------------------

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["batch"] = getattr(self, "batch", None)
        return context

    def prepared(self, pages: list[Page]) -> tuple[PageBatch, set[str], float | None]:
        """A batch for these pages, the tags of what it read, and the first expiry it holds."""
        batch = PageBatch(self.request).prepare(pages)
        tags = dependencies.batch_tags(batch, pages)
        expiry = dependencies.earliest_expiry([*pages, *batch.references.loaded_pages()])
        return batch, tags, expiry

    def prepare(self, pages: Iterable[Page]) -> None:
        self.batch, tags, expiry = self.prepared(list(pages))
        self.depends_on(tags)
        self.ends_at(expiry)

    def detail_view(self, request, pk):
        page = self.get_object()
        self.prepare([page])
        return Response(self.get_serializer(page).data)

    def render_details(
        self, pages: list[Page]
    ) -> tuple[dict[int, dict], dict, set[str], float | None]:
        """The plain detail of each page as its own read renders it (for stored answers), from
        one batch: the data by key, the serializer context, and the dependency tags and expiry
        of them all (a superset of each page's own: a row may go stale sooner, never later)."""
        batch, tags, expiry = self.prepared(pages)
        context = {**self.get_serializer_context(), "batch": batch}
        details = {}
        for page in pages:
            serializer_class = self._get_serializer_class(
                self.request.wagtailapi_router, type(page), [], show_details=True
            )
            details[page.pk] = serializer_class(page, context=context).data
        return details, context, {dependencies.SHARED, *tags}, expiry

    def listing_view(self, request):
        scope = dependencies.listing_scope(request, self.site)
        if scope is not None:
            self.depends_on({dependencies.scope_tag(scope)})
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        window = self.paginate_queryset(queryset)
        if isinstance(window, QuerySet):
            keys = list(window.values_list("pk", flat=True))
        else:
            keys = [page.pk for page in window]
        stored = self.stored_listing(keys)
        if stored is not None:
            return stored
        # One query for the specific pages of the window, whatever their types.
        loaded = {page.pk: page for page in load_pages(api_pages().filter(pk__in=keys))}
        pages = [loaded[key] for key in keys if key in loaded]
        self.prepare(pages)
        serializer = self.get_serializer(pages, many=True)
        return self.get_paginated_response(serializer.data)

    def find_view(self, request):
        """Redirect to the detail URL on CMS_URL, keeping the other query parameters."""
        page = self.find_page(request)
        if page is None:
            raise Http404("not found")
        path = request.wagtailapi_router.get_object_detail_urlpath(Page, page.pk)
        query = request.GET.copy()
        for name in self.find_query_parameters:
            query.pop(name, None)
        suffix = f"?{query.urlencode()}" if query else ""
        return redirect(f"{settings.CMS_URL}{path}{suffix}")

    def find_page(self, request) -> Page | None:
        """The page a find request names, with only its key and expiry loaded."""
        pages = self.get_queryset()
        if "html_path" in request.GET:
            if self.site is None:
                return None
            components = [part for part in request.GET["html_path"].split("/") if part]
            url_path = self.site.root_url_path + "".join(f"{part}/" for part in components)
            # Wagtail indexes the slug, not url_path: the slug (url_path's last step) narrows
            # the lookup to a few pages, however many the site has.
            slug = url_path.rstrip("/").rpartition("/")[2]
            pages = pages.filter(slug=slug, url_path=url_path)
        elif "id" in request.GET:
            try:
                pages = pages.filter(pk=int(request.GET["id"]))
            except ValueError as exc:
                raise BadRequestError("id must be an integer") from exc
        else:
            return None
        page = pages.only("pk", "expire_at").first()
        if page is not None:
            self.depends_on({dependencies.page_tag(page.pk)})
            self.ends_with_expiry_of([page])
        return page
