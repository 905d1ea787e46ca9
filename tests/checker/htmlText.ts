// What a reader sees of an HTML report without a browser: the text outside tags, styles and scripts,
// entities decoded, whitespace collapsed. The browser tests check the same pages in Chromium.
const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };

export function visibleText(page: string): string {
  return (
    page
      .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, " ")
      // Inline elements run on with their text; every other tag separates words.
      .replace(/<\/?(code|strong|abbr|a|span)\b[^>]*>/g, "")
      .replace(/<[^>]*>/g, " ")
      .replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e])
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** The markup without the layout whitespace around tags, for assertions on structure. */
export function compact(page: string): string {
  return page.replace(/>\s+/g, ">").replace(/\s+</g, "<").replace(/\s+/g, " ");
}
