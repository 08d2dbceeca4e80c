export { ApiError, createClient, isEpisodePage, isHomePage, isPodcastPage, PAGE_TYPES } from "./client";
export type { CallOptions, Client, ClientOptions, EpisodeQuery } from "./client";
export type * from "./types";
