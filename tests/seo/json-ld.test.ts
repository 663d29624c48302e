import { expect, test } from "vitest";
import { breadcrumbList, qaPage, serializeJsonLd } from "../../src/seo/json-ld";

const input = {
  url: "https://example.org/docker/d5/",
  question: "이미지를 지우면?",
  answer: "안 지워집니다.",
  author: "MSP T3",
  inLanguage: "ko",
};

test("a QAPage has one Question whose accepted answer is the answer", () => {
  expect(qaPage(input)).toEqual({
    "@type": "QAPage",
    url: input.url,
    inLanguage: "ko",
    mainEntity: {
      "@type": "Question",
      name: input.question,
      author: { "@type": "Organization", name: "MSP T3" },
      answerCount: 1,
      acceptedAnswer: {
        "@type": "Answer",
        text: input.answer,
        url: `${input.url}#answer`,
        author: { "@type": "Organization", name: "MSP T3" },
      },
    },
  });
});

test("an unanswered question has no accepted answer and an answer count of 0", () => {
  const page = qaPage({ ...input, answer: " " }) as { mainEntity: Record<string, unknown> };
  expect(page.mainEntity.answerCount).toBe(0);
  expect(page.mainEntity).not.toHaveProperty("acceptedAnswer");
});

test("breadcrumbs are numbered from 1; the current page may have no URL", () => {
  expect(breadcrumbList([{ name: "홈", url: "https://example.org/" }, { name: "이미지를 지우면?" }])).toEqual({
    "@type": "BreadcrumbList",
    itemListElement: [
      { "@type": "ListItem", position: 1, name: "홈", item: "https://example.org/" },
      { "@type": "ListItem", position: 2, name: "이미지를 지우면?" },
    ],
  });
});

test("serialized JSON-LD cannot close its <script> element and parses back to the same data", () => {
  const page = qaPage({ ...input, question: "</script><script>alert(1)</script> 는?" });
  const json = serializeJsonLd([page]);
  expect(json).not.toContain("<");
  expect(JSON.parse(json)).toEqual({ "@context": "https://schema.org", ...page });
  expect(JSON.parse(serializeJsonLd([page, breadcrumbList([])]))["@graph"]).toHaveLength(2);
});
