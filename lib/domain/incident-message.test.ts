import { describe, expect, it } from "vitest";
import { inboxTitle, slackPayload, type IncidentNotice } from "@/lib/domain/incident-message";

const notice: IncidentNotice = {
  event: "triggered",
  incidentId: "inc_1",
  title: "bureau-a outage in Loan approval: 37 of 52 credit-check attempts failed in 5 min",
  severity: "SEV2",
  processName: "Loan approval",
  assignee: "Chen Oncall",
  summary: "Errors <timeout> & 5xx from bureau-a",
  url: "https://flowdeck.example/incidents/inc_1",
};

describe("incident notices", () => {
  it("names severity, event and title in the inbox", () => {
    expect(inboxTitle(notice)).toBe("SEV2 incident triggered: bureau-a outage in Loan approval: 37 of 52 credit-check attempts failed in 5 min");
  });

  it("gives Slack a text fallback and blocks with a link, escaping mrkdwn", () => {
    const payload = slackPayload(notice);
    expect(payload.text).toBe(`[SEV2] Incident triggered: ${notice.title}`);
    const body = JSON.stringify(payload.blocks);
    expect(body).toContain("<https://flowdeck.example/incidents/inc_1|bureau-a outage");
    expect(body).toContain("Errors &lt;timeout&gt; &amp; 5xx");
    expect(body).toContain("*Assigned to:* Chen Oncall");
  });

  it("says so when nobody is on call", () => {
    expect(JSON.stringify(slackPayload({ ...notice, assignee: null }).blocks)).toContain("nobody on call");
  });
});
