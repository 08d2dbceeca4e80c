"""Batched loading of what pages refer to: one query per kind of object, never one per reference."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    Model,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Length, Substr
from django.http import HttpRequest
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import CollectionViewRestriction, Page

from frontend_api.loading import compiled
from frontend_api.loading.links import frontend_url
from frontend_api.pages.page_types import page_type_accessors
from frontend_api.visibility import is_public, private_page_condition


def private_collection_condition(prefix: str = "") -> Exists:
    """True for a document or image in a collection restricted by itself or an ancestor.

    `prefix` reaches the document or image through a relation, e.g. "transcript__".
    """
    outer = OuterRef(f"{prefix}collection__path")
    return Exists(
        CollectionViewRestriction.objects.filter(
            collection__path=Substr(outer, 1, Length("collection__path"))
        )
    )


@dataclass(frozen=True)
class DocumentRef:
    """What a link to a document needs."""

    id: int
    title: str
    url: str
    private: bool
    filename: str


@dataclass(frozen=True)
class EmbedRef:
    """What an oEmbed provider said about a URL, as cached in Wagtail's embed table."""

    url: str
    html: str
    provider: str
    title: str


class References:
    """Collects wanted objects, then loads each kind in one query; reloads fetch only new ones."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        self.request = request
        self._wanted: dict[type[Model], set] = defaultdict(set)
        self._embed_urls: set[str] = set()
        self._page_paths: set[str] = set()
        self._page_sets: dict[str, QuerySet] = {}
        self.page_sets: dict[str, list[Page]] = {}
        self.pages_by_path: dict[str, Page] = {}
        self._loaded: dict[type[Model], dict] = defaultdict(dict)
        self.embeds: dict[str, EmbedRef] = {}
        self.image_specs: set[str] = set()
        self._tried: dict[type[Model], set] = defaultdict(set)

    # What callers want ------------------------------------------------------------------------

    def want(self, model: type[Model], pk: Any) -> None:
        """Ask for one object by primary key; None and already loaded keys are ignored."""
        if pk is None:
            return
        kind = self._kind(model)
        try:
            pk = int(pk)
        except (TypeError, ValueError):
            return
        if pk not in self._tried[kind] and pk not in self._loaded[kind]:
            self._wanted[kind].add(pk)

    def want_image(self, pk: Any, specs: Iterable[str]) -> None:
        """Ask for an image and the renditions it will be shown with."""
        self.image_specs.update(specs)
        self.want(get_image_model(), pk)

    def want_embed(self, url: str) -> None:
        if url and url not in self.embeds:
            self._embed_urls.add(url)

    def want_page_path(self, path: str) -> None:
        """Ask for a page by its tree path (how ancestors are found)."""
        if path and path not in self.pages_by_path:
            self._page_paths.add(path)

    def want_page_set(self, name: str, pks: QuerySet) -> None:
        """Ask for the pages whose keys a subquery selects; read them back from page_sets[name]."""
        self._page_sets[name] = pks

    # Loading ----------------------------------------------------------------------------------

    def load(self, images: bool = True) -> None:
        """One query per kind with something new wanted; images=False defers the images."""
        image_model = get_image_model()
        document_model = get_document_model()
        wanted, self._wanted = self._wanted, defaultdict(set)
        if not images and image_model in wanted:
            self._wanted[image_model] = wanted.pop(image_model)
        embed_urls, self._embed_urls = self._embed_urls, set()
        for kind, pks in wanted.items():
            self._tried[kind].update(pks)
        for kind, pks in wanted.items():
            if kind not in (Page, image_model, document_model):
                rows = compiled.run(("by key", kind), partial(_by_key, kind), [sorted(pks)])
                self._loaded[kind].update((row.pk, row) for row in rows)
        self._load_pages(wanted.get(Page, set()))
        self._load_documents_and_embeds(wanted.get(document_model, set()), embed_urls)
        if wanted.get(image_model):
            self._load_images(wanted[image_model])

    def _load_pages(self, pks: set[int]) -> None:
        """Pages by key, by tree path and by named subqueries, all in one query."""
        paths, self._page_paths = self._page_paths, set()
        page_sets, self._page_sets = self._page_sets, {}
        if not (pks or paths or page_sets):
            return
        pages: Iterable[Page]
        if page_sets:
            pages = _referenced_pages(sorted(pks), sorted(paths), page_sets)
        else:
            # Most reads name pages only by key and path: the same SQL for the same counts.
            pages = compiled.run(
                "referenced pages", _referenced_pages, [sorted(pks), sorted(paths)]
            )
        markers = {f"api_in_set_{index}": name for index, name in enumerate(page_sets)}
        found_sets: dict[str, list[Page]] = {name: [] for name in page_sets}
        for row in pages:
            page = specific_from_joins(row)
            self._loaded[Page][page.pk] = page
            self.pages_by_path[page.path] = page
            for marker, name in markers.items():
                if getattr(row, marker):
                    found_sets[name].append(page)
        self.page_sets.update(found_sets)

    def _load_documents_and_embeds(self, doc_ids: set[int], embed_urls: set[str]) -> None:
        """Both are small lookups by key, so they share one round trip."""
        queries = []
        if doc_ids:
            queries.append(
                get_document_model()
                .objects.filter(pk__in=doc_ids)
                .annotate(
                    kind=Value("document"),
                    key=Cast("pk", TextField()),
                    text_a=Cast("title", TextField()),
                    text_b=Cast("file", TextField()),
                    text_c=Value("", output_field=TextField()),
                    private=private_collection_condition(),
                )
                .values_list("kind", "key", "text_a", "text_b", "text_c", "private")
            )
        hashes = {get_embed_hash(url): url for url in embed_urls}
        if hashes:
            queries.append(
                Embed.objects.filter(hash__in=hashes)
                .annotate(
                    kind=Value("embed"),
                    key=Cast("hash", TextField()),
                    text_a=F("html"),
                    text_b=F("provider_name"),
                    text_c=F("title"),
                    private=Value(False, output_field=BooleanField()),
                )
                .values_list("kind", "key", "text_a", "text_b", "text_c", "private")
            )
        if not queries:
            return
        rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
        document_model = get_document_model()
        for kind, key, text_a, text_b, text_c, private in rows:
            if kind == "document":
                # An unsaved instance only to reuse Document.url; a given collection_id skips
                # the root-collection query the field's default would run.
                document = document_model(
                    id=int(key), title=text_a, file=text_b, collection_id=None
                )
                self._loaded[document_model][document.id] = DocumentRef(
                    id=document.id,
                    title=text_a,
                    url=document.url,
                    private=bool(private),
                    filename=document.filename,
                )
            else:
                url = hashes[key]
                self.embeds[url] = EmbedRef(url=url, html=text_a, provider=text_b, title=text_c)

    def _load_images(self, pks: set[int]) -> None:
        """One query for the renditions with their images; images with none yet need a second."""
        image_model = get_image_model()
        images: dict[int, AbstractImage] = {}
        renditions: dict[int, list[AbstractRendition]] = defaultdict(list)
        if self.image_specs:
            values: compiled.Values = [sorted(pks), sorted(self.image_specs)]
            for rendition in compiled.run("renditions", _renditions, values):
                image = images.setdefault(rendition.image_id, rendition.image)
                rendition.image = image
                renditions[image.pk].append(rendition)
        missing = pks - images.keys()
        if missing:
            images.update(image_model.objects.in_bulk(missing))
        for pk, image in images.items():
            image.prefetched_renditions = renditions[pk]
            self._loaded[image_model][pk] = image

    # Reading ----------------------------------------------------------------------------------

    def get(self, model: type[Model], pk: Any) -> Any:
        """The loaded object, or None when it does not exist (or was never wanted)."""
        try:
            return self._loaded[self._kind(model)].get(int(pk))
        except (TypeError, ValueError):
            return None

    def page(self, pk: Any) -> Page | None:
        return self.get(Page, pk)

    def page_keys(self) -> set[int]:
        """Every page asked for or loaded so far, found or not (what a response depends on)."""
        return self._tried[Page] | self._loaded[Page].keys()

    def loaded_pages(self) -> Iterable[Page]:
        return self._loaded[Page].values()

    def page_at(self, path: str) -> Page | None:
        return self.pages_by_path.get(path)

    def image(self, pk: Any) -> AbstractImage | None:
        return self.get(get_image_model(), pk)

    def document(self, pk: Any) -> DocumentRef | None:
        return self.get(get_document_model(), pk)

    def public_page_url(self, pk: Any) -> str | None:
        """The frontend URL of a live, public page; None for drafts, private or missing pages."""
        page = self.page(pk)
        if page is None or not is_public(page):
            return None
        return frontend_url(page, self.request)

    @staticmethod
    def _kind(model: type[Model]) -> type[Model]:
        return Page if issubclass(model, Page) else model


def _referenced_pages(
    pks: list[int], paths: list[str], page_sets: dict[str, QuerySet] | None = None
) -> QuerySet:
    """Pages by key, by tree path and by named subqueries (marked `api_in_set_<n>`)."""
    page_sets = page_sets or {}
    condition = Q(pk__in=pks) | Q(path__in=paths)
    markers = {}
    for index, (name, subquery) in enumerate(page_sets.items()):
        condition |= Q(pk__in=subquery)
        markers[f"api_in_set_{index}"] = name
    return (
        Page.objects.filter(condition)
        # Referenced pages are shown as links and cards: their locale, rubric and audio are
        # never read, and skipping those joins saves a tenth of a detail request.
        .select_related(*page_type_accessors())
        .annotate(
            api_private=private_page_condition(),
            **{
                marker: Case(
                    When(pk__in=page_sets[name], then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
                for marker, name in markers.items()
            },
        )
    )


def _renditions(pks: list[int], specs: list[str]) -> QuerySet:
    model = get_image_model().get_rendition_model()
    return model.objects.filter(image_id__in=pks, filter_spec__in=specs).select_related("image")


def _by_key(model: type[Model], pks: list[int]) -> QuerySet:
    return model._default_manager.filter(pk__in=pks)


def specific_from_joins(page: Page) -> Page:
    """The specific page that select_related already joined, keeping the query's annotations."""
    for accessor in page_type_accessors():
        # A missing joined row raises RelatedObjectDoesNotExist, an AttributeError.
        specific = getattr(page, accessor, None)
        if specific is not None:
            specific.api_private = getattr(page, "api_private", False)
            if Page.locale.is_cached(page):
                specific.locale = page.locale
            return specific
    return page
