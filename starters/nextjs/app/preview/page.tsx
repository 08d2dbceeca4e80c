// An editor's draft, rendered only in Next.js draft mode (entered through /api/draft/).
import type { Metadata } from "next";
import { draftMode, headers } from "next/headers";
import { Banner } from "@/components/Banner";
import { PageView } from "@/components/Pages";
import { drafts, forVisitor, orNull } from "@/lib/cms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

type SearchParams = Promise<{ content_type?: string; token?: string }>;

export default async function Preview({ searchParams }: { searchParams: SearchParams }) {
  const { content_type: contentType, token } = await searchParams;
  if (!(await draftMode()).isEnabled) {
    return (
      <>
        <h1>Preview is off</h1>
        <p>Open the preview from the editor: it turns draft mode on for this browser.</p>
      </>
    );
  }
  const visitor = forVisitor(await headers());
  const page =
    contentType && token ? await orNull(drafts.preview(contentType, token, visitor)) : null;
  if (!page) {
    return (
      <>
        <h1>This preview has expired</h1>
        <p>Open the preview again from the editor.</p>
      </>
    );
  }
  return (
    <>
      <Banner kind="preview" text="Preview: this draft is not published" />
      <PageView page={page} />
      <p>
        <a href="/api/draft/disable/">Leave preview</a>
      </p>
    </>
  );
}
