"""Nested `fields=` on the computed fields (`rubric(name)`, `hosts(photo(width))`), v2's rules.

v2 only nests foreign keys it serializes itself. The API serves related objects whole, as
JSON its computed fields build, so nesting selects keys of that JSON instead, with v2's
grammar: named keys are added to the nested defaults (`id` and `meta`, where the object has
them), `*` starts from every key, `_` from none, `-key` removes one, and an unknown key is
a 400 "unknown fields: ...". The known keys come from the JSON Schema each field declares.
"""

from dataclasses import dataclass, field
from typing import Any

from wagtail.api.v2.utils import BadRequestError

NESTED_DEFAULTS = ("id", "meta")


def _resolve(ref: str) -> dict:
    # The shared components live in the schema package, which itself imports the fields.
    from frontend_api.schema import components

    return {"#/components/schemas/Image": components.IMAGE}.get(ref, {})


def object_schema(schema: dict) -> dict | None:
    """The object schema of a value, or of each item of a list value, through null and $ref."""
    while True:
        if "$ref" in schema:
            schema = _resolve(schema["$ref"])
        elif "anyOf" in schema:
            schema = next((s for s in schema["anyOf"] if s.get("type") != "null"), {})
        elif schema.get("type") == "array":
            schema = schema.get("items", {})
        else:
            break
    if schema.get("type") == "object" and "properties" in schema:
        return schema
    return None


@dataclass(frozen=True)
class Selection:
    """Which keys of an object to keep, and the selections of its nested objects."""

    keys: frozenset[str]
    nested: dict[str, "Selection"] = field(default_factory=dict)

    def apply(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.apply(item) for item in value]
        if not isinstance(value, dict):
            return value
        return {
            key: self.nested[key].apply(item) if key in self.nested else item
            for key, item in value.items()
            if key in self.keys
        }


def compile_selection(name: str, schema: dict, config: list) -> Selection:
    """The Selection for `name(...)`, given the parsed sub-fields; 400 for what v2 refuses."""
    shape = object_schema(schema)
    if shape is None:
        raise BadRequestError(f"'{name}' does not support nested fields")
    properties: dict = shape["properties"]
    if config and config[0][0] == "*":
        chosen = set(properties)
        config = config[1:]
    elif config and config[0][0] == "_":
        chosen = set()
        config = config[1:]
    else:
        chosen = {key for key in NESTED_DEFAULTS if key in properties}
    mentioned = set()
    sub_configs = {}
    for key, negated, sub_config in config:
        mentioned.add(key)
        if negated:
            chosen.discard(key)
        else:
            chosen.add(key)
            if sub_config:
                sub_configs[key] = sub_config
    unknown = mentioned - set(properties)
    if unknown:
        raise BadRequestError("unknown fields: {}".format(", ".join(sorted(unknown))))
    nested = {
        key: compile_selection(key, properties[key], sub_config)
        for key, sub_config in sub_configs.items()
        if key in chosen
    }
    return Selection(frozenset(chosen), nested)
