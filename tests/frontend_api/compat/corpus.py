"""The requests sent to both APIs: every parameter of Wagtail's v2 usage documentation.

Each entry is an endpoint path and a query string; `{name}` placeholders are ids and paths
from the dataset. Built from small tables, then crossed where v2 combines parameters.
"""

from dataclasses import dataclass

EPISODE = "type=episodes.EpisodePage"
SHOW = "type=episodes.PodcastPage"
HOME = "type=home.HomePage"


@dataclass(frozen=True)
class Request:
    path: str  # below /api/v2/ (ours) and /stock-api/v2/ (stock)
    query: str = ""
    random_order: bool = False  # compare the items as a set

    def url(self, prefix: str, targets: dict) -> str:
        path = self.path.format(**targets)
        query = self.query.format(**targets)
        return f"{prefix}{path}" + (f"?{query}" if query else "")


TYPES = ["", EPISODE, SHOW, HOME, "type=wagtailcore.Page", f"{EPISODE},episodes.PodcastPage"]
BAD_TYPES = ["type=nope.Nope", "type=episodes", "type=", "type=episodes.Rubric", "type=auth.User"]
FIELDS_ANY = [
    "*",
    "_",
    "_,title",
    "-title",
    "title,slug",
    "-html_url",
    "*,-title",
    "_,id",
    "id",
    "nope",
    "_,nope",
    "-nope",
    "title(x)",
    "*,-slug,-first_published_at",
    "-id",
    "_,type",
    "_,html_url,slug",
    "seo_title,search_description,show_in_menus",
    "locale",
    "alias_of",
    "-type",
    "-detail_url",
    "(",
    "title,",
    ",title",
    "**",
    "*,*",
    "_,*",
]
FIELDS_EPISODE = [
    "episode_number,season,episode_type,broadcast_at",
    "_,episode_number",
    "rubric",
    "_,rubric",
    "cover_image",
    "_,cover_image",
    "_,rubric(name)",
    "_,rubric(*)",
    "_,rubric(_)",
    "_,rubric(nope)",
    "_,cover_image(width,height)",
    "_,cover_image(*)",
    "_,cover_image(-id)",
    "_,cover_image(nope)",
    "_,cover_image(width,nope)",
    "episode_number(x)",
    "_,audio_file",
    "_,body",
    "_,summary",
    "_,tags",
    "_,headline",
    "_,hosts(name)",
    "_,related_episodes(title)",
    "_,show(title)",
    "_,show(nope)",
    "_,hosts(photo(width))",
    "_,hosts(*,-photo)",
    "_,audio(url)",
    "_,cover_image(_)",
    "_,rubric(name,-id)",
    "-rubric(name)",
]
FIELDS_SHOW = [
    "description,author,language,apple_category,explicit,podcast_type,copyright",
    "_,website",
    "_,artwork",
    "_,artwork(title)",
    "_,artwork(width)",
    "_,artwork(nope)",
    "_,language(x)",
    "_,owner_email",
]
ORDERS = [
    "title",
    "-title",
    "id",
    "-id",
    "slug",
    "-slug",
    "first_published_at",
    "nope",
    "-nope",
    "title,-id",
    "random",
    "-random",
    "seo_title",
]
ORDERS_EPISODE = [
    "episode_number",
    "-episode_number",
    "season,episode_number",
    "-broadcast_at",
    "broadcast_at,id",
    "headline",
    "rubric",
]
FILTERS_EPISODE = [
    "episode_number=3",
    "episode_number=99",
    "episode_number=abc",
    "season=2",
    "season=1&episode_type=full",
    "episode_type=trailer",
    "episode_type=nope",
    "slug=episode-3",
    "title=Episode number 4",
    "title=nope",
    "show_in_menus=true",
    "show_in_menus=false",
    "show_in_menus=maybe",
    "seo_title=",
    "rubric={rubric}",
    "rubric=abc",
    "headline=x",
    "id={plain_episode}",
    "broadcast_at=2026-01-04T08:00:00Z",
    "broadcast_at=yesterday",
    "season=-1",
    "episode_number=1.5",
    "episode_number=3&order=-title",
    "season=2&limit=1&offset=1",
    "body=x",
    "tags=x",
]
FILTERS_SHOW = [
    "language=fr",
    "language=en",
    "explicit=true",
    "explicit=false",
    "explicit=nope",
    "podcast_type=episodic",
    "author=nope",
    "owner_email=x",
]
FILTERS_ANY = [
    "slug=home",
    "slug=signal-noise",
    "title=Second Show",
    "id={home}",
    "episode_number=3",
    "language=fr",
    "show_in_menus=true",
    "nope=1",
    "_=123",
    "format=json",
    "format=api",
]
TREE = [
    "child_of={home}",
    "child_of={show}",
    "child_of={episode}",
    "child_of={root}",
    "child_of=root",
    "child_of={missing}",
    "child_of={draft}",
    "child_of={private}",
    "child_of=abc",
    "child_of=-1",
    "child_of=",
    "descendant_of={home}",
    "descendant_of={show}",
    "descendant_of={root}",
    "descendant_of=root",
    "descendant_of={missing}",
    "descendant_of=abc",
    "descendant_of={episode}",
    "ancestor_of={episode}",
    "ancestor_of={last_episode}",
    "ancestor_of={home}",
    "ancestor_of={root}",
    "ancestor_of={missing}",
    "ancestor_of=abc",
    "ancestor_of={draft}",
    "ancestor_of={private}",
    "child_of={home}&descendant_of={home}",
    "child_of={show}&ancestor_of={episode}",
    "descendant_of={home}&ancestor_of={episode}",
    "translation_of={home}",
    "translation_of=abc",
    "translation_of={missing}",
]
SITE = ["site=localhost", "site=localhost:80", "site=nope.example", "site="]
LOCALE = ["locale=en", "locale=en-us", "locale=fr", "locale=xx", "locale="]
SEARCH = [
    "search=episode",
    "search=second",
    "search=nothing-matches-this",
    "search=episode&search_operator=and",
    "search=second show&search_operator=and",
    "search=second show&search_operator=or",
    "search=episode&search_operator=bad",
    "search_operator=and",
    "search=",
    "search=episode&order=title",
    "search=episode&limit=2&offset=1",
    "search=signal&" + SHOW,
    "search=episode&" + EPISODE + "&episode_number=3",
    "search=episode&child_of={show}",
    "search=episode&order=random",
]
LIMITS = [
    "limit=0",
    "limit=1",
    "limit=2",
    "limit=20",
    "limit=50",
    "limit=51",
    "limit=-1",
    "limit=abc",
    "limit=",
    "offset=0",
    "offset=1",
    "offset=5",
    "offset=100",
    "offset=-1",
    "offset=abc",
    "limit=3&offset=2",
    "limit=1&offset=100",
    "limit=99999999999999999999",
]
RICH_TEXT = ["rich_text_format=html", "rich_text_format=db_html", "rich_text_format=nope"]


