import { formatDuration } from "@/lib/format";

/** Time in the current state against its threshold, as words and as a bar. */
export function TimeInState({ inStateFor, thresholdSec, stuck }: { inStateFor: number; thresholdSec: number; stuck: boolean }) {
  const ratio = Math.min(1, inStateFor / Math.max(1, thresholdSec));
  return (
    <div>
      <p className={stuck ? "font-semibold text-red-800" : ""}>
        {formatDuration(inStateFor)} <span className="font-normal text-slate-600">of {formatDuration(thresholdSec)} allowed</span>
      </p>
      <div
        role="meter"
        aria-label="Time in state against its threshold"
        aria-valuemin={0}
        aria-valuemax={thresholdSec}
        aria-valuenow={Math.min(inStateFor, thresholdSec)}
        className="mt-1 h-1.5 w-48 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full ${stuck ? "bg-red-600" : ratio > 0.75 ? "bg-amber-500" : "bg-emerald-500"}`} style={{ width: `${ratio * 100}%` }} />
      </div>
    </div>
  );
}
