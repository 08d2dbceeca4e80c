import type { BlockOf, BodyBlock } from "@podcast-cms/client";
import { clock } from "@/lib/dates";
import { Picture } from "./Picture";

// Rich text and embeds arrive from the CMS as frontend-ready, sanitised HTML.
function Html({ html, className }: { html: string; className: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

function Heading({ value }: BlockOf<"heading">) {
  const Tag = (`h${value.level}` as "h2" | "h3" | "h4");
  return (
    <Tag id={value.anchor} className="block-heading">
      {value.text}
    </Tag>
  );
}

function Speaker({ speaker }: { speaker: { name: string; role: string | null } | null }) {
  if (!speaker) return null;
  return (
    <span>
      <span className="speaker">{speaker.name}</span>
      {speaker.role ? <>, <span className="speaker-role">{speaker.role}</span></> : null}
    </span>
  );
}

function PullQuote({ value }: BlockOf<"pull_quote">) {
  return (
    <figure className="block-quote">
      <blockquote>
        <p>{value.text}</p>
      </blockquote>
      {value.speaker || value.timestamp_seconds !== null ? (
        <figcaption>
          <Speaker speaker={value.speaker} />
          {value.timestamp_seconds !== null ? (
            <span className="timestamp"> at {clock(value.timestamp_seconds)}</span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function Faq({ id, value }: BlockOf<"faq">) {
  return (
    <section className="block-faq" aria-labelledby={`faq-${id}`}>
      <h2 id={`faq-${id}`}>{value.title || "Frequently asked questions"}</h2>
      {value.items.map((item, index) => (
        <details className="faq-item" key={index}>
          <summary>{item.question}</summary>
          <Html className="faq-answer" html={item.answer} />
          {item.quote?.text ? (
            <figure className="faq-quote">
              <blockquote>
                <p>{item.quote.text}</p>
              </blockquote>
              {item.quote.speaker ? (
                <figcaption>
                  <Speaker speaker={item.quote.speaker} />
                </figcaption>
              ) : null}
            </figure>
          ) : null}
        </details>
      ))}
    </section>
  );
}

function ImageBlock({ value }: BlockOf<"image">) {
  if (!value.image) return null;
  return (
    <figure className="block-image">
      <Picture image={value.image} alt={value.alt} sizes="(min-width: 48rem) 40rem, 100vw" />
      {value.caption || value.credit ? (
        <figcaption>
          {value.caption}
          {value.credit ? <small className="credit"> {value.credit}</small> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function Embed({ value }: BlockOf<"embed">) {
  if (value.html) return <Html className="block-embed" html={value.html} />;
  return (
    <div className="block-embed">
      <a href={value.url}>{value.provider ?? "Open the media"}</a>
    </div>
  );
}

function assertNever(block: never): never {
  throw new Error(`A body block this starter does not know: ${JSON.stringify(block)}`);
}

/** One block; the switch is exhaustive, so a new block type in the CMS fails `next build`. */
export function Block({ block }: { block: BodyBlock }) {
  switch (block.type) {
    case "heading":
      return <Heading {...block} />;
    case "paragraph":
      return <Html className="block-paragraph" html={block.value.text} />;
    case "pull_quote":
      return <PullQuote {...block} />;
    case "faq":
      return <Faq {...block} />;
    case "image":
      return <ImageBlock {...block} />;
    case "embed":
      return <Embed {...block} />;
    default:
      return assertNever(block);
  }
}

export function Body({ blocks }: { blocks: BodyBlock[] }) {
  return (
    <div className="body">
      {blocks.map((block) => (
        <div className={`block block-${block.type}`} data-block={block.type} key={block.id}>
          <Block block={block} />
        </div>
      ))}
    </div>
  );
}