def _pages() -> list[Request]:
    requests = [Request("pages/", query) for query in TYPES + BAD_TYPES]
    for type_ in ["", EPISODE, SHOW, HOME]:
        prefix = f"{type_}&" if type_ else ""
        for fields in FIELDS_ANY:
            requests.append(Request("pages/", f"{prefix}fields={fields}"))
        for order in ORDERS:
            requests.append(Request("pages/", f"{prefix}order={order}", "random" in order))
    for fields in FIELDS_EPISODE:
        requests.append(Request("pages/", f"{EPISODE}&fields={fields}"))
        requests.append(Request("pages/", f"fields={fields}"))
    for fields in FIELDS_SHOW:
        requests.append(Request("pages/", f"{SHOW}&fields={fields}"))
    for order in ORDERS_EPISODE:
        requests.append(Request("pages/", f"{EPISODE}&order={order}"))
        requests.append(Request("pages/", f"order={order}"))
    for query in FILTERS_EPISODE:
        requests.append(Request("pages/", f"{EPISODE}&{query}"))
    for query in FILTERS_SHOW:
        requests.append(Request("pages/", f"{SHOW}&{query}"))
    requests += [Request("pages/", query) for query in FILTERS_ANY]
    for query in TREE:
        requests.append(Request("pages/", query))
        requests.append(Request("pages/", f"{EPISODE}&{query}"))
    requests += [Request("pages/", query) for query in SITE + LOCALE + SEARCH + LIMITS]
    requests += [Request("pages/", f"{EPISODE}&{query}") for query in LIMITS[:6]]
    requests += [Request("pages/", query) for query in RICH_TEXT]
    return requests


