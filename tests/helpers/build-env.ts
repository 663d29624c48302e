/** Moved to tools/build-env.ts (benchmarks build sites too); kept so test files importing it keep working. */
export { astroBuildEnv, buildSite } from "../../tools/build-env";
