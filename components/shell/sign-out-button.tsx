"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      // No redirect by next-auth: it would build the URL from NEXTAUTH_URL, not from this host.
      onClick={async () => {
        await signOut({ redirect: false });
        router.replace("/");
        router.refresh();
      }}
      className="rounded-md border border-slate-600 px-2.5 py-1 text-sm text-slate-200 hover:bg-slate-800"
    >
      Sign out
    </button>
  );
}
