import { startStaticServer } from "./scripts/lib/static-server";
import { launchChromium } from "./tests/helpers/browser";
const server = await startStaticServer({ dir: "dist" });
const browser = await launchChromium();
const shots: [string, number, "light" | "dark", string][] = JSON.parse(process.argv[2]!);
for (const [path, width, scheme, out] of shots) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  await page.goto(server.url + path);
  await page.waitForTimeout(200);
  console.log(path, "scrollWidth", await page.evaluate(() => document.documentElement.scrollWidth));
  await page.screenshot({ path: out, fullPage: true });
  await page.close();
}
await browser.close();
await server.close();
