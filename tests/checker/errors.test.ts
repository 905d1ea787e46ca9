// The one mapping from a file read's errno to what the user reads.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CheckError, fileErrorCode, fileProblem, readUserFile } from "../../checker/errors";

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: x, open '/f'`), { code, path: "/f" });

describe("a file that cannot be read", () => {
  it.each([
    ["EACCES", "permission denied"],
    ["EPERM", "permission denied"],
    ["ENOENT", "no such file"],
    ["EISDIR", "a directory, not a file"],
    ["ENOTDIR", "no such file (a folder on its path is a file)"],
    ["ELOOP", "too many symbolic links"],
    ["ENAMETOOLONG", "the name is too long"],
    ["EIO", "cannot read the file (EIO)"],
  ])("%s reads as %s", (code, words) => {
    expect(fileProblem(errno(code))).toBe(words);
  });

  it("is described by its message when it has no errno code", () => {
    expect(fileErrorCode(new Error("odd"))).toBeUndefined();
    expect(fileErrorCode(Object.assign(new Error("m"), { code: "MODULE_NOT_FOUND" }))).toBeUndefined();
    expect(fileProblem(new Error("odd"))).toBe("cannot read the file (odd)");
    expect(fileProblem(null)).toBe("cannot read the file (null)");
  });

  it("is one CheckError naming the flag and the file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-errors-"));
    const error = (() => {
      try {
        readUserFile(dir, "--state");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CheckError);
    expect((error as CheckError).message).toBe(`--state ${dir}: a directory, not a file`);
    expect(() => readUserFile(path.join(dir, "absent.yaml"))).toThrow(new CheckError(`${path.join(dir, "absent.yaml")}: no such file`));
    fs.writeFileSync(path.join(dir, "ok.txt"), "text");
    expect(readUserFile(path.join(dir, "ok.txt")).toString("utf8")).toBe("text");
  });
});
