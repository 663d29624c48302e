import { josa } from "es-hangul";

/**
 * The "이것을 찾으셨나요?" line of the search page: when a correction changed the query, it says
 * what was searched instead (`‘롤벡’ 대신 ‘롤백’으로 찾았습니다`) and offers one link to search
 * exactly what was typed (`?q=롤벡&typed=1`). es-hangul picks the particle (으로/로).
 */
export function renderCorrection(line: HTMLElement, typed: string, searched: string | undefined, typedUrl: string): void {
  if (!searched) {
    line.hidden = true;
    line.replaceChildren();
    return;
  }
  const strong = document.createElement("strong");
  strong.textContent = `‘${searched}’`;
  const particle = josa(searched, "으로/로").slice(searched.length);
  const link = document.createElement("a");
  link.href = typedUrl;
  link.setAttribute("data-search-as-typed", "");
  link.textContent = `‘${typed}’ 그대로 검색`;
  line.replaceChildren("이것을 찾으셨나요? ", `‘${typed}’ 대신 `, strong, `${particle} 찾았습니다. `, link);
  line.hidden = false;
}
