import { close, createIndex } from "pagefind";

/**
 * Indexes the built site in `siteDir` into `siteDir/pagefind` through Pagefind's Node API; returns
 * the number of pages indexed. Run by `npm run build` after `astro build` has exited, so Pagefind's
 * own memory never adds to Astro's (cli/build.mjs).
 */
export async function writePagefindIndex(siteDir: string): Promise<number> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await close();
  }
}
