/**
 * The production HTTP server: Next's request handler behind a plain Node server, so the
 * app can learn the TCP peer's address. (`next start` only fills X-Forwarded-For when a
 * client sent none, so a client could pick its own address and dodge the per-address
 * sign-in backoff.) The peer goes in X-Flowdeck-Peer, overwriting anything a client sent;
 * lib/http/client-address.ts combines it with X-Forwarded-For and FLOWDECK_TRUSTED_PROXIES.
 *
 * Plain JavaScript so plain `node` runs it: no TypeScript loader hooks in the server.
 * Usage: node scripts/serve.mjs <port>
 */
import http from "node:http";
import next from "next";

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers["x-flowdeck-peer"] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
// Node closes an idle kept-alive connection after 5 s; a client (or a load balancer)
// reusing it at that moment gets ECONNRESET. Keep idle connections longer than the
// usual 60 s idle timeout of clients and proxies, so they close first.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, () => console.log(`Flowdeck: listening on http://localhost:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 3000).unref();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
