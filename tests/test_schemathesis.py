"""Property-based fuzzing of the API against its own OpenAPI schema: no 5xx, no response that breaks it."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from project.wsgi import application

pytestmark = pytest.mark.django_db
CHECKS = [schemathesis.checks.not_a_server_error, schemathesis.checks.response_schema_conformance]


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """Calling the WSGI app directly (not through the test client) would close the test's transaction
    connection at the end of each request; disconnect that, as Django's test client does."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def operations():
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_honours_the_schema_under_generated_inputs():
    from django.core.cache import cache

    ops = operations()
    assert len(ops) >= 14
    calls = {"n": 0}
    for operation in ops:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None
        )
        def run(case):
            cache.clear()
            response = case.call()
            calls["n"] += 1
            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}"
            )
            case.validate_response(response, checks=CHECKS)

        run()
    print(f"schemathesis: {len(ops)} operations, {calls['n']} requests, 0 server errors")
    assert calls["n"] > len(ops)
