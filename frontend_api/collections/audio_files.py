"""Serving uploaded audio as podcast apps need it: inline, typed, with byte ranges.

Wagtail's document view sends whole files as attachments and ignores `Range`, which Apple
Podcasts requires, and its `before_serve_document` hook cannot stream (it only passes on an
`HttpResponse`). `serve_document` takes the document URL instead: audio on local storage is
answered here after the same hooks (collection privacy), everything else by Wagtail's view;
on a bucket (`MEDIA_STORAGE=s3`) Wagtail redirects there, and the bucket serves ranges itself.
"""

import re
from collections.abc import Iterator
from typing import IO

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.utils.http import http_date
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument, document_served
from wagtail.documents.views.serve import serve as wagtail_serve

RANGE_RE = re.compile(r"bytes=(\d*)-(\d*)")
CHUNK_BYTES = 64 * 1024


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte of a single `bytes=` range within size; None when unsatisfiable.

    Raises ValueError for a header that is no single byte range, which is then ignored
    (RFC 9110: the whole file is sent).
    """
    match = RANGE_RE.fullmatch(header.strip())
    if not match or match.groups() == ("", ""):
        raise ValueError(header)
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return None
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return None
    return start, end


def _slice(file: IO[bytes], start: int, end: int) -> Iterator[bytes]:
    try:
        file.seek(start)
        remaining = end - start + 1
        while remaining > 0:
            chunk = file.read(min(CHUNK_BYTES, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        file.close()


def ranged_file_response(
    request: HttpRequest, file: IO[bytes], size: int, content_type: str, etag: str = ""
) -> HttpResponseBase:
    """The file or the asked-for part of it (206), inline, with `Accept-Ranges: bytes`."""
    header = request.headers.get("Range", "")
    if_range = request.headers.get("If-Range", "")
    part: tuple[int, int] | None = (0, size - 1)
    partial = False
    if header and (not if_range or (etag and if_range == etag)):
        try:
            part = byte_range(header, size)
            partial = True
        except ValueError:
            partial = False
    response: HttpResponseBase
    if part is None:
        file.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif partial:
        start, end = part
        response = StreamingHttpResponse(_slice(file, start, end), status=206)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    else:
        response = FileResponse(file)
        response["Content-Length"] = str(size)
    response["Content-Type"] = content_type
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    if etag:
        response["ETag"] = etag
    return response


def serve_document(
    request: HttpRequest, document_id: int, document_filename: str
) -> HttpResponseBase:
    """Wagtail's document URL: audio on local storage with ranges, the rest as Wagtail does."""
    document = get_object_or_404(get_document_model(), id=document_id)
    if document.filename != document_filename or not _local_audio(document):
        return wagtail_serve(request, document_id, document_filename)
    for hook in hooks.get_hooks("before_serve_document"):
        refusal = hook(document, request)
        if isinstance(refusal, HttpResponseBase):
            return refusal
    try:
        file = document.file.open("rb")
        size = document.file.size
    except OSError:
        raise Http404("The audio file is missing from storage.") from None
    document_served.send(sender=type(document), instance=document, request=request)
    etag = f'"{document.file_hash}"' if document.file_hash else ""
    response = ranged_file_response(request, file, size, document.content_type, etag)
    if document.created_at:
        response["Last-Modified"] = http_date(document.created_at.timestamp())
    return response


def _local_audio(document: AbstractDocument) -> bool:
    if not document.content_type.startswith("audio/"):
        return False
    try:
        document.file.path  # noqa: B018 (only local storage has paths)
    except NotImplementedError:
        return False
    return True
