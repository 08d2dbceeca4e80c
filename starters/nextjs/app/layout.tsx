import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SITE_NAME } from "@/lib/cms";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link className="site-name" href="/">
            {SITE_NAME}
          </Link>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>{SITE_NAME}: a Next.js starter for the Podcast CMS.</p>
        </footer>
      </body>
    </html>
  );
}
