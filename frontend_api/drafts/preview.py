"""Editor preview tokens from wagtail-headless-preview, checked when they are used.

The package signs a token when an editor previews and stores the draft under it; it only
deletes old drafts when someone previews again, and its example endpoint trusts the token.
Here a token counts only if its signature holds, it is younger than PREVIEW_TOKEN_MAX_AGE,
and it was made for the requested page type. The token alone names the draft: the id in
`/page_preview/<id>/` is not compared with it, as in the package's README, whose clients
hard-code `page_preview/1/`.
"""

import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

CONTENT_TYPE_SHAPE = re.compile(r"[a-z0-9_]{1,100}\.[a-z0-9_]{1,100}")


def preview_model(content_type: str) -> type[Page] | None:
    """The page model named "app_label.model", if it is one the frontend previews."""
    if not CONTENT_TYPE_SHAPE.fullmatch(content_type):
        return None
    app_label, model_name = content_type.split(".")
    try:
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist:
        return None
    if model is None or not (issubclass(model, Page) and issubclass(model, HeadlessPreviewMixin)):
        return None
    return model


def preview_page(content_type: str, token: str) -> Page | None:
    """The draft stored under a valid token, else None whatever the reason."""
    model = preview_model(content_type)
    if model is None or not token:
        return None
    try:
        model.get_preview_signer().unsign(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except SignatureExpired:
        # The package keeps drafts for a day or more; an expired one is deleted on sight.
        PagePreview.objects.filter(token=token).delete()
        return None
    except BadSignature:
        return None
    preview = PagePreview.objects.filter(
        token=token, content_type=ContentType.objects.get_for_model(model)
    ).first()
    if preview is None:
        return None
    return preview.as_page()
