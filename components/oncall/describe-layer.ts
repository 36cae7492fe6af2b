import type { RotationUnit } from "@/lib/domain/oncall";

const UNIT: Record<RotationUnit, [string, string]> = { hours: ["hour", "hours"], days: ["day", "days"], weeks: ["week", "weeks"] };

/** "Hands over every 2 days at 09:00, from 2026-11-23": the rotation in words. */
export function describeRotation(layer: { rotationEvery: number; rotationUnit: RotationUnit; handoffTime: string; startDate: string }): string {
  const [one, many] = UNIT[layer.rotationUnit];
  const every = layer.rotationEvery === 1 ? `every ${one}` : `every ${layer.rotationEvery} ${many}`;
  return `Hands over ${every} at ${layer.handoffTime}, from ${layer.startDate}`;
}

export const levelName = (level: number) => (level === 1 ? "Primary" : level === 2 ? "Secondary" : `Level ${level}`);
