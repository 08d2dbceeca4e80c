"""Admin form data that Wagtail cannot read becomes a form error, never a 500 or a lost body.

Wagtail's StreamField and Draftail widgets trust what the admin's JavaScript posts: a
non-numeric count or order, a missing key or malformed rich text raises deep inside them, and
an unknown block type or a negative count silently reads as fewer blocks (an empty body saved
over the stored one). The widgets here check the posted data against the block definitions
(and rich text against Draftail's format) before Wagtail reads it, and their fields refuse
what can't be read with a message while the form shows the stored value again.
"""

import json
import logging
import re

from django import forms
from django.core.exceptions import ValidationError
from draftjs_exporter.error import ExporterException
from wagtail import blocks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.fields import RichTextField, StreamField

logger = logging.getLogger(__name__)

# What Wagtail's readers raise on data its JavaScript would never post; anything else is a bug.
READ_ERRORS = (
    ExporterException,
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    RecursionError,
    ValidationError,
)
COUNT_RE = re.compile(r"[0-9]{1,9}")
ORDER_RE = re.compile(r"-?[0-9]{1,9}")


class MalformedValue:
    """What a widget hands its field when the posted data can't be read; the field refuses it."""

    def __init__(self, problem: str):
        self.message = (
            f"The submitted content could not be read ({problem}). Nothing was saved; "
            "the stored version is shown again."
        )


class MalformedData(Exception):
    """Raised while checking posted data, with what is wrong in the editor's words."""


def is_count(value) -> bool:
    """True for a whole number of zero or more, as Draft.js writes depths, offsets, lengths."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def rich_text_problem(raw) -> str:
    """Why a posted Draftail value can't be read, or "" when it can."""
    if raw is None:
        return "a rich text value is missing"
    try:
        state = json.loads(raw)
    except (ValueError, RecursionError):
        return "a rich text value is not complete JSON"
    # Draftail posts null for an empty editor.
    if state is None:
        return ""
    entities = state.get("entityMap", {}) if isinstance(state, dict) else None
    if not isinstance(entities, dict) or not isinstance(state.get("blocks"), list):
        return "a rich text value is not in the editor's format"
    for entity in entities.values():
        if not isinstance(entity, dict) or not isinstance(entity.get("data"), dict):
            return "a link in rich text has no data"
    for block in state["blocks"]:
        if not (
            isinstance(block, dict)
            and isinstance(block.get("text"), str)
            and is_count(block.get("depth", 0))
            and isinstance(block.get("inlineStyleRanges", []), list)
            and isinstance(block.get("entityRanges", []), list)
        ):
            return "a rich text paragraph is not in the editor's format"
        ranges = [*block.get("inlineStyleRanges", []), *block.get("entityRanges", [])]
        if not all(
            isinstance(item, dict) and is_count(item.get("offset")) and is_count(item.get("length"))
            for item in ranges
        ):
            return "a rich text range is not in the editor's format"
        for item in block.get("entityRanges", []):
            if str(item.get("key")) not in entities:
                return "a rich text range points at a link that does not exist"
    return ""


def posted_indexes(data, prefix: str, kind: str) -> list[int]:
    """Indexes of the items a list or stream posted and did not delete, checked as Wagtail
    will read them."""
    count = data.get(f"{prefix}-count")
    # More items than posted fields can't be real, and would keep Wagtail looping for nothing.
    if not isinstance(count, str) or not COUNT_RE.fullmatch(count) or int(count) > len(data):
        raise MalformedData(f"the number of {kind}s is not valid")
    kept, orders = [], set()
    for index in range(int(count)):
        item = f"{prefix}-{index}"
        if f"{item}-deleted" not in data:
            raise MalformedData(f"{kind} {index + 1} is incomplete")
        if data[f"{item}-deleted"]:
            continue
        order = data.get(f"{item}-order")
        if not isinstance(order, str) or not ORDER_RE.fullmatch(order):
            raise MalformedData(f"the position of {kind} {index + 1} is not valid")
        # Wagtail sorts by position and then compares the values themselves, which can't be.
        if int(order) in orders:
            raise MalformedData(f"two {kind}s claim the same position")
        orders.add(int(order))
        kept.append(index)
    return kept


