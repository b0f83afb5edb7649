/**
 * `/api/health` while 200 sign-ins run at once: waves of 200 simultaneous sign-ins (the demo
 * accounts, right and wrong passwords, each attempt from its own address through one trusted proxy,
 * so that the throttle lets them through to the password check), each wave sent as soon as the last
 * is answered, for `seconds`, while one more client reads `/api/health` one request after another. Prints the health check's median
 * (goal < 200 ms) and what became of the sign-ins: signed in, wrong password, refused at once
 * because every password-check slot was taken (429), or throttled.
 */
export type StormFigures = {
  clients: number;
  seconds: number;
  healthRequests: number;
  healthP50Ms: number;
  healthP95Ms: number;
  signIns: { signedIn: number; wrong: number; busy: number; throttled: number; other: number };
};

const ACCOUNTS = ["gov2", "gov3", "gov4", "cso1", "cso3", "cso4", "psc1", "psc2", "psc3", "psc4", "rep.gov", "rep.cso"].map(
  (n) => `${n}@example.org`,
);

export async function measureSignInStorm(url: string, seconds = 10, clients = 200): Promise<StormFigures> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const until = Date.now() + seconds * 1000;
  const signIns = { signedIn: 0, wrong: 0, busy: 0, throttled: 0, other: 0 };
  let sequence = 0;

  const client = async (index: number) => {
    {
      const n = ++sequence;
      const email = ACCOUNTS[n % ACCOUNTS.length]!;
      const password = n % 4 === 0 ? "not-the-password" : "pillars-demo";
      try {
        const response = await fetch(`${url}/api/auth/callback/credentials`, {
          method: "POST",
          redirect: "manual",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            cookie,
            "x-forwarded-for": `10.${(index >> 8) & 255}.${index & 255}.${n & 255}`,
          },
          body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${url}/dashboard` }),
        });
        await response.arrayBuffer();
        const location = response.headers.get("location") ?? "";
        if (response.status === 429) signIns.busy++;
        else if (response.headers.getSetCookie().some((c) => c.includes("session-token="))) signIns.signedIn++;
        else if (/Too%20many|Too\+many/.test(location)) signIns.throttled++;
        else if (/Many%20sign-ins|Many\+sign-ins/.test(location)) signIns.busy++;
        else if (/error=/.test(location)) signIns.wrong++;
        else {
          signIns.other++;
          if (signIns.other <= 3) console.log(`    unexpected sign-in answer: ${response.status} ${location}`);
        }
      } catch (error) {
        signIns.other++;
        if (signIns.other <= 3) console.log(`    sign-in failed: ${String(error)}`);
      }
    }
  };

  const times: number[] = [];
  const health = async () => {
    // Let the storm build up first.
    await new Promise((resolve) => setTimeout(resolve, 500));
    while (Date.now() < until) {
      const started = performance.now();
      const response = await fetch(`${url}/api/health`);
      await response.arrayBuffer();
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  // Waves of `clients` sign-ins sent at once, the next wave as soon as the last one is answered.
  const waves = async () => {
    while (Date.now() < until) await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  };
  await Promise.all([waves(), health()]);
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { clients, seconds, healthRequests: times.length, healthP50Ms: at(0.5), healthP95Ms: at(0.95), signIns };
}
