"""Parse the transcript documents episodes link to (WebVTT, SRT, JSON) into transcripts.

The document links stay: a file that can't be parsed (plain text, HTML, a broken file) is
still served as is, and a parsed one remains the source the editor attached.
"""

from django.db import migrations

from episodes.transcripts.parsing import TranscriptError, decode, detect_format, parse
from episodes.transcripts.speakers import match_person


def parse_transcript_files(apps, schema_editor):
    EpisodePage = apps.get_model("episodes", "EpisodePage")
    Person = apps.get_model("episodes", "Person")
    PodcastPage = apps.get_model("episodes", "PodcastPage")
    Transcript = apps.get_model("episodes", "Transcript")
    TranscriptSpeaker = apps.get_model("episodes", "TranscriptSpeaker")
    TranscriptCue = apps.get_model("episodes", "TranscriptCue")
    episodes = EpisodePage.objects.filter(transcript_file__isnull=False).select_related(
        "transcript_file"
    )
    everyone = list(Person.objects.all())
    for episode in episodes:
        document = episode.transcript_file
        name = document.file.name
        if name.rsplit(".", 1)[-1].lower() not in ("vtt", "srt", "json"):
            continue
        try:
            with document.file.open("rb") as file:
                text = decode(file.read())
            transcript_format = detect_format(name, text)
            cues = parse(text, transcript_format)
        except (OSError, TranscriptError):
            continue  # kept as a document served as is
        # Treebeard's paths: four characters a level; the show is the parent.
        show = PodcastPage.objects.filter(path=episode.path[:-4]).first()
        language = show.language if show is not None else "fr"
        transcript = Transcript.objects.create(
            episode=episode,
            language=language,
            source_format=transcript_format,
            source_name=name.rsplit("/", 1)[-1][:255],
        )
        credited = [link.person for link in episode.host_links.select_related("person")] + [
            link.person for link in episode.guest_links.select_related("person")
        ]
        speakers = {}
        for label in dict.fromkeys(cue.speaker for cue in cues if cue.speaker):
            speakers[label] = TranscriptSpeaker.objects.create(
                transcript=transcript, label=label[:255], person=match_person(label, credited, everyone)
            )
        TranscriptCue.objects.bulk_create(
            TranscriptCue(
                transcript=transcript,
                position=position,
                start_ms=cue.start_ms,
                end_ms=cue.end_ms,
                speaker=speakers.get(cue.speaker),
                text=cue.text,
            )
            for position, cue in enumerate(cues)
        )
        person_ids = [speakers[cue.speaker].person_id for cue in cues if cue.speaker]
        transcript.cue_count = len(cues)
        transcript.speaker_person_ids = list(dict.fromkeys(pk for pk in person_ids if pk))
        transcript.save()


class Migration(migrations.Migration):
    dependencies = [("episodes", "0005_transcripts")]

    operations = [migrations.RunPython(parse_transcript_files, migrations.RunPython.noop)]
