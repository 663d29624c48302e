import { withBase } from "./site-paths";

/** An internal URL under this build's base path (`BASE_PATH`). */
export const url = (path: string) => withBase(import.meta.env.BASE_URL, path);
