import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";

/** Policy drafts and comments are user text: render them as the pages do and look for anything live. */
function render(markdown: string): string {
  return renderToStaticMarkup(<Markdown>{markdown}</Markdown>);
}

describe("Markdown in drafts and comments is inert", () => {
  it("shows a <script> element as text, never as an element", () => {
    const html = render('Before <script>alert("x")</script> after');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops event handlers in raw HTML", () => {
    const html = render('<img src=x onerror="alert(1)"> and <a href="#" onclick="steal()">link</a>\n\n<div onmouseover="x()">hover</div>');
    expect(html).not.toMatch(/<(img|a|div)[^>]*\son\w+=/i);
    expect(html).not.toMatch(/<img/i);
  });

  it("neutralises javascript: links, in any case or spacing", () => {
    for (const source of [
      "[click](javascript:alert(1))",
      "[click](JavaScript:alert(1))",
      "[click]( javascript:alert(1) )",
      "<javascript:alert(1)>",
    ]) {
      const html = render(source);
      expect(html, source).not.toMatch(/href="\s*javascript:/i);
    }
  });

  it("still renders ordinary Markdown", () => {
    const html = render("**Bold** and [a link](https://example.org/policy)\n\n- one\n- two");
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain('href="https://example.org/policy"');
    expect(html).toContain("<li>one</li>");
  });
});
