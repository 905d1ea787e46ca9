/**
 * Today's date for waiver expiry, as `YYYY-MM-DD` in UTC. Tests pin it so that expiry findings do
 * not depend on the day the suite runs.
 */
let pinned: string | undefined;

export function today(): string {
    return pinned ?? new Date().toISOString().slice(0, 10);
}

/** Pins today's date (`YYYY-MM-DD`); `undefined` returns to the real clock. */
export function pinToday(date: string | undefined): void {
    pinned = date;
}
