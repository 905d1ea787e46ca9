import { GetConnectionCommand } from "@aws-sdk/client-codestar-connections";
import { call } from "../aws-errors";
import { type Check, fail, pass } from "../types";

const connectionStatus: Check = {
  id: "connections.status",
  title: "GitHub connection is AVAILABLE",
  async run({ outputs, clients }) {
    const res = await call("codeconnections:GetConnection", () =>
      clients.connections.send(new GetConnectionCommand({ ConnectionArn: outputs.connectionArn })),
    );
    const status = res.Connection?.ConnectionStatus;
    switch (status) {
      case "AVAILABLE":
        return pass(`${res.Connection?.ConnectionName} is AVAILABLE`);
      case "PENDING":
        // A connection is created PENDING and only a person can complete the GitHub handshake.
        return fail(
          "connection is PENDING: complete the handshake in the AWS console: Developer Tools > Settings > " +
            `Connections > ${res.Connection?.ConnectionName ?? outputs.connectionArn} > Update pending connection`,
        );
      default:
        return fail(
          `connection status is ${status ?? "unknown"}: open Developer Tools > Settings > Connections in the ` +
            "console, fix or recreate the connection and re-authorize the GitHub app",
        );
    }
  },
};

export const connectionChecks: readonly Check[] = [connectionStatus];
