// Friendly names for the generated schema types; nothing here is written by hand but the names.
import type { components, paths } from "./schema";

type Schemas = components["schemas"];

export type HomePage = Schemas["HomePage"];
export type PodcastPage = Schemas["PodcastPage"];
/** An episode's detail: the article with its body, table of contents, people and related episodes. */
export type EpisodePage = Schemas["EpisodePage"];
/** Any page's detail, as `/pages/<id>/`, `/pages/find/` and previews answer. */
export type Page = HomePage | PodcastPage | EpisodePage;

export type HomePageReview = Schemas["HomePageReview"];
export type PodcastPageReview = Schemas["PodcastPageReview"];
export type EpisodePageReview = Schemas["EpisodePageReview"];
/** A reviewer link's draft: a page's detail plus its `review` (expiry, pinned revision, note). */
export type ReviewPage = HomePageReview | PodcastPageReview | EpisodePageReview;
export type Review = Schemas["Review"];

export type PageSummary = Schemas["PageSummary"];
export type PageListingItem = Schemas["PageListingItem"];
export type Image = Schemas["Image"];
export type ApiErrorBody = Schemas["Error"];

/** An episode body: a list of blocks. */
export type Body = Schemas["Body"];
/** One body block: a union discriminated by `type`, one member per block of the CMS. */
export type BodyBlock = Body[number];
export type BodyBlockType = BodyBlock["type"];
/** The member of the union whose `type` is T, e.g. `BlockOf<"faq">`. */
export type BlockOf<T extends BodyBlockType> = Extract<BodyBlock, { type: T }>;
export type HeadingBlock = Schemas["Block_heading"];
export type ParagraphBlock = Schemas["Block_paragraph"];
export type PullQuoteBlock = Schemas["Block_pull_quote"];
export type FaqBlock = Schemas["Block_faq"];
export type ImageBlock = Schemas["Block_image"];
export type EmbedBlock = Schemas["Block_embed"];

export type TocEntry = NonNullable<EpisodePage["toc"]>[number];
export type Person = NonNullable<EpisodePage["hosts"]>[number];
export type RelatedEpisode = NonNullable<EpisodePage["related_episodes"]>[number];

/** The query parameters of `/api/v2/pages/` (filters, ordering, pagination). */
export type PageListingQuery = NonNullable<paths["/api/v2/pages/"]["get"]["parameters"]["query"]>;
/** One page of a listing: the total count and the items. */
export type PageListing =
  paths["/api/v2/pages/"]["get"]["responses"]["200"]["content"]["application/json"];

export type { components, paths };
