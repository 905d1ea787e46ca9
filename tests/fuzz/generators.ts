/**
 * Inputs for one policy: a resource of a type it inspects, or a small stack, built from realistic
 * seeds (the recorded reference stack and the hand-written groups) or from random shapes, then
 * edited at random paths; plus the policy's config, drawn from its own config schema.
 */
import fc from "fast-check";
import type { CompliancePolicy } from "../../policies/lib/policy";
import { WAIVER_TAG_PREFIX } from "../../policies/lib/waivers";
import { unknown, urnOf } from "../policy/harness";
import type { ResourceInput, StackMember } from "./engine";
import type { Recorded } from "./record";
import {
  applyEdits,
  editArbitrary,
  hugeArbitrary,
  objectOf,
  secretOf,
  valueArbitraries,
  withTag,
  type Edit,
  type ValueArbitraries,
  type Vocabulary,
  type Wire,
  type WireObject,
} from "./values";

export interface Corpus {
  /** Groups of resources that reference one another: recorded stacks and hand-written ones. */
  readonly groups: readonly (readonly Recorded[])[];
  readonly vocabulary: Vocabulary;
}

export interface PolicyInput<T> {
  readonly config: WireObject;
  readonly subject: T;
}

// One input in this many carries a very large array; more would cost time without finding more.
const HUGE_ONE_IN = 150;

function waiverValues(policy: CompliancePolicy): fc.Arbitrary<Wire> {
  return fc.constantFrom<Wire>(
    "fuzz; until=2999-12-31",
    "fuzz; until=2000-01-01",
    "no date",
    "; until=2999-12-31",
    "fuzz; until=2026-02-30",
    unknown,
    secretOf("fuzz; until=2999-12-31"),
    42,
    null,
    `${policy.name}; until=2999-12-31`,
  );
}

interface Schema {
  readonly type?: unknown;
  readonly enum?: readonly Wire[];
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly minLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
}

const DATES = ["2000-01-01", "2999-12-31", "2026-02-30", "2026-11-24", "1999-13-01"];

function fromSchema(schema: Schema, strings: readonly string[]): fc.Arbitrary<Wire> {
  if (schema.enum && schema.enum.length > 0) {
    return fc.constantFrom(...schema.enum);
  }
  switch (schema.type) {
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000 });
    case "number":
      return fc.double({ min: schema.minimum, max: schema.maximum, noNaN: true, noDefaultInfinity: true });
    case "array":
      return fc.array(fromSchema(schema.items ?? {}, strings), { maxLength: 4 });
    case "object": {
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties ?? {});
      return fc
        .tuple(
          ...entries.map(([key, inner]) =>
            required.has(key) ? fromSchema(inner, strings) : fc.option(fromSchema(inner, strings), { nil: undefined }),
          ),
        )
        .map((values) => objectOf(entries.flatMap(([key], index) => (values[index] === undefined ? [] : [[key, values[index]] as const]))));
    }
    case "string": {
      // The engine validates config against the schema, so only conforming strings are realistic.
      const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern);
      const fits = (value: string) => value.length >= (schema.minLength ?? 0) && (pattern === undefined || pattern.test(value));
      const pool = [...DATES, ...strings].filter(fits);
      return pool.length > 0 ? fc.constantFrom(...pool) : fc.constant(null);
    }
    default:
      return fc.constant(null);
  }
}

/** The policy's config: each key of its schema (waivers included) left to the default or drawn from the schema. */
export function configArbitrary(policy: CompliancePolicy, names: readonly string[], vocabulary: Vocabulary): fc.Arbitrary<WireObject> {
  const properties = (policy.configSchema?.properties ?? {}) as Readonly<Record<string, Schema>>;
  const strings = [...names, ...vocabulary.strings.slice(0, 200)];
  const withSome = fromSchema({ type: "object", properties }, strings) as fc.Arbitrary<WireObject>;
  return fc.oneof({ weight: 5, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: withSome });
}

function namesOf(corpus: Corpus): string[] {
  return [...new Set(corpus.groups.flatMap((members) => members.map((member) => member.name))), "fuzz"];
}

const regionArbitrary = (values: ValueArbitraries) =>
  fc.option(
    fc.oneof(
      fc.record({ region: fc.oneof(fc.constantFrom<Wire>("us-east-1", "eu-west-1", unknown, null, 7), values.leaf) }),
      values.object,
    ),
    { nil: undefined },
  );

