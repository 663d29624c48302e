import { expect, test } from "vitest";
import { joinedParts, singular, splitWords } from "../../src/search/words";

test.each([
  ["ReplicaSet을", ["ReplicaSet"]],
  ["Pod의 Label로", ["Pod", "Label"]],
  ["R/W레이어", ["R/W", "레이어"]],
  ["push시에", ["push"]],
  ["k8s의 L4랑", ["k8s", "L4"]],
  ["생성/수정/삭제되는", ["생성", "수정", "삭제되는"]],
  ["name:tag가 고유", ["name:tag", "고유"]],
  ["pod-template-hash", ["pod-template-hash"]],
  ["values.yaml파일은", ["values.yaml", "파일은"]],
  ["kubectl apply --namespace=MSPT3", ["kubectl", "apply", "namespace=MSPT3"]],
  ["24시간 6개", ["24시간", "6개"]],
  ["8080으로", ["8080"]],
  ["삭제(?)하면", ["삭제"]],
  ["(R/W layer)가 합쳐진", ["R/W", "layer", "합쳐진"]],
  ["'docker commit'명령어를", ["docker", "commit", "명령어를"]],
])("splitWords(%j) → %j", (text, words) => expect(splitWords(text)).toEqual(words));

test("splitWords composes decomposed Hangul (as typed on some systems) to NFC", () => {
  expect(splitWords("컨테이너가".normalize("NFD"))).toEqual(["컨테이너가"]);
});

test("singular follows the plain English rules and leaves -ss, -us, -is and short words", () => {
  expect(["labels", "pods", "nodes", "classes", "replicas", "status", "ingress", "analysis", "yes"].map(singular)).toEqual([
    "label",
    "pod",
    "node",
    "class",
    "replica",
    "status",
    "ingress",
    "analysis",
    "yes",
  ]);
  expect(singular("컨테이너들")).toBe("컨테이너들");
});

test("joinedParts gives the parts of a joined word, two letters or more", () => {
  expect(joinedParts("pod-template-hash")).toEqual(["pod", "template", "hash"]);
  expect(joinedParts("name:tag")).toEqual(["name", "tag"]);
  expect(joinedParts("R/O")).toEqual([]);
  expect(joinedParts("ReplicaSet")).toEqual([]);
});
