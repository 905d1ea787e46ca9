/** The IAM action both PassRole policies look for. */
export const PASS_ROLE = "iam:PassRole";
