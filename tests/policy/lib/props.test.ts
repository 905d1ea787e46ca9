import { hasKey, isSet, isUnknownValueFailure, knownOr, lookup, need, read, readStrings, UNKNOWN } from "../../../policies/lib/props";
import { asProps, unknown } from "./sdk-proxy";

const props = asProps({
  name: "app",
  count: 3,
  nan: Number.NaN,
  enabled: false,
  pending: unknown,
  nothing: null,
  list: ["a", unknown, 7],
  nested: { "key.with.dots": "v", deep: { value: unknown } },
});

describe("lookup", () => {
  it("walks objects and arrays by dotted path or segments", () => {
    expect(lookup(props, "name")).toBe("app");
    expect(lookup(props, "list.0")).toBe("a");
    expect(lookup(props, ["list", 2])).toBe(7);
    expect(lookup(props, ["nested", "key.with.dots"])).toBe("v");
  });

  it("turns the SDK's UnknownValueError into UNKNOWN, also below an unknown value", () => {
    expect(lookup(props, "pending")).toBe(UNKNOWN);
    expect(lookup(props, "pending.below.that")).toBe(UNKNOWN);
    expect(lookup(props, "nested.deep.value")).toBe(UNKNOWN);
  });

  it("never reaches prototypes and never throws on odd input", () => {
    expect(lookup(props, "constructor")).toBeUndefined();
    expect(lookup(props, "name.length")).toBeUndefined();
    expect(lookup(null, "a")).toBeUndefined();
    expect(lookup(undefined, "a.b")).toBeUndefined();
    expect(lookup(props, "missing.deeper")).toBeUndefined();
  });

  it("rethrows errors that are not about unknown values", () => {
    const hostile = {
      get boom(): unknown {
        throw new RangeError("not an unknown");
      },
    };
    expect(() => lookup(hostile, "boom")).toThrow(RangeError);
  });
});

describe("typed readers", () => {
  it("return the value when the type matches, undefined otherwise, UNKNOWN when unknown", () => {
    expect(read.string(props, "name")).toBe("app");
    expect(read.string(props, "count")).toBeUndefined();
    expect(read.string(props, "pending")).toBe(UNKNOWN);
    expect(read.number(props, "count")).toBe(3);
    expect(read.number(props, "nan")).toBeUndefined();
    expect(read.boolean(props, "enabled")).toBe(false);
    expect(read.object(props, "nested.deep")).toEqual(expect.any(Object));
    expect(read.object(props, "list")).toBeUndefined();
    expect(read.object(props, "nothing")).toBeUndefined();
  });

  it("read arrays element by element, unknown elements as UNKNOWN", () => {
    expect(read.array(props, "list")).toEqual(["a", UNKNOWN, 7]);
    expect(read.array(props, "pending")).toBe(UNKNOWN);
    expect(read.array(props, "name")).toBeUndefined();
    expect(read.array(Array.from({ length: 100_000 }, (_, i) => i))).toHaveLength(100_000);
  });

  it("read entries with unknown values", () => {
    expect(read.entries(props, "nested.deep")).toEqual([["value", UNKNOWN]]);
    expect(read.entries(props, "pending")).toBe(UNKNOWN);
    expect(read.entries(props, "list")).toBeUndefined();
  });

  it("read one-or-many string fields", () => {
    expect(readStrings(props, "name")).toEqual({ values: ["app"], unknown: false });
    expect(readStrings(props, "list")).toEqual({ values: ["a"], unknown: true });
    expect(readStrings(props, "pending")).toEqual({ values: [], unknown: true });
    expect(readStrings(props, "count")).toEqual({ values: [], unknown: false });
  });

  it("tell presence apart from value", () => {
    expect(isSet(props, "pending")).toBe(true);
    expect(isSet(props, "nothing")).toBe(false);
    expect(isSet(props, "enabled")).toBe(true);
    expect(hasKey(props, [], "nothing")).toBe(true);
    expect(hasKey(props, "pending", "x")).toBe(false);
    expect(hasKey(props, [], "toString")).toBe(false);
  });

  it("fall back only for absent or unknown values", () => {
    expect(knownOr(UNKNOWN, 1)).toBe(1);
    expect(knownOr(undefined, 1)).toBe(1);
    expect(knownOr(0, 1)).toBe(0);
  });
});

/** The message of the failure `attempt` throws, which must be one the framework reports as `[undecided]`. */
function undecidedMessage(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    if (isUnknownValueFailure(error)) {
      return error.message;
    }
    throw error;
  }
  throw new Error("expected an undecided failure, the read returned");
}

describe("need", () => {
  it("returns known values and throws Undecided with the path for unknown ones", () => {
    expect(need.string(props, "name")).toBe("app");
    expect(need.number(props, "missing")).toBeUndefined();
    expect(need.boolean(props, "enabled")).toBe(false);
    expect(need.object(props, "nested")).toEqual(expect.any(Object));
    expect(need.array(props, "list")).toHaveLength(3);
    expect(undecidedMessage(() => need.string(props, ["nested", "deep", "value"]))).toBe("nested.deep.value is unknown during preview");
  });

  it("formats paths for messages", () => {
    expect(undecidedMessage(() => need.string(props, ["list", 1]))).toBe("list.1 is unknown during preview");
    expect(undecidedMessage(() => need.string(props, "nested.deep.value"))).toBe("nested.deep.value is unknown during preview");
  });
});
