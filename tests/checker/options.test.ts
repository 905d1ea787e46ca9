import { columns, optionLines, parseOptions, type OptionSpecs } from "../../checker/options";
import { CheckError } from "../../checker/errors";

const SPECS = {
  name: { type: "string", valueName: "NAME", default: "anon", description: "who" },
  tag: {
    type: "string",
    valueName: "T",
    multiple: true,
    description: "a tag",
    check: (value: string, flag: string) => {
      if (value === "bad") {
        throw new CheckError(`${flag} ${value}: not a tag`);
      }
    },
  },
  loud: { type: "boolean", short: "l", description: "louder" },
} as const satisfies OptionSpecs;

describe("declared options", () => {
  it("parses values, repeats, aliases, defaults and positionals", () => {
    expect(parseOptions(["p", "--tag", "a", "--tag=b", "-l", "q"], SPECS, "--help")).toEqual({
      values: { name: "anon", tag: ["a", "b"], loud: true },
      positionals: ["p", "q"],
    });
    expect(parseOptions(["--name", "x", "--name", "y"], SPECS, "--help").values.name).toBe("y");
  });

  it("takes the next argument as a string option's value even when it starts with a dash", () => {
    expect(parseOptions(["--name", "--loud"], SPECS, "--help").values).toEqual({ name: "--loud" });
  });

  it("reads what follows -- as positionals", () => {
    expect(parseOptions(["--", "--loud", "-l"], SPECS, "--help")).toEqual({ values: { name: "anon" }, positionals: ["--loud", "-l"] });
  });

  it.each([
    [["--nope"], "unknown option --nope (see cmd --help)"],
    [["--nope=1"], "unknown option --nope=1 (see cmd --help)"],
    [["-x"], "unknown option -x (see cmd --help)"],
    [["--loud=yes"], "option --loud takes no value (see cmd --help)"],
    [["--name"], "option --name needs a value (see cmd --help)"],
    [["--name="], "option --name needs a value (see cmd --help)"],
    [["--tag", "ok", "--tag", "bad"], "--tag bad: not a tag"],
  ])("rejects %j with one line naming the flag", (argv, message) => {
    expect(() => parseOptions(argv, SPECS, "cmd --help")).toThrow(new CheckError(message));
  });

  it("lists each flag with its value name, alias and default, descriptions in one column", () => {
    expect(optionLines(SPECS)).toBe(["  --name NAME  who (default: anon)", "  --tag T      a tag", "  --loud, -l   louder", ""].join("\n"));
  });

  it("wraps a long text under its own column", () => {
    const text = Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ");
    const lines = columns([["term", text]])
      .trimEnd()
      .split("\n");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.length <= 104)).toBe(true);
    expect(lines[0].startsWith("  term  word0 ")).toBe(true);
    expect(lines.slice(1).every((line) => /^ {8}\S/.test(line))).toBe(true);
    expect(lines.map((line) => line.slice(8)).join(" ")).toBe(text);
  });

  it("gives a word longer than the column a line of its own", () => {
    const long = "x".repeat(120);
    expect(columns([["t", `a ${long} b`]]).split("\n")).toEqual(["  t  a", `     ${long}`, "     b", ""]);
  });
});
