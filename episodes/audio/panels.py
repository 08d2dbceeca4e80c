"""The editor's view of the last probe of the episode's external audio URL."""

from wagtail.admin.panels import Panel

from episodes.audio.models import AudioProbe


class AudioProbePanel(Panel):
    """What the task worker found at the audio URL: size, type, duration, byte ranges or error."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("heading", "Audio URL check")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "episodes/panels/audio_probe.html"

        def is_shown(self) -> bool:
            return bool(getattr(self.instance, "audio_url", ""))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["probe"] = AudioProbe.objects.filter(url=self.instance.audio_url).first()
            return context
