"""The admin form for creating a reviewer link."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import Page, Revision

from frontend_api.models import ReviewLink

PINNED, LATEST = "pinned", "latest"


class ReviewLinkForm(forms.ModelForm):
    """Expiry, what the reviewer sees (this revision or the latest draft) and a note."""

    shows = forms.ChoiceField(
        label="The reviewer sees",
        choices=[
            (PINNED, "This version of the draft, even if it changes later"),
            (LATEST, "The latest draft, as editors keep working on it"),
        ],
        initial=PINNED,
        widget=forms.RadioSelect,
    )
    revision = forms.ModelChoiceField(
        queryset=Revision.objects.all(), required=False, widget=forms.HiddenInput
    )

    class Meta:
        model = ReviewLink
        fields = ["shows", "revision", "expires_at", "note"]
        widgets = {"expires_at": AdminDateTimeInput}
        help_texts = {"note": "Optional: who it is for, or what to look at. Shown to the reviewer."}

    def __init__(self, data: Mapping[str, Any] | None = None, *, page: Page, user: User) -> None:
        super().__init__(data, instance=ReviewLink(page=page, created_by=user))
        self.user = user
        default_days = settings.REVIEW_LINK_DEFAULT_DAYS
        # The blank instance's values would win over field initials, so set the form's own.
        self.initial["revision"] = page.latest_revision_id
        self.initial["expires_at"] = timezone.now() + timedelta(days=default_days)
        self.fields[
            "expires_at"
        ].help_text = f"{default_days} days by default, at most {settings.REVIEW_LINK_MAX_DAYS}."

    def clean(self) -> dict[str, Any]:
        super().clean()
        # ModelForm.clean returns cleaned_data; its stubs allow None, as Form.clean may.
        cleaned_data = self.cleaned_data
        # The creator is always the signed-in user; a request naming someone else is forged.
        claimed_creator = self.data.get("created_by")
        if claimed_creator not in (None, "", str(self.user.pk)):
            raise ValidationError("A link is always created in your own name.")
        if cleaned_data.get("shows") == LATEST:
            cleaned_data["revision"] = None
        elif cleaned_data.get("shows") == PINNED and not cleaned_data.get("revision"):
            self.add_error(None, "This page has no saved draft to pin; save it first.")
        return cleaned_data
