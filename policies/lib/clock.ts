/**
 * Today's date for waiver expiry, as `YYYY-MM-DD` in UTC. Tests pin it so that expiry findings do
 * not depend on the day the suite runs.
 */
let pinned: string | undefined;

// Every finding and waiver check asks for the date; formatting one is the costly part, so the day is
// kept while the clock stays within that UTC day (either way: a clock can be set back).
const DAY_MS = 24 * 60 * 60 * 1000;
let day = "";
let dayStart = 0;
let nextMidnight = 0;

export function today(): string {
  if (pinned !== undefined) {
    return pinned;
  }
  const now = Date.now();
  if (now < dayStart || now >= nextMidnight) {
    day = new Date(now).toISOString().slice(0, 10);
    dayStart = Math.floor(now / DAY_MS) * DAY_MS;
    nextMidnight = dayStart + DAY_MS;
  }
  return day;
}

/** Pins today's date (`YYYY-MM-DD`); `undefined` returns to the real clock. */
export function pinToday(date: string | undefined): void {
  pinned = date;
}
