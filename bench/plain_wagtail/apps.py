"""Gives the models api_fields the stock way, since theirs name fields our API computes."""

from django.apps import AppConfig


class PlainWagtailConfig(AppConfig):
    name = "bench.plain_wagtail"
    label = "plain_wagtail"

    def ready(self) -> None:
        from .api_fields import install

        install()
