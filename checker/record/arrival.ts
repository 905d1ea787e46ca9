// Keeps the recording in the order registrations arrived although their transforms finish in any order,
// so a report lists resources the way the program declared them, run after run.

export class ArrivalOrder {
  private issued = 0;
  private ran = 0;
  private readonly waiting = new Map<number, () => void>();

  /** True when every ticket's update has run: an update can then run at once, in order. */
  get idle(): boolean {
    return this.ran === this.issued;
  }

  /** Reserves the next place in the order. */
  ticket(): number {
    return this.issued++;
  }

  /** Runs `update` for `ticket` once the updates of every earlier ticket have run (at once if they have). */
  complete(ticket: number, update: () => void): void {
    this.waiting.set(ticket, update);
    for (let next = this.waiting.get(this.ran); next; next = this.waiting.get(this.ran)) {
      this.waiting.delete(this.ran);
      this.ran++;
      next();
    }
  }

  /** Runs `update` after every update already reserved. */
  then(update: () => void): void {
    if (this.idle) {
      update();
    } else {
      this.complete(this.ticket(), update);
    }
  }
}
