"""The Transcripts section of the admin: attach a file to an episode, map speakers to people."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, PageChooserPanel, Panel
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSet

from episodes.transcripts.checking import check_quotes
from episodes.transcripts.models import Transcript
from episodes.transcripts.parsing import TranscriptError
from episodes.transcripts.storage import read_transcript, store_transcript


class TranscriptForm(WagtailAdminModelForm):
    """Parses the attached file in clean(), so a bad file is a field error and nothing is saved."""

    upload = forms.FileField(
        label="Transcript file",
        required=False,
        help_text="WebVTT (with <v Name> voices), SRT (with “Name:” prefixes) or Podcasting 2.0 "
        "JSON. Attaching a file replaces the cues; speakers keep the people chosen for them.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.parsed = None
        if self.instance.pk is None:
            self.fields["upload"].required = True

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("upload")
        if upload:
            try:
                self.parsed = (upload.name, *read_transcript(upload.read(), upload.name))
            except TranscriptError as error:
                self.add_error("upload", f"{upload.name}: {error}")
        return cleaned_data

    def save(self, commit: bool = True):
        with transaction.atomic():
            if self.parsed:
                self.instance.source_name, self.instance.source_format, _ = self.parsed
            transcript = super().save(commit=commit)
            if commit and self.parsed:
                name, transcript_format, cues = self.parsed
                store_transcript(
                    transcript.episode,
                    cues,
                    transcript_format,
                    transcript.language,
                    name,
                    self.for_user,
                )
            if commit:
                transcript.refresh_summary()
        return transcript


class QuoteReportPanel(Panel):
    """The last quote check: each quote verified or why not, and the "Check quotes" button."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("heading", "Quotes of the article")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "episodes/panels/quote_report.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            report = self.instance.quote_report or []
            context["unverified"] = [quote for quote in report if not quote["verified"]]
            context["verified_count"] = len(report) - len(context["unverified"])
            context["total"] = len(report)
            context["checked_at"] = self.instance.quotes_checked_at
            context["check_url"] = reverse("transcripts:check_quotes", args=[self.instance.pk])
            return context


@require_POST
def check_quotes_view(request, pk: int):
    """The editor's "Check quotes": check again, say how it went, back to the transcript."""
    transcript = get_object_or_404(Transcript, pk=pk)
    if not request.user.has_perm("episodes.change_transcript"):
        raise PermissionDenied
    checks = check_quotes(transcript.episode, request.user)
    unverified = [check for check in checks if not check.verified]
    summary = f"{len(checks) - len(unverified)} of {len(checks)} quotes verified."
    if unverified:
        messages.warning(request, summary + " The others are listed below with the reason.")
    else:
        messages.success(request, summary)
    return redirect("transcripts:edit", pk)


class TranscriptViewSet(ModelViewSet):
    """Transcripts of episodes."""

    model = Transcript
    icon = "doc-full"
    menu_label = "Transcripts"
    menu_order = 160
    add_to_admin_menu = True
    name = "transcripts"
    list_display = [
        "episode",
        "language",
        Column("cue_count", label="Cues"),
        "source_name",
        UpdatedAtColumn(),
    ]
    search_fields = ["episode__title", "source_name"]
    create_panels = [
        PageChooserPanel("episode", "episodes.EpisodePage"),
        FieldPanel("language"),
        FieldPanel("upload"),
    ]
    edit_panels = [
        FieldPanel("episode", read_only=True),
        FieldPanel("language"),
        FieldPanel("upload"),
        QuoteReportPanel(),
        InlinePanel(
            "speakers",
            heading="Speakers",
            label="Speaker",
            help_text="Each label of the file and the person it is. A speaker without a person "
            "is never named publicly.",
        ),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/check-quotes/", check_quotes_view, name="check_quotes"),
        ]

    def _handler(self, panels: list):
        return ObjectList(panels, base_form_class=TranscriptForm).bind_to_model(self.model)

    def get_edit_handler(self):
        return self._handler(self.edit_panels)

    def get_add_view_kwargs(self, **kwargs):
        handler = self._handler(self.create_panels)
        return super().get_add_view_kwargs(
            panel=handler, form_class=handler.get_form_class(), **kwargs
        )
