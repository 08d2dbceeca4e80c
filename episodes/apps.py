"""App config for the episodes app."""

from django.apps import AppConfig


class EpisodesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "episodes"

    def ready(self) -> None:
        from . import form_data

        form_data.register()
