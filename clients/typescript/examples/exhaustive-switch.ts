// Every body block type handled once: adding a block to the CMS makes this fail to compile
// until it is handled, because the default branch only accepts `never`.
import type { BodyBlock, EpisodePage } from "@podcast-cms/client";
import { createClient, isEpisodePage } from "@podcast-cms/client";

function assertNever(block: never): never {
  throw new Error(`Unhandled block: ${JSON.stringify(block)}`);
}

export function describe(block: BodyBlock): string {
  switch (block.type) {
    case "heading":
      return `h${block.value.level} #${block.value.anchor}: ${block.value.text}`;
    case "paragraph":
      return `paragraph of ${block.value.text.length} characters of HTML`;
    case "pull_quote":
      return `“${block.value.text}” ${block.value.speaker?.name ?? ""}`.trim();
    case "faq":
      return `${block.value.items.length} questions`;
    case "image":
      return `image ${block.value.image?.id ?? "missing"}: ${block.value.alt}`;
    case "embed":
      return `embed of ${block.value.provider ?? block.value.url}`;
    default:
      return assertNever(block);
  }
}

export async function outline(baseUrl: string, path: string): Promise<string[]> {
  const page = await createClient({ baseUrl }).findByPath(path);
  if (!isEpisodePage(page)) return [];
  const episode: EpisodePage = page;
  return (episode.body ?? []).map(describe);
}
