import type { FakeRange } from './grid.js';

/** Data validation rules (built like SpreadsheetApp.newDataValidation()) and range protections. */
export class FakeDataValidation {
  constructor(
    readonly criteria: 'VALUE_IN_LIST' | 'NUMBER_BETWEEN' | 'CHECKBOX',
    readonly args: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): string {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.args];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
}

export class FakeDataValidationBuilder {
  private criteria: FakeDataValidation['criteria'] = 'VALUE_IN_LIST';
  private args: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';
  requireValueInList(values: readonly string[], showDropdown = true): this {
    this.criteria = 'VALUE_IN_LIST';
    this.args = [[...values], showDropdown];
    return this;
  }
  requireNumberBetween(start: number, end: number): this {
    this.criteria = 'NUMBER_BETWEEN';
    this.args = [start, end];
    return this;
  }
  /** A checkbox cell: its value is true or false. */
  requireCheckbox(): this {
    this.criteria = 'CHECKBOX';
    this.args = [];
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation(this.criteria, this.args, this.allowInvalid, this.helpText);
  }
}

export class FakeProtection {
  private description = '';
  private warningOnly = false;
  constructor(readonly range: FakeRange) {}
  setDescription(text: string): this {
    this.description = text;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  getRange(): FakeRange {
    return this.range;
  }
}
