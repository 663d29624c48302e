import { describe, expect, test } from "vitest";
import { detectTranscript, transcriptCommands, type Transcript } from "../../src/markdown/transcripts/detect-transcript";
import { mayHoldTranscript, structuredOutputLanguage } from "../../src/markdown/transcripts/languages";
import { matchPrompt, PROMPT_FORMS } from "../../src/markdown/transcripts/prompts";

function transcript(code: string, language?: string | null): Transcript {
  const result = detectTranscript(code, language);
  if (result.kind !== "transcript") throw new Error(`not a transcript:\n${code}`);
  return result;
}

describe("prompt forms", () => {
  test.each([
    ["ubuntu $ ", "docker ps"],
    ["controlplane $ ", "kubectl get pods"],
    ["node01 $ ", "crictl ps"],
    ["$ ", "docker images"],
    ["user@host:~/app$ ", "npm ci"],
    ["root@host:/etc/nginx# ", "nginx -t"],
    ["ubuntu@ip-172-31-5-10:~ $ ", "ls -al"],
  ])("`%s` is a prompt; what follows is the command", (prompt, command) => {
    expect(matchPrompt(`${prompt}${command}`)).toEqual({ prompt, command });
  });

  test("every documented example of every form is recognised", () => {
    for (const form of PROMPT_FORMS) {
      for (const example of form.examples)
        expect(matchPrompt(`${example}echo hi`), `${form.name}: ${example}`).toEqual({ prompt: example, command: "echo hi" });
    }
  });

  test("a prompt with nothing typed after it is still a prompt", () => {
    expect(matchPrompt("controlplane $ ")).toEqual({ prompt: "controlplane $ ", command: "" });
    expect(matchPrompt("controlplane $")).toEqual({ prompt: "controlplane $", command: "" });
  });

  test("trailing spaces of the command are kept as written", () => {
    expect(matchPrompt("controlplane $ cat nginx-deployment.yaml ")?.command).toBe("cat nginx-deployment.yaml ");
  });

  test.each([
    "Unable to find image 'nginx:latest' locally",
    "$HOME/bin",
    "# a comment",
    "#!/bin/bash",
    "echo $HOME",
    "  ubuntu $ docker ps",
    "ubuntu$ docker ps",
    "user@host: no prompt here",
    "apiVersion: apps/v1",
    "tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      22870/docker-proxy",
  ])("`%s` is not a prompt", (line) => {
    expect(matchPrompt(line)).toBeUndefined();
  });
});

describe("which blocks are transcripts", () => {
  test.each(["bash", "sh", "shell", "console", "shellsession", "BASH", null, undefined, ""])(
    "a block labelled %s may be a transcript",
    (label) => {
      expect(mayHoldTranscript(label)).toBe(true);
      expect(detectTranscript("$ docker ps\nCONTAINER ID", label).kind).toBe("transcript");
    },
  );

  test.each(["yaml", "dockerfile", "json", "python", "text"])("a block labelled %s keeps its language, prompts or not", (label) => {
    expect(detectTranscript("$ docker ps\nCONTAINER ID", label)).toEqual({ kind: "code" });
  });

  test("a script with a shebang is a script, even if a line looks like a prompt", () => {
    expect(detectTranscript("#!/bin/bash\n$ docker ps", "bash")).toEqual({ kind: "code" });
    expect(detectTranscript("#!/usr/bin/env sh\nubuntu $ ls", null)).toEqual({ kind: "code" });
  });

  test("a shell block without prompts is a script", () => {
    expect(detectTranscript("docker run -d nginx\ndocker ps", "bash")).toEqual({ kind: "code" });
    expect(detectTranscript("export A=1\necho $A", "sh")).toEqual({ kind: "code" });
  });

  test("a block is a transcript only when its first non-blank line starts with a prompt", () => {
    expect(detectTranscript("\n\nubuntu $ docker ps\n", "bash").kind).toBe("transcript");
    expect(detectTranscript("docker ps\nubuntu $ docker images", "bash")).toEqual({ kind: "code" });
  });

  test("an unlabelled block without prompts stays plain text", () => {
    expect(detectTranscript("some output\nmore output", null)).toEqual({ kind: "code" });
    expect(detectTranscript("", null)).toEqual({ kind: "code" });
  });
});

