import { analyzeResource, of, secret } from "../harness";
import { container, task, TASK } from "./task-definition";

const POLICY = "ecs-task-no-plaintext-secrets";

async function findings(props: Record<string, unknown>) {
    return of(POLICY, await analyzeResource(TASK, "task", props));
}

describe(POLICY, () => {
    it("reports credential names and access key ids in environment, at mandatory, also in secret JSON", async () => {
        const environment = [
            { name: "PORT", value: "8080" },
            { name: "DATABASE_PASSWORD", value: "hunter2" },
            { name: "STRIPE_API_KEY", value: "sk_live_x" },
            { name: "UPLOAD", value: "AKIAIOSFODNN7EXAMPLE" },
            { value: "ASIAIOSFODNN7EXAMPLE" },
        ];
        const definitions = JSON.stringify([container({ environment })]);
        for (const props of [task(definitions), task(secret(definitions))]) {
            const result = await findings(props);
            expect(result.map((d) => d.message)).toEqual([
                expect.stringMatching(/^container "app": environment\[1\] \(DATABASE_PASSWORD\) is a plain value and its name says/),
                expect.stringContaining("environment[2] (STRIPE_API_KEY)"),
                expect.stringContaining("environment[3] (UPLOAD) is a plain value and its value is an AWS access key id"),
                expect.stringContaining("environment[4] (undefined)"),
            ]);
            expect(result.every((d) => d.level === "mandatory")).toBe(true);
        }
    });

    it("passes secrets referenced under secrets and ordinary environment values", async () => {
        const secrets = [{ name: "DATABASE_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:111111111111:secret:db" }];
        const arnOnly = [{ name: "DB_PASSWORD_SECRET_ARN", value: "arn:aws-cn:secretsmanager:cn-north-1:111111111111:secret:db" }];
        const containers = [container({ secrets }), container({ name: "b", environment: undefined }), container({ name: "c", environment: [null] }), container({ name: "d", environment: arnOnly })];
        expect(await findings(task(containers))).toEqual([]);
    });
});
