import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { ADDON_DIST } from './apps-script-fakes.js';
import { jsonForHtml } from '../../../sheets-addon/src/sidebar-model/sidebar-state.js';

/**
 * The BUILT sidebar page script (dist/SidebarScript.html) run in a vm over a small DOM of its
 * own: enough of document and elements for what the page calls, google.script.run calls the
 * test answers by hand, and timers the test moves forward. The page is what the secretary sees;
 * these tests read its text, its buttons and its dropdowns.
 */
type Listener = (event: { preventDefault(): void; stopPropagation(): void }) => void;

export class PageNode {
  parent: PageElement | null = null;
  constructor(public data = '') {}
  get textContent(): string {
    return this.data;
  }
  remove(): void {
    if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this);
    this.parent = null;
  }
}

export class PageElement extends PageNode {
  children: PageNode[] = [];
  className = '';
  title = '';
  href = '';
  value = '';
  selected = false;
  disabled = false;
  readonly style: Record<string, string> = {};
  readonly attributes = new Map<string, string>();
  private readonly listeners = new Map<string, Listener[]>();
  constructor(readonly tagName: string) {
    super();
  }
  override get textContent(): string {
    return this.children.map((c) => c.textContent).join('');
  }
  override set textContent(text: string) {
    this.replaceChildren(new PageNode(text));
  }
  get id(): string {
    return this.attributes.get('id') ?? '';
  }
  get firstElementChild(): PageElement | null {
    return this.children.find((c): c is PageElement => c instanceof PageElement) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  appendChild(child: PageNode): PageNode {
    child.remove();
    child.parent = this;
    this.children.push(child);
    return child;
  }
  append(...children: (PageNode | string)[]): void {
    for (const child of children) this.appendChild(typeof child === 'string' ? new PageNode(child) : child);
  }
  replaceChildren(...children: PageNode[]): void {
    for (const child of this.children) child.parent = null;
    this.children = [];
    this.append(...children);
  }
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string): void {
    const event = { preventDefault: () => undefined, stopPropagation: () => undefined };
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  /** Every element below (and including) this one, in document order. */
  all(): PageElement[] {
    return [this, ...this.children.flatMap((c) => (c instanceof PageElement ? c.all() : []))];
  }
  find(predicate: (e: PageElement) => boolean): PageElement[] {
    return this.all().filter(predicate);
  }
}

export interface ServerCall {
  readonly name: string;
  readonly args: readonly unknown[];
  succeed(value: unknown): void;
  fail(message: string): void;
}

export class SidebarPage {
  readonly app = new PageElement('div');
  readonly calls: ServerCall[] = [];
  private now = Date.parse('2025-12-20T03:00:00Z');
  private nextTimer = 1;
  private readonly timers = new Map<number, { every: number; due: number; run: () => void }>();

  constructor(state: unknown, distDir = ADDON_DIST) {
    const html = readFileSync(join(distDir, 'SidebarScript.html'), 'utf8');
    const script = /<script>\n([\s\S]*)\n<\/script>/.exec(html)?.[1];
    if (script === undefined) throw new Error('no script in SidebarScript.html');
    this.app.setAttribute('id', 'app');
    const initial = new PageElement('script');
    initial.setAttribute('id', 'initial-state');
    initial.textContent = jsonForHtml(state);
    const byId = (id: string) => (id === 'initial-state' ? initial : (this.app.find((e) => e.id === id)[0] ?? null));
    const makeRunner = () => {
      let success: (value: unknown) => void = () => undefined;
      let failure: (error: Error) => void = () => undefined;
      const proxy: Record<string, unknown> = new Proxy(
        {},
        {
          get: (_t, name: string) => {
            if (name === 'withSuccessHandler') return (h: typeof success) => { success = h; return proxy; };
            if (name === 'withFailureHandler') return (h: typeof failure) => { failure = h; return proxy; };
            return (...args: unknown[]) => {
              this.calls.push({ name, args, succeed: (value) => { success(JSON.parse(JSON.stringify(value))); }, fail: (message) => { failure(new Error(message)); } });
            };
          },
        },
      );
      return proxy;
    };
    const google = { script: {} as Record<string, unknown> };
    Object.defineProperty(google.script, 'run', { get: makeRunner });
    const clock = { now: () => this.now };
    const context = vm.createContext({
      document: {
        createElement: (tag: string) => new PageElement(tag),
        createTextNode: (text: string) => new PageNode(text),
        getElementById: byId,
      },
      HTMLElement: PageElement,
      google,
      Date: new Proxy(Date, { get: (target, p) => (p === 'now' ? clock.now : Reflect.get(target, p)) }),
      setInterval: (run: () => void, every: number) => {
        const id = this.nextTimer++;
        this.timers.set(id, { every, due: this.now + every, run });
        return id;
      },
      clearInterval: (id: number) => {
        this.timers.delete(id);
      },
      JSON,
      Math,
    });
    new vm.Script(script, { filename: 'SidebarScript.js' }).runInContext(context);
  }

  /** Moves the page's clock on, firing the intervals that fall due. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.due <= end).sort(([, a], [, b]) => a.due - b.due)[0];
      if (!due) break;
      const [, timer] = due;
      this.now = timer.due;
      timer.due += timer.every;
      timer.run();
    }
    this.now = end;
  }

  text(): string {
    return this.app.textContent;
  }
  byId(id: string): PageElement | undefined {
    return this.app.find((e) => e.id === id)[0];
  }
  buttons(): { label: string; primary: boolean; disabled: boolean }[] {
    return this.app.find((e) => e.tagName === 'button').map((b) => ({ label: b.textContent, primary: b.className === 'primary', disabled: b.disabled }));
  }
  click(label: string): void {
    const button = this.app.find((e) => e.tagName === 'button' && e.textContent === label)[0];
    if (!button) throw new Error(`no button “${label}”: ${JSON.stringify(this.buttons())}`);
    if (button.disabled) throw new Error(`button “${label}” is disabled`);
    button.dispatch('click');
  }
  /** The dropdowns: each with its label, its options and the selected value. */
  selects(): { id: string; options: { value: string; label: string }[]; value: string }[] {
    return this.app.find((e) => e.tagName === 'select').map((s) => {
      const options = s.find((o) => o.tagName === 'option');
      return { id: s.id, options: options.map((o) => ({ value: o.value, label: o.textContent })), value: options.find((o) => o.selected)?.value ?? options[0]?.value ?? '' };
    });
  }
  choose(id: string, value: string): void {
    const select = this.byId(id);
    if (!select) throw new Error(`no select #${id}`);
    select.value = value;
    for (const option of select.find((o) => o.tagName === 'option')) option.selected = option.value === value;
    select.dispatch('change');
  }
  /** The last call of that server function not answered yet. */
  pending(name: string): ServerCall {
    const call = this.calls.filter((c) => c.name === name).at(-1);
    if (!call) throw new Error(`no call of ${name}: ${this.calls.map((c) => c.name).join(', ')}`);
    return call;
  }
}
