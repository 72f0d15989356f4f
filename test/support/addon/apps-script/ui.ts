/**
 * SpreadsheetApp.getUi(): menus are recorded, alerts and prompts are answered from replies
 * the test scripted beforehand (an unexpected prompt fails loudly), sidebars and dialogs are
 * captured with their evaluated HTML.
 */
export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export interface PromptReply {
  readonly text: string;
  readonly button?: ButtonName;
}
export interface ShownAlert {
  readonly title: string;
  readonly text: string;
}
export interface ShownPrompt extends ShownAlert {
  readonly reply: PromptReply;
}
export interface MenuRecord {
  readonly title: string;
  readonly items: readonly { readonly caption: string; readonly functionName: string }[];
}
export interface UiLog {
  readonly menus: readonly MenuRecord[];
  readonly alerts: readonly ShownAlert[];
  readonly prompts: readonly ShownPrompt[];
  readonly sidebars: readonly { readonly title: string; readonly html: string }[];
  readonly toasts: readonly { readonly title: string; readonly text: string }[];
}

export class FakeHtmlOutput {
  private title = '';
  constructor(private readonly content: string) {}
  getContent(): string {
    return this.content;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(): this {
    return this;
  }
  setHeight(): this {
    return this;
  }
}

class FakeMenu {
  private readonly items: { caption: string; functionName: string }[] = [];
  constructor(
    private readonly title: string,
    private readonly ui: FakeUi,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push({ caption: '---', functionName: '' });
    return this;
  }
  addToUi(): void {
    this.ui.log.menus.push({ title: this.title, items: [...this.items] });
  }
}

/** Alerts and prompts take (text), (text, buttons) or (title, text, buttons). */
function titleAndText(args: readonly unknown[]): ShownAlert {
  const strings = args.filter((a): a is string => typeof a === 'string' && !/^(OK|OK_CANCEL|YES_NO|YES_NO_CANCEL)$/.test(a));
  return strings.length >= 2 ? { title: strings[0] ?? '', text: strings[1] ?? '' } : { title: '', text: strings[0] ?? '' };
}

export class FakeUi {
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
  readonly log: { menus: MenuRecord[]; alerts: ShownAlert[]; prompts: ShownPrompt[]; sidebars: { title: string; html: string }[] } = {
    menus: [],
    alerts: [],
    prompts: [],
    sidebars: [],
  };
  readonly promptReplies: PromptReply[] = [];
  readonly alertReplies: ButtonName[] = [];
  constructor(private readonly addonName: string) {}

  createAddonMenu(): FakeMenu {
    return new FakeMenu(this.addonName, this);
  }
  createMenu(title: string): FakeMenu {
    return new FakeMenu(title, this);
  }
  alert(...args: unknown[]): ButtonName {
    this.log.alerts.push(titleAndText(args));
    return this.alertReplies.shift() ?? 'OK';
  }
  prompt(...args: unknown[]): { getResponseText(): string; getSelectedButton(): ButtonName } {
    const shown = titleAndText(args);
    const reply = this.promptReplies.shift();
    if (!reply) throw new Error(`Unexpected prompt (the test scripted no reply): ${shown.title} — ${shown.text}`);
    this.log.prompts.push({ ...shown, reply });
    return { getResponseText: () => reply.text, getSelectedButton: () => reply.button ?? 'OK' };
  }
  showSidebar(output: FakeHtmlOutput): void {
    this.log.sidebars.push({ title: output.getTitle(), html: output.getContent() });
  }
  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this.log.sidebars.push({ title, html: output.getContent() });
  }
}

/**
 * HtmlService over the built files: templates support the printing scriptlets the add-on
 * uses, `<?!= name ?>` (raw) and `<?= name ?>` (HTML-escaped), of properties set on the
 * template; anything else is refused so the fake never pretends to run code it does not.
 */
export class FakeHtmlService {
  constructor(private readonly readFile: (name: string) => string) {}
  createHtmlOutputFromFile(name: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.readFile(name));
  }
  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(html);
  }
  createTemplateFromFile(name: string): Record<string, unknown> & { evaluate(): FakeHtmlOutput } {
    const source = this.readFile(name);
    const template: Record<string, unknown> & { evaluate(): FakeHtmlOutput } = {
      evaluate: () => new FakeHtmlOutput(evaluateTemplate(source, template)),
    };
    return template;
  }
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function evaluateTemplate(source: string, scope: Readonly<Record<string, unknown>>): string {
  return source.replace(/<\?(!?=)?([\s\S]*?)\?>/g, (_all, kind: string | undefined, body: string) => {
    const name = body.trim();
    if (kind === undefined || !/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`fake HtmlService: unsupported scriptlet <?${kind ?? ''}${body}?>`);
    if (!(name in scope)) throw new Error(`fake HtmlService: template property ${name} was not set`);
    const text = String(scope[name]);
    return kind === '!=' ? text : escapeHtml(text);
  });
}
