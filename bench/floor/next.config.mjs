import path from "node:path";

/**
 * The floor: the smallest Next.js app of the same versions that does what a Pillars page does at
 * least (read 20 rows from PGlite and render them as a table). `npm run bench` builds and measures it
 * in the same run, so every page's figures can be read as a ratio to it.
 */
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  distDir: ".next",
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
};

export default nextConfig;
