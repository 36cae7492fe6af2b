import bcrypt from "bcryptjs";
import { vi } from "vitest";

/**
 * Integration tests create hundreds of users; at the product's bcrypt cost (12, about
 * 0.3 s per hash here) that alone took minutes. They hash at cost 4 instead: the same
 * bcrypt format, and verification is bcrypt's own (it reads the cost from the hash).
 * lib/auth/password.test.ts holds the product to cost 12.
 */
vi.mock("@/lib/auth/password", async (original) => ({
  ...(await original<typeof import("@/lib/auth/password")>()),
  hashPassword: (password: string) => bcrypt.hash(password, 4),
}));
