import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "@/lib/http/client-address";

describe("clientAddress", () => {
  it("without proxies is the TCP peer, whatever X-Forwarded-For a client made up", () => {
    expect(clientAddress({ [PEER_HEADER]: "203.0.113.5" }, 0)).toBe("203.0.113.5");
    expect(clientAddress({ [PEER_HEADER]: "203.0.113.5", "x-forwarded-for": "1.2.3.4, 5.6.7.8" }, 0)).toBe("203.0.113.5");
  });

  it("behind one proxy is the address that proxy appended, not what the client sent before it", () => {
    // The client forged 1.2.3.4; the proxy (peer 10.0.0.2) appended the real 203.0.113.5.
    const headers = { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 203.0.113.5" };
    expect(clientAddress(headers, 1)).toBe("203.0.113.5");
    expect(clientAddress({ [PEER_HEADER]: "10.0.0.3", "x-forwarded-for": "198.51.100.1, 10.0.0.2" }, 2)).toBe("198.51.100.1");
  });

  it("with more proxies configured than hops present is the leftmost address there is", () => {
    expect(clientAddress({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.5" }, 3)).toBe("203.0.113.5");
    expect(clientAddress({ [PEER_HEADER]: "10.0.0.2" }, 1)).toBe("10.0.0.2");
  });

  it("ignores empty entries and reads repeated headers", () => {
    expect(clientAddress({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": ["1.2.3.4", " 203.0.113.5 ,"] }, 1)).toBe("203.0.113.5");
  });

  it("is unknown without the peer header (a server other than scripts/serve.mjs)", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.5" }, 0)).toBeNull();
    expect(clientAddress(undefined, 0)).toBeNull();
    expect(clientAddress({ [PEER_HEADER]: "  " }, 0)).toBeNull();
  });
});
