"""The FAQ: questions listeners ask, each answered and backed by a quote."""

from typing import Any

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.rich_text import RichText

from .api import HTML, api_object, api_resolver, nullable
from .cleaning import clean_struct, is_blank_html, text_of
from .quotes import SupportingQuoteBlock
from .text import PARAGRAPH_FEATURES

ANSWER_FEATURES = PARAGRAPH_FEATURES


class FAQItemBlock(blocks.StructBlock):
    """One question of an FAQ, its answer and the quote that supports it."""

    api_schema = api_object(
        {"question": {"type": "string"}, "answer": HTML, "quote": SupportingQuoteBlock.api_schema}
    )

    question = blocks.CharBlock(max_length=255)
    answer = blocks.RichTextBlock(features=ANSWER_FEATURES)
    quote = SupportingQuoteBlock(required=False)

    class Meta:
        icon = "help"
        label = "Question"

    def clean(self, value):
        errors = {}
        if is_blank_html(text_of(value.get("answer"))):
            errors["answer"] = ValidationError("Write the answer.")
        return clean_struct(super().clean, value, errors)

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        return {
            "question": data["question"],
            "answer": api_resolver(context).rich_text(value["answer"].source),
            "quote": data["quote"],
        }


class FAQBlock(blocks.StructBlock):
    """Questions listeners ask, answered; also published as a schema.org FAQPage."""

    api_schema = api_object(
        {
            "title": nullable({"type": "string"}),
            "items": {"type": "array", "minItems": 1, "items": FAQItemBlock.api_schema},
        }
    )

    title = blocks.CharBlock(required=False, max_length=255, default="Frequently asked questions")
    items = blocks.ListBlock(FAQItemBlock(), min_num=1)

    class Meta:
        icon = "help"
        label = "FAQ"
        description = "A list of questions with answers and supporting quotes."
        preview_value = {
            "title": "Frequently asked questions",
            "items": [
                {
                    "question": "Who is this episode for?",
                    "answer": RichText("<p>Anyone curious about the topic.</p>"),
                    "quote": {"text": "", "speaker": None, "speaker_name": ""},
                }
            ],
        }
        template = "episodes/blocks/faq.html"

    def clean(self, value):
        errors = {}
        if not value.get("items"):
            errors["items"] = ValidationError("An FAQ needs at least one question.")
        return clean_struct(super().clean, value, errors)

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        return {"title": data["title"] or None, "items": list(data["items"])}
