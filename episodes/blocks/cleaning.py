"""Validation helpers shared by the block families: reading posted values, merging errors."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError


def is_blank_html(html: str) -> bool:
    """True when rich text holds no visible text (Draftail saves "<p></p>" for an empty box)."""
    return not strip_tags(html or "").replace("&nbsp;", "").strip()


def text_of(value) -> str:
    """The text of a posted or cleaned value: rich text's source, a string stripped, else ""."""
    text = getattr(value, "source", value)
    return text.strip() if isinstance(text, str) else ""


def clean_struct(clean, value, errors: dict[str, ValidationError]):
    """A StructBlock's clean(value) reporting the block's own rules, checked on the posted
    values, in the same save as its fields' errors; a rule's message for a field replaces the
    generic one ("This field is required.")."""
    try:
        cleaned = clean(value)
    except StructBlockValidationError as own:
        raise StructBlockValidationError(
            {**own.block_errors, **errors}, own.non_block_errors
        ) from None
    if errors:
        raise StructBlockValidationError(errors)
    return cleaned


STRUCTURED_ERRORS = (
    StreamBlockValidationError,
    StructBlockValidationError,
    ListBlockValidationError,
)


def combine_errors(first: ValidationError, second: ValidationError) -> ValidationError:
    """One error holding both, child by child: the block editor shows a field's first only."""
    if isinstance(second, STRUCTURED_ERRORS) and not isinstance(first, STRUCTURED_ERRORS):
        first, second = second, first
    if not isinstance(first, STRUCTURED_ERRORS):
        return ValidationError([*first.error_list, *second.error_list])
    # Wagtail ships no types, so mypy cannot see the block errors' own attributes.
    structured: Any = first
    block_errors = dict(structured.block_errors)
    non_block_errors = structured.non_block_errors.as_data()
    if type(second) is type(first):
        same_kind: Any = second
        for key, error in same_kind.block_errors.items():
            block_errors[key] = (
                combine_errors(block_errors[key], error) if key in block_errors else error
            )
        non_block_errors += same_kind.non_block_errors.as_data()
    else:
        non_block_errors += second.error_list
    return type(structured)(block_errors=block_errors, non_block_errors=non_block_errors)
