import { withAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/auth/secret";

/**
 * Signed-out visitors of a page are sent to sign in ("/" shows the form) and brought
 * back afterwards. Each page still checks the user and the role itself.
 */
export default withAuth({
  secret: authSecret(),
  pages: { signIn: "/" },
});

export const config = {
  matcher: ["/cases/:path*", "/processes/:path*", "/slos/:path*", "/incidents/:path*", "/teams/:path*", "/audit/:path*"],
};
