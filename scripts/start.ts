/** `npm start`: the production server on PORT, refusing to start without AUTH_SECRET. */
import { env, EnvError } from "@/lib/env";
import { hasBuild, startNext, superviseChildren } from "./lib/next-server";

try {
  const e = env();
  if (!e.AUTH_SECRET) {
    console.error("flowdeck: AUTH_SECRET is not set. Set it to a long random string (e.g. `openssl rand -base64 32`).");
    process.exit(1);
  }
  if (!hasBuild()) {
    console.error("flowdeck: no production build found. Run `npm run build` first.");
    process.exit(1);
  }
  superviseChildren([startNext(e.PORT, { ...process.env, NODE_ENV: "production" })]);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`flowdeck: ${error.message}`);
  process.exit(1);
}
