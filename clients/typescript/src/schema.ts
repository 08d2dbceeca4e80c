// Generated from the CMS's OpenAPI document (/api/v2/schema/) by openapi-typescript.
// Do not edit: run `npm run generate` in clients/typescript.

export interface paths {
    "/api/v2/documents/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List documents */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, at most WAGTAILAPI_LIMIT_MAX. */
                    limit?: number;
                    /** @description Items to skip. */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description documents, paginated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: Record<string, never>[];
                            meta: {
                                total_count: number;
                            };
                        };
                    };
                };
                /** @description Bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/images/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List images */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, at most WAGTAILAPI_LIMIT_MAX. */
                    limit?: number;
                    /** @description Items to skip. */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description images, paginated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: Record<string, never>[];
                            meta: {
                                total_count: number;
                            };
                        };
                    };
                };
                /** @description Bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/page_preview/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An editor's preview (wagtail-headless-preview contract) */
        get: {
            parameters: {
                query: {
                    /** @description e.g. episodes.episodepage */
                    content_type: string;
                    /** @description The preview token */
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The draft, in the detail's shape */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HomePage"] | components["schemas"]["PodcastPage"] | components["schemas"]["EpisodePage"];
                    };
                };
                /** @description Bad `fields` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, malformed, forged, expired or mismatched token */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests from this client (TOKEN_RATE_LIMIT) */
                429: {
                    headers: {
                        /** @description Seconds to wait before the next request is let through. */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/pages/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List live, public pages
         * @description Answers 400 when the value does not fit the other parameters: a field or order the page type lacks, an id of no page, `order=random` with `offset`, an episode filter with a type other than episodes.EpisodePage.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page types, comma-separated, e.g. episodes.EpisodePage. */
                    type?: string;
                    /** @description Comma-separated fields to add (`*` for all, `-name` to drop, `_` for none; v2's nested `name(sub)` also works). */
                    fields?: string;
                    /** @description Only the children of this page id. */
                    child_of?: number;
                    /** @description Only the descendants of this page id. */
                    descendant_of?: number;
                    /** @description Only the ancestors of this page id. */
                    ancestor_of?: number;
                    /** @description Only pages of the site with this hostname (or hostname:port); empty is ignored, as in v2. */
                    site?: string;
                    /** @description Only pages in this locale (404 for a locale that does not exist). */
                    locale?: string;
                    /** @description Only translations of this page id. */
                    translation_of?: number;
                    /** @description Accepted as in v2; rich text always arrives as frontend HTML. */
                    rich_text_format?: "db_html" | "db_markdown" | "html" | "markdown";
                    /** @description Ignored: lets clients vary a URL to bypass caches. */
                    _?: string;
                    /** @description Full-text search (PostgreSQL full-text search on PostgreSQL). */
                    search?: string;
                    /** @description `and` or `or` between search terms. */
                    search_operator?: "and" | "or";
                    /** @description Fields to order by (prefix `-` for descending) or `random`. */
                    order?: string;
                    /** @description Page size, at most WAGTAILAPI_LIMIT_MAX. */
                    limit?: number;
                    /** @description Items to skip. */
                    offset?: number;
                    /** @description Episodes of this show (id or slug). */
                    show?: string;
                    /** @description Episodes of this rubric (id or slug). */
                    rubric?: string;
                    /** @description Episodes carrying every comma-separated tag (slug or name). */
                    tag?: string;
                    /** @description Episodes of this season. */
                    season?: number;
                    /** @description The episode with this number. */
                    episode_number?: number;
                    /** @description Broadcast at or after this ISO date or date-time. */
                    broadcast_after?: string;
                    /** @description Broadcast before this ISO date or date-time. */
                    broadcast_before?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of results */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PageListingItem"][];
                            meta: {
                                total_count: number;
                            };
                        };
                    };
                };
                /** @description Bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such locale */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/pages/find/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a page by its frontend path */
        get: {
            parameters: {
                query: {
                    /** @description The path, e.g. /show/episode/. */
                    html_path: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirect to the page's detail URL on CMS_URL */
                302: {
                    headers: {
                        Location: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No page at that path */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/pages/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One live, public page */
        get: {
            parameters: {
                query?: {
                    /** @description Fields to add or drop. */
                    fields?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HomePage"] | components["schemas"]["PodcastPage"] | components["schemas"]["EpisodePage"];
                    };
                };
                /** @description Bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such live, public page */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/review/{token}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reviewer link's draft */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The draft in the detail's shape, plus `review` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HomePageReview"] | components["schemas"]["PodcastPageReview"] | components["schemas"]["EpisodePageReview"];
                    };
                };
                /** @description Bad `fields` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unknown, expired or revoked link */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests from this client (TOKEN_RATE_LIMIT) */
                429: {
                    headers: {
                        /** @description Seconds to wait before the next request is let through. */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/schema/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenAPI 3.1 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Block_embed: {
            id: string;
            /** @constant */
            type: "embed";
            value: {
                html: string | null;
                provider: string | null;
                url: string;
            };
        };
        Block_faq: {
            id: string;
            /** @constant */
            type: "faq";
            value: {
                items: {
                    answer: string;
                    question: string;
                    quote: {
                        speaker: {
                            name: string;
                            role: string | null;
                        } | null;
                        text: string;
                        verified: boolean;
                    } | null;
                }[];
                title: string | null;
            };
        };
        Block_heading: {
            id: string;
            /** @constant */
            type: "heading";
            value: {
                anchor: string;
                /** @enum {integer} */
                level: 2 | 3 | 4;
                text: string;
                timestamp_seconds: number | null;
            };
        };
        Block_image: {
            id: string;
            /** @constant */
            type: "image";
            value: {
                alt: string;
                caption: string | null;
                credit: string | null;
                image: components["schemas"]["Image"] | null;
            };
        };
        Block_paragraph: {
            id: string;
            /** @constant */
            type: "paragraph";
            value: {
                text: string;
            };
        };
        Block_pull_quote: {
            id: string;
            /** @constant */
            type: "pull_quote";
            value: {
                speaker: {
                    name: string;
                    role: string | null;
                } | null;
                text: string;
                timestamp_seconds: number | null;
                verified: boolean;
            };
        };
        Body: (components["schemas"]["Block_heading"] | components["schemas"]["Block_paragraph"] | components["schemas"]["Block_pull_quote"] | components["schemas"]["Block_faq"] | components["schemas"]["Block_image"] | components["schemas"]["Block_embed"])[];
        EpisodePage: {
            audio?: {
                duration_seconds: number | null;
                mime_type: string;
                size: number | null;
                /** Format: uri */
                url: string;
            } | null;
            body?: components["schemas"]["Body"];
            /** Format: date-time */
            broadcast_at?: string;
            cover_image?: components["schemas"]["Image"] | null;
            episode_number?: number;
            /** @enum {string} */
            episode_type?: "full" | "trailer" | "bonus";
            guests?: {
                id: number;
                name: string;
                photo: components["schemas"]["Image"] | null;
                role: string | null;
            }[];
            headline?: string;
            hosts?: {
                id: number;
                name: string;
                photo: components["schemas"]["Image"] | null;
                role: string | null;
            }[];
            id: number | null;
            json_ld?: {
                "@context": string;
                "@graph": Record<string, never>[];
            };
            meta: {
                alias_of?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                /** Format: uri */
                detail_url?: string;
                first_published_at?: string | null;
                html_url: string | null;
                locale?: string;
                parent?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                search_description?: string;
                seo_title?: string;
                show_in_menus?: boolean;
                slug: string;
                type: string;
            };
            reading_time?: number;
            related_episodes?: {
                cover_image: components["schemas"]["Image"] | null;
                episode_number: number;
                id: number;
                title: string;
                /** Format: uri */
                url: string;
            }[];
            rubric?: {
                id: number;
                name: string;
                slug: string;
            } | null;
            season?: number | null;
            seo?: {
                canonical_url: string | null;
                description: string;
                og_image: {
                    alt: string;
                    height: number;
                    /** Format: uri */
                    url: string;
                    width: number;
                } | null;
                title: string;
            };
            show?: {
                id: number;
                slug: string;
                title: string;
                /** Format: uri */
                url: string;
            } | null;
            soundbites?: {
                duration_seconds: number;
                start_seconds: number;
                text: string;
            }[];
            summary?: string;
            tags?: string[];
            title: string;
            toc?: {
                anchor: string;
                level: number;
                text: string;
            }[];
            transcript?: {
                cue_count: number | null;
                formats: {
                    rel: "captions" | null;
                    type: string;
                    /** Format: uri */
                    url: string;
                }[];
                language: string | null;
                rel: "captions" | null;
                speakers: {
                    id: number;
                    name: string;
                    photo: components["schemas"]["Image"] | null;
                    role: string | null;
                }[];
                type: string;
                /** Format: uri */
                url: string;
            } | null;
        };
        EpisodePageReview: {
            audio?: {
                duration_seconds: number | null;
                mime_type: string;
                size: number | null;
                /** Format: uri */
                url: string;
            } | null;
            body?: components["schemas"]["Body"];
            /** Format: date-time */
            broadcast_at?: string;
            cover_image?: components["schemas"]["Image"] | null;
            episode_number?: number;
            /** @enum {string} */
            episode_type?: "full" | "trailer" | "bonus";
            guests?: {
                id: number;
                name: string;
                photo: components["schemas"]["Image"] | null;
                role: string | null;
            }[];
            headline?: string;
            hosts?: {
                id: number;
                name: string;
                photo: components["schemas"]["Image"] | null;
                role: string | null;
            }[];
            id: number | null;
            json_ld?: {
                "@context": string;
                "@graph": Record<string, never>[];
            };
            meta: {
                alias_of?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                /** Format: uri */
                detail_url?: string;
                first_published_at?: string | null;
                html_url: string | null;
                locale?: string;
                parent?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                search_description?: string;
                seo_title?: string;
                show_in_menus?: boolean;
                slug: string;
                type: string;
            };
            reading_time?: number;
            related_episodes?: {
                cover_image: components["schemas"]["Image"] | null;
                episode_number: number;
                id: number;
                title: string;
                /** Format: uri */
                url: string;
            }[];
            review: components["schemas"]["Review"];
            rubric?: {
                id: number;
                name: string;
                slug: string;
            } | null;
            season?: number | null;
            seo?: {
                canonical_url: string | null;
                description: string;
                og_image: {
                    alt: string;
                    height: number;
                    /** Format: uri */
                    url: string;
                    width: number;
                } | null;
                title: string;
            };
            show?: {
                id: number;
                slug: string;
                title: string;
                /** Format: uri */
                url: string;
            } | null;
            soundbites?: {
                duration_seconds: number;
                start_seconds: number;
                text: string;
            }[];
            summary?: string;
            tags?: string[];
            title: string;
            toc?: {
                anchor: string;
                level: number;
                text: string;
            }[];
            transcript?: {
                cue_count: number | null;
                formats: {
                    rel: "captions" | null;
                    type: string;
                    /** Format: uri */
                    url: string;
                }[];
                language: string | null;
                rel: "captions" | null;
                speakers: {
                    id: number;
                    name: string;
                    photo: components["schemas"]["Image"] | null;
                    role: string | null;
                }[];
                type: string;
                /** Format: uri */
                url: string;
            } | null;
        };
        Error: {
            message: string;
        };
        HomePage: {
            id: number | null;
            intro?: string;
            json_ld?: {
                "@context": string;
                "@graph": Record<string, never>[];
            };
            meta: {
                alias_of?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                /** Format: uri */
                detail_url?: string;
                first_published_at?: string | null;
                html_url: string | null;
                locale?: string;
                parent?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                search_description?: string;
                seo_title?: string;
                show_in_menus?: boolean;
                slug: string;
                type: string;
            };
            seo?: {
                canonical_url: string | null;
                description: string;
                og_image: {
                    alt: string;
                    height: number;
                    /** Format: uri */
                    url: string;
                    width: number;
                } | null;
                title: string;
            };
            title: string;
        };
        HomePageReview: {
            id: number | null;
            intro?: string;
            json_ld?: {
                "@context": string;
                "@graph": Record<string, never>[];
            };
            meta: {
                alias_of?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                /** Format: uri */
                detail_url?: string;
                first_published_at?: string | null;
                html_url: string | null;
                locale?: string;
                parent?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                search_description?: string;
                seo_title?: string;
                show_in_menus?: boolean;
                slug: string;
                type: string;
            };
            review: components["schemas"]["Review"];
            seo?: {
                canonical_url: string | null;
                description: string;
                og_image: {
                    alt: string;
                    height: number;
                    /** Format: uri */
                    url: string;
                    width: number;
                } | null;
                title: string;
            };
            title: string;
        };
        Image: {
            alt: string;
            height: number;
            id: number;
            renditions: {
                height: number;
                /** Format: uri */
                url: string;
                width: number;
            }[];
            width: number;
        };
        PageListingItem: {
            /** @enum {string} */
            apple_category?: "Arts" | "Arts > Books" | "Arts > Design" | "Arts > Fashion & Beauty" | "Arts > Food" | "Arts > Performing Arts" | "Arts > Visual Arts" | "Business" | "Business > Careers" | "Business > Entrepreneurship" | "Business > Investing" | "Business > Management" | "Business > Marketing" | "Business > Non-Profit" | "Comedy" | "Comedy > Comedy Interviews" | "Comedy > Improv" | "Comedy > Stand-Up" | "Education" | "Education > Courses" | "Education > How To" | "Education > Language Learning" | "Education > Self-Improvement" | "Fiction" | "Fiction > Comedy Fiction" | "Fiction > Drama" | "Fiction > Science Fiction" | "Government" | "History" | "Health & Fitness" | "Health & Fitness > Alternative Health" | "Health & Fitness > Fitness" | "Health & Fitness > Medicine" | "Health & Fitness > Mental Health" | "Health & Fitness > Nutrition" | "Health & Fitness > Sexuality" | "Kids & Family" | "Kids & Family > Education for Kids" | "Kids & Family > Parenting" | "Kids & Family > Pets & Animals" | "Kids & Family > Stories for Kids" | "Leisure" | "Leisure > Animation & Manga" | "Leisure > Automotive" | "Leisure > Aviation" | "Leisure > Crafts" | "Leisure > Games" | "Leisure > Hobbies" | "Leisure > Home & Garden" | "Leisure > Video Games" | "Music" | "Music > Music Commentary" | "Music > Music History" | "Music > Music Interviews" | "News" | "News > Business News" | "News > Daily News" | "News > Entertainment News" | "News > News Commentary" | "News > Politics" | "News > Sports News" | "News > Tech News" | "Religion & Spirituality" | "Religion & Spirituality > Buddhism" | "Religion & Spirituality > Christianity" | "Religion & Spirituality > Hinduism" | "Religion & Spirituality > Islam" | "Religion & Spirituality > Judaism" | "Religion & Spirituality > Religion" | "Religion & Spirituality > Spirituality" | "Science" | "Science > Astronomy" | "Science > Chemistry" | "Science > Earth Sciences" | "Science > Life Sciences" | "Science > Mathematics" | "Science > Natural Sciences" | "Science > Nature" | "Science > Physics" | "Science > Social Sciences" | "Society & Culture" | "Society & Culture > Documentary" | "Society & Culture > Personal Journals" | "Society & Culture > Philosophy" | "Society & Culture > Places & Travel" | "Society & Culture > Relationships" | "Sports" | "Sports > Baseball" | "Sports > Basketball" | "Sports > Cricket" | "Sports > Fantasy Sports" | "Sports > Football" | "Sports > Golf" | "Sports > Hockey" | "Sports > Rugby" | "Sports > Running" | "Sports > Soccer" | "Sports > Swimming" | "Sports > Tennis" | "Sports > Volleyball" | "Sports > Wilderness" | "Sports > Wrestling" | "Technology" | "True Crime" | "TV & Film" | "TV & Film > After Shows" | "TV & Film > Film History" | "TV & Film > Film Interviews" | "TV & Film > Film Reviews" | "TV & Film > TV Reviews";
            artwork?: components["schemas"]["Image"] | null;
            audio?: {
                duration_seconds: number | null;
                mime_type: string;
                size: number | null;
                /** Format: uri */
                url: string;
            } | null;
            author?: string;
            body?: components["schemas"]["Body"];
            /** Format: date-time */
            broadcast_at?: string;
            copyright?: string;
            cover_image?: components["schemas"]["Image"] | null;
            description?: string;
            episode_number?: number;
            /** @enum {string} */
            episode_type?: "full" | "trailer" | "bonus";
            explicit?: boolean;
            funding?: {
                label: string;
                /** Format: uri */
                url: string;
            }[];
            guests?: {
                id: number;
                name: string;
                photo: components["schemas"]["Image"] | null;
                role: string | null;
            }[];
            headline?: string;
            hosts?: {
                id: number;
                name: string;
                photo: components["schemas"]["Image"] | null;
                role: string | null;
            }[];
            id: number | null;
            intro?: string;
            json_ld?: {
                "@context": string;
                "@graph": Record<string, never>[];
            };
            /** @enum {string} */
            language?: "fr" | "en" | "es" | "de" | "it";
            license?: string;
            license_url?: string;
            meta: {
                alias_of?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                /** Format: uri */
                detail_url?: string;
                first_published_at?: string | null;
                html_url: string | null;
                locale?: string;
                parent?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                search_description?: string;
                seo_title?: string;
                show_in_menus?: boolean;
                slug: string;
                type: string;
            };
            /** @enum {string} */
            podcast_type?: "episodic" | "serial";
            podroll?: {
                feed_guid: string;
                feed_url: string;
                title: string;
            }[];
            reading_time?: number;
            related_episodes?: {
                cover_image: components["schemas"]["Image"] | null;
                episode_number: number;
                id: number;
                title: string;
                /** Format: uri */
                url: string;
            }[];
            rubric?: {
                id: number;
                name: string;
                slug: string;
            } | null;
            season?: number | null;
            seo?: {
                canonical_url: string | null;
                description: string;
                og_image: {
                    alt: string;
                    height: number;
                    /** Format: uri */
                    url: string;
                    width: number;
                } | null;
                title: string;
            };
            show?: {
                id: number;
                slug: string;
                title: string;
                /** Format: uri */
                url: string;
            } | null;
            soundbites?: {
                duration_seconds: number;
                start_seconds: number;
                text: string;
            }[];
            summary?: string;
            tags?: string[];
            title: string;
            toc?: {
                anchor: string;
                level: number;
                text: string;
            }[];
            transcript?: {
                cue_count: number | null;
                formats: {
                    rel: "captions" | null;
                    type: string;
                    /** Format: uri */
                    url: string;
                }[];
                language: string | null;
                rel: "captions" | null;
                speakers: {
                    id: number;
                    name: string;
                    photo: components["schemas"]["Image"] | null;
                    role: string | null;
                }[];
                type: string;
                /** Format: uri */
                url: string;
            } | null;
            update_frequency?: string;
            website?: string;
        };
        PageSummary: {
            id: number;
            meta: {
                /** Format: uri */
                detail_url?: string;
                html_url: string | null;
                type: string;
            };
            title: string;
        };
        PodcastPage: {
            /** @enum {string} */
            apple_category?: "Arts" | "Arts > Books" | "Arts > Design" | "Arts > Fashion & Beauty" | "Arts > Food" | "Arts > Performing Arts" | "Arts > Visual Arts" | "Business" | "Business > Careers" | "Business > Entrepreneurship" | "Business > Investing" | "Business > Management" | "Business > Marketing" | "Business > Non-Profit" | "Comedy" | "Comedy > Comedy Interviews" | "Comedy > Improv" | "Comedy > Stand-Up" | "Education" | "Education > Courses" | "Education > How To" | "Education > Language Learning" | "Education > Self-Improvement" | "Fiction" | "Fiction > Comedy Fiction" | "Fiction > Drama" | "Fiction > Science Fiction" | "Government" | "History" | "Health & Fitness" | "Health & Fitness > Alternative Health" | "Health & Fitness > Fitness" | "Health & Fitness > Medicine" | "Health & Fitness > Mental Health" | "Health & Fitness > Nutrition" | "Health & Fitness > Sexuality" | "Kids & Family" | "Kids & Family > Education for Kids" | "Kids & Family > Parenting" | "Kids & Family > Pets & Animals" | "Kids & Family > Stories for Kids" | "Leisure" | "Leisure > Animation & Manga" | "Leisure > Automotive" | "Leisure > Aviation" | "Leisure > Crafts" | "Leisure > Games" | "Leisure > Hobbies" | "Leisure > Home & Garden" | "Leisure > Video Games" | "Music" | "Music > Music Commentary" | "Music > Music History" | "Music > Music Interviews" | "News" | "News > Business News" | "News > Daily News" | "News > Entertainment News" | "News > News Commentary" | "News > Politics" | "News > Sports News" | "News > Tech News" | "Religion & Spirituality" | "Religion & Spirituality > Buddhism" | "Religion & Spirituality > Christianity" | "Religion & Spirituality > Hinduism" | "Religion & Spirituality > Islam" | "Religion & Spirituality > Judaism" | "Religion & Spirituality > Religion" | "Religion & Spirituality > Spirituality" | "Science" | "Science > Astronomy" | "Science > Chemistry" | "Science > Earth Sciences" | "Science > Life Sciences" | "Science > Mathematics" | "Science > Natural Sciences" | "Science > Nature" | "Science > Physics" | "Science > Social Sciences" | "Society & Culture" | "Society & Culture > Documentary" | "Society & Culture > Personal Journals" | "Society & Culture > Philosophy" | "Society & Culture > Places & Travel" | "Society & Culture > Relationships" | "Sports" | "Sports > Baseball" | "Sports > Basketball" | "Sports > Cricket" | "Sports > Fantasy Sports" | "Sports > Football" | "Sports > Golf" | "Sports > Hockey" | "Sports > Rugby" | "Sports > Running" | "Sports > Soccer" | "Sports > Swimming" | "Sports > Tennis" | "Sports > Volleyball" | "Sports > Wilderness" | "Sports > Wrestling" | "Technology" | "True Crime" | "TV & Film" | "TV & Film > After Shows" | "TV & Film > Film History" | "TV & Film > Film Interviews" | "TV & Film > Film Reviews" | "TV & Film > TV Reviews";
            artwork?: components["schemas"]["Image"] | null;
            author?: string;
            copyright?: string;
            description?: string;
            explicit?: boolean;
            funding?: {
                label: string;
                /** Format: uri */
                url: string;
            }[];
            id: number | null;
            json_ld?: {
                "@context": string;
                "@graph": Record<string, never>[];
            };
            /** @enum {string} */
            language?: "fr" | "en" | "es" | "de" | "it";
            license?: string;
            license_url?: string;
            meta: {
                alias_of?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                /** Format: uri */
                detail_url?: string;
                first_published_at?: string | null;
                html_url: string | null;
                locale?: string;
                parent?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                search_description?: string;
                seo_title?: string;
                show_in_menus?: boolean;
                slug: string;
                type: string;
            };
            /** @enum {string} */
            podcast_type?: "episodic" | "serial";
            podroll?: {
                feed_guid: string;
                feed_url: string;
                title: string;
            }[];
            seo?: {
                canonical_url: string | null;
                description: string;
                og_image: {
                    alt: string;
                    height: number;
                    /** Format: uri */
                    url: string;
                    width: number;
                } | null;
                title: string;
            };
            title: string;
            update_frequency?: string;
            website?: string;
        };
        PodcastPageReview: {
            /** @enum {string} */
            apple_category?: "Arts" | "Arts > Books" | "Arts > Design" | "Arts > Fashion & Beauty" | "Arts > Food" | "Arts > Performing Arts" | "Arts > Visual Arts" | "Business" | "Business > Careers" | "Business > Entrepreneurship" | "Business > Investing" | "Business > Management" | "Business > Marketing" | "Business > Non-Profit" | "Comedy" | "Comedy > Comedy Interviews" | "Comedy > Improv" | "Comedy > Stand-Up" | "Education" | "Education > Courses" | "Education > How To" | "Education > Language Learning" | "Education > Self-Improvement" | "Fiction" | "Fiction > Comedy Fiction" | "Fiction > Drama" | "Fiction > Science Fiction" | "Government" | "History" | "Health & Fitness" | "Health & Fitness > Alternative Health" | "Health & Fitness > Fitness" | "Health & Fitness > Medicine" | "Health & Fitness > Mental Health" | "Health & Fitness > Nutrition" | "Health & Fitness > Sexuality" | "Kids & Family" | "Kids & Family > Education for Kids" | "Kids & Family > Parenting" | "Kids & Family > Pets & Animals" | "Kids & Family > Stories for Kids" | "Leisure" | "Leisure > Animation & Manga" | "Leisure > Automotive" | "Leisure > Aviation" | "Leisure > Crafts" | "Leisure > Games" | "Leisure > Hobbies" | "Leisure > Home & Garden" | "Leisure > Video Games" | "Music" | "Music > Music Commentary" | "Music > Music History" | "Music > Music Interviews" | "News" | "News > Business News" | "News > Daily News" | "News > Entertainment News" | "News > News Commentary" | "News > Politics" | "News > Sports News" | "News > Tech News" | "Religion & Spirituality" | "Religion & Spirituality > Buddhism" | "Religion & Spirituality > Christianity" | "Religion & Spirituality > Hinduism" | "Religion & Spirituality > Islam" | "Religion & Spirituality > Judaism" | "Religion & Spirituality > Religion" | "Religion & Spirituality > Spirituality" | "Science" | "Science > Astronomy" | "Science > Chemistry" | "Science > Earth Sciences" | "Science > Life Sciences" | "Science > Mathematics" | "Science > Natural Sciences" | "Science > Nature" | "Science > Physics" | "Science > Social Sciences" | "Society & Culture" | "Society & Culture > Documentary" | "Society & Culture > Personal Journals" | "Society & Culture > Philosophy" | "Society & Culture > Places & Travel" | "Society & Culture > Relationships" | "Sports" | "Sports > Baseball" | "Sports > Basketball" | "Sports > Cricket" | "Sports > Fantasy Sports" | "Sports > Football" | "Sports > Golf" | "Sports > Hockey" | "Sports > Rugby" | "Sports > Running" | "Sports > Soccer" | "Sports > Swimming" | "Sports > Tennis" | "Sports > Volleyball" | "Sports > Wilderness" | "Sports > Wrestling" | "Technology" | "True Crime" | "TV & Film" | "TV & Film > After Shows" | "TV & Film > Film History" | "TV & Film > Film Interviews" | "TV & Film > Film Reviews" | "TV & Film > TV Reviews";
            artwork?: components["schemas"]["Image"] | null;
            author?: string;
            copyright?: string;
            description?: string;
            explicit?: boolean;
            funding?: {
                label: string;
                /** Format: uri */
                url: string;
            }[];
            id: number | null;
            json_ld?: {
                "@context": string;
                "@graph": Record<string, never>[];
            };
            /** @enum {string} */
            language?: "fr" | "en" | "es" | "de" | "it";
            license?: string;
            license_url?: string;
            meta: {
                alias_of?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                /** Format: uri */
                detail_url?: string;
                first_published_at?: string | null;
                html_url: string | null;
                locale?: string;
                parent?: {
                    id: number;
                    meta: {
                        /** Format: uri */
                        detail_url?: string;
                        html_url: string | null;
                        type: string;
                    };
                    title: string;
                } | null;
                search_description?: string;
                seo_title?: string;
                show_in_menus?: boolean;
                slug: string;
                type: string;
            };
            /** @enum {string} */
            podcast_type?: "episodic" | "serial";
            podroll?: {
                feed_guid: string;
                feed_url: string;
                title: string;
            }[];
            review: components["schemas"]["Review"];
            seo?: {
                canonical_url: string | null;
                description: string;
                og_image: {
                    alt: string;
                    height: number;
                    /** Format: uri */
                    url: string;
                    width: number;
                } | null;
                title: string;
            };
            title: string;
            update_frequency?: string;
            website?: string;
        };
        Review: {
            /** Format: date-time */
            expires_at: string;
            note: string;
            revision: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