describe("segments and copied commands", () => {
  test("splits commands from the output that follows each one", () => {
    const t = transcript("ubuntu $ docker ps\nCONTAINER ID   IMAGE\nabc   nginx\nubuntu $ docker images\nREPOSITORY\n", "bash");
    expect(t.segments).toEqual([
      { kind: "command", lines: [{ prompt: "ubuntu $ ", text: "docker ps" }] },
      { kind: "output", text: "CONTAINER ID   IMAGE\nabc   nginx" },
      { kind: "command", lines: [{ prompt: "ubuntu $ ", text: "docker images" }] },
      { kind: "output", text: "REPOSITORY" },
    ]);
    expect(transcriptCommands(t)).toEqual(["docker ps", "docker images"]);
  });

  test("copies commands of every prompt form, one per line, prompts and trailing spaces dropped", () => {
    const t = transcript(
      "controlplane $ ssh node01\nnode01 $ crictl ps \nCONTAINER\n$ exit\nroot@host:/etc# nginx -t\nuser@host:~/app$ npm ci\n",
      null,
    );
    expect(transcriptCommands(t)).toEqual(["ssh node01", "crictl ps", "exit", "nginx -t", "npm ci"]);
  });

  test("a prompt with nothing typed copies nothing", () => {
    expect(transcriptCommands(transcript("ubuntu $ \nubuntu $ ls\nfile", null))).toEqual(["ls"]);
  });

  test("a command continued with a backslash stays one command; the `> ` prompt bash prints is not copied", () => {
    const t = transcript("$ docker run -d \\\n>   -p 8080:80 \\\n  nginx\nabc123\n$ docker ps", "bash");
    expect(t.segments[0]).toEqual({
      kind: "command",
      lines: [
        { prompt: "$ ", text: "docker run -d \\" },
        { prompt: "> ", text: "  -p 8080:80 \\" },
        { prompt: "", text: "  nginx" },
      ],
    });
    expect(transcriptCommands(t)).toEqual(["docker run -d \\\n  -p 8080:80 \\\n  nginx", "docker ps"]);
  });

  test("a here-document is part of its command, up to its delimiter", () => {
    const t = transcript(
      "$ cat <<EOF > pod.yaml\n> apiVersion: v1\n> kind: Pod\n> EOF\n$ kubectl apply -f pod.yaml\npod/x created",
      "bash",
    );
    expect(transcriptCommands(t)).toEqual(["cat <<EOF > pod.yaml\napiVersion: v1\nkind: Pod\nEOF", "kubectl apply -f pod.yaml"]);
    expect(t.segments.at(-1)).toEqual({ kind: "output", text: "pod/x created" });
  });
});

describe("structured output", () => {
  test.each([
    ["cat nginx-deployment.yaml ", "yaml"],
    ["cat ./k8s/svc.yml", "yaml"],
    ["sudo cat /etc/docker/daemon.json", "json"],
    ["kubectl get deployment my-nginx -o yaml", "yaml"],
    ["kubectl get pod x -ojson", "json"],
    ["kubectl get svc --output=yaml", "yaml"],
    ["kubectl create deploy x --image nginx --dry-run=client -o yaml", "yaml"],
    ["docker inspect nginx", "json"],
    ["docker container inspect web", "json"],
  ])("the output of `%s` is %s", (command, language) => {
    expect(structuredOutputLanguage(command)).toBe(language);
  });

  test.each([
    "cat notes.txt",
    "cat a.yaml | grep image",
    "kubectl get pods",
    "kubectl get pod x -o jsonpath='{.spec}'",
    "kubectl get pod x -o wide",
    "docker inspect -f '{{.State.Status}}' web",
    "docker inspect --format='{{json .Config}}' web",
    "kubectl describe deployments my-nginx-deployment",
  ])("the output of `%s` is plain text", (command) => {
    expect(structuredOutputLanguage(command)).toBeUndefined();
  });

  test("the output segment after a structured command carries its language", () => {
    const t = transcript(
      'controlplane $ kubectl get deploy x -o json\n{\n  "kind": "Deployment"\n}\ncontrolplane $ kubectl get pods\nNAME',
      "bash",
    );
    expect(t.segments.filter((s) => s.kind === "output")).toEqual([
      { kind: "output", text: '{\n  "kind": "Deployment"\n}', language: "json" },
      { kind: "output", text: "NAME" },
    ]);
  });
});
