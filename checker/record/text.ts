// Files the user names (--state, --policy-pack-config) are read as strict UTF-8: a binary file or a
// wrong encoding is reported as such, instead of as replacement characters inside a JSON error.
import * as yaml from "js-yaml";
import { CheckError, readUserFile } from "../errors";

const decoder = new TextDecoder("utf-8", { fatal: true });

export function readUtf8(file: string, flag: string): string {
  const bytes = readUserFile(file, flag);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CheckError(`${flag} ${file}: not UTF-8 text (a binary file or another encoding)`);
  }
}

/** A project or stack file (Pulumi.yaml, Pulumi.<stack>.yaml) as the YAML document it holds. */
export function readYaml(file: string): unknown {
  const text = readUserFile(file).toString("utf8");
  try {
    return yaml.load(text);
  } catch (e) {
    throw new CheckError(`${file}: not valid YAML (${(e as Error).message.split("\n")[0]})`);
  }
}

/** A parser's message without control characters, so the error stays one printable line. */
export function printable(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
}
