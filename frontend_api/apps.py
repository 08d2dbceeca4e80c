"""App config for the frontend API app."""

from django.apps import AppConfig


class FrontendApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "frontend_api"

    def ready(self) -> None:
        # Connects the signal handlers that keep the cached site list fresh.
        from frontend_api.caching import checks, receivers  # noqa: F401
        from frontend_api.feeds import announce  # noqa: F401
        from frontend_api.feeds import checks as feed_checks  # noqa: F401
        from frontend_api.feeds import receivers as feeds  # noqa: F401
        from frontend_api.loading import sites  # noqa: F401
        from frontend_api.revalidation import checks as revalidation_checks  # noqa: F401
        from frontend_api.revalidation import receivers as revalidation  # noqa: F401
        from frontend_api.stored import receivers as stored  # noqa: F401
        from frontend_api.transcripts import receivers as transcripts  # noqa: F401

        # Restamps cached responses when what they show changes (docs/caching.md).
        receivers.connect()
