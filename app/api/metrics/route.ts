import { metricsHandler } from "@/lib/auth/metrics-route";

export const dynamic = "force-dynamic";

export const GET = metricsHandler;
