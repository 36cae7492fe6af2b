export const ROLES = ["admin", "ops_leader", "process_owner", "on_call", "manager"] as const;
export type Role = (typeof ROLES)[number];
