"""The public images and documents endpoints: Wagtail API v2, without restricted collections."""

from django.db.models import QuerySet
from django.http import HttpResponse
from rest_framework.fields import Field
from rest_framework.request import Request
from wagtail.api.v2 import filters as v2_filters
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.documents.api.v2 import views as document_views
from wagtail.documents.models import AbstractDocument
from wagtail.images.api.v2 import views as image_views
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.models import AbstractImage

from frontend_api.caching.views import CachedViewMixin
from frontend_api.loading.links import absolute_url
from frontend_api.loading.references import private_collection_condition
from frontend_api.pages.filters import SearchFilter
from frontend_api.pages.pagination import BoundedPagination
from frontend_api.public_api import PublicAPIMixin


class PublicCollectionMixin(BaseAPIViewSet):
    """Items of restricted collections stay hidden, whatever session the request carries."""

    # The privacy condition is no indexed field, so search gets the filtered keys instead.
    filter_backends = [v2_filters.FieldsFilter, v2_filters.OrderingFilter, SearchFilter]
    pagination_class = BoundedPagination
    model: type[AbstractImage] | type[AbstractDocument]

    def get_queryset(self) -> QuerySet:
        return self.model.objects.exclude(private_collection_condition()).order_by("id")

    def find_view(self, request: Request) -> HttpResponse:
        """v2's redirect, without the dangling "?" when no parameter is passed on."""
        response = super().find_view(request)
        if response.get("Location", "").endswith("?"):
            response["Location"] = response["Location"][:-1]
        return response


class AbsoluteImageDownloadUrlField(Field):
    """meta.download_url on CMS_URL, as documents' already is (v2 gives images a relative one)."""

    def get_attribute(self, instance: AbstractImage) -> AbstractImage:
        return instance

    def to_representation(self, image: AbstractImage) -> str:
        return absolute_url(image.file.url)


class AbsoluteImageSerializer(ImageSerializer):
    download_url = AbsoluteImageDownloadUrlField(read_only=True)


class ImagesAPIViewSet(
    CachedViewMixin, PublicAPIMixin, PublicCollectionMixin, image_views.ImagesAPIViewSet
):
    """v2 images, anonymous and compact; they change with the shared content."""

    base_serializer_class = AbsoluteImageSerializer


class DocumentsAPIViewSet(
    CachedViewMixin, PublicAPIMixin, PublicCollectionMixin, document_views.DocumentsAPIViewSet
):
    """v2 documents, anonymous and compact; they change with the shared content."""
