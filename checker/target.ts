// What a check judges: a program, run under mocks (twice for the second look), or a stack export.
import * as fs from "fs";
import * as path from "path";
import type { CheckOptions } from "./index";
import { resolveProgram } from "./record/program";
import { KIT_ROOT, recordProgram } from "./record/run";
import { stackConfig, type StackConfig } from "./record/stackConfig";
import { readStateExport } from "./record/stateExport";
import { environmentTags, parseStackTagFlags } from "./stackTags";
import type { Recording } from "./types";

/** The program a check runs when none is given: the one here if this is a Pulumi project, else the kit's. */
export function defaultProgramDir(): string {
  return fs.existsSync(path.resolve("Pulumi.yaml")) ? process.cwd() : KIT_ROOT;
}

/** The target of one check, and how to record it. */
export interface Target {
  /** `secondLook`: run as a preview of the deployed stack sees it (programs only). */
  recording: (signal: AbortSignal, secondLook?: boolean) => Promise<Recording>;
  /** A program can be run again for the second look; a stack export cannot. */
  program: boolean;
  project: string;
  stack: string;
  config: StackConfig;
  tags: Record<string, string>;
  /** A stack export without resources: like `pulumi policy analyze`, nothing is analyzed. */
  empty?: Recording;
}

/** The target `options` name; `onDeadline` is called the moment the program's run passes its deadline. */
export function target(options: CheckOptions, stack: string, organization: string, onDeadline: () => void): Target {
  const userTags = parseStackTagFlags(options.stackTags ?? []);
  const recording = options.exported ?? (options.state ? readStateExport(options.state) : undefined);
  if (recording) {
    return {
      recording: async () => recording,
      program: false,
      project: recording.project,
      stack: recording.stack || stack,
      config: { values: {}, secretKeys: [] },
      tags: userTags,
      empty: recording.resources.length === 0 ? recording : undefined,
    };
  }
  const program = resolveProgram(options.program, defaultProgramDir());
  const config = stackConfig(program.projectDir, stack, program.project, options.config ?? []);
  return {
    project: program.project,
    stack,
    config,
    program: true,
    tags: { ...environmentTags(program.projectDir, program.project, config.values), ...userTags },
    recording: (signal, secondLook) =>
      recordProgram({
        target: program,
        stack,
        organization,
        config,
        signal,
        secondLook,
        timeoutMs: (options.timeoutSeconds ?? 300) * 1000,
        onProgress: (n) => options.onStatus?.(`recorded ${n} resources ...`),
        onStatus: options.onStatus,
        onOutput: options.onProgramOutput,
        onDeadline,
      }),
  };
}
