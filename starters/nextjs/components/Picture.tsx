import type { Image } from "@podcast-cms/client";

/** An image from its CMS renditions (plain <img>: the CMS already made the sizes). */
export function Picture({
  image,
  alt,
  sizes,
  className,
  smallest = false,
}: {
  image: Image | null | undefined;
  alt?: string;
  sizes: string;
  className?: string;
  smallest?: boolean;
}) {
  const renditions = image?.renditions ?? [];
  if (!image || renditions.length === 0) return null;
  const chosen = smallest ? renditions[0] : renditions[renditions.length - 1];
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      className={className}
      src={chosen.url}
      width={chosen.width}
      height={chosen.height}
      srcSet={renditions.map((r) => `${r.url} ${r.width}w`).join(", ")}
      sizes={sizes}
      alt={alt ?? image.alt}
      loading="lazy"
    />
  );
}
