import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { detectTranscript, transcriptCommands, type Transcript } from "../../src/markdown/transcripts/detect-transcript";
import { realFence, REAL_TRANSCRIPTS, renderCodeBlocks, type RealTranscriptName } from "../helpers/transcripts";

/**
 * Golden files for the three transcripts of the real notes: the segments detection finds
 * (`segments.txt`) and the HTML the Markdown plugins render (`output.html`). Inputs are read from the
 * real notes, never copied. After an intended change, regenerate with `UPDATE=1 npm run test:unit`
 * and review the diff.
 */
const FIXTURES = path.resolve("tests/fixtures/transcripts");
const UPDATE = process.env.UPDATE === "1";

function expectGolden(file: string, actual: string) {
  const golden = path.join(FIXTURES, file);
  if (UPDATE) {
    mkdirSync(path.dirname(golden), { recursive: true });
    writeFileSync(golden, actual);
  }
  if (!existsSync(golden)) throw new Error(`missing golden file ${golden}: run with UPDATE=1 to write it`);
  expect(actual).toBe(readFileSync(golden, "utf8"));
}

/** A readable account of what detection found: each segment's kind, prompt, text; then the copy. */
function describeSegments(name: string, transcript: Transcript): string {
  const out = [`# ${name}: segments of the real notes' transcript (UPDATE=1 regenerates this file)`];
  for (const segment of transcript.segments) {
    if (segment.kind === "command") {
      out.push("== command");
      for (const line of segment.lines) out.push(`prompt ${JSON.stringify(line.prompt)}  text ${JSON.stringify(line.text)}`);
    } else {
      const lines = segment.text.split("\n");
      out.push(`== output (${segment.language ?? "plain text"}, ${lines.length} lines)`);
      out.push(...lines.map((l) => `| ${l}`));
    }
  }
  const commands = transcriptCommands(transcript);
  out.push(`== copy (${commands.length} commands)`, ...commands);
  return `${out.join("\n")}\n`;
}

const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x3C;/g, "<")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");

describe.each(Object.keys(REAL_TRANSCRIPTS) as RealTranscriptName[])("the real %s transcript", (name) => {
  const fence = realFence(name);
  const transcript = detectTranscript(fence.value, fence.lang);

  test("is detected as a transcript, segments as in the golden file", () => {
    expect(transcript.kind).toBe("transcript");
    expectGolden(`${name}/segments.txt`, describeSegments(name, transcript as Transcript));
  });

  test("renders as in the golden file, every character of the block kept", async () => {
    const html = await renderCodeBlocks(`\`\`\`${fence.lang ?? ""}\n${fence.value}\n\`\`\`\n`);
    expectGolden(`${name}/output.html`, `${html}\n`);
    const pre = /<pre[^>]*>([\s\S]*)<\/pre>/.exec(html)?.[1] ?? "";
    expect(visibleText(pre)).toBe(fence.value);
  });
});

test("the docker rmi transcript copies exactly its four commands", () => {
  const fence = realFence("docker-rmi");
  expect(transcriptCommands(detectTranscript(fence.value, fence.lang) as Transcript)).toEqual([
    "docker run -d nginx",
    "docker ps",
    "docker images",
    "docker rmi nginx",
  ]);
});

test("the nginx-deployment transcript prints YAML after `cat`, then plain `kubectl describe` output", () => {
  const fence = realFence("nginx-deployment");
  const t = detectTranscript(fence.value, fence.lang) as Transcript;
  const outputs = t.segments.filter((s) => s.kind === "output");
  expect(outputs.map((s) => s.language)).toEqual(["yaml", undefined, undefined]);
  expect(outputs[0]?.text).toMatch(/^apiVersion: apps\/v1\n[\s\S]*- containerPort: 80$/);
});

test("the EXPOSE transcript, in an unlabelled fence, is a transcript too", () => {
  const fence = realFence("expose-netstat");
  expect(fence.lang).toBeNull();
  expect(transcriptCommands(detectTranscript(fence.value, fence.lang) as Transcript)).toEqual([
    "docker run -dp 8080:8080 nginx",
    "netstat -tnlp",
  ]);
});
