// A draft shared with a reviewer through an expiring link (/review/<token>), as the reference
// frontend shows it: a banner with the expiry and the editor's note; a clear page once dead.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Banner } from "@/components/Banner";
import { PageView } from "@/components/Pages";
import { drafts, forVisitor, orNull } from "@/lib/cms";
import { longDateTime } from "@/lib/dates";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function ReviewLink({ params }: { params: Promise<{ token: string }> }) {
  const visitor = forVisitor(await headers());
  const page = await orNull(drafts.review((await params).token, visitor));
  if (!page) notFound();
  const review = page.review;
  return (
    <>
      <Banner
        kind="review"
        text={`Draft for review, expires ${longDateTime(review?.expires_at)}`}
        note={review?.note}
      />
      <PageView page={page} />
    </>
  );
}
