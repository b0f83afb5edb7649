import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { rssMb, statementsSoFar } from "./server";

export type PageFigures = { p50Ms: number; p95Ms: number; rps: number; non2xx: number; statementsPerRequest: number; peakRssMb: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Statements per request: the counter's growth over sequential requests, less the counter's own read. */
async function statementsPerRequest(url: string, path: string, cookie: string | null): Promise<number> {
  const runs = 5;
  const before = await statementsSoFar(url);
  for (let i = 0; i < runs; i++) await fetch(`${url}${path}`, { headers: cookie ? { cookie } : {} });
  const after = await statementsSoFar(url);
  return (after - before - 1) / runs;
}

/**
 * Two seconds of the same load, unmeasured, so every page is measured on a warmed-up server (the
 * first page measured otherwise pays for compiling the server's code).
 */
export async function warmUp(url: string, path: string, cookie: string | null): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    autocannon({ url: `${url}${path}`, connections: 10, duration: 2, headers: cookie ? { cookie } : {} }, (error) =>
      error ? reject(error) : resolve(),
    );
  });
}

/** Load with autocannon (10 connections, `seconds`), sampling the server's memory meanwhile. */
export async function measurePage(
  url: string,
  path: string,
  cookie: string | null,
  pid: number,
  seconds = 10,
  countStatements = true,
): Promise<PageFigures> {
  for (let i = 0; i < 5; i++) await fetch(`${url}${path}`, { headers: cookie ? { cookie } : {} });
  const statements = countStatements ? await statementsPerRequest(url, path, cookie) : Number.NaN;
  let peakRssMb = rssMb(pid);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(pid))), 250);
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url: `${url}${path}`, connections: 10, duration: seconds, headers: cookie ? { cookie } : {} };
    const instance = autocannon(options, (error, outcome) => (error ? reject(error) : resolve(outcome)));
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  return {
    p50Ms: Math.round(percentile(times, 50) * 10) / 10,
    p95Ms: Math.round(percentile(times, 95) * 10) / 10,
    rps: Math.round(result.requests.average * 10) / 10,
    non2xx: result.non2xx + result.errors,
    statementsPerRequest: Math.round(statements * 10) / 10,
    peakRssMb,
  };
}

/** JavaScript bytes (compressed, as transferred) that a first visit to each page loads, in Chromium. */
export async function firstLoadJsBytes(url: string, pages: { path: string; cookie: string | null }[]): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const figures: number[] = [];
  try {
    for (const page of pages) {
      const context = await browser.newContext();
      if (page.cookie) {
        await context.addCookies(
          page.cookie.split("; ").map((pair) => {
            const [name, ...value] = pair.split("=");
            return { name: name!, value: value.join("="), url };
          }),
        );
      }
      const tab = await context.newPage();
      await tab.goto(`${url}${page.path}`, { waitUntil: "load" });
      await tab.waitForTimeout(500);
      const bytes = await tab.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === "script" || entry.name.endsWith(".js"))
          .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0),
      );
      figures.push(bytes);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return figures;
}
