import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-slate-600">404 · Not found</p>
      <h1 className="mt-2 text-xl font-semibold">There is nothing here</h1>
      <p className="mt-2 text-slate-600">The link may be old, or the case or process may not exist.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white">
        Back to the overview
      </Link>
    </main>
  );
}
