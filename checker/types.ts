// Shapes shared by the stages: the recording (record -> analyze) and the report (analyze -> report).

/** Engine-marshalled property values: plain JSON plus the secret and unknown sentinels. */
export type PropertyMap = Record<string, unknown>;

export interface SourceLocation {
  /** Absolute path of the file that declared the resource. */
  file: string;
  line: number;
}

export interface RecordedOptions {
  protect: boolean;
  ignoreChanges: string[];
  aliases: string[];
  additionalSecretOutputs: string[];
  deleteBeforeReplace?: boolean;
  customTimeouts: { createSeconds: number; updateSeconds: number; deleteSeconds: number };
}

export interface RecordedResource {
  urn: string;
  type: string;
  name: string;
  custom: boolean;
  /** A component its provider plugin builds (awsx): offline it has no children. Programs only. */
  remote?: boolean;
  parent: string;
  /** Provider URN (the engine's reference without the id), empty for components and the stack. */
  provider: string;
  /** Inputs as the engine hands them to Analyze (before remediation). */
  inputs: PropertyMap;
  /** Properties AnalyzeStack sees; offline these are the inputs (components: registered outputs). */
  outputs: PropertyMap;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  options: RecordedOptions;
  location?: SourceLocation;
}

export interface RecordedInvoke {
  token: string;
  /** False when the provider model could not compute the function, so the program saw its result unknown. */
  answered: boolean;
}

export interface Recording {
  project: string;
  stack: string;
  /** Entry file of the program, the fallback location of findings. */
  entry: string;
  resources: RecordedResource[];
  invokes: RecordedInvoke[];
  /**
   * Read from a `pulumi stack export` (--state): judged as `pulumi policy analyze --file` does, so
   * remediations are reported but not applied and AnalyzeStack sees every resource's outputs.
   */
  snapshot?: boolean;
  /**
   * The second look's run: custom resources' outputs are the model's created outputs, and AnalyzeStack
   * sees them under the final inputs, as in a preview of the deployed stack.
   */
  deployed?: boolean;
  /** What the user should know about how this recording was judged (stderr, one `warning:` line each). */
  warnings?: string[];
}

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical" | "";

export interface Finding {
  policy: string;
  enforcementLevel: EnforcementLevel;
  severity: Severity;
  resourceType: string;
  resourceName: string;
  urn: string;
  message: string;
  /**
   * Decided only by the second look (a run with the outputs a deployed stack would have): not a
   * finding the engine's first preview reports. Absent on every first-look finding.
   */
  secondLook?: true;
  /**
   * Found by the checker's config check (checker/configCheck.ts), not by the pack: a mistake in the
   * policy-pack config that no policy can see. Absent on every finding the pack reports.
   */
  configCheck?: true;
  /** Where the finding points when that is not where its resource is declared (a config check's: the config file). */
  location?: SourceLocation;
}

export interface Remediated {
  policy: string;
  resourceType: string;
  resourceName: string;
  urn: string;
  changes: PropertyChange[];
}

export interface PropertyChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** A function the program called that the provider model could not answer: its result was unknown. */
export interface UnansweredFunction {
  token: string;
  calls: number;
}

export interface CheckReport {
  resources: number;
  violations: Finding[];
  waived: Finding[];
  undecided: Finding[];
  remediated: Remediated[];
  /** Sorted by token. A finding (or its absence) that depends on one of these may be `[undecided]`. */
  unansweredFunctions: UnansweredFunction[];
}

/** A report's size and findings in numbers: violations split by level, as the summaries show them. */
export interface FindingCounts {
  resources: number;
  mandatory: number;
  advisory: number;
  waived: number;
  undecided: number;
  remediated: number;
}

export interface PolicyRule {
  name: string;
  description: string;
  severity: Severity;
  tags: string[];
  remediationSteps: string;
  url: string;
}

export interface PackInfo {
  name: string;
  version: string;
  policies: PolicyRule[];
}

export interface Timings {
  record: number;
  serve: number;
  analyze: number;
}

/** A phase of a check that finished: the CLI prints one line for each on a stderr that is not a terminal. */
export type PhaseEvent =
  | { phase: "record"; resources: number; ms: number; /** Read from a stack export, not run. */ state: boolean }
  | { phase: "pack"; name: string; version: string; policies: number; ms: number }
  | { phase: "analyze"; report: CheckReport; ms: number }
  | { phase: "second look"; undecided: number; /** Absent when the second look could not run. */ decided?: number; ms: number };
