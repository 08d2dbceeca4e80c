// A thin client over fetch for the endpoints of the public contract; every answer is typed.
import type {
  ApiErrorBody,
  EpisodePage,
  HomePage,
  Page,
  PageListing,
  PageListingQuery,
  PodcastPage,
  ReviewPage,
} from "./types";

/** A 4xx or 5xx answer, or an answer that is not the JSON the contract promises. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** No such page, or a preview or review token that is unknown, expired or revoked. */
  get notFound(): boolean {
    return this.status === 404;
  }
}

export interface ClientOptions {
  /** The CMS's origin, e.g. https://cms.example.com (the API lives under /api/v2/). */
  baseUrl: string;
  /** Another fetch (tests, instrumentation); the global one by default. */
  fetch?: typeof fetch;
  /** Merged into every request: headers, or a framework's cache options (Next.js `next`). */
  init?: RequestInit;
}

/** Options of one call, merged over the client's `init`. */
export type CallOptions = RequestInit;

export type EpisodeQuery = Omit<PageListingQuery, "type">;

type Query = Record<string, string | number | boolean | undefined | null>;

export const PAGE_TYPES = {
  home: "home.HomePage",
  show: "episodes.PodcastPage",
  episode: "episodes.EpisodePage",
} as const;

export function isEpisodePage(page: Page): page is EpisodePage {
  return page.meta?.type === PAGE_TYPES.episode;
}

export function isPodcastPage(page: Page): page is PodcastPage {
  return page.meta?.type === PAGE_TYPES.show;
}

export function isHomePage(page: Page): page is HomePage {
  return page.meta?.type === PAGE_TYPES.home;
}

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

function merge(base: RequestInit | undefined, call: RequestInit | undefined): RequestInit {
  const headers = new Headers(base?.headers);
  new Headers(call?.headers).forEach((value, name) => headers.set(name, value));
  headers.set("Accept", "application/json");
  return { ...base, ...call, headers };
}

async function messageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (typeof body.message === "string") return body.message;
  } catch {
    // Not JSON: the status line says enough.
  }
  return `The CMS answered ${response.status} ${response.statusText}`.trim();
}

export function createClient(options: ClientOptions) {
  const api = `${options.baseUrl.replace(/\/+$/, "")}/api/v2/`;
  const fetchImpl = options.fetch ?? globalThis.fetch;

  async function get<T>(path: string, query: Query = {}, call?: CallOptions): Promise<T> {
    const url = api + path + queryString(query);
    const response = await fetchImpl(url, merge(options.init, call));
    if (!response.ok) throw new ApiError(response.status, await messageOf(response), url);
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(response.status, "The CMS answered with something other than JSON", url);
    }
  }

  return {
    /** A live page's detail by id. */
    page: (id: number, call?: CallOptions) => get<Page>(`pages/${id}/`, {}, call),

    /** The live page served at a frontend path such as "/show/episode/" (follows the redirect). */
    findByPath: (htmlPath: string, call?: CallOptions) =>
      get<Page>("pages/find/", { html_path: htmlPath }, call),

    /** Any listing of `/api/v2/pages/`, with its filters, order and pagination. */
    pages: (query: PageListingQuery = {}, call?: CallOptions) =>
      get<PageListing>("pages/", query, call),

    /** Episodes, newest first unless `order` says otherwise; `show`, `rubric`, `tag`, `limit`, `offset`... */
    episodes: (query: EpisodeQuery = {}, call?: CallOptions) =>
      get<PageListing>(
        "pages/",
        { order: "-broadcast_at", ...query, type: PAGE_TYPES.episode },
        call,
      ),

    /** Shows (podcasts), in tree order. */
    shows: (query: Omit<PageListingQuery, "type"> = {}, call?: CallOptions) =>
      get<PageListing>("pages/", { ...query, type: PAGE_TYPES.show }, call),

    /** An editor's draft from wagtail-headless-preview's `content_type` and `token`. */
    preview: (contentType: string, token: string, call?: CallOptions) =>
      get<Page>("page_preview/", { content_type: contentType, token }, call),

    /** A reviewer link's draft; a 404 ApiError when it expired or was revoked. */
    review: (token: string, call?: CallOptions) =>
      get<ReviewPage>(`review/${encodeURIComponent(token)}/`, {}, call),
  };
}

export type Client = ReturnType<typeof createClient>;
