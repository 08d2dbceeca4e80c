// The starter's one door to the CMS: the typed client, configured from the environment.
import { ApiError, createClient } from "@podcast-cms/client";

export const CMS_URL = process.env.CMS_URL ?? "http://127.0.0.1:8000";
export const SITE_NAME = process.env.SITE_NAME ?? "Podcast";

/**
 * Published pages: kept by Next.js until the CMS's webhook revalidates their paths
 * (app/api/revalidate), so a page costs the CMS one request per change, not per visit.
 */
export const cms = createClient({ baseUrl: CMS_URL, init: { cache: "force-cache" } });

/** Drafts (previews, review links): never stored, always asked afresh. */
export const drafts = createClient({ baseUrl: CMS_URL, init: { cache: "no-store" } });

/** The value, or null when the CMS said 404; other errors propagate (Next.js shows its error page). */
export async function orNull<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof ApiError && error.notFound) return null;
    throw error;
  }
}

/** The path part of a URL the CMS emits (they point at this frontend). */
export function pathOf(url: string | null | undefined): string {
  if (!url) return "/";
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * Token endpoints are rate-limited per visitor: pass the visitor's address on, as the reference
 * frontend does. It is the last X-Forwarded-For entry, the one the proxy in front of this server
 * appended (Next.js sets it from the socket when there is no proxy); entries further left are the
 * client's say. The CMS believes it with TRUSTED_PROXIES=1 (docs/preview.md).
 */
export function forVisitor(requestHeaders: Headers): RequestInit {
  const entries = (requestHeaders.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const visitor = entries[entries.length - 1];
  return visitor ? { headers: { "X-Forwarded-For": visitor } } : {};
}
