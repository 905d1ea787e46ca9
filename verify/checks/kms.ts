import { GetKeyRotationStatusCommand } from "@aws-sdk/client-kms";
import { call } from "../aws-errors";
import { type Check, fail, pass } from "../types";

const rotation: Check = {
  id: "kms.rotation",
  title: "KMS key rotation is enabled",
  async run({ outputs, clients }) {
    const res = await call("kms:GetKeyRotationStatus", () =>
      clients.kms.send(new GetKeyRotationStatusCommand({ KeyId: outputs.kmsKeyArn })),
    );
    return res.KeyRotationEnabled === true
      ? pass(`rotation enabled on ${outputs.kmsKeyAlias}`)
      : fail(`rotation is off on ${outputs.kmsKeyAlias}; set enableKeyRotation on the key`);
  },
};

export const kmsChecks: readonly Check[] = [rotation];
