/** Dense, readable tables: sticky header, tabular numbers, zebra-free rows with hover. */
export function Table({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className="w-full border-collapse text-left text-sm tabular-nums">
        {children}
      </table>
    </div>
  );
}

export function Th({ children, align = "left", className = "" }: { children?: React.ReactNode; align?: "left" | "right"; className?: string }) {
  return (
    <th scope="col" className={`sticky top-0 border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 ${align === "right" ? "text-right" : ""} ${className}`}>
      {children}
    </th>
  );
}

export function Td({ children, align = "left", className = "" }: { children?: React.ReactNode; align?: "left" | "right"; className?: string }) {
  return <td className={`border-b border-slate-100 px-3 py-2 align-middle ${align === "right" ? "text-right" : ""} ${className}`}>{children}</td>;
}
