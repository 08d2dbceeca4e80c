"""Re-render rate: edit a person shown on many episodes, then re-render their stored answers.

Run inside Django (`python -m bench.rerender PERSON_ID SECONDS`); prints JSON: how many stored
answers the edit staled, how long the edit's save took, and pages re-rendered per second by
the task that the edit queues (run here in batches until SECONDS have passed).
"""

import json
import sys
import time

import django

django.setup()

from django.db import transaction  # noqa: E402

from episodes.snippets import Person  # noqa: E402
from frontend_api.stored.models import StoredPage  # noqa: E402
from frontend_api.stored.tasks import rerender  # noqa: E402

BATCH = 50


def main() -> dict:
    person_id, seconds = int(sys.argv[1]), float(sys.argv[2])
    person = Person.objects.get(pk=person_id)
    person.role = "Host and editor" if person.role != "Host and editor" else "Host"
    started = time.perf_counter()
    with transaction.atomic():
        person.save()
    saved = time.perf_counter() - started
    stale = list(StoredPage.objects.filter(stale=True).values_list("page_id", flat=True))
    rendered = 0
    started = time.perf_counter()
    for first in range(0, len(stale), BATCH):
        rendered += rerender.call(stale[first : first + BATCH])
        if time.perf_counter() - started > seconds:
            break
    elapsed = time.perf_counter() - started
    return {
        "stale": len(stale),
        "save_ms": round(saved * 1000, 1),
        "rendered": rendered,
        "seconds": round(elapsed, 2),
        "pages_per_second": round(rendered / elapsed, 1) if elapsed else None,
    }


if __name__ == "__main__":
    print(json.dumps(main()))
