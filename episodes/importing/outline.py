"""A readable outline of an article's blocks, for --dry-run and for checking imports."""

from .article import Article, Block, Faq, Heading, Paragraph, Picture, Quote
from .richtext import visible_text

EXCERPT = 60


def excerpt(text: str, length: int = EXCERPT) -> str:
    """The start of a text on one line, with an ellipsis if cut."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def outline(article: Article) -> list[str]:
    """One line per block, indented under its section; FAQ questions listed under the FAQ."""
    number = f"#{article.episode_number} " if article.episode_number is not None else ""
    rubric = f"{article.rubric} > " if article.rubric else ""
    lines = [f"{number}{rubric}{article.title}"]
    depth = 0
    for block in article.blocks:
        indent = depth
        level = block.level if isinstance(block, Heading | Faq) else None
        if level:
            depth = level - 1
            indent = depth - 1
        lines.append(f"{'  ' * indent}{describe_block(block)}")
        if isinstance(block, Faq):
            lines += [f"{'  ' * (indent + 1)}? {_question(item)}" for item in block.items]
    return lines


def describe_block(block: Block) -> str:
    """One block as "kind: what it says"."""
    match block:
        case Heading():
            stamp = f" [{block.timestamp}]" if block.timestamp else ""
            return f"h{block.level}: {excerpt(block.text)}{stamp}"
        case Paragraph():
            return f"paragraph: {excerpt(visible_text(block.html))}"
        case Quote():
            return f"quote: “{excerpt(block.text)}”{_speaker(block)}"
        case Faq():
            count = len(block.items)
            return f"faq: {block.title or '(untitled)'} ({count} question{'s' * (count != 1)})"
        case Picture():
            return f"image: {block.path.name} “{excerpt(block.alt)}”"
    return type(block).__name__


def _speaker(quote: Quote) -> str:
    return f" — {quote.speaker}" if quote.speaker else ""


def _question(item) -> str:
    quote = f" (quote{_speaker(item.quote)})" if item.quote else ""
    return f"{excerpt(item.question)}{quote}"
