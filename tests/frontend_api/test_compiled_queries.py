"""Querysets compiled once per shape return what a freshly compiled queryset returns."""

import datetime
from unittest import mock

import pytest
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from episodes import factories as f
from episodes.models import EpisodePage
from frontend_api.loading import compiled
from frontend_api.visibility import public_pages
from tests.support.site import publish

pytestmark = pytest.mark.django_db


def episodes_by_key(now: datetime.datetime, keys: list[int]):
    return public_pages("0001", EpisodePage.objects.all(), now).filter(pk__in=keys).order_by("pk")


def test_new_values_run_the_compiled_sql_and_find_their_own_rows(show):
    soon = timezone.now() + datetime.timedelta(hours=1)
    made = [publish(f.EpisodePageFactory(parent=show)) for _ in range(3)]
    expiring = publish(f.EpisodePageFactory(parent=show, expire_at=soon))
    key = ("test episodes", show.pk)
    now = timezone.now()
    assert list(compiled.run(key, episodes_by_key, [now, [made[0].pk, made[1].pk]])) == made[:2]
    with mock.patch.object(SQLCompiler, "as_sql", autospec=True) as as_sql:
        again = list(compiled.run(key, episodes_by_key, [now, [made[2].pk, expiring.pk]]))
        later = soon + datetime.timedelta(seconds=1)
        after_expiry = list(compiled.run(key, episodes_by_key, [later, [made[2].pk, expiring.pk]]))
    as_sql.assert_not_called()  # the SQL of the first run, with the new values
    assert again == [made[2], expiring] == list(episodes_by_key(now, [made[2].pk, expiring.pk]))
    assert after_expiry == [made[2]]


def test_another_shape_is_compiled_for_itself(show):
    made = [publish(f.EpisodePageFactory(parent=show)) for _ in range(3)]
    now = timezone.now()
    key = ("test episodes by shape", show.pk)
    assert list(compiled.run(key, episodes_by_key, [now, [made[0].pk]])) == made[:1]
    keys = [page.pk for page in made]
    assert list(compiled.run(key, episodes_by_key, [now, keys])) == made
    assert list(compiled.run(key, episodes_by_key, [now, []])) == []


def test_keys_beyond_the_column_range_are_left_to_the_orm(show):
    page = publish(f.EpisodePageFactory(parent=show))
    now = timezone.now()
    key = ("test episodes out of range", show.pk)
    found = compiled.run(key, episodes_by_key, [now, [page.pk, 2**40]])
    assert list(found) == [page]
