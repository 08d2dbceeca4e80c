"""The public pages endpoint: Wagtail API v2, anonymous, compact JSON, a fixed query budget."""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import redirect
from rest_framework.fields import Field
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from wagtail.api.v2 import filters as v2_filters
from wagtail.api.v2 import views as v2_views
from wagtail.api.v2.utils import BadRequestError
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from episodes.models import EpisodePage
from frontend_api.errors import error_response
from frontend_api.loading.batch import PageBatch
from frontend_api.loading.links import absolute_url
from frontend_api.loading.references import private_collection_condition
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
from frontend_api.pages.pagination import BoundedPagination
from frontend_api.pages.queries import api_pages, load_pages
from frontend_api.pages.serializers import FrontendPageSerializer
from frontend_api.renderers import CompactJSONRenderer
from frontend_api.visibility import public_pages

MAX_FIELDS_NESTING = 10
MAX_ID = 2**63 - 1  # the largest key any supported database stores


class PublicAPIMixin:
    """Anonymous JSON only: cookies and Authorization headers change nothing."""

    renderer_classes = [CompactJSONRenderer]
    authentication_classes: list = []
    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, value in request.GET.lists():
            if "\x00" in name or any("\x00" in item for item in value):
                raise BadRequestError("query parameters must not contain NUL characters")
        # v2 parses `fields` recursively; refuse nesting deep enough to exhaust the stack.
        if request.GET.get("fields", "").count("(") > MAX_FIELDS_NESTING:
            raise BadRequestError(f"fields cannot nest more than {MAX_FIELDS_NESTING} levels")
        if int(kwargs.get("pk", 0)) > MAX_ID:
            raise Http404

    def handle_exception(self, exc):
        response = error_response(exc)
        if response is None:
            return super().handle_exception(exc)
        return response


class PagesAPIViewSet(PublicAPIMixin, v2_views.PagesAPIViewSet):
    """v2 pages with episode filters, frontend URLs and batched loading of every reference."""

    pagination_class = BoundedPagination
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
        """v2's, with nested `fields=` selecting keys of the computed fields' JSON."""
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
        if "type" not in self.request.GET and episode_params(self.request):
            # Episode filters imply the episode type, so episode fields can be used too.
            return EpisodePage.objects.filter(pk__in=self.get_base_queryset().values("pk"))
        return super().get_queryset()

    def get_object(self) -> Page:
        if not hasattr(self, "_cached_object"):
            root = self.site.root_tree_path if self.site else None
            pages = load_pages(public_pages(root, api_pages()).filter(pk=self.kwargs["pk"]))
            if not pages:
                raise Http404("not found")
            self._cached_object = pages[0]
        return self._cached_object

    # Views -----------------------------------------------------------------------------------

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["batch"] = self.batch
        return context

    def prepare(self, pages: Iterable[Page]) -> None:
        self.batch = PageBatch(self.request).prepare(pages)

    def detail_view(self, request, pk):
        page = self.get_object()
        self.prepare([page])
        return Response(self.get_serializer(page).data)

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        window = self.paginate_queryset(queryset)
        if isinstance(window, QuerySet):
            keys = list(window.values_list("pk", flat=True))
        else:
            keys = [page.pk for page in window]
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
            pages = pages.filter(url_path=url_path)
        elif "id" in request.GET:
            try:
                pages = pages.filter(pk=int(request.GET["id"]))
            except ValueError as exc:
                raise BadRequestError("id must be an integer") from exc
        else:
            return None
        return pages.only("pk", "expire_at").first()


class PublicCollectionMixin:
    """Items of restricted collections stay hidden, whatever session the request carries."""

    # The privacy condition is no indexed field, so search gets the filtered keys instead.
    filter_backends = [v2_filters.FieldsFilter, v2_filters.OrderingFilter, SearchFilter]
    pagination_class = BoundedPagination

    def get_queryset(self) -> QuerySet:
        return self.model.objects.exclude(private_collection_condition()).order_by("id")

    def find_view(self, request):
        """v2's redirect, without the dangling "?" when no parameter is passed on."""
        response = super().find_view(request)
        if response.get("Location", "").endswith("?"):
            response["Location"] = response["Location"][:-1]
        return response


class AbsoluteImageDownloadUrlField(Field):
    """meta.download_url on CMS_URL, as documents' already is (v2 gives images a relative one)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image) -> str:
        return absolute_url(image.file.url)


class AbsoluteImageSerializer(ImageSerializer):
    download_url = AbsoluteImageDownloadUrlField(read_only=True)


class PublicImagesAPIViewSet(PublicAPIMixin, PublicCollectionMixin, ImagesAPIViewSet):
    """v2 images, anonymous and compact."""

    base_serializer_class = AbsoluteImageSerializer


class PublicDocumentsAPIViewSet(PublicAPIMixin, PublicCollectionMixin, DocumentsAPIViewSet):
    """v2 documents, anonymous and compact."""
