"use client";

import { useState } from "react";
import { CalendarFeedButton } from "@/components/oncall/calendar-feed-button";
import { describeRotation, levelName } from "@/components/oncall/describe-layer";
import { SECONDARY_BUTTON } from "@/components/oncall/form-bits";
import { OverridesList } from "@/components/oncall/overrides-list";
import { ScheduleForm } from "@/components/oncall/schedule-form";
import { ScheduleTimeline } from "@/components/oncall/schedule-timeline";
import type { MemberOption, ScheduleDetail, ScheduleTimeline as Timeline } from "@/components/oncall/types";
import { useSchedule, useTimeline } from "@/components/oncall/use-schedule";
import { Card } from "@/components/ui/card";

/** A team's schedule: the 14-day timeline, its layers (editable by managers), overrides and the calendar feed. */
export function ScheduleSection({
  initialSchedule,
  initialTimeline,
  members,
  canEdit,
  today,
}: {
  initialSchedule: ScheduleDetail;
  initialTimeline: Timeline;
  members: MemberOption[];
  canEdit: boolean;
  today: string;
}) {
  const { data: schedule } = useSchedule(initialSchedule.id, initialSchedule);
  const { data: timeline } = useTimeline(initialSchedule.id, initialTimeline);
  const [editing, setEditing] = useState(false);
  return (
    <>
      <Card
        title={
          <>
            Schedule · {schedule.name} <span className="font-normal text-slate-600">({schedule.timeZone})</span>
          </>
        }
        actions={canEdit ? <CalendarFeedButton endpoint={`/api/v1/schedules/${schedule.id}/calendar-feed`} label="schedule calendar" hasFeed={schedule.hasCalendarFeed} /> : null}
      >
        <div className="space-y-4 p-4">
          <ScheduleTimeline timeline={timeline} />
          {editing ? (
            <ScheduleForm teamId={schedule.team.id} schedule={schedule} members={members} today={today} onDone={() => setEditing(false)} />
          ) : (
            <div className="flex flex-wrap items-start justify-between gap-3">
              <ul aria-label="Layers" className="space-y-1 text-sm">
                {schedule.layers.map((l) => (
                  <li key={l.level}>
                    <span className="font-semibold">{levelName(l.level)}:</span> {l.members.map((m) => m.name).join(" → ")}
                    <span className="block text-xs text-slate-600">{describeRotation(l)} ({schedule.timeZone})</span>
                  </li>
                ))}
              </ul>
              {canEdit ? (
                <button type="button" onClick={() => setEditing(true)} className={SECONDARY_BUTTON}>
                  Edit rotation
                </button>
              ) : null}
            </div>
          )}
        </div>
      </Card>
      <Card title="Overrides">
        <OverridesList schedule={schedule} members={members} canEdit={canEdit} />
      </Card>
    </>
  );
}
