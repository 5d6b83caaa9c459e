/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { Context } from 'hono';
import { assetUrl } from './assets.ts';
import type { Lang } from './format.ts';

/** The HTML shell of every page: language, viewport for phones, the stylesheet, deferred scripts. */
export function Document(props: {
  lang: Lang;
  title: string;
  /** Other same-origin scripts that must run first (the demo shop's /sdk.js). */
  preScripts?: string[];
  scripts?: ('checkout.js' | 'checkout-result.js' | 'demo.js')[];
  children?: Child;
}) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={assetUrl('ui.css')} />
        {(props.preScripts ?? []).map((s) => (
          <script src={s} defer></script>
        ))}
        {(props.scripts ?? []).map((s) => (
          <script src={assetUrl(s)} defer></script>
        ))}
      </head>
      <body>{props.children}</body>
    </html>
  );
}

/** Renders a page with its doctype (hono/jsx renders elements only). */
export async function renderPage(c: Context, page: unknown, status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 429 | 500 = 200): Promise<Response> {
  const html = await (page as { toString(): string | Promise<string> }).toString();
  return c.html(`<!DOCTYPE html>${html}`, status);
}
