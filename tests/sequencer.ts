import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Orders the files of a run for two workers. Files that build a site (a fixture, a second deploy, a
 * failing build, the dev server) take the one build lock (tools/build-env.ts), so two of them side by
 * side leave a worker waiting; Chromium files against the shared build do not. So within each
 * `sequence.groupOrder` group the builders and the others are dealt alternately, each list longest
 * first (Vitest's recorded duration, else the file's size), across projects — Vitest's own order runs
 * project after project and, on a fresh clone with no recorded durations, in discovery order.
 */
const BUILDS = /\b(useFixtureSite|buildSite|spawnLocked|acquireBuildLock)\(/;

export default class BuildAwareSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const groups = new Map<number, TestSpecification[]>();
    for (const file of files) {
      const order = file.project.config.sequence.groupOrder ?? 0;
      groups.set(order, [...(groups.get(order) ?? []), file]);
    }
    return [...groups.entries()].sort(([a], [b]) => a - b).flatMap(([, group]) => this.deal(group));
  }

  private deal(files: TestSpecification[]): TestSpecification[] {
    const longestFirst = (list: TestSpecification[]) => list.sort((a, b) => this.weight(b) - this.weight(a));
    const builders = longestFirst(files.filter((f) => BUILDS.test(readFileSync(f.moduleId, "utf8"))));
    const others = longestFirst(files.filter((f) => !builders.includes(f)));
    const dealt: TestSpecification[] = [];
    for (let i = 0; i < Math.max(builders.length, others.length); i++)
      dealt.push(...[others[i], builders[i]].filter((f) => f !== undefined));
    return dealt;
  }

  private weight(file: TestSpecification): number {
    const key = `${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`;
    return this.ctx.cache.getFileTestResults(key)?.duration ?? this.ctx.cache.getFileStats(key)?.size ?? 0;
  }
}
