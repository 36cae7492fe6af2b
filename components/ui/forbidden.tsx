import Link from "next/link";

export function Forbidden({ what }: { what?: string }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-red-700">403 · Forbidden</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">You do not have access to {what ?? "this page"}</h1>
      <p className="mt-2 text-slate-600">Your role does not allow it. Ask an admin if you need it.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700">
        Back to the overview
      </Link>
    </div>
  );
}
