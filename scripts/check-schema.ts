import path from "node:path";
import { fileURLToPath } from "node:url";
import { findSchemaProblems } from "./schema-drift";

/** `npm run db:check`: the committed migrations are sound and make exactly the schema in db/schema. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const problems = findSchemaProblems({ root });
if (problems.length > 0) {
  console.error(`The schema check failed:\n\n${problems.join("\n\n")}`);
  process.exit(1);
}
console.log("The schema check passed: the migrations are consistent and match db/schema.");
