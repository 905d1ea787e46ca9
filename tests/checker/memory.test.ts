// The --verbose memory line, and the peak resident memory it reads of a live process.
import { memoryLine } from "../../checker/cli";
import { peakRssKb } from "../../checker/serve/launcher";

describe("peak memory", () => {
  it("is printed in MB for the checker and the pack, or said unknown", () => {
    expect(memoryLine(204_800, 409_700)).toBe("memory: checker peak 200 MB, pack peak 400 MB");
    expect(memoryLine(1_536, undefined)).toBe("memory: checker peak 2 MB, pack peak unknown");
  });

  it("of a live process is its VmHWM, at least its current resident set; unknown for no process", () => {
    const peak = peakRssKb(process.pid);
    if (process.platform === "linux") {
      // The peak is read first; the resident set may grow a little before it is read, never halve.
      expect(peak).toBeGreaterThanOrEqual(Math.floor(process.memoryUsage().rss / 1024 / 2));
    } else {
      expect(peak).toBeUndefined();
    }
    expect(peakRssKb(undefined)).toBeUndefined();
  });
});
