import "server-only";
import type { DB } from "@/db/client";
import { cachedPublicRead, PUBLIC_TAGS } from "@/lib/public/cache";
import { getRegistryEntry, searchRegistry } from "./queries";

/** The public registry entry through the public cache (lib/public/cache.ts): never older than the last change. */
export function cachedRegistryEntry(db: DB, slug: string) {
  return cachedPublicRead(db, PUBLIC_TAGS.registry, ["registry-entry", slug], () => getRegistryEntry(db, slug));
}

/** The public registry search through the public cache. A refused search is not cached: it throws as before. */
export function cachedRegistrySearch(db: DB, params: Record<string, string>) {
  return cachedPublicRead(db, PUBLIC_TAGS.registry, ["registry-search-api", JSON.stringify(params)], () => searchRegistry(db, params));
}
