/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time;
  // bundled, every query fails.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() and app/forbidden.tsx: a page a role does not open answers 403 (lib/auth/page-access.ts).
    authInterrupts: true,
  },
};

export default nextConfig;
