import Link from "next/link";
import type {
  EpisodePage,
  HomePage,
  Page,
  PageListingItem,
  PodcastPage,
} from "@podcast-cms/client";
import { isEpisodePage, isHomePage, isPodcastPage } from "@podcast-cms/client";
import { cms, pathOf } from "@/lib/cms";
import { clock, longDate } from "@/lib/dates";
import { Body } from "./Blocks";
import { JsonLd } from "./JsonLd";
import { Picture } from "./Picture";

// What an episode card shows; asking for just these keeps listings small.
const CARD_FIELDS = "episode_number,rubric,headline,broadcast_at,cover_image,summary";
const SHOW_PAGE_SIZE = 24;

function EpisodeCard({ episode }: { episode: PageListingItem }) {
  return (
    <li className="episode-card">
      <Picture image={episode.cover_image} alt="" sizes="8rem" smallest />
      <Link href={pathOf(episode.meta?.html_url)}>
        <span className="number">#{episode.episode_number}</span>{" "}
        {episode.headline || episode.title}
      </Link>
      {episode.broadcast_at ? (
        <time dateTime={episode.broadcast_at}> {longDate(episode.broadcast_at)}</time>
      ) : null}
    </li>
  );
}

async function HomeView({ page }: { page: HomePage }) {
  const [latest, shows] = await Promise.all([
    cms.episodes({ limit: 6, fields: CARD_FIELDS }),
    cms.shows({ fields: "description" }),
  ]);
  return (
    <>
      <h1>{page.title}</h1>
      {page.intro ? <p className="intro">{page.intro}</p> : null}
      <section aria-labelledby="shows-title">
        <h2 id="shows-title">Shows</h2>
        <ul className="shows">
          {shows.items.map((show) => (
            <li key={show.id}>
              <Link href={pathOf(show.meta?.html_url)}>{show.title}</Link>
              {show.description ? <p>{show.description}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">Latest episodes</h2>
        <ul className="episodes">
          {latest.items.map((episode) => (
            <EpisodeCard key={episode.id} episode={episode} />
          ))}
        </ul>
      </section>
    </>
  );
}

async function ShowView({ page }: { page: PodcastPage }) {
  // A show being created, seen in preview before its first save, has no id and no episodes.
  const episodes =
    page.id === null || page.id === undefined
      ? []
      : (
          await cms.episodes({ child_of: page.id, limit: SHOW_PAGE_SIZE, fields: CARD_FIELDS })
        ).items;
  return (
    <article className="show">
      <Picture image={page.artwork} className="artwork" sizes="16rem" />
      <h1>{page.title}</h1>
      {page.author ? <p className="author">By {page.author}</p> : null}
      {page.description ? <p className="description">{page.description}</p> : null}
      <h2>Episodes</h2>
      {episodes.length ? (
        <ul className="episodes">
          {episodes.map((episode) => (
            <EpisodeCard key={episode.id} episode={episode} />
          ))}
        </ul>
      ) : (
        <p>No episodes yet.</p>
      )}
    </article>
  );
}

function People({ page }: { page: EpisodePage }) {
  const groups = [
    ["Hosts", page.hosts ?? []],
    ["Guests", page.guests ?? []],
  ] as const;
  if (!groups.some(([, members]) => members.length)) return null;
  return (
    <section className="people" aria-labelledby="people-title">
      <h2 id="people-title">In this episode</h2>
      {groups.map(([label, members]) =>
        members.length ? (
          <div key={label}>
            <h3>{label}</h3>
            <ul>
              {members.map((person) => (
                <li className="person" key={person.id}>
                  <Picture image={person.photo} alt="" sizes="4rem" smallest />
                  <span className="person-name">{person.name}</span>
                  {person.role ? <span className="person-role">, {person.role}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </section>
  );
}

function EpisodeView({ page }: { page: EpisodePage }) {
  const toc = page.toc ?? [];
  const related = page.related_episodes ?? [];
  return (
    <article className="episode">
      <header className="episode-header">
        <p className="kicker">
          {page.show ? (
            <Link className="show" href={pathOf(page.show.url)}>
              {page.show.title}
            </Link>
          ) : null}{" "}
          <span className="number">
            Episode {page.episode_number}
            {page.season ? `, season ${page.season}` : ""}
          </span>{" "}
          {page.rubric ? <span className="rubric">{page.rubric.name}</span> : null}{" "}
          {page.broadcast_at ? (
            <time dateTime={page.broadcast_at}>{longDate(page.broadcast_at)}</time>
          ) : null}
        </p>
        <h1>{page.headline || page.title}</h1>
        {page.headline && page.headline !== page.title ? (
          <p className="episode-title">{page.title}</p>
        ) : null}
        {page.reading_time ? <p className="reading-time">{page.reading_time} min read</p> : null}
        <Picture image={page.cover_image} className="cover" sizes="16rem" />
        {page.audio?.url ? (
          <figure className="player">
            <figcaption>
              Listen to the episode
              {page.audio.duration_seconds ? ` (${clock(page.audio.duration_seconds)})` : ""}
            </figcaption>
            <audio controls preload="metadata" src={page.audio.url} />
          </figure>
        ) : null}
        {page.summary ? (
          <div className="summary" dangerouslySetInnerHTML={{ __html: page.summary }} />
        ) : null}
      </header>

      {toc.length ? (
        <nav className="toc" aria-labelledby="toc-title">
          <h2 id="toc-title">Contents</h2>
          <ol>
            {toc.map((entry) => (
              <li className={`toc-level-${entry.level}`} key={entry.anchor}>
                <a href={`#${entry.anchor}`}>{entry.text}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      <Body blocks={page.body ?? []} />
      <People page={page} />

      {page.tags?.length ? (
        <ul className="tags" aria-label="Tags">
          {page.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}

      {related.length ? (
        <section className="related" aria-labelledby="related-title">
          <h2 id="related-title">Related episodes</h2>
          <ul>
            {related.map((episode) => (
              <li key={episode.id}>
                <Picture image={episode.cover_image} alt="" sizes="6rem" smallest />
                <Link href={pathOf(episode.url)}>
                  <span className="number">#{episode.episode_number}</span> {episode.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/** Any page of the CMS, rendered by its type, with its JSON-LD. */
export function PageView({ page }: { page: Page }) {
  let view;
  if (isEpisodePage(page)) view = <EpisodeView page={page} />;
  else if (isPodcastPage(page)) view = <ShowView page={page} />;
  else if (isHomePage(page)) view = <HomeView page={page} />;
  else view = null;
  return (
    <>
      <JsonLd data={page.json_ld} />
      {view}
    </>
  );
}
