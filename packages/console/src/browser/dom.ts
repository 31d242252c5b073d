/** What {@link h} accepts as a child: text becomes a text node, never markup. */
export type Child = Node | string | number | null | undefined | false | Child[];

/** Attributes and listeners of an element built by {@link h}. */
export interface Props {
  /** Attributes by name; `on…` names are refused (listeners go in `on`). */
  attrs?: Record<string, string | undefined>;
  on?: Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
}

/**
 * Builds an element with `createElement`; every string child becomes a text node, so data
 * from the API is shown as text and never parsed as HTML.
 *
 * @throws TypeError for an `on…` attribute (an inline handler the CSP would block anyway).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(name)) throw new TypeError(`inline handler ${name} refused`);
    if (value !== undefined) element.setAttribute(name, value);
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    element.addEventListener(type, listener as EventListener);
  }
  append(element, children);
  return element;
}

/** Appends children (text as text nodes) to a parent. Never throws. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (typeof child === "string" || typeof child === "number") {
      parent.appendChild(document.createTextNode(String(child)));
    } else parent.appendChild(child);
  }
}

/** Replaces everything inside `parent` with `children`. Never throws. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** A link inside the console (`#/…`): the href always starts with `#`, never a scheme. */
export function link(route: string, ...children: Child[]): HTMLAnchorElement {
  return h("a", { attrs: { href: `#${route}` } }, ...children);
}

/**
 * A table with a header row of `columns` and one row per entry of `rows` (each row's cells
 * as `cells` gives them; `rowAttrs` for its attributes). Never throws.
 */
export function table<T>(
  className: string,
  columns: readonly string[],
  rows: readonly T[],
  cells: (row: T) => Child[],
  rowAttrs: (row: T) => Record<string, string> = () => ({}),
): HTMLTableElement {
  return h(
    "table",
    { attrs: { class: className } },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        columns.map((title) => h("th", { attrs: { scope: "col" } }, title)),
      ),
    ),
    h(
      "tbody",
      {},
      rows.map((row) =>
        h(
          "tr",
          { attrs: rowAttrs(row) },
          cells(row).map((cell) => h("td", {}, cell)),
        ),
      ),
    ),
  );
}
