"""Podcast feeds written for the tests: a show about repairing old radios, N episodes long."""

import datetime
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

OLD_SITE = "https://old-radio.example"
START = datetime.datetime(2021, 1, 4, 6, 0, tzinfo=datetime.UTC)


@dataclass
class Item:
    """One <item>; None leaves the tag out."""

    number: int
    title: str | None = None
    guid: str | None = None
    permalink: str | None = "false"  # the isPermaLink attribute; None leaves it out
    link: str | None = None
    pub_date: str | None = None
    enclosure: tuple[str, str, str] | None = None
    duration: str | None = "00:41:30"
    explicit: str | None = "false"
    season: int | None = None
    episode: int | None = None
    episode_type: str | None = "full"
    image: str | None = None
    summary: str | None = None
    description: str | None = None
    content: str | None = None
    people: list[tuple[str, str]] = field(default_factory=list)
    chapters: str | None = None
    transcripts: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self):
        n = self.number
        self.title = f"Episode {n}: the valve that hummed" if self.title is None else self.title
        self.guid = f"old-radio-{n:04d}-7c1e" if self.guid is None else self.guid
        self.link = f"{OLD_SITE}/episodes/{n}/" if self.link is None else self.link
        when = START + datetime.timedelta(days=7 * (n - 1))
        self.pub_date = (
            when.strftime("%a, %d %b %Y %H:%M:%S +0000") if self.pub_date is None else self.pub_date
        )
        if self.enclosure is None:
            self.enclosure = (
                f"https://media.old-radio.example/ep{n}.mp3",
                str(30_000_000 + n),
                "audio/mpeg",
            )
        self.season = (n - 1) // 50 + 1 if self.season is None else self.season
        self.episode = n if self.episode is None else self.episode
        if self.content is None:
            self.content = (
                f"<h2>On the bench</h2><p>This week a set from {1930 + n % 40} came in with a "
                "crackle that only showed up when warm.</p><h2>What we changed</h2>"
                "<p>Two capacitors, one resistor and a lot of patience.</p>"
                "<blockquote><p>Never trust a capacitor older than your parents.</p>"
                "<cite>Mina Okafor</cite></blockquote>"
            )
        if self.description is None:
            self.description = f"A set from the attic, and why it hummed (part {n})."
        if not self.people:
            self.people = [("Mina Okafor", "host"), (f"Guest Number {n % 7}", "guest")]

    def xml(self) -> str:
        parts: list[str] = []

        def tag(name: str, value) -> None:
            if value is not None:
                parts.append(f"<{name}>{escape(str(value))}</{name}>")

        tag("title", self.title)
        tag("link", self.link)
        if self.guid:
            attr = f" isPermaLink={quoteattr(self.permalink)}" if self.permalink is not None else ""
            parts.append(f"<guid{attr}>{escape(self.guid)}</guid>")
        tag("pubDate", self.pub_date)
        if self.enclosure:
            url, length, kind = self.enclosure
            attrs = f"url={quoteattr(url)} length={quoteattr(length)} type={quoteattr(kind)}"
            parts.append(f"<enclosure {attrs}/>")
        tag("itunes:duration", self.duration)
        tag("itunes:explicit", self.explicit)
        tag("itunes:season", self.season)
        tag("itunes:episode", self.episode)
        tag("itunes:episodeType", self.episode_type)
        if self.image:
            parts.append(f"<itunes:image href={quoteattr(self.image)}/>")
        tag("itunes:summary", self.summary)
        tag("description", self.description)
        if self.content:
            parts.append(f"<content:encoded><![CDATA[{self.content}]]></content:encoded>")
        for name, role in self.people:
            parts.append(f"<podcast:person role={quoteattr(role)}>{escape(name)}</podcast:person>")
        if self.chapters:
            kind = "application/json+chapters"
            parts.append(
                f"<podcast:chapters url={quoteattr(self.chapters)} type={quoteattr(kind)}/>"
            )
        for url, kind in self.transcripts:
            parts.append(f"<podcast:transcript url={quoteattr(url)} type={quoteattr(kind)}/>")
        return "<item>" + "".join(parts) + "</item>"


def rss(
    items: list[Item],
    *,
    locked: str = "",
    image: str = "",
    extra: str = "",
    title: str = "Bench Notes",
) -> str:
    """A whole feed; `locked` is the podcast:locked tag's text (owner attribute included)."""
    lock = (
        f'<podcast:locked owner="owner@old-radio.example">{locked}</podcast:locked>'
        if locked
        else ""
    )
    artwork = f"<itunes:image href={quoteattr(image)}/>" if image else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
        'xmlns:podcast="https://podcastindex.org/namespace/1.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>{OLD_SITE}/</link>"
        "<description>Two friends repair radios nobody else will touch, and talk it through."
        "</description>"
        "<language>en-gb</language><copyright>Bench Notes crew</copyright>"
        "<itunes:author>Mina Okafor</itunes:author>"
        "<itunes:owner><itunes:name>Mina Okafor</itunes:name>"
        "<itunes:email>owner@old-radio.example</itunes:email></itunes:owner>"
        '<itunes:category text="Leisure"><itunes:category text="Hobbies"/></itunes:category>'
        "<itunes:explicit>false</itunes:explicit><itunes:type>episodic</itunes:type>"
        f"{artwork}{lock}{extra}" + "".join(item.xml() for item in items) + "</channel></rss>"
    )


def show_of(count: int) -> str:
    """The generated show: `count` weekly episodes, newest first as feeds list them."""
    return rss([Item(n) for n in range(count, 0, -1)])
