"""WSGI entry point for the benchmark's servers; the settings module comes from the environment."""

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
