import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";

export function SignInPage() {
  return (
    <main className="grid min-h-screen place-items-center bg-slate-900 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow-xl">
        <div className="mb-5 flex items-center gap-2">
          <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded bg-emerald-500 font-bold text-slate-900">
            F
          </span>
          <div>
            <h1 className="text-lg font-semibold text-slate-900">Sign in to Flowdeck</h1>
            <p className="text-xs text-slate-600">The operations deck for your workflows</p>
          </div>
        </div>
        <Suspense>
          <SignInForm />
        </Suspense>
      </div>
    </main>
  );
}
