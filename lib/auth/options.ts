import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ROLES, type Role } from "@/lib/auth/roles";
import { authSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { ZEmail } from "@/lib/validation/user";

/** The message a throttled sign-in shows; the form reads the seconds back out of it. */
export const THROTTLED = "Too many failed attempts. Try again in";

/** next-auth v4: email and password, JWT sessions carrying the user's id and role. */
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 12 * 3600 },
  pages: { signIn: "/", error: "/" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = ZEmail.safeParse(credentials?.email ?? "");
        const password = credentials?.password ?? "";
        if (!email.success || password.length === 0) return null;
        const result = await verifyCredentials(await getDb(), {
          email: email.data,
          password,
          address: clientAddress(req.headers, env().FLOWDECK_TRUSTED_PROXIES),
        });
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role };
        if (result.reason === "throttled") throw new Error(`${THROTTLED} ${result.retryAfterSec} s.`);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: Role }).role;
      }
      return token;
    },
    session({ session, token }) {
      const role = ROLES.find((r) => r === token.role);
      if (session.user && typeof token.uid === "string" && role) {
        session.user = { ...session.user, id: token.uid, role };
      }
      return session;
    },
  },
};

declare module "next-auth" {
  interface Session {
    user?: { id: string; role: Role; name?: string | null; email?: string | null; image?: string | null };
  }
}
