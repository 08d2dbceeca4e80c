// Every published page, found by its path as the CMS knows it ("/", "/show/", "/show/episode/").
// Nothing is prerendered at build time (the CMS need not be up then); each path is rendered on
// its first visit and kept until the CMS's webhook revalidates it (app/api/revalidate).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageView } from "@/components/Pages";
import { cms, orNull } from "@/lib/cms";

export const dynamicParams = true;
export const revalidate = false;

export function generateStaticParams(): { path: string[] }[] {
  return [];
}

type Params = Promise<{ path?: string[] }>;

function htmlPath(segments: string[] | undefined): string {
  return segments?.length ? `/${segments.map(encodeURIComponent).join("/")}/` : "/";
}

async function pageAt(segments: string[] | undefined) {
  return orNull(cms.findByPath(htmlPath(segments)));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await pageAt((await params).path);
  if (!page) return {};
  const seo = page.seo;
  const image = seo?.og_image;
  return {
    title: seo?.title || page.title,
    description: seo?.description || undefined,
    alternates: seo?.canonical_url ? { canonical: seo.canonical_url } : undefined,
    openGraph: image
      ? { images: [{ url: image.url, width: image.width, height: image.height, alt: image.alt }] }
      : undefined,
  };
}

export default async function CmsPage({ params }: { params: Params }) {
  const page = await pageAt((await params).path);
  if (!page) notFound();
  return <PageView page={page} />;
}
