"""Demo show, people, rubrics and episodes, written for this project."""

from typing import TypedDict

SITE_TITLE = "Signal & Noise"
HOME_INTRO = "Conversations about how digital businesses really work, one episode at a time."


class FlagshipSpec(TypedDict):
    """The flagship episode: its page fields and who is heard in it."""

    number: int
    slug: str
    title: str
    headline: str
    rubric: str
    days_ago: int
    hosts: list[str]
    guests: list[str]
    tags: list[str]
    summary: str


class DraftSpec(TypedDict):
    """The never-published episode: its page fields and its one section (heading, HTML)."""

    number: int
    slug: str
    title: str
    rubric: str
    summary: str
    section: tuple[str, str]


SHOW = {
    "title": "Signal & Noise",
    "slug": "signal-and-noise",
    "description": (
        "A weekly show about digital marketing, product and the economics of the web, "
        "told by people who build and sell online."
    ),
    "author": "Signal & Noise",
    "owner_name": "Claire Dumont",
    "owner_email": "hello@signal-and-noise.example",
    "language": "en",
    "apple_category": "Business > Marketing",
    "copyright": "© Signal & Noise",
    "website": "https://signal-and-noise.example",
}

PEOPLE = {
    "claire": (
        "Claire Dumont",
        "Host",
        "Claire has run marketing teams for fifteen years and now hosts the show.",
    ),
    "malik": (
        "Malik Benali",
        "Co-host, growth consultant",
        "Malik helps subscription businesses understand their numbers.",
    ),
    "ines": (
        "Inès Moreau",
        "Guest, product lead",
        "Inès leads product at a company that sells a monthly planning tool.",
    ),
}

RUBRICS = {
    "market": ("Market", "How the digital economy moves, and why."),
    "tools": ("Tools", "The software marketers use, tried and discussed."),
    "careers": ("Careers", "Jobs, teams and skills in digital work."),
}

# (number, slug, title, rubric, days before today, hosts, guests, tags, summary, sections)
# Each section is (heading, paragraph html, optional quote (text, speaker key, timestamp)).
EPISODES = [
    (
        38,
        "search-after-the-chatbots",
        "Search after the chatbots",
        "tools",
        63,
        ["claire", "malik"],
        [],
        ["search", "ai"],
        "<p>Does search engine optimisation still matter when people ask assistants instead of typing queries?</p>",
        [
            (
                "Queries are becoming questions",
                "<p>Searchers now type full sentences and expect an answer rather than a list of links.</p>",
                (
                    "The ten blue links were a user interface, not a law of nature.",
                    "malik",
                    "06:10",
                ),
            ),
            (
                "What still brings visitors",
                "<p>Original data, clear expertise and pages that answer one need well keep earning clicks.</p>",
                None,
            ),
        ],
    ),
    (
        39,
        "hiring-a-first-marketer",
        "Hiring your first marketer",
        "careers",
        56,
        ["claire"],
        ["ines"],
        ["hiring", "teams"],
        "<p>What a young company should look for in its first marketing hire, and what it should not expect.</p>",
        [
            (
                "Generalist or specialist?",
                "<p>The first hire has to try many channels before the company knows which one works.</p>",
                ("Hire someone who is happy to be wrong quickly.", "ines", "08:45"),
            ),
            (
                "Setting expectations",
                "<p>Give the role a budget, a few months and a clear question to answer.</p>",
                None,
            ),
        ],
    ),
    (
        40,
        "newsletters-are-the-new-websites",
        "Newsletters are the new websites",
        "market",
        49,
        ["claire", "malik"],
        [],
        ["email", "audience"],
        "<p>Why so many brands now treat their newsletter as their main home on the web.</p>",
        [
            (
                "Owning the audience",
                "<p>An e-mail list does not depend on an algorithm that can change overnight.</p>",
                ("A follower is rented, a subscriber is owned.", "claire", "03:30"),
            ),
            (
                "Writing something people open",
                "<p>The newsletters that grow have a voice and a promise they keep every week.</p>",
                None,
            ),
        ],
    ),
    (
        41,
        "measuring-without-cookies",
        "Measuring marketing without third-party cookies",
        "tools",
        42,
        ["malik"],
        ["ines"],
        ["analytics", "privacy"],
        "<p>How teams measure what works once tracking across sites is gone.</p>",
        [
            (
                "Back to first principles",
                "<p>Controlled experiments and simple models replace fragile user-level tracking.</p>",
                (
                    "If a campaign only works when you can track everybody, it probably never worked.",
                    "malik",
                    "12:00",
                ),
            ),
            (
                "Asking customers",
                "<p>A one-line question at checkout about how people heard of you is surprisingly reliable.</p>",
                None,
            ),
        ],
    ),
]

FLAGSHIP: FlagshipSpec = {
    "number": 42,
    "slug": "subscription-fatigue",
    "title": "Subscription fatigue: is the monthly plan running out of breath?",
    "headline": "Subscription fatigue: why customers stopped renewing, and who still grows",
    "rubric": "market",
    "days_ago": 28,
    "hosts": ["claire", "malik"],
    "guests": ["ines"],
    "tags": ["subscriptions", "pricing", "retention"],
    "summary": (
        "<p>Customers are cancelling plans they no longer use. Claire, Malik and Inès look at "
        "why, which companies suffer, and what keeps a subscriber around.</p>"
    ),
}

# A draft that was never published, so previews and reviewer links have something to show.
DRAFT: DraftSpec = {
    "number": 43,
    "slug": "the-return-of-the-catalogue",
    "title": "The return of the printed catalogue",
    "rubric": "market",
    "summary": "<p>Why some online shops are mailing paper again.</p>",
    "section": (
        "Paper in the letterbox",
        "<p>A printed catalogue now stands out precisely because nobody sends one.</p>",
    ),
}

EMBED_URL = "https://soundcloud.com/podcast-cms-demo/subscription-fatigue-extract"
