"""Schemathesis runs every check on every operation of GET /api/v2/schema/: the document says
exactly what the server does (statuses, headers, bodies, which inputs it accepts or refuses)."""

import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis.checks import positive_data_acceptance
from schemathesis.generation import GenerationMode
from schemathesis.openapi.checks import RejectedPositiveData

# Cases per operation, valid and invalid mixed: enough to reach each parameter's edge values,
# bounded (and derandomized) so CI stays short and repeatable.
EXAMPLES_PER_OPERATION = 60
# The 400s a schema-valid request may still get: OpenAPI describes each parameter alone, so
# it cannot say that an id names no page, that a field or order belongs to another page type,
# or that two parameters exclude each other. Any other 400 to a schema-valid request fails.
CROSS_PARAMETER_REFUSALS = re.compile(
    r"^(parent|ancestor|descendant|translation_of) page doesn't exist$"
    r"|^unknown fields: "
    r"|^cannot order by '.*' \((unknown field|invalid field)\)$"
    r"|^cannot order by '.*' while searching \(field is not indexed\)$"
    r"|^random ordering with offset is not supported$"
    r"|^no single site matches "
    r"|only apply to episodes \(type=episodes\.EpisodePage\)$"
)


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


# The messages of the refusals let through, printed at the end of the run.
let_through: list[str] = []


def accepts_schema_valid_requests(ctx, response, case):
    """positive_data_acceptance, except for the refusals OpenAPI cannot express."""
    try:
        return positive_data_acceptance(ctx, response, case)
    except RejectedPositiveData:
        message = response.json().get("message", "") if response.status_code == 400 else ""
        if CROSS_PARAMETER_REFUSALS.search(message):
            let_through.append(re.sub(r"'.*'", "'…'", message))
            return None
        raise


def test_cross_parameter_refusals_are_recognised_and_nothing_else():
    assert CROSS_PARAMETER_REFUSALS.search("parent page doesn't exist")
    assert CROSS_PARAMETER_REFUSALS.search("unknown fields: show")
    assert not CROSS_PARAMETER_REFUSALS.search("limit cannot be higher than 50")
    assert not CROSS_PARAMETER_REFUSALS.search("query parameters must not contain NUL characters")


@pytest.mark.django_db
def test_every_check_passes_on_every_operation(episode, settings, wsgi_app_in_test_transaction):
    settings.TOKEN_RATE_LIMIT = "100000/min"  # a 429 would stop the fuzzing of token endpoints
    let_through.clear()
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
        def conforms(case) -> None:
            response = case.call()
            calls.append(response.status_code)
            # Every built-in check (the default set), one of them narrowed as explained above.
            case.validate_response(
                response,
                excluded_checks=[positive_data_acceptance],
                additional_checks=[accepts_schema_valid_requests],
            )

        conforms()
    print(f"schemathesis: {len(operations)} operations, {len(calls)} calls, statuses", end=" ")
    print({status: calls.count(status) for status in sorted(set(calls))})
    print("schema-valid requests refused for a cross-parameter rule:", len(let_through), end=" ")
    print({message: let_through.count(message) for message in sorted(set(let_through))})
