// Custom timeouts travel as Go duration strings ("5m", "1h30m", "90s"); the engine hands analyzers seconds.
const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 0.000001, µs: 0.000001, ns: 1e-9 };

export function durationSeconds(text: string): number {
  if (!text) {
    return 0;
  }
  let total = 0;
  const re = /([0-9]*\.?[0-9]+)(ms|us|µs|ns|h|m|s)/g;
  let consumed = 0;
  for (const match of text.matchAll(re)) {
    total += Number(match[1]) * UNIT_SECONDS[match[2]];
    consumed += match[0].length;
  }
  return consumed === text.length ? total : 0;
}
