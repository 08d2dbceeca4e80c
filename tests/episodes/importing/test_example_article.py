"""An article shaped like the reference example keeps its exact outline through the import."""

# ruff: noqa: RUF001 (French typography in the fixtures' text)

from episodes.importing.html_page import read_html
from episodes.importing.outline import outline
from episodes.models import EpisodePage

from .conftest import FIXTURES

ARTICLE = FIXTURES / "newsletter-episode.html"
SECTIONS = [
    "La boîte de réception, dernier endroit où l’on choisit ce qu’on lit",
    "Quand les plateformes ont changé les règles du jeu",
    "Posséder sa liste, une idée vieille comme le courrier",
    "Un paysage de plus en plus fragmenté",
    "Ce que l’écriture par e-mail change pour ceux qui écrivent",
    "Les limites d’un format qui n’est pas magique",
    "Conclusion : une relation plutôt qu’une audience",
]
SUBSECTIONS = [
    "Les lettres payantes et la tentation de l’abonnement",
    "Les marques qui écrivent comme des médias",
    "Le retour du temps long",
    "Répondre, et être lu en retour",
]
# The body section by section: h2/h3 headings, p(aragraph)s, q(uote)s, then the FAQ.
SECTION_SHAPES = [
    ["h2", "p", "p"],
    ["h2", "p", "q", "p"],
    ["h2", "p", "q", "p", "q", "p"],
    ["h2", "p", "h3", "p", "q", "p", "h3", "p", "q", "p"],
    ["h2", "p", "h3", "p", "q", "p", "h3", "p", "q", "p"],
    ["h2", "p", "p", "q", "p", "q", "p"],
    ["h2", "p", "p", "p"],
    ["faq"],
]
SHAPE = [kind for section in SECTION_SHAPES for kind in section]
SPEAKERS = [
    "Malik Benali",
    "Malik Benali",
    "Camille Roux",
    "Malik Benali",
    "Camille Roux",
    "Malik Benali",
    "Camille Roux",
    "Camille Roux",
    "Malik Benali",
]


def shape_of(body) -> list[str]:
    kinds = {"paragraph": "p", "pull_quote": "q", "faq": "faq"}
    return [
        block.value["level"] if block.block_type == "heading" else kinds[block.block_type]
        for block in body
    ]


def test_parsed_outline_matches_the_example_structure():
    article = read_html(ARTICLE, ARTICLE.parent)

    lines = outline(article)

    assert lines[0].startswith("#57 Tendances > Les newsletters sont-elles devenues")
    assert [line for line in lines if line.startswith("h2: ")] == [
        f"h2: {text}" if len(text) <= 60 else f"h2: {text[:59].rstrip()}…" for text in SECTIONS
    ]
    assert sum(line.startswith("  h3: ") for line in lines) == 4
    assert sum(line.lstrip().startswith("paragraph: ") for line in lines) == 24
    assert sum(line.lstrip().startswith("quote: ") for line in lines) == 9
    assert "faq: Foire aux questions (6 questions)" in lines
    assert sum(line.startswith("  ? ") and line.endswith(")") for line in lines) == 6
    assert lines[-1].startswith("  ? Quel indicateur suivre")
    assert article.warnings == ["empty section “Épisodes similaires” at the end dropped"]


def test_import_gives_the_same_outline_in_the_page_body(show, run_import):
    run = run_import(ARTICLE, "--podcast", "test-show")

    assert run.error == ""
    page = EpisodePage.objects.child_of(show).get()
    assert shape_of(page.get_latest_revision_as_object().body) == SHAPE
    body = page.get_latest_revision_as_object().body
    headings = [block.value for block in body if block.block_type == "heading"]
    assert [h["text"] for h in headings if h["level"] == "h2"] == SECTIONS
    assert [h["text"] for h in headings if h["level"] == "h3"] == SUBSECTIONS
    quotes = [block.value for block in body if block.block_type == "pull_quote"]
    assert [quote["speaker_name"] for quote in quotes] == SPEAKERS
    assert quotes[2]["text"] == (
        "On ne fait pas exploser une newsletter, on la cultive comme un potager."
    )
    faq = body[-1].value
    assert faq["title"] == "Foire aux questions"
    assert len(faq["items"]) == 6
    assert all(item["quote"]["text"] and item["quote"]["speaker_name"] for item in faq["items"])
    assert faq["items"][2]["question"] == "Faut-il rendre sa newsletter payante ?"
    assert faq["items"][2]["quote"]["text"] == "Faire payer, c’est promettre."
    assert all(block.value["text"] != "Épisodes similaires" for block in body[:-1])


def test_import_fills_the_metadata(show, run_import):
    run_import(ARTICLE, "--podcast", "test-show")

    page = EpisodePage.objects.child_of(show).get().get_latest_revision_as_object()
    assert page.episode_number == 57
    assert page.title.startswith("Les newsletters sont-elles devenues")
    assert page.rubric.name == "Tendances"
    assert page.broadcast_at.date().isoformat() == "2024-02-14"
    assert page.audio_url == "https://media.onde-courte.example/57-newsletters.mp3"
    assert page.slug == "57-newsletters-reseau-social"
    assert page.source_url == "https://onde-courte.example/episodes/57-newsletters-reseau-social/"
    assert page.summary.startswith("<p>Pourquoi tant de marques")
    assert sorted(tag.name for tag in page.tags.all()) == ["e-mail", "newsletter"]
    assert not page.live
