import { alignParagraphs, type KeyedParagraph } from "@/lib/policies/paragraphs";

/**
 * `npm run bench:align`: time and memory of paragraph alignment on drafts the text limit allows, for
 * 100, 1,000 and 5,000 paragraphs. Each case runs 7 times; the median time and the largest heap
 * growth are printed. Run with `node --expose-gc` (the script does) so each run starts collected.
 */
const SIZES = [100, 1000, 5000];
const RUNS = 7;

const CASES: Record<string, (n: number) => { previous: string[]; next: string[] }> = {
  "every paragraph edited": (n) => ({ previous: lines(n, (i) => `Clause ${i} as drafted`), next: lines(n, (i) => `Clause ${i} as amended`) }),
  "every paragraph rewritten": (n) => ({ previous: lines(n, (i) => `Clause ${i} as drafted`), next: lines(n, (i) => `Wholly new text ${i * 7919}`) }),
  "order reversed": (n) => {
    const previous = lines(n, (i) => `Clause ${i} as drafted`);
    return { previous, next: [...previous].reverse() };
  },
  "one paragraph inserted": (n) => {
    const previous = lines(n, (i) => `Clause ${i} as drafted`);
    return { previous, next: [...previous.slice(0, n >> 1), "A new clause.", ...previous.slice(n >> 1)] };
  },
};

function lines(n: number, text: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => text(i));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
console.log("case | paragraphs | characters | median ms | heap growth MB");
for (const [name, make] of Object.entries(CASES)) {
  for (const n of SIZES) {
    const { previous, next } = make(n);
    const keyed: KeyedParagraph[] = previous.map((body, i) => ({ key: `k${i}`, body }));
    const times: number[] = [];
    let heap = 0;
    for (let run = 0; run < RUNS; run++) {
      gc();
      const before = process.memoryUsage().heapUsed;
      const started = performance.now();
      alignParagraphs(keyed, next);
      times.push(performance.now() - started);
      heap = Math.max(heap, process.memoryUsage().heapUsed - before);
    }
    const characters = next.join("\n\n").length;
    console.log(`${name} | ${n} | ${characters} | ${median(times).toFixed(1)} | ${(heap / 1024 / 1024).toFixed(1)}`);
  }
}