def _page_details() -> list[Request]:
    requests = []
    for name in ["home", "show", "other_show", "episode", "plain_episode"]:
        for fields in [
            "",
            "fields=_",
            "fields=_,title",
            "fields=-title",
            "fields=title",
            "fields=nope",
            "fields=-parent",
            "fields=_,parent",
            "fields=*",
            "fields=_,parent(title)",
            "fields=_,parent(nope)",
            "fields=_,alias_of",
            "fields=_,locale",
            "nope=1",
            "order=title",
            "limit=1",
            "fields=_,slug,seo_title,search_description,show_in_menus,first_published_at",
        ]:
            requests.append(Request(f"pages/{{{name}}}/", fields))
    for fields in [*FIELDS_EPISODE, "_,episode_number(x)", "_,headline"]:
        requests.append(Request("pages/{episode}/", f"fields={fields}"))
    for fields in FIELDS_SHOW:
        requests.append(Request("pages/{show}/", f"fields={fields}"))
    for name in ["missing", "draft", "private", "root"]:
        requests.append(Request(f"pages/{{{name}}}/"))
    requests += [
        Request(path)
        for path in [
            "pages/abc/",
            "pages/0/",
            "pages/-1/",
            "pages/99999999999999999999/",
            "pages/{home}",
            "pages/{home}/extra/",
            "pages/1.5/",
        ]
    ]
    return requests


def _find() -> list[Request]:
    paths = [
        "/",
        "",
        "/signal-noise/",
        "signal-noise",
        "signal-noise/",
        "/signal-noise",
        "{episode_path}",
        "/signal-noise/episode-3/",
        "/signal-noise/episode-3",
        "/nope/",
        "/signal-noise/not-yet/",
        "/signal-noise/private/",
        "//",
        "/second-show/second-1/",
        "/signal-noise/episode-3/extra/",
        "/SIGNAL-NOISE/",
    ]
    requests = [Request("pages/find/", f"html_path={path}") for path in paths]
    requests += [Request("pages/find", f"html_path={path}") for path in paths[:4]]
    requests += [
        Request("pages/find/"),
        Request("pages/find/", "id={home}"),
        Request("pages/find/", "id={episode}&fields=_,title"),
        Request("pages/find/", "id={missing}"),
        Request("pages/find/", "id={draft}"),
        Request("pages/find/", "id=abc"),
        Request("pages/find/", "html_path=/signal-noise/&fields=title"),
        Request("pages/find/", "html_path=/signal-noise/&id={home}"),
        Request("pages/find/", "html_path=/nope/&id={home}"),
        Request("pages/find/", f"html_path=/signal-noise/&{EPISODE}"),
    ]
    return requests


def _media(kind: str, visible: str, hidden: str) -> list[Request]:
    requests = [
        Request(f"{kind}/", query, "random" in query)
        for query in [
            "",
            "fields=*",
            "fields=_",
            "fields=_,title",
            "fields=-title",
            "fields=nope",
            "fields=-download_url",
            "fields=_,tags",
            "fields=title(x)",
            "order=title",
            "order=-title",
            "order=id",
            "order=-id",
            "order=random",
            "order=nope",
            "title=Show notes",
            "title=nope",
            f"id={{{visible}}}",
            "search=notes",
            "search=picture",
            "search=artwork&search_operator=and",
            "limit=1",
            "limit=1&offset=1",
            "offset=50",
            "limit=51",
            "limit=abc",
            "nope=1",
            "fields=*&order=-id&limit=3",
            "type=episodes.EpisodePage",
        ]
    ]
    for query in ["", "fields=*", "fields=_", "fields=_,title", "fields=nope", "order=title"]:
        requests.append(Request(f"{kind}/{{{visible}}}/", query))
    requests += [
        Request(f"{kind}/{{{hidden}}}/"),
        Request(f"{kind}/{{missing}}/"),
        Request(f"{kind}/abc/"),
        Request(f"{kind}/find/", f"id={{{visible}}}"),
        Request(f"{kind}/find/", f"id={{{hidden}}}"),
        Request(f"{kind}/find/"),
        Request(f"{kind}/find/", "id=abc"),
        Request(f"{kind}/find/", "html_path=/"),
    ]
    return requests


def _unknown() -> list[Request]:
    return [
        Request(path)
        for path in [
            "",
            "nope/",
            "nope",
            "pages/find/extra/",
            "pages/{home}/nope/",
            "images/find/x/",
            "documents/x",
        ]
    ]


def corpus() -> list[Request]:
    return (
        _pages()
        + _page_details()
        + _find()
        + _media("images", "image", "hidden_image")
        + _media("documents", "document", "hidden_document")
        + _unknown()
    )
