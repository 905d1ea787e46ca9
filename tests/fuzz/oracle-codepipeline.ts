/** Oracle cases for the two pipeline-only core policies: artifact store regions and GitHub version 1 sources. */
import fc from "fast-check";
import { unknown } from "../policy/harness";
import type { ResourceInput } from "./engine";
import {
  action,
  combined,
  neutralAction,
  pipelineNoise,
  PIPELINE,
  store,
  storeNoise,
  withNoise,
  type Mut,
  type OracleInput,
  type Verdict,
} from "./oracle-parts";
import { secretOf, type Wire } from "./values";

// ---------------------------------------------------------------------------------------------
// codepipeline-artifact-store-region
// ---------------------------------------------------------------------------------------------

const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "eu-central-1"];
/** A region no generated store uses. */
const ELSEWHERE = "sa-east-1";

type SingleMutation = "none" | "region" | "container-unknown" | "store-unknown";
type CrossMutation =
  | "none"
  | "drop-region"
  | "duplicate-region"
  | "own-region-elsewhere"
  | "own-region-unknown"
  | "own-store-region-unknown"
  | "other-store-region-unknown";

const SINGLE_VERDICTS: Readonly<Record<SingleMutation, Verdict>> = {
  none: "silent",
  region: "fires",
  "container-unknown": "undecided",
  "store-unknown": "undecided",
};

const CROSS_VERDICTS: Readonly<Record<CrossMutation, Verdict>> = {
  none: "silent",
  "drop-region": "fires",
  "duplicate-region": "fires",
  "own-region-elsewhere": "fires",
  "own-region-unknown": "undecided",
  "own-store-region-unknown": "undecided",
  // The pipeline's own region is among the known ones, so another store's unknown region cannot matter.
  "other-store-region-unknown": "silent",
};

/** Pipelines with one artifact store or several across regions. */
export function artifactStoreRegionCases(): fc.Arbitrary<OracleInput<ResourceInput>> {
  const single = fc
    .record({
      store: storeNoise,
      mutation: fc.constantFrom<SingleMutation>("none", "region", "container-unknown", "store-unknown"),
      region: fc.constantFrom<Wire>(...REGIONS, unknown),
      // Where the pipeline's region comes from does not matter with one store.
      ownRegion: fc.option(fc.constantFrom<Wire>(...REGIONS, unknown), { nil: undefined }),
      providerRegion: fc.option(fc.constantFrom<Wire>(...REGIONS), { nil: undefined }),
      configRegion: fc.option(fc.constantFrom(...REGIONS, ""), { nil: undefined }),
      pipeline: pipelineNoise,
      stages: fc.array(neutralAction, { maxLength: 3 }),
    })
    .map(({ store: noise, mutation: applied, region, ownRegion, providerRegion, configRegion, pipeline, stages }) => {
      const one = store(noise, applied === "region" ? region : undefined);
      const props = withNoise({ name: "oracle-pipeline", stages: [{ name: "Source", actions: stages }] }, pipeline);
      props.artifactStores = applied === "container-unknown" ? unknown : [applied === "store-unknown" ? unknown : one];
      if (ownRegion !== undefined) {
        props.region = ownRegion;
      }
      const config: Mut = configRegion === undefined ? {} : { pipelineRegion: configRegion };
      const provider = providerRegion === undefined ? undefined : { region: providerRegion };
      const input: ResourceInput = { type: PIPELINE, name: "pipeline", props, provider };
      return { config, subject: { input, expected: SINGLE_VERDICTS[applied], story: ["one store", `mutation ${applied}`] } };
    });
  const cross = fc
    .record({
      regions: fc.shuffledSubarray(REGIONS, { minLength: 2, maxLength: 3 }),
      stores: fc.array(storeNoise, { minLength: 3, maxLength: 3 }),
      own: fc.nat(),
      source: fc.constantFrom("props", "provider", "config"),
      mutation: fc.constantFrom<CrossMutation>(
        "none",
        "drop-region",
        "duplicate-region",
        "own-region-elsewhere",
        "own-region-unknown",
        "own-store-region-unknown",
        "other-store-region-unknown",
      ),
      at: fc.nat(),
      // Noise in the places the region is not read from: a region set on the pipeline wins.
      providerNoise: fc.option(fc.constantFrom<Wire>(...REGIONS, unknown), { nil: undefined }),
      configNoise: fc.option(fc.constantFrom(...REGIONS, ""), { nil: undefined }),
      pipeline: pipelineNoise,
      stages: fc.array(neutralAction, { maxLength: 3 }),
    })
    .map(({ regions, stores: noise, own, source, mutation, at, providerNoise, configNoise, pipeline, stages }) => {
      const ownIndex = own % regions.length;
      const ownRegion = regions[ownIndex];
      const stores = regions.map((region, index) => store(noise[index], region));
      const other = (ownIndex + 1 + (at % (regions.length - 1))) % regions.length;
      const index = at % regions.length;
      let pipelineRegion: string = ownRegion;
      switch (mutation) {
        case "drop-region":
          delete stores[index].region;
          break;
        case "duplicate-region":
          stores[index].region = regions[(index + 1) % regions.length];
          break;
        case "own-region-elsewhere":
          pipelineRegion = ELSEWHERE;
          break;
        case "own-store-region-unknown":
          stores[ownIndex].region = unknown;
          break;
        case "other-store-region-unknown":
          stores[other].region = unknown;
          break;
      }
      const props = withNoise({ name: "oracle-pipeline", artifactStores: stores, stages: [{ name: "Source", actions: stages }] }, pipeline);
      let config: Mut = {};
      let provider: Mut | undefined;
      if (source === "props") {
        props.region = pipelineRegion;
        provider = providerNoise === undefined ? undefined : { region: providerNoise };
        config = configNoise === undefined ? {} : { pipelineRegion: configNoise };
      } else if (source === "provider") {
        provider = { region: pipelineRegion };
        config = configNoise === undefined ? {} : { pipelineRegion: configNoise };
      } else {
        config = { pipelineRegion };
      }
      if (mutation === "own-region-unknown") {
        props.region = unknown;
      }
      const input: ResourceInput = { type: PIPELINE, name: "pipeline", props, provider };
      const story = [
        `${regions.length} stores in ${regions.join(", ")}, pipeline region ${ownRegion} from ${source}`,
        `mutation ${mutation} at ${index}`,
      ];
      return { config, subject: { input, expected: CROSS_VERDICTS[mutation], story } };
    });
  return fc.oneof(single, cross);
}

