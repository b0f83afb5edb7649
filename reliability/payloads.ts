import type { HttpCase, HttpRequest } from "./catalog";

/** The live-HTML payloads; after fuzzing, no page may contain one of these unescaped. */
export const HTML_PAYLOADS = [
  "<script>alert('pillars-xss')</script>",
  "<img src=x onerror=alert('pillars-xss')>",
  "\"><svg onload=alert('pillars-xss')>",
  "<iframe src=javascript:alert('pillars-xss')></iframe>",
];
export const LIVE_HTML = [/<script>alert\('pillars-xss'\)/i, /<img src=x onerror=/i, /<svg onload=/i, /<iframe src=javascript:/i];

/** Malformed values for one field. `otherUserId` is a real account that is not the caller's. */
export function fieldPayloads(otherUserId: string): string[] {
  return [
    "",
    " ",
    "a",
    "x".repeat(1024 * 1024),
    "y".repeat(10_000),
    "\u0000",
    "before\u0000after",
    "名前 😀 \u202eevil\u202c \ufeff\u200b",
    "\ud800 lone surrogate",
    "Ｌéna Fïscher \u0301\u0301\u0301",
    "' OR '1'='1' --",
    "'; drop table users; --",
    "1; select pg_sleep(5)",
    "$$ || (select passwordHash from users) || $$",
    "\\'\\\"\\\\",
    ...HTML_PAYLOADS,
    "javascript:alert(1)",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "%s%s%n%x",
    "../../../../etc/passwd",
    "line\r\nSet-Cookie: injected=1",
    '{"$ne":null}',
    "__proto__",
    "constructor",
    "00000000-0000-4000-8000-000000000000",
    "00000000-0000-0000-0000-000000000000",
    "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF",
    otherUserId,
    "not-a-uuid",
    "0",
    "-1",
    "1e309",
    "NaN",
    "true",
    "null",
    "undefined",
    "[]",
    "{}",
    "admin",
    "representative,admin",
  ];
}

/** Whole-argument mutations of a server action: wrong arity and wrong types. */
export const WRONG_ARGS: unknown[][] = [
  [],
  [null],
  [null, "text"],
  [null, 42],
  [null, null],
  [null, {}],
  [null, [1, 2]],
  [{ ok: true }, { name: "x" }],
  ["a", "b", "c", "d"],
];

/**
 * Every malformed variant of a valid request: each field (form field, JSON key, query parameter)
 * replaced by each payload, removed, or repeated; and for actions, wrong arguments.
 */
export function mutations(c: HttpCase, valid: HttpRequest, payloads: string[]): HttpRequest[] {
  const out: HttpRequest[] = [];
  const vary = (record: Record<string, unknown>, rebuild: (r: Record<string, unknown>) => HttpRequest) => {
    for (const key of Object.keys(record)) {
      for (const payload of payloads) out.push(rebuild({ ...record, [key]: payload }));
      const rest = { ...record };
      delete rest[key];
      out.push(rebuild(rest));
      out.push(rebuild({ ...record, [key]: [String(record[key]), "second", "third"] }));
    }
  };
  if (valid.fields) vary(valid.fields, (fields) => ({ ...valid, fields: fields as HttpRequest["fields"] }));
  if (valid.form) vary(valid.form, (form) => ({ ...valid, form: form as Record<string, string> }));
  if (valid.json) vary(valid.json, (json) => ({ ...valid, json }));
  const query = valid.query ?? (c.target.kind === "action" ? undefined : { q: "" });
  if (query) vary(query, (q) => ({ ...valid, query: q as Record<string, string> }));
  if (c.target.kind === "action") for (const args of WRONG_ARGS) out.push({ args });
  return out;
}
