import ReactMarkdown from "react-markdown";

/**
 * Renders user Markdown safely: raw HTML in the source is shown as text, never parsed, and link and
 * image URLs pass react-markdown's default filter, which drops `javascript:` and other unsafe schemes.
 */
export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div className={`prose-pillars ${className}`}>
      <ReactMarkdown skipHtml={false} disallowedElements={["img"]} unwrapDisallowed>
        {children}
      </ReactMarkdown>
    </div>
  );
}
