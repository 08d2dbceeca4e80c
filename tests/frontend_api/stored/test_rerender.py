"""The re-render queued after a change, and what a failing one or a lost database leaves:
rows still stale, never an error for the committed change."""

import pytest
from django.db import DatabaseError, connection
from django_tasks_db.models import DBTaskResult

from frontend_api.stored.models import StoredPage
from frontend_api.stored.tasks import rerender
from tests.processes import free_port
from tests.support.faults import request_losing_the_database
from tests.support.site import publish

from .conftest import committed, detail_url, fresh_render


@pytest.mark.django_db
def test_a_change_queues_the_rerender_which_stores_fresh_answers(client, pair):
    first, second = pair
    client.get(detail_url(second.pk))
    with committed():
        first.slug = "first-moved-on"
        publish(first)
    assert StoredPage.objects.get(page=second).stale
    queued = DBTaskResult.objects.filter(task_path="frontend_api.stored.tasks.rerender")
    assert queued.exists()
    assert rerender.call([second.pk]) == 1
    assert not StoredPage.objects.get(page=second).stale
    response = client.get(detail_url(second.pk))
    assert response["X-API-Stored"] == "hit"
    assert b"first-moved-on" in response.content
    assert response.content == fresh_render(client, second.pk).content


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_losing_the_database_during_the_rerender_loses_no_freshness(client, pair):
    if connection.vendor != "postgresql":
        pytest.skip("closing SQLite's in-memory test database would drop it")
    first, second = pair
    client.get(detail_url(second.pk))
    first.slug = "renamed-before-the-outage"
    publish(first)  # a real commit: the flush runs and queues the re-render
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = free_port()  # nothing listens there
    try:
        with pytest.raises(DatabaseError):
            rerender.call([second.pk])
    finally:
        connection.settings_dict["PORT"] = port
        connection.close()
    assert StoredPage.objects.get(page=second).stale
    response = client.get(detail_url(second.pk))
    assert response["X-API-Stored"] == "miss"
    assert b"renamed-before-the-outage" in response.content
    assert client.get(detail_url(second.pk))["X-API-Stored"] == "hit"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_committed_change_is_answered_when_the_database_vanishes_after_it(client, pair):
    first, second = pair
    client.get(detail_url(second.pk))  # stores the linking page's answer

    def rename():
        first.slug = "renamed-before-the-outage"
        publish(first)

    assert request_losing_the_database(rename).status_code == 200
    assert StoredPage.objects.get(page=second).stale
    assert b"renamed-before-the-outage" in client.get(detail_url(second.pk)).content
