import { policies } from "../../policies/pack";
import { HAND_GROUPS } from "./seeds";
import { awsTypeTokens, inspectedTypes } from "./types";
test("probe", () => {
    const candidates = awsTypeTokens();
    const seeded = new Set(HAND_GROUPS.flat().map((m) => m.type));
    for (const p of policies) {
        if (p.kind === "stack") { console.log(`${p.name}: stack`); continue; }
        const types = inspectedTypes(p, candidates);
        console.log(`${p.name}${p.remediable ? " (remediable)" : ""}: ${types.map((t) => (seeded.has(t) ? t : `${t}*`)).join(", ")}`);
    }
});