// ---------------------------------------------------------------------------------------------
// codepipeline-no-github-v1-source
// ---------------------------------------------------------------------------------------------

type ActionMutation =
  "github-v1" | "github-v1-token" | "token" | "owner-unknown" | "provider-unknown" | "configuration-unknown" | "action-unknown";

const ACTION_VERDICTS: Readonly<Record<ActionMutation, Verdict>> = {
  "github-v1": "fires",
  "github-v1-token": "fires",
  // The key's presence is the finding, whatever its value.
  token: "fires",
  "owner-unknown": "undecided",
  "provider-unknown": "undecided",
  "configuration-unknown": "undecided",
  "action-unknown": "undecided",
};

const tokenValue = fc.constantFrom<Wire>("ghp_plain", secretOf("ghp_secret"), unknown, null, "");

function mutateAction(actions: Wire[], index: number, mutation: ActionMutation, token: Wire): void {
  const target = actions[index] as Mut;
  switch (mutation) {
    case "github-v1":
      actions[index] = action("Source", "ThirdParty", "GitHub", { Owner: "acme", Repo: "app", Branch: "main" }, String(target.name));
      break;
    case "github-v1-token":
      actions[index] = action(
        "Source",
        "ThirdParty",
        "GitHub",
        { Owner: "acme", Repo: "app", Branch: "main", OAuthToken: token },
        String(target.name),
      );
      break;
    case "token":
      target.configuration = { ...((target.configuration as Mut | undefined) ?? {}), OAuthToken: token };
      break;
    case "owner-unknown":
      target.owner = unknown;
      break;
    case "provider-unknown":
      target.provider = unknown;
      break;
    case "configuration-unknown":
      target.configuration = unknown;
      break;
    case "action-unknown":
      actions[index] = unknown;
      break;
  }
}

/** Pipelines of neutral actions; some actions turned into GitHub version 1 or made unknown, or whole lists unknown. */
export function noGitHubV1SourceCases(): fc.Arbitrary<OracleInput<ResourceInput>> {
  const actionMutation = fc.constantFrom<ActionMutation>(
    "github-v1",
    "github-v1-token",
    "token",
    "owner-unknown",
    "provider-unknown",
    "configuration-unknown",
    "action-unknown",
  );
  return fc
    .record({
      stages: fc.array(fc.array(neutralAction, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      mode: fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .array(fc.tuple(fc.nat(), actionMutation, tokenValue), { maxLength: 3 })
            .map((mutations) => ({ kind: "actions" as const, mutations })),
        },
        { weight: 1, arbitrary: fc.nat().map((stage) => ({ kind: "stage-actions-unknown" as const, stage })) },
        { weight: 1, arbitrary: fc.constant({ kind: "stages-unknown" as const }) },
      ),
      pipeline: pipelineNoise,
      store: storeNoise,
    })
    .map(({ stages, mode, pipeline, store: noise }) => {
      const lists: Wire[][] = stages.map((actions) => [...actions]);
      const story: string[] = [`${lists.map((actions) => actions.length).join("+")} neutral actions`];
      const verdicts: Verdict[] = [];
      let stagesValue: Wire = lists.map((actions, s) => ({ name: `Stage${s}`, actions }));
      if (mode.kind === "stages-unknown") {
        stagesValue = unknown;
        verdicts.push("undecided");
        story.push("stages unknown");
      } else if (mode.kind === "stage-actions-unknown") {
        const s = mode.stage % lists.length;
        (stagesValue as Mut[])[s].actions = unknown;
        verdicts.push("undecided");
        story.push(`stage ${s} actions unknown`);
      } else {
        const positions = lists.flatMap((actions, s) => actions.map((_, a) => [s, a] as const));
        const used = new Set<number>();
        for (const [pick, mutation, token] of mode.mutations) {
          const position = pick % positions.length;
          // One mutation per action: a second on the same action could undo the first.
          if (!used.has(position)) {
            used.add(position);
            const [s, a] = positions[position];
            mutateAction(lists[s], a, mutation, token);
            verdicts.push(ACTION_VERDICTS[mutation]);
            story.push(`stage ${s} action ${a}: ${mutation}`);
          }
        }
      }
      const props = withNoise({ name: "oracle-pipeline", artifactStores: [store(noise)], stages: stagesValue }, pipeline);
      const input: ResourceInput = { type: PIPELINE, name: "pipeline", props };
      return { config: {}, subject: { input, expected: combined(verdicts), story } };
    });
}
