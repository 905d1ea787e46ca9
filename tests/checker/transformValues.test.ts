// The wire-value conversions around a transform (checker/record/transformValues.ts), and the arrival
// order that keeps the recording in registration order while transforms finish in any order.
import { ArrivalOrder } from "../../checker/record/arrival";
import { OUTPUT_SIG, RESOURCE_SIG, SIG_KEY, UNKNOWN } from "../../checker/record/properties";
import { invokeTransformArgs, outputDependencies, registeredProperties, transformProperties } from "../../checker/record/transformValues";
import { output, secret } from "./transformsMonitor";

describe("property values around a transform", () => {
  it("keeps a property that already carries its dependencies, and merges them into one that does not", () => {
    const deps = new Map([
      ["carried", ["u1"]],
      ["partial", ["u1", "u2"]],
      ["none", []],
    ]);
    const props = transformProperties(
      {
        carried: { [SIG_KEY]: OUTPUT_SIG, value: 1, dependencies: ["u1"] },
        partial: { [SIG_KEY]: OUTPUT_SIG, value: 2, dependencies: ["u1"] },
        none: "n",
        absent: "a",
      },
      deps,
    );
    expect(props).toEqual({
      carried: output({ value: 1, dependencies: ["u1"] }),
      partial: output({ value: 2, dependencies: ["u1", "u2"] }),
      none: "n",
      absent: "a",
    });
  });

  it("upgrades nested secrets and every typed unknown, and leaves assets and component references alone", () => {
    const asset = { [SIG_KEY]: "c44067f5952c0a294b673a41bacd8c17", text: "hi" };
    const component = { [SIG_KEY]: RESOURCE_SIG, urn: "urn:c", packageVersion: "1.0.0" };
    expect(
      transformProperties({
        list: [secret({ inner: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7" })],
        obj: { n: null, asset, component, known: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: "id-1" } },
      }),
    ).toEqual({
      list: [output({ secret: true, value: { inner: output({}) } })],
      obj: { n: null, asset, component, known: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: "id-1" } },
    });
  });

  it("collects dependencies from outputs, references, secrets and containers", () => {
    expect([
      ...outputDependencies([
        output({ value: output({ dependencies: ["a"] }), dependencies: ["b", 3] }),
        { [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: output({ dependencies: ["c"] }) },
        secret({ x: output({ dependencies: ["d"] }) }),
        { [SIG_KEY]: "c44067f5952c0a294b673a41bacd8c17", path: "p" },
      ]),
    ]).toEqual(["a", "b", "c", "d"]);
  });

  it("downgrades what a transform returned to the form the SDK sends", () => {
    expect(
      registeredProperties({
        known: output({ value: [output({ value: "x", secret: true })], dependencies: ["a"] }),
        unknownSecret: output({ secret: true }),
        nested: secret({ pending: output({}) }),
        refs: [
          { [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: "" },
          { [SIG_KEY]: RESOURCE_SIG, urn: "urn:y", id: output({ value: "id-y" }) },
          { [SIG_KEY]: RESOURCE_SIG, urn: "urn:c" },
        ],
      }),
    ).toEqual({
      known: [secret("x")],
      unknownSecret: secret(UNKNOWN),
      nested: secret({ pending: UNKNOWN }),
      refs: [
        { [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: UNKNOWN },
        { [SIG_KEY]: RESOURCE_SIG, urn: "urn:y", id: "id-y" },
        { [SIG_KEY]: RESOURCE_SIG, urn: "urn:c" },
      ],
    });
  });

  it("sends invoke arguments as they are but for unknown resource ids", () => {
    const asset = { [SIG_KEY]: "c44067f5952c0a294b673a41bacd8c17", text: "hi" };
    expect(
      invokeTransformArgs({
        s: secret([{ [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: UNKNOWN }]),
        u: UNKNOWN,
        o: { asset, c: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:c" } },
      }),
    ).toEqual({
      s: secret([{ [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: "" }]),
      u: UNKNOWN,
      o: { asset, c: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:c" } },
    });
  });
});

describe("ArrivalOrder", () => {
  it("runs updates in ticket order and later ones once earlier ones ran", () => {
    const order = new ArrivalOrder();
    const ran: string[] = [];
    const first = order.ticket();
    const second = order.ticket();
    order.then(() => ran.push("after both"));
    order.complete(second, () => ran.push("second"));
    expect(ran).toEqual([]);
    expect(order.idle).toBe(false);
    order.complete(first, () => ran.push("first"));
    expect(ran).toEqual(["first", "second", "after both"]);
    expect(order.idle).toBe(true);
    order.then(() => ran.push("now"));
    expect(ran.at(-1)).toBe("now");
  });
});
