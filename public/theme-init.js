/*
 * Runs before the page is painted (a plain, synchronous <script src> in <head>; no inline script,
 * for the Content-Security-Policy): applies the reader's theme choice saved by the theme toggle,
 * so a dark-theme reader never sees a flash of light. No choice saved: the system setting rules.
 */
try {
  var theme = localStorage.getItem("course-qa:theme");
  if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
} catch (e) {
  /* Storage blocked (private mode, policy): the system setting rules. */
}
