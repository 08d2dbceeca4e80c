"""Schemathesis fuzzes every operation of GET /api/v2/schema/ on a bounded budget: no 5xx."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode

# Cases per operation, valid and invalid mixed: enough to reach each parameter's edge values,
# bounded (and derandomized) so CI stays short and repeatable.
EXAMPLES_PER_OPERATION = 60


@pytest.fixture
def wsgi_app_in_test_transaction():
    """The WSGI app, minus the end-of-request connection close that Django's test client also
    switches off: it would drop the test transaction's connection between two cases."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_no_operation_answers_with_a_server_error(episode, settings, wsgi_app_in_test_transaction):
    settings.TOKEN_RATE_LIMIT = "100000/min"  # a 429 would stop the fuzzing of token endpoints
    schema = schemathesis.openapi.from_wsgi("/api/v2/schema/", wsgi_app_in_test_transaction)
    operations = [result.ok() for result in schema.get_all_operations()]
    calls = []
    assert len(operations) >= 5, [op.label for op in operations]
    for operation in operations:
        cases = st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        )

        @given(case=cases)
        @hypothesis_settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def no_server_error(case) -> None:
            response = case.call()
            calls.append(response.status_code)
            case.validate_response(response, checks=[not_a_server_error])

        no_server_error()
    print(f"schemathesis: {len(operations)} operations, {len(calls)} calls, statuses", end=" ")
    print({status: calls.count(status) for status in sorted(set(calls))})
