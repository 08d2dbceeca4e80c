"""The project app: operations concerns (health, deploy checks, scheduler, request logs)."""

from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Podcast CMS operations"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deploy checks)
