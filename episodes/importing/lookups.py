"""Find or create what an article refers to: rubrics, people and uploaded images."""

import hashlib
import io

from django.core.files.images import ImageFile, get_image_dimensions
from django.utils.text import slugify
from wagtail.images import get_image_model

from episodes.models import Person, Rubric

from .article import ArticleError, Picture


def rubric_named(name: str) -> Rubric:
    """The rubric with this name (or slug), created when the show has none yet."""
    name = " ".join(name.split())
    slug = slugify(name)[:80]
    found = Rubric.objects.filter(name__iexact=name).first() or (
        Rubric.objects.filter(slug=slug).first() if slug else None
    )
    if found:
        return found
    if not slug or len(name) > 80:
        raise ArticleError(f"rubric “{name}” can't be created: it needs a name of 1 to 80 letters")
    return Rubric.objects.create(name=name, slug=slug)


def person_named(name: str) -> Person | None:
    """The person with exactly this name, ignoring case; the oldest one if there are several."""
    return Person.objects.filter(name__iexact=name).order_by("pk").first()


def person_for_credit(name: str) -> Person:
    """A host or guest: the existing person with that name, or a new one."""
    name = " ".join(name.split())[:120]
    return person_named(name) or Person.objects.create(name=name)


def speaker_for(name: str) -> tuple[Person | None, str]:
    """A quote's speaker as a person when one has that name, else as free text."""
    if not name:
        return None, ""
    person = person_named(name)
    if person is None and "," in name:
        # "Ada Lovelace, host" names the person before the comma.
        person = person_named(name.split(",", 1)[0].strip())
    return (person, "") if person else (None, name[:120])


class ImageUploader:
    """Uploads local images once (matched by content hash) and remembers the files it wrote."""

    def __init__(self):
        self.written: list[str] = []

    def image_for(self, picture: Picture, notes: list[str]):
        """The library image holding this file, uploading it if needed; None if unreadable."""
        try:
            data = picture.path.read_bytes()
        except OSError as error:
            notes.append(f"image {picture.path.name} unreadable ({error.strerror}); left out")
            return None
        return self.image_from_bytes(data, picture.path.name, picture.alt, notes)

    def image_from_bytes(self, data: bytes, name: str, title: str, notes: list[str]):
        """The library image holding these bytes, uploaded under `name` if needed."""
        name = name.rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0][-100:] or "image"
        digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        image_model = get_image_model()
        existing = image_model.objects.filter(file_hash=digest).first()
        if existing:
            return existing
        width, height = get_image_dimensions(io.BytesIO(data))
        if not width or not height:
            notes.append(f"{name} is not an image; left out")
            return None
        image = image_model(
            title=title[:255] or name,
            file=ImageFile(io.BytesIO(data), name=name),
            file_size=len(data),
            file_hash=digest,
        )
        image.save()
        self.written.append(image.file.name)
        return image

    def mark(self) -> int:
        """A position in the list of written files, to forget only what came after it."""
        return len(self.written)

    def forget_written(self, since: int = 0) -> None:
        """Delete the files written after `since`: their database rows were rolled back."""
        storage = get_image_model()._meta.get_field("file").storage
        for name in self.written[since:]:
            storage.delete(name)
        del self.written[since:]
