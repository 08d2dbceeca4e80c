"""Querysets compiled to SQL once per shape, then run again with new values.

The read path's queries are wide (specific page types joined, privacy and child rows as
subqueries), and turning them into SQL cost more than running them: about a third of a detail
render on SQLite. Their SQL changes with their shape (how many keys an IN list holds, which
site) but not with the values, so it is compiled once with stand-in values and reused with the
real ones. A queryset whose stand-ins cannot all be found among its parameters is compiled
every time, as usual.
"""

import copy
import datetime
import threading
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

Value = int | str | datetime.datetime
Values = Sequence[Value | Sequence[int] | Sequence[str]]

# Shapes are few (sites, list lengths up to a page of results or a page's links); the bound
# only guards against a caller with an unbounded variety.
MAX_SHAPES = 1024
# Negative keys exist nowhere, and stay inside the 32-bit range the ORM keeps IN lists to.
STAND_IN_BASE = -(2**30)
INT_LIMIT = 2**31 - 1
_EPOCH = datetime.datetime(1901, 2, 3, tzinfo=datetime.UTC)

_lock = threading.Lock()
Compiled = tuple[Any, Any, str, tuple, dict[int, int]]  # queryset, compiler, SQL, params, slots
_compiled: dict[Hashable, Compiled | None] = {}


def _stand_ins(values: Values) -> tuple[list[Any], list[Value]]:
    """Arguments of the same shape made of values no real query uses, and them flattened."""
    arguments: list[Any] = []
    flat: list[Value] = []

    def stand_in(sample: Value) -> Value:
        n = len(flat)
        if isinstance(sample, datetime.datetime):
            made: Value = _EPOCH + datetime.timedelta(seconds=n)
        elif isinstance(sample, str):
            made = f"\x1fstand-in-{n}\x1f"
        else:
            made = STAND_IN_BASE - n
        flat.append(made)
        return made

    for value in values:
        if isinstance(value, (int, str, datetime.datetime)):
            arguments.append(stand_in(value))
        else:
            arguments.append([stand_in(item) for item in value])
    return arguments, flat


def _flatten(values: Values) -> list[Value]:
    flat: list[Value] = []
    for value in values:
        if isinstance(value, (int, str, datetime.datetime)):
            flat.append(value)
        else:
            flat.extend(value)
    return flat


def _shape(values: Values) -> tuple:
    return tuple(
        type(value).__name__
        if isinstance(value, (int, str, datetime.datetime))
        else (len(value), tuple(type(item).__name__ for item in value))
        for value in values
    )


def _prepared(connection: Any, value: Value) -> Any:
    """The value as the ORM hands it to the driver."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def _compile(build: Callable[..., QuerySet], values: Values, using: str) -> Compiled | None:
    connection = connections[using]
    arguments, flat = _stand_ins(values)
    queryset = build(*arguments)
    compiler = queryset.query.get_compiler(using=using)
    try:
        sql, params = compiler.as_sql()
    except (EmptyResultSet, FullResultSet):
        return None  # the ORM answers these without SQL (an empty IN list)
    where = {_prepared(connection, value): index for index, value in enumerate(flat)}
    slots = {position: where[param] for position, param in enumerate(params) if param in where}
    if set(slots.values()) != set(range(len(flat))) or any(str(v) in sql for v in flat):
        return None  # a stand-in was transformed or written into the SQL: not reusable
    return queryset, compiler, sql, tuple(params), slots


def run(key: Hashable, build: Callable[..., QuerySet], values: Values) -> list[Any]:
    """The rows of `build(*values)`, its SQL compiled once for this key and shape of values.

    Rows, not a queryset: chaining anything (count, slice, filter) onto the compiled queryset
    would compile its stand-in values instead of the real ones.
    """
    using = DEFAULT_DB_ALIAS
    connection = connections[using]
    cache_key = (key, _shape(values), using, connection.vendor)
    with _lock:
        known = cache_key in _compiled
        found = _compiled.get(cache_key)
    if not known:
        found = _compile(build, values, using)
        with _lock:
            if len(_compiled) >= MAX_SHAPES:
                _compiled.clear()
            _compiled[cache_key] = found
    flat = _flatten(values)
    if found is None or any(isinstance(v, int) and abs(v) > INT_LIMIT for v in flat):
        # Out-of-range keys are dropped from the SQL by the ORM: let it write that SQL.
        return list(build(*values))
    queryset, compiler, sql, template, slots = found
    params = list(template)
    for position, index in slots.items():
        params[position] = _prepared(connection, flat[index])
    runner = copy.copy(compiler)
    runner.connection = connection
    runner.as_sql = lambda *args, **kwargs: (sql, tuple(params))
    clone = queryset._chain()
    clone.query.get_compiler = lambda *args, **kwargs: runner
    return list(clone)
