import { pinToday, today } from "../../../policies/lib/clock";

describe("today", () => {
  afterEach(() => {
    jest.useRealTimers();
    pinToday(undefined);
  });

  it("is the UTC day of the real clock and moves on at UTC midnight", () => {
    jest.useFakeTimers({ now: new Date("2026-03-01T23:59:59.500Z") });
    expect(today()).toBe("2026-03-01");
    jest.setSystemTime(new Date("2026-03-01T23:59:59.999Z"));
    expect(today()).toBe("2026-03-01");
    jest.setSystemTime(new Date("2026-03-02T00:00:00.000Z"));
    expect(today()).toBe("2026-03-02");
  });

  it("follows the clock backwards too (a corrected clock must not keep a future day)", () => {
    jest.useFakeTimers({ now: new Date("2026-05-10T12:00:00Z") });
    expect(today()).toBe("2026-05-10");
    jest.setSystemTime(new Date("2026-05-09T12:00:00Z"));
    expect(today()).toBe("2026-05-09");
  });

  it("returns the pinned day until unpinned", () => {
    jest.useFakeTimers({ now: new Date("2026-05-10T12:00:00Z") });
    pinToday("2020-01-01");
    expect(today()).toBe("2020-01-01");
    pinToday(undefined);
    expect(today()).toBe("2026-05-10");
  });
});
