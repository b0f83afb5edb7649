import { PHASE_PRODUCTION_BUILD } from "next/constants.js";

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time;
  // bundled, every query fails.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  // The build also writes the standalone server the container runs (.next/standalone/server.js, see
  // Dockerfile). Only the build is told: `next start` serves the same build as before, and would
  // otherwise warn that it does not.
  output: phase === PHASE_PRODUCTION_BUILD ? "standalone" : undefined,
  poweredByHeader: false,
  typedRoutes: false,
  // `.ci/run` type-checks everything, route types included (`next typegen && tsc`), just before it
  // builds, and says so with PILLARS_TYPES_CHECKED=1: the build then skips checking the same types again.
  typescript: { ignoreBuildErrors: process.env.PILLARS_TYPES_CHECKED === "1" },
  experimental: {
    // forbidden() and app/forbidden.tsx: a page a role does not open answers 403 (lib/auth/page-access.ts).
    authInterrupts: true,
    // The proxy counts a chunked server-action body to refuse one over 1 MB (proxy.ts); Next buffers
    // it for the proxy up to this size, which only has to be above that limit.
    proxyClientMaxBodySize: 1024 * 1024 + 64 * 1024,
  },
  // The build's static files skip the proxy, which gives every other response its headers.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        source: "/favicon.svg",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'" },
        ],
      },
    ];
  },
});

export default nextConfig;
