// The CMS's revalidation webhook (docs/caching.md): a signed JSON body listing the frontend
// paths a change touched. A good signature revalidates exactly those paths; a bad one gets 401.
import { revalidatePath } from "next/cache";
import { verify } from "@/lib/signature";

export const dynamic = "force-dynamic";

interface Payload {
  paths: string[];
  all: boolean;
}

function parse(body: string): Payload | null {
  try {
    const data: unknown = JSON.parse(body);
    if (typeof data !== "object" || data === null) return null;
    const { paths, all } = data as Record<string, unknown>;
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === "string" && p.startsWith("/"))) {
      return null;
    }
    return { paths, all: all === true };
  } catch {
    return null;
  }
}

export async function POST(request: Request) {
  const secret = process.env.REVALIDATE_SECRET ?? "";
  if (!secret) {
    return Response.json({ message: "REVALIDATE_SECRET is not set" }, { status: 503 });
  }
  const body = await request.text();
  if (!verify(body, request.headers, secret)) {
    return Response.json({ message: "Bad or expired signature" }, { status: 401 });
  }
  const payload = parse(body);
  if (!payload) {
    return Response.json({ message: "Expected {\"paths\": [\"/...\"], \"all\": bool}" }, { status: 400 });
  }
  // A change shared by every page (a snippet, a site setting) says `all`.
  if (payload.all) revalidatePath("/", "layout");
  for (const path of payload.paths) revalidatePath(path);
  return Response.json({ revalidated: payload.paths, all: payload.all });
}
