// The admin's preview client URL: wagtail-headless-preview sends `content_type` and `token`.
// A valid token turns Next.js draft mode on and opens the draft at /preview/.
import { draftMode } from "next/headers";
import { redirect } from "next/navigation";
import { ApiError } from "@podcast-cms/client";
import { drafts } from "@/lib/cms";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const contentType = query.get("content_type") ?? "";
  const token = query.get("token") ?? "";
  if (!contentType || !token) {
    return Response.json({ message: "content_type and token are required" }, { status: 400 });
  }
  try {
    await drafts.preview(contentType, token);
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) {
      return Response.json(
        { message: "This preview has expired: open it again from the editor." },
        { status: 401, headers: { "Cache-Control": "private, no-store" } },
      );
    }
    throw error;
  }
  (await draftMode()).enable();
  redirect(`/preview/?${new URLSearchParams({ content_type: contentType, token })}`);
}
