import bcrypt from "bcryptjs";

// Cost 12: ~0.25 s per hash in pure JS: slow for guessing, bearable for sign-in.
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
