"""Transcript URLs, included under /transcripts/ with the "transcript_files" namespace."""

from django.urls import re_path

from frontend_api.transcripts import views

app_name = "transcript_files"

urlpatterns = [
    # Nine digits stay inside every database's integer range.
    re_path(
        r"^(?P<episode_id>[0-9]{1,9})\.(?P<extension>vtt|srt|json|html)$",
        views.transcript_file,
        name="file",
    ),
]
