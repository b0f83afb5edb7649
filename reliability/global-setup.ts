import { buildIfNeeded } from "@/scripts/build-if-needed";

/** The suites talk to the built app (`next start`); build it first when it is missing or stale. */
export default function setup() {
  buildIfNeeded();
}
