import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GiveUp } from "../../crawler/errors.js";
import { boundedFetch } from "../../crawler/http.js";
import { isPrivateAddress, NetGuard } from "../../crawler/net-guard.js";

// A public seed: the names resolve through this table instead of DNS (no network here).
const DNS: Record<string, string[]> = { "www.nieuwsdagblad.example": ["93.184.216.34"], "rebind.attacker.example": ["93.184.216.35", "10.0.0.7"], "metadata.attacker.example": ["169.254.169.254"] };
const publicGuard = () => new NetGuard({ seeds: ["https://www.nieuwsdagblad.example/"], resolve: async (h) => DNS[h] ?? [] });

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof GiveUp) return err.reason;
    throw err;
  }
  return "allowed";
}

describe("the address guard for links found in ads", () => {
  it("knows loopback, private, link-local, CGNAT and mapped addresses", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"]) expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ["93.184.216.34", "8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it("refuses the cloud metadata address, 10.x, localhost and non-http links from a public seed", async () => {
    const g = publicGuard();
    expect(await refusal(g.check("http://169.254.169.254/latest/meta-data/iam/"))).toBe("refused-address");
    expect(await refusal(g.check("http://10.0.0.5/admin"))).toBe("refused-address");
    expect(await refusal(g.check("http://localhost:8080/"))).toBe("refused-address");
    expect(await refusal(g.check("http://[::1]/"))).toBe("refused-address");
    expect(await refusal(g.check("file:///etc/passwd"))).toBe("refused-scheme");
    expect(await refusal(g.check("javascript:alert(1)"))).toBe("refused-scheme");
  });

  it("refuses a public-looking name that resolves to a private or metadata address", async () => {
    const g = publicGuard();
    expect(await refusal(g.check("https://rebind.attacker.example/notice"))).toBe("refused-address");
    expect(await refusal(g.check("https://metadata.attacker.example/"))).toBe("refused-address");
    expect(await refusal(g.check("https://www.nieuwsdagblad.example/verklaring/1"))).toBe("allowed");
  });

  it("allows private targets when the crawl itself runs on a private host, or when told to", async () => {
    expect(await refusal(new NetGuard({ seeds: ["http://127.0.0.1:4000/"] }).check("http://127.0.0.1:4001/verklaring/x"))).toBe("allowed");
    expect(await refusal(new NetGuard({ seeds: ["https://www.nieuwsdagblad.example/"], allowPrivate: true }).check("http://10.0.0.5/"))).toBe("allowed");
  });
});

describe("fetching a notice through redirects", () => {
  let server: Server;
  let base = "";
  let hits = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      const to = req.url === "/to-metadata" ? "http://169.254.169.254/latest/meta-data/" : req.url === "/to-ten" ? "http://10.20.30.40/" : null;
      if (to) res.writeHead(302, { location: to }).end();
      else res.writeHead(200, { "content-type": "text/html" }).end("<p>verklaring</p>");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  // The guard of a public crawl, except that it lets this test's own server through (it stands in for a public notice host).
  const guard = () => {
    const g = publicGuard();
    return { check: (u: string) => (u.startsWith(base) ? Promise.resolve(new URL(u)) : g.check(u)) } as unknown as NetGuard;
  };
  const opts = () => ({ guard: guard(), signal: new AbortController().signal, userAgent: "polad-test" });

  it("checks every redirect hop: a public notice link that redirects to 169.254.169.254 or 10.x is refused", async () => {
    expect(await refusal(boundedFetch(`${base}/to-metadata`, opts()))).toBe("refused-address");
    expect(await refusal(boundedFetch(`${base}/to-ten`, opts()))).toBe("refused-address");
  });

  it("never connects to a refused address", async () => {
    const before = hits;
    expect(await refusal(boundedFetch("http://169.254.169.254/latest/meta-data/", opts()))).toBe("refused-address");
    expect(hits).toBe(before);
    const ok = await boundedFetch(`${base}/verklaring`, opts());
    expect(ok.status).toBe(200);
    expect(ok.body).toContain("verklaring");
  });

  it("cuts a body at the byte bound and says so", async () => {
    const res = await boundedFetch(`${base}/verklaring`, { ...opts(), maxBytes: 5 });
    expect(res.body).toBe("<p>ve");
    expect(res.headers["x-polad-truncated"]).toBe("1");
  });
});
