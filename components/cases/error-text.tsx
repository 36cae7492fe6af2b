/** An error as the engine reported it: its code, then its message. */
export function ErrorText({ error }: { error: { code: string; message: string } | null }) {
  if (!error) return <>—</>;
  return (
    <span className="text-red-800" title={error.message}>
      <span className="font-mono text-xs">{error.code}</span> {error.message}
    </span>
  );
}
