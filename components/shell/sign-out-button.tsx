"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/" })}
      className="rounded-md border border-slate-600 px-2.5 py-1 text-sm text-slate-200 hover:bg-slate-800"
    >
      Sign out
    </button>
  );
}
