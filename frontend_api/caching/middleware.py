"""One change per request: what an editor's action commits is flushed once, at its end."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from frontend_api.caching.invalidation import one_change


class OneChangePerRequest:
    """Wagtail's publish commits twice; without this, one click would notify the frontend twice."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with one_change():
            return self.get_response(request)
