"""Feed URLs, included under /feeds/ with the "feeds" namespace."""

from django.urls import path

from . import views

app_name = "feeds"

urlpatterns = [
    path("<str:slug>/", views.podcast_feed, name="podcast"),
    path("<str:slug>/chapters/<str:number>.json", views.episode_chapters, name="chapters"),
]
