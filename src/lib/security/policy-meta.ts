import { scanHtml } from "../html/scan-html";
import type { Problem } from "../problems";
import { contentSecurityPolicy, sha256Source } from "./content-security-policy";

/**
 * Writes the Content-Security-Policy `<meta>` into one built page, as early in `<head>` as allowed
 * (right after `<meta charset>`), since a `<meta>` policy only governs what comes after it.
 * Inline scripts and styles the page has are allowed by hash; inline event handlers (`onclick=`)
 * and `javascript:` URLs cannot be, so they are reported as errors naming file and line.
 * Running it again replaces the policy it wrote before.
 */
export function addPolicyMeta(html: string, file: string): { html: string; problems: Problem[] } {
  const scan = scanHtml(html);
  const problems: Problem[] = scan.inlineHandlers.map(({ attribute, line }) => ({
    file,
    line,
    severity: "error",
    message: `inline ${attribute === "href" || attribute === "src" ? `javascript: URL in ${attribute}` : `event handler ${attribute}=`} is blocked by the Content-Security-Policy: move the code into a script file`,
  }));
  if (scan.headInsertOffset === undefined) {
    problems.push({ file, line: 0, severity: "error", message: "no <head> start tag to put the Content-Security-Policy <meta> in" });
    return { html, problems };
  }
  const policy = contentSecurityPolicy({
    scripts: scan.inlineScripts.map((s) => sha256Source(s.text)),
    styles: scan.inlineStyles.map((s) => sha256Source(s.text)),
  });
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, "&quot;")}">`;
  // Cut out earlier policies (from the end, so offsets stay valid), then insert the new one.
  let result = html;
  let insertAt = scan.headInsertOffset;
  for (const old of [...scan.policyMetas].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, old.start) + result.slice(old.end);
    if (old.end <= insertAt) insertAt -= old.end - old.start;
  }
  return { html: result.slice(0, insertAt) + meta + result.slice(insertAt), problems };
}
