"""Recognise FAQs: a heading named FAQ, section.faq, <details> items or FAQPage JSON-LD."""

import json
import re
import unicodedata
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from episodes.blocks import ANSWER_FEATURES

from .article import Block, Faq, FaqItem, Heading, Paragraph, Picture, Quote
from .richtext import sanitize, visible_text

FAQ_TITLES = {
    "faq",
    "faqs",
    "foire aux questions",
    "frequently asked questions",
    "questions frequentes",
}
QUESTION_PARAGRAPH_RE = re.compile(r"^<p>\s*<b>(?P<question>.+?)</b>\s*</p>$", re.DOTALL)


@dataclass
class Details:
    """A <details> element: its summary is a question, its content the answer."""

    question: str
    content: list = field(default_factory=list)


@dataclass
class FaqBox:
    """An element marked as an FAQ (section.faq and the like) and what it holds."""

    content: list = field(default_factory=list)


@dataclass
class Definitions:
    """A <dl>: each term with its description."""

    pairs: list[tuple[str, str]] = field(default_factory=list)


def normalise(text: str) -> str:
    """Lowercase, accents and punctuation removed, single spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w\s]", " ", text.replace(".", "")).split())


def is_faq_title(text: str) -> bool:
    """True for "FAQ", "Foire aux questions", "Frequently asked questions" and close spellings."""
    words = normalise(text)
    return words in FAQ_TITLES or words.removesuffix(" faq") in FAQ_TITLES


def faq_blocks(
    title: str, content: list, warnings: list[str], level: int | None = None
) -> list[Block]:
    """The FAQ block made from a section's content; text before the first question stays above."""
    intro: list[Block] = []
    faq = Faq(title=title, level=level)
    current: FaqItem | None = None
    for item in content:
        if isinstance(item, Heading):
            current = _add(faq, FaqItem(item.text, ""))
        elif isinstance(item, Details):
            current = _add(faq, _details_item(item, warnings))
        elif isinstance(item, Definitions):
            for question, answer in item.pairs:
                current = _add(faq, FaqItem(question, answer))
        elif isinstance(item, Paragraph) and (asked := QUESTION_PARAGRAPH_RE.match(item.html)):
            current = _add(faq, FaqItem(visible_text(asked["question"]), ""))
        elif current is None:
            intro.append(item)
        elif isinstance(item, Paragraph):
            current.answer_html += item.html
        elif isinstance(item, Quote) and current.quote is None:
            current.quote = item
        elif isinstance(item, Quote):
            warnings.append(f"FAQ “{current.question}”: only the first quote is kept")
        elif isinstance(item, Picture):
            warnings.append(f"FAQ “{current.question}”: image {item.path.name} dropped")
        else:
            warnings.append(f"FAQ “{current.question}”: {type(item).__name__.lower()} dropped")
    for item in list(faq.items):
        if not item.answer_html:
            warnings.append(f"FAQ question “{item.question}” has no answer; left out")
            faq.items.remove(item)
    return [*intro, faq] if faq.items else intro


def faq_title_and_content(content: list) -> tuple[str, list]:
    """Split a FAQ box's leading heading (its title) from its questions."""
    if content and isinstance(content[0], Heading):
        first, rest = content[0], content[1:]
        deeper = [item for item in rest if isinstance(item, Heading) and item.level > first.level]
        same = [item for item in rest if isinstance(item, Heading) and item.level <= first.level]
        if is_faq_title(first.text) or deeper or not same:
            return first.text, rest
    return "", content


def json_ld_faq(soup: BeautifulSoup, warnings: list[str]) -> Faq | None:
    """The FAQ described by a schema.org FAQPage in the page's JSON-LD, if any."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            warnings.append("unreadable JSON-LD block ignored")
            continue
        for node in _json_ld_nodes(data):
            if "FAQPage" in _types(node):
                return _faq_from_json_ld(node)
    return None


def _add(faq: Faq, item: FaqItem) -> FaqItem:
    faq.items.append(item)
    return item


def _details_item(details: Details, warnings: list[str]) -> FaqItem:
    item = FaqItem(details.question, "")
    for child in details.content:
        if isinstance(child, Paragraph):
            item.answer_html += child.html
        elif isinstance(child, Quote) and item.quote is None:
            item.quote = child
        else:
            warnings.append(f"FAQ “{details.question}”: {type(child).__name__.lower()} dropped")
    return item


def _types(node: dict) -> list:
    kind = node.get("@type", [])
    return kind if isinstance(kind, list) else [kind]


def _json_ld_nodes(data):
    """Every object of a JSON-LD document, including those inside @graph lists."""
    if isinstance(data, list):
        for entry in data:
            yield from _json_ld_nodes(entry)
    elif isinstance(data, dict):
        yield data
        yield from _json_ld_nodes(data.get("@graph", []))


def _faq_from_json_ld(node: dict) -> Faq | None:
    faq = Faq(title=str(node.get("name") or ""))
    entities = node.get("mainEntity") or []
    for entity in entities if isinstance(entities, list) else [entities]:
        if not isinstance(entity, dict):
            continue
        answer = entity.get("acceptedAnswer") or {}
        answer_text = str(answer.get("text") or "") if isinstance(answer, dict) else ""
        if not re.match(r"\s*<(p|ul|ol)\b", answer_text):
            answer_text = f"<p>{answer_text}</p>"
        answer_html, _ = sanitize(answer_text, ANSWER_FEATURES)
        question = " ".join(str(entity.get("name") or "").split())
        if question and visible_text(answer_html):
            faq.items.append(FaqItem(question, answer_html))
    return faq if faq.items else None