def check_block_data(block, data, prefix: str) -> None:
    """Raise MalformedData where the data posted for block can't be read the way Wagtail
    reads it."""
    if isinstance(block, blocks.BaseStreamBlock):
        for index in posted_indexes(data, prefix, "block"):
            type_name = data.get(f"{prefix}-{index}-type")
            if type_name not in block.child_blocks:
                raise MalformedData(f"unknown block type “{type_name}”")
            check_block_data(block.child_blocks[type_name], data, f"{prefix}-{index}-value")
    elif isinstance(block, blocks.ListBlock):
        for index in posted_indexes(data, prefix, "item"):
            check_block_data(block.child_block, data, f"{prefix}-{index}-value")
    elif isinstance(block, blocks.BaseStructBlock):
        for name, child in block.child_blocks.items():
            check_block_data(child, data, f"{prefix}-{name}")
    elif isinstance(block, blocks.ChooserBlock):
        chosen = data.get(prefix)
        if chosen:
            try:
                block.model_class._meta.pk.to_python(chosen)
            except ValidationError:
                name = block.model_class._meta.verbose_name
                raise MalformedData(f"a chosen {name} is not given by its id") from None


def unreadable(name: str) -> MalformedData:
    """The error for data that passed the checks here but that Wagtail still fails on."""
    # The checks have a gap: refuse the data all the same, and leave a trace to close it.
    logger.warning("Unreadable admin form data for %s", name, exc_info=True)
    return MalformedData("part of it is not in the editor's format")


class GuardedBlockWidget(BlockWidget):
    """A StreamField widget that checks the posted data before Wagtail reads it."""

    def value_from_datadict(self, data, files, name):
        try:
            check_block_data(self.block_def, data, name)
            try:
                return super().value_from_datadict(data, files, name)
            except READ_ERRORS:
                raise unreadable(name) from None
        # Also raised by the rich text widgets of the blocks, while Wagtail reads them.
        except MalformedData as problem:
            return MalformedValue(str(problem))


class GuardedDraftailRichTextArea(DraftailRichTextArea):
    """The Draftail editor, checking the posted JSON before converting it.

    It raises MalformedData rather than returning a value: inside a StreamField, Wagtail would
    wrap any value in RichText; the guarded fields turn the error into a MalformedValue."""

    def value_from_datadict(self, data, files, name):
        problem = rich_text_problem(data.get(name))
        if problem:
            raise MalformedData(problem)
        try:
            return super().value_from_datadict(data, files, name)
        except READ_ERRORS:
            raise unreadable(name) from None


class GuardedBoundField(forms.BoundField):
    """A form's view of a field whose widget may raise MalformedData while reading."""

    @property
    def data(self):
        try:
            return super().data
        except MalformedData as problem:
            return MalformedValue(str(problem))


class RefusesMalformedValue:
    """Form field behaviour for widgets that may hand over a MalformedValue."""

    def clean(self, value):
        if isinstance(value, MalformedValue):
            raise ValidationError(value.message, code="malformed")
        return super().clean(value)

    def bound_data(self, data, initial):
        # The form is shown again with what is stored, not with what could not be read.
        if isinstance(data, MalformedValue):
            return initial
        return super().bound_data(data, initial)

    def has_changed(self, initial, data):
        return isinstance(data, MalformedValue) or super().has_changed(initial, data)


class GuardedBlockField(RefusesMalformedValue, BlockField):
    """The admin form field of every StreamField."""

    def __init__(self, block=None, **kwargs):
        if block is not None:
            kwargs.setdefault("widget", GuardedBlockWidget(block))
        super().__init__(block=block, **kwargs)


class GuardedRichTextFormField(RefusesMalformedValue, forms.CharField):
    """The admin form field of every RichTextField (its widget comes from the editor setting)."""

    bound_field_class = GuardedBoundField


def register() -> None:
    """Make the admin's model forms use the guarded fields for every StreamField and
    RichTextField."""
    register_form_field_override(StreamField, override={"form_class": GuardedBlockField})
    register_form_field_override(RichTextField, override={"form_class": GuardedRichTextFormField})
