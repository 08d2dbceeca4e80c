/** The page's structured data, as the CMS built it; "<" escaped so it cannot close the script. */
export function JsonLd({ data }: { data: object | undefined }) {
  if (!data) return null;
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
