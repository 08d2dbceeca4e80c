// The admin's preview client URL: wagtail-headless-preview sends `content_type` and `token`.
// A valid token turns Next.js draft mode on and opens the draft at /preview/.
import { draftMode } from "next/headers";
import { redirect } from "next/navigation";
import { ApiError } from "@podcast-cms/client";
import { drafts, forVisitor } from "@/lib/cms";

export const dynamic = "force-dynamic";

/** A plain page for the editor (this route is opened in the admin's preview panel). */
function notice(status: number, title: string, text: string): Response {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<meta name="robots" content="noindex, nofollow"></head>` +
    `<body><h1>${title}</h1><p>${text}</p></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const contentType = query.get("content_type") ?? "";
  const token = query.get("token") ?? "";
  if (!contentType || !token) {
    return notice(400, "Nothing to preview", "This address needs a content_type and a token.");
  }
  try {
    await drafts.preview(contentType, token, forVisitor(request.headers));
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) {
      return notice(429, "Too many previews", "Wait a moment, then open the preview again.");
    }
    if (error instanceof ApiError && error.status < 500) {
      return notice(401, "This preview has expired", "Open the preview again from the editor.");
    }
    throw error;
  }
  (await draftMode()).enable();
  redirect(`/preview/?${new URLSearchParams({ content_type: contentType, token })}`);
}
