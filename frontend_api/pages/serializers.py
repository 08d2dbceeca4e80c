"""The v2 page serializer, with meta fields that point at the frontend and need no queries."""

import copy
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from rest_framework.fields import Field, SkipField
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.models import Page

from frontend_api.pages.fields import HtmlUrlField, ParentField
from frontend_api.pages.page_types import type_label


def page_type_label(page: Page) -> str | None:
    """meta.type of a page; None when its model's code is gone."""
    model = page.specific_class
    return type_label(model) if model else None


class PageTypeField(Field):
    """meta.type, e.g. "episodes.EpisodePage"."""

    def get_attribute(self, instance: Page) -> Page:
        return instance

    def to_representation(self, page: Page) -> str | None:
        return page_type_label(page)


def detail_url(context: Mapping[str, Any], page: Page) -> str | None:
    """The page's API URL; None for a page that was never saved (a preview of a new page)."""
    if page.pk is None:
        return None
    return get_object_detail_url(context["router"], context["request"], type(page), page.pk)


class DetailUrlField(Field):
    """meta.detail_url, left out when the page has none."""

    def get_attribute(self, instance: Page) -> str:
        url = detail_url(self.context, instance)
        if not url:
            raise SkipField
        return url

    def to_representation(self, url: str) -> str:
        return url


class FrontendPageSerializer(PageSerializer):
    """Wagtail's PageSerializer reading from the prepared batch instead of the database."""

    def get_fields(self) -> dict[str, Field]:
        """DRF's fields, built from the model once per serializer class and copied after."""
        cls = type(self)
        template = cls.__dict__.get("_fields_template")
        if template is None:
            template = super().get_fields()
            cls._fields_template = template
        return copy.deepcopy(template)

    type = PageTypeField(read_only=True)
    detail_url = DetailUrlField(read_only=True)
    html_url = HtmlUrlField()
    parent = ParentField()

    def page_summary(self, page: Page) -> dict[str, Any]:
        """How v2 nests a page: id, meta (type, detail_url, html_url) and title."""
        meta = OrderedDict(type=page_type_label(page))
        url = detail_url(self.context, page)
        if url:
            meta["detail_url"] = url
        meta["html_url"] = self.context["batch"].url(page)
        return OrderedDict(id=page.pk, meta=meta, title=page.title)
