/** @type {import("next").NextConfig} */
const tokenPageHeaders = [
  // Draft pages must not be indexed, cached, or leak their token URL to other sites.
  { key: "Cache-Control", value: "private, no-store" },
  { key: "X-Robots-Tag", value: "noindex, nofollow" },
  { key: "Referrer-Policy", value: "no-referrer" },
];

const nextConfig = {
  // The CMS's page URLs end with a slash (Wagtail's); keep them as they are.
  trailingSlash: true,
  // The client package ships TypeScript sources.
  transpilePackages: ["@podcast-cms/client"],
  // No ESLint in the starter's dependencies: `next build` type-checks, which is what matters here.
  eslint: { ignoreDuringBuilds: true },
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/review/:token*", headers: tokenPageHeaders },
      { source: "/preview/:rest*", headers: tokenPageHeaders },
    ];
  },
};

export default nextConfig;
