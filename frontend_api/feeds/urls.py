"""Feed URLs, included under /feeds/ with the "feeds" namespace."""

from django.urls import path

from frontend_api.feeds import views

app_name = "feeds"

urlpatterns = [
    path("<str:slug>/", views.show_feed, name="show"),
    path("<str:slug>/chapters/<str:number>.json", views.episode_chapters, name="chapters"),
]