/** Resources of the types `policy` inspects; a type without a seed gets random shapes and other types' seeds. */
export function resourceArbitrary(
  policy: CompliancePolicy,
  types: readonly string[],
  corpus: Corpus,
): fc.Arbitrary<PolicyInput<ResourceInput>> {
  const waiverKey = WAIVER_TAG_PREFIX + policy.name;
  const values = valueArbitraries(corpus.vocabulary, [waiverKey]);
  const members = corpus.groups.flat();
  const seedsOf = new Map<string, Recorded[]>();
  for (const member of members) {
    seedsOf.set(member.type, [...(seedsOf.get(member.type) ?? []), member]);
  }
  const names = namesOf(corpus);
  // Mostly seeds of the same type, some of another type (odd fields where known ones belong) or random shapes.
  const base = fc.oneof(
    { weight: 4, arbitrary: fc.record({ from: fc.constant("same-type" as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ from: fc.constant("any-type" as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: values.object.map((props) => ({ from: "random" as const, props })) },
  );
  return fc
    .record({
      type: fc.constantFrom(...types),
      base,
      name: fc.oneof(fc.constantFrom(...names), values.string),
      edits: fc.array(editArbitrary(values), { maxLength: 6 }),
      huge: hugeArbitrary(HUGE_ONE_IN),
      waiver: fc.option(waiverValues(policy), { freq: 6, nil: undefined }),
      provider: regionArbitrary(values),
      config: configArbitrary(policy, names, corpus.vocabulary),
    })
    .map(({ type, base, name, edits, huge, waiver, provider, config }) => {
      const pool = (base.from === "same-type" ? seedsOf.get(type) : undefined) ?? members;
      const seed = base.from === "random" ? base.props : pool[base.pick % pool.length].props;
      const edited = applyEdits(seed, [...edits, huge]);
      const props = waiver === undefined ? edited : withTag(edited, waiverKey, waiver);
      return { config, subject: { type, name, props, provider } };
    });
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function unique(members: readonly Recorded[]): Recorded[] {
  const seen = new Set<string>();
  return members.map((member, index) => {
    const key = `${member.type}::${member.name}`;
    const name = seen.has(key) ? `${member.name}-${index}` : member.name;
    seen.add(`${member.type}::${name}`);
    return { ...member, name };
  });
}

/**
 * Small stacks: some members of one group (their recorded dependencies kept; those on members left
 * out dangle, as in a program whose resource moved to another stack), a few members of other
 * groups or of random shape, then edits to props and to dependencies.
 */
export function stackArbitrary(policy: CompliancePolicy, corpus: Corpus): fc.Arbitrary<PolicyInput<StackMember[]>> {
  const waiverKey = WAIVER_TAG_PREFIX + policy.name;
  const values = valueArbitraries(corpus.vocabulary, [waiverKey]);
  const { groups } = corpus;
  const types = [...new Set(groups.flat().map((member) => member.type))];
  const memberEdit = fc.tuple(fc.nat(), editArbitrary(values));
  return fc
    .record({
      group: fc.nat({ max: groups.length - 1 }),
      keep: fc.array(fc.nat(), { maxLength: 7 }),
      borrowed: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
      random: fc.array(fc.tuple(fc.constantFrom(...types), values.object), { maxLength: 1 }),
      edits: fc.array(memberEdit, { maxLength: 8 }),
      huge: fc.tuple(fc.nat(), hugeArbitrary(HUGE_ONE_IN)),
      dependencies: fc.array(fc.record({ member: fc.nat(), input: values.key, target: fc.nat(), dangling: fc.boolean() }), {
        maxLength: 3,
      }),
      waivers: fc.array(fc.tuple(fc.nat(), waiverValues(policy)), { maxLength: 2 }),
      config: configArbitrary(policy, namesOf(corpus), corpus.vocabulary),
    })
    .map(({ group, keep, borrowed, random, edits, huge, dependencies, waivers, config }) => {
      const home = groups[group];
      const kept = [...new Set(keep.map((index) => index % home.length))].sort((a, b) => a - b);
      const urnOfMember = (index: number) => urnOf(home[index].type, home[index].name);
      const fromHome: Recorded[] = kept.map((index) => home[index]);
      const others: Recorded[] = borrowed.map(([g, m]) => {
        const from = groups[g % groups.length];
        return { ...from[m % from.length], dependencies: {} };
      });
      const shapes: Recorded[] = random.map(([type, props], index) => ({ type, name: `random-${index}`, props, dependencies: {} }));
      const recorded = unique([...fromHome, ...others, ...shapes]);
      const members: Mutable<StackMember>[] = recorded.map((member, index) => ({
        type: member.type,
        name: member.name,
        props: member.props,
        // Home members keep their recorded dependencies; the URNs of members not kept dangle.
        dependencies: Object.fromEntries(
          Object.entries(index < fromHome.length ? member.dependencies : {}).map(([input, targets]) => [input, targets.map(urnOfMember)]),
        ),
      }));
      if (members.length === 0) {
        return { config, subject: members };
      }
      const at = (index: number) => members[index % members.length];
      const hugeEdits: [number, Edit][] = huge[1] ? [[huge[0], huge[1]]] : [];
      for (const [index, edit] of [...edits, ...hugeEdits]) {
        at(index).props = applyEdits(at(index).props, [edit]);
      }
      for (const { member, input, target, dangling } of dependencies) {
        const to = dangling ? urnOf("aws:s3/bucket:Bucket", `gone-${target}`) : urnOf(at(target).type, at(target).name);
        const from = at(member);
        const existing = Object.prototype.hasOwnProperty.call(from.dependencies, input) ? from.dependencies[input] : [];
        from.dependencies = { ...from.dependencies, [input]: [...existing, to] };
      }
      for (const [index, value] of waivers) {
        at(index).props = withTag(at(index).props, waiverKey, value);
      }
      return { config, subject: members };
    });
}
