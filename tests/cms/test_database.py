"""Database connection options the API's speed depends on."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_postgresql_does_not_jit_compile_the_api_queries():
    # The page query's estimated cost passes jit_above_cost; compiling it took ~0.5 s a request.
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting: run with DATABASE_URL=postgres://...")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
