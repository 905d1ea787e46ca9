// Runs every post-deploy check against a deployed stack. Readiness is decided synchronously at load so
// that, without credentials or outputs, jest reports these tests as skipped rather than passed.
import { allChecks } from "../../verify/checks";
import { createClients } from "../../verify/clients";
import { loadOutputs } from "../../verify/outputs";
import { liveReadiness } from "../../verify/readiness";
import { runChecks } from "../../verify/run";
import type { CheckResult } from "../../verify/types";

const { ready, reason } = liveReadiness(process.env);
if (!ready) process.stderr.write(`${reason}\n`);
const describeLive = ready ? describe : describe.skip;

describeLive(`deployed stack ${process.env.PIPELINE_STACK ?? process.env.PIPELINE_OUTPUTS_FILE ?? ""}`, () => {
  const results = new Map<string, CheckResult>();

  beforeAll(async () => {
    const outputs = loadOutputs({ env: process.env, stack: process.env.PIPELINE_STACK });
    for (const result of await runChecks(allChecks, { outputs, clients: createClients(outputs.region) })) {
      results.set(result.id, result);
    }
  }, 120_000);

  it.each(allChecks.map((c) => [c.id, c.title]))("%s: %s", (id) => {
    const result = results.get(id);
    // Matching on the whole result puts the check's detail in the failure message.
    expect(result).toEqual(expect.objectContaining({ status: expect.stringMatching(/^(pass|info)$/) }));
  });
});
