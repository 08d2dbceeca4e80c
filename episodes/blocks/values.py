"""Raw stored values of body blocks, written alike by the importer, the seeder and factories."""

import uuid


def block(block_type: str, value: dict) -> dict:
    """One raw body item, with the stable id Wagtail gives every block."""
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def heading(
    text: str,
    level: str = "h2",
    anchor: str = "",
    timestamp: str = "",
    chapter_image=None,
    chapter_url: str = "",
) -> dict:
    """A heading; `chapter_image` is an image (stored by its id) or None."""
    return block(
        "heading",
        {
            "text": text,
            "level": level,
            "anchor": anchor,
            "timestamp": timestamp,
            "chapter_image": chapter_image.pk if chapter_image else None,
            "chapter_url": chapter_url,
        },
    )


def paragraph(html: str) -> dict:
    return block("paragraph", {"text": html})


def pull_quote(
    text: str, speaker=None, speaker_name: str = "", timestamp: str = "", soundbite: bool = False
) -> dict:
    """A quote; `speaker` is a Person (stored by its id) or None."""
    return block(
        "pull_quote",
        {
            "text": text,
            "speaker": speaker.pk if speaker else None,
            "speaker_name": speaker_name,
            "timestamp": timestamp,
            "soundbite": soundbite,
        },
    )


def faq_item(
    question: str,
    answer_html: str,
    quote: str = "",
    speaker=None,
    speaker_name: str = "",
) -> dict:
    """One FAQ question; `speaker` of the supporting quote is a Person or None."""
    return {
        "question": question,
        "answer": answer_html,
        "quote": {
            "text": quote,
            "speaker": speaker.pk if speaker else None,
            "speaker_name": speaker_name,
        },
    }


def faq(items: list[dict], title: str = "Frequently asked questions") -> dict:
    return block("faq", {"title": title, "items": items})


def image(image_obj, alt: str, caption: str = "", credit: str = "") -> dict:
    return block("image", {"image": image_obj.pk, "alt": alt, "caption": caption, "credit": credit})


def embed(url: str) -> dict:
    return block("embed", {"url": url})
