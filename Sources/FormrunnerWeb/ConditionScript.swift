/// The browser script served at `/assets/conditions.js`: it applies `when:` conditions live.
///
/// It is a port of the condition language of FormrunnerCore (`ConditionLexer`, `ConditionParser`,
/// `ConditionEvaluator`) to plain JavaScript, evaluating the same expression text the server does.
/// The server always re-checks the answers; the script only spares the requester questions that
/// do not apply. `ConditionScriptTests` runs it under node against the Swift evaluator.
///
/// The HTML it reads: in a `form[data-conditions]`, every field is wrapped in an element with
/// `data-field` (the field id), `data-type` (the field type) and, when conditional, `data-when`
/// (the condition text). Controls are named by field id. A wrapper whose condition is false gets
/// `hidden`, and its controls `disabled` (so they are not submitted); its value is then absent
/// for the conditions of later fields. Under node (`module` defined) the script exports
/// `{parse, evaluate, isShown, ConditionSyntaxError}` instead of touching the DOM.
enum ConditionScript {
    /// The script text.
    static let source: String = #"""
// formrunner: live `when:` conditions. A port of FormrunnerCore's condition language; the server
// re-checks everything. The expression is parsed and walked, never run as code, and the page is
// changed only through the `hidden` and `disabled` attributes.
(function () {
  'use strict';

  const MAX_LENGTH = 2000;  // Condition.maximumLength, in Unicode scalars
  const MAX_DEPTH = 64;     // Condition.maximumDepth: parentheses and `not`s

  /** A syntax error in a condition; `offset` counts code points. */
  class ConditionSyntaxError extends Error {
    constructor(message, offset) { super(message); this.offset = offset; }
  }

  // ---- Lexer (ConditionLexer.swift) ---------------------------------------------------------

  const WHITESPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
  const isIdentStart = (c) => /^[A-Za-z_]$/.test(c);
  const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
  const KEYWORDS = { and: 'and', or: 'or', not: 'not', in: 'in', contains: 'contains' };
  // Longest first, as the Swift lexer tries them; `null` kinds are other languages' operators.
  const SYMBOLS = [['===', null], ['!==', null], ['==', '=='], ['!=', '!='], ['<=', '<='], ['>=', '>='],
    ['=<', null], ['=>', null], ['<>', null], ['&&', null], ['||', null], ['<', '<'], ['>', '>'],
    ['=', null], ['!', null], ['&', null], ['|', null]];

  /**
   * Tokens of `chars` (an array of code points): {kind, value, offset}. Lexing stops at the first
   * unreadable text with one 'invalid' token (carrying the error), then 'end', like the Swift lexer.
   */
  function tokenize(chars) {
    const tokens = [];
    let pos = 0;
    const push = (kind, value, offset) => tokens.push({ kind, value, offset });
    while (true) {
      while (pos < chars.length && WHITESPACE.test(chars[pos])) pos++;
      const start = pos, c = chars[pos];
      if (c === undefined) { push('end', null, pos); return tokens; }
      let error = null;
      if (isIdentStart(c)) {
        while (pos < chars.length && (isIdentStart(chars[pos]) || isDigit(chars[pos]) || chars[pos] === '-')) pos++;
        const word = chars.slice(start, pos).join('');
        if (word === 'true' || word === 'false') push('boolean', word === 'true', start);
        else if (KEYWORDS[word]) push(KEYWORDS[word], null, start);
        else push('identifier', word, start);
      } else if (isDigit(c) || (c === '-' && isDigit(chars[pos + 1]))) {
        // -?[0-9]+(\.[0-9]+)?, not glued to letters, digits, `_` or `.`
        if (c === '-') pos++;
        while (isDigit(chars[pos])) pos++;
        let wellFormed = true;
        if (chars[pos] === '.') {
          pos++;
          if (isDigit(chars[pos])) { while (isDigit(chars[pos])) pos++; } else wellFormed = false;
        }
        while (pos < chars.length && (isIdentStart(chars[pos]) || isDigit(chars[pos]) || chars[pos] === '.')) {
          wellFormed = false; pos++;
        }
        const literal = chars.slice(start, pos).join(''), value = Number(literal);
        if (!wellFormed) error = `malformed number '${literal}'`;
        else if (!Number.isFinite(value)) error = `number '${literal}' is too large`;
        else push('number', value, start);
      } else if (c === '"' || c === "'") {
        error = `unterminated string; add the closing ${c}`;
        let value = '';
        pos++;
        while (pos < chars.length) {
          const d = chars[pos];
          if (d === c) { pos++; push('text', value, start); error = null; break; }
          if (d === '\\') {
            const e = chars[pos + 1];
            if (e === undefined) break;
            if (e === '"' || e === "'" || e === '\\') value += e;
            else if (e === 'n') value += '\n';
            else if (e === 't') value += '\t';
            else { error = `unknown escape '\\${e}'`; break; }
            pos += 2;
            continue;
          }
          value += d;
          pos++;
        }
      } else if ('()[],'.includes(c)) {
        pos++;
        push(c, null, start);
      } else {
        const symbol = '=!<>&|'.includes(c) && SYMBOLS.find(([s]) => chars.slice(pos, pos + s.length).join('') === s);
        if (symbol && symbol[1]) { pos += symbol[0].length; push('comparison', symbol[1], start); }
        else error = symbol ? `unknown operator '${symbol[0]}'` : `unknown character '${c}'`;
      }
      if (error !== null) {
        push('invalid', new ConditionSyntaxError(error, start), start);
        push('end', null, chars.length);
        return tokens;
      }
    }
  }

  // ---- Parser (ConditionParser.swift) --------------------------------------------------------
  //   condition  := or END            or  := and ("or" and)*      and := not ("and" not)*
  //   not        := "not" not | comparison
  //   comparison := operand [ ("=="|"!="|"<"|"<="|">"|">="|"contains") operand | ["not"] "in" list ]
  //   operand    := literal | field | ("empty"|"answered"|"count") "(" field ")" | "(" or ")"
  //   literal    := string | number | "true" | "false" | "date" "(" string ")"
  // Nodes: {op:'lit', value} {op:'field', id} {op:'empty'|'count', id} {op:'not', operand}
  //        {op:'and'|'or', operands} {op:'cmp', cmp, lhs, rhs} {op:'in', lhs, items, negated}
  //        {op:'contains', lhs, rhs}. Literal values: {t:'text'|'number'|'boolean'|'date', v}.

  /** Parses condition text into a tree; throws ConditionSyntaxError where the server would. */
  function parse(source) {
    const chars = Array.from(String(source));
    if (chars.length > MAX_LENGTH) throw new ConditionSyntaxError('the condition is too long', MAX_LENGTH);
    const tokens = tokenize(chars);
    let index = 0, depth = 0;
    const current = () => tokens[index];
    const following = () => tokens[Math.min(index + 1, tokens.length - 1)];
    const advance = () => { const t = tokens[index]; if (index < tokens.length - 1) index++; return t; };
    const fail = (message, token) => new ConditionSyntaxError(message, token.offset);
    const unexpected = (token, expected) => token.kind === 'invalid' ? token.value
      : fail(token.kind === 'end' ? `unexpected end of condition; expected ${expected}` : `expected ${expected}`, token);
    const enter = (token) => { if (++depth > MAX_DEPTH) throw fail('the condition nests too deeply', token); };

    function parseOr() {
      const operands = [parseAnd()];
      while (current().kind === 'or') { advance(); operands.push(parseAnd()); }
      return operands.length === 1 ? operands[0] : { op: 'or', operands };
    }
    function parseAnd() {
      const operands = [parseNot()];
      while (current().kind === 'and') { advance(); operands.push(parseNot()); }
      return operands.length === 1 ? operands[0] : { op: 'and', operands };
    }
    function parseNot() {
      if (current().kind !== 'not') return parseComparison();
      enter(advance());
      const operand = parseNot();
      depth--;
      return { op: 'not', operand };
    }
    function parseComparison() {
      const lhs = parseOperand();
      let result;
      const kind = current().kind;
      if (kind === 'comparison') {
        const cmp = advance().value;
        result = { op: 'cmp', cmp, lhs, rhs: parseOperand() };
      } else if (kind === 'contains') {
        advance();
        result = { op: 'contains', lhs, rhs: parseOperand() };
      } else if (kind === 'in' || kind === 'not') {
        advance();
        if (kind === 'not') {
          if (current().kind !== 'in') throw unexpected(current(), "'in' after 'not'");
          advance();
        }
        result = { op: 'in', lhs, items: parseList(), negated: kind === 'not' };
      } else if (['and', 'or', ')', 'end'].includes(kind)) {
        return lhs;
      } else {
        throw unexpected(current(), 'an operator');
      }
      const next = current().kind;
      if (next === 'comparison' || next === 'in' || next === 'contains' || (next === 'not' && following().kind === 'in')) {
        throw fail("comparisons do not chain; join them with 'and'", current());
      }
      return result;
    }
    function parseList() {
      if (current().kind !== '[') throw unexpected(current(), 'a list like ["a", "b"]');
      const open = advance(), items = [];
      if (current().kind === ']') { advance(); return items; }
      while (true) {
        const token = current();
        if (['text', 'number', 'boolean'].includes(token.kind)
            || (token.kind === 'identifier' && token.value === 'date' && following().kind === '(')) {
          items.push(parseOperand().value);
        } else if (token.kind === 'end') {
          throw fail("'[' is never closed", open);
        } else {
          throw unexpected(token, 'a literal');
        }
        const kind = current().kind;
        if (kind === ',') advance();
        else if (kind === ']') { advance(); return items; }
        else if (kind === 'end') throw fail("'[' is never closed", open);
        else throw unexpected(current(), "',' or ']'");
      }
    }
    function parseOperand() {
      const token = current();
      switch (token.kind) {
        case 'identifier':
          if (following().kind === '(') return parseCall(token);
          advance();
          return { op: 'field', id: token.value };
        case 'text': case 'number': case 'boolean':
          advance();
          return { op: 'lit', value: { t: token.kind, v: token.value } };
        case '(': {
          enter(token);
          advance();
          const inner = parseOr();
          if (current().kind === ')') { advance(); depth--; return inner; }
          if (current().kind === 'end') throw fail("'(' is never closed", token);
          throw unexpected(current(), "'and', 'or' or ')'");
        }
        case '[':
          throw fail("a list can only follow 'in'", token);
        default:
          throw unexpected(token, 'a value');
      }
    }
    function parseCall(name) {
      if (!['empty', 'answered', 'count', 'date'].includes(name.value)) {
        throw fail(`unknown function '${name.value}'; use empty(), answered(), count() or date()`, name);
      }
      advance();
      const open = advance();
      let node;
      if (name.value === 'date') {
        if (current().kind !== 'text') throw unexpected(current(), 'a date like "2025-01-31"');
        const valueToken = advance();
        if (!isoDate(valueToken.value)) throw fail(`invalid date '${valueToken.value}'`, valueToken);
        node = { op: 'lit', value: { t: 'date', v: valueToken.value } };
      } else {
        if (current().kind !== 'identifier') throw unexpected(current(), 'a field id');
        const id = advance().value;
        node = name.value === 'answered' ? { op: 'not', operand: { op: 'empty', id } } : { op: name.value, id };
      }
      if (current().kind === ')') { advance(); return node; }
      if (current().kind === 'end') throw fail("'(' is never closed", open);
      throw unexpected(current(), "')'");
    }

    if (current().kind === 'end') throw new ConditionSyntaxError('the condition is empty', 0);
    const tree = parseOr();
    if (current().kind === 'end') return tree;
    if (current().kind === ')') throw fail("')' has no matching '('", current());
    throw unexpected(current(), "'and' or 'or'");
  }

  /** Whether `text` is a real day written YYYY-MM-DD (LocalDate(iso:)). */
  function isoDate(text) {
    const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
    if (!m) return false;
    const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
    return month >= 1 && month <= 12 && day >= 1 && day <= days;
  }

  // ---- Evaluator (ConditionEvaluator.swift) --------------------------------------------------
  // Answers mirror AnswerValue, keyed by field id: {type:'text'|'choice', value:string},
  // {type:'number', value:number}, {type:'boolean', value:bool}, {type:'date', value:'YYYY-MM-DD'},
  // {type:'choices', value:[option ids]}, {type:'files', value:count}. A missing key (null or
  // undefined too) is an unanswered or hidden field: it is *absent*. Three-valued logic: every
  // comparison reading an absent answer, and an absent boolean on its own, is unknown (MISSING);
  // `not` keeps unknown; `and` is false if one side is false, else unknown if one is; `or` is true
  // if one side is true, else unknown if one is; unknown does not hold. empty(), answered() and
  // count() are never unknown.

  const MISSING = { t: 'missing' };
  // Swift compares strings by canonical equivalence; NFC makes JavaScript do the same.
  const nfc = (s) => s.normalize('NFC');

  function answer(answers, id) {
    const a = answers && Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : null;
    if (a === null || a === undefined) return MISSING;
    switch (a.type) {
      case 'text': case 'choice': return { t: 'text', v: String(a.value) };
      case 'number': return { t: 'number', v: Number(a.value) };
      case 'boolean': return { t: 'boolean', v: a.value === true };
      case 'date': return { t: 'date', v: String(a.value) };
      case 'choices': return { t: 'options', v: a.value.map(String) };
      case 'files': return { t: 'files', v: Number(a.value) };
      default: return MISSING;
    }
  }

  function isEmpty(value) {
    switch (value.t) {
      case 'missing': return true;
      case 'text': return value.v === '';
      case 'options': return value.v.length === 0;
      case 'files': return value.v === 0;
      default: return false;
    }
  }

  /** Equality of two present values of the same kind. */
  function equal(a, b) {
    if (a.t !== b.t || !['text', 'number', 'boolean', 'date'].includes(a.t)) return false;
    return a.t === 'text' ? nfc(a.v) === nfc(b.v) : a.v === b.v;
  }

  /** -1, 0 or 1 for two numbers or two dates (YYYY-MM-DD sorts as text); null otherwise. */
  function order(a, b) {
    if (a.t !== b.t || (a.t !== 'number' && a.t !== 'date')) return null;
    return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  }

  function compare(cmp, a, b) {
    if (cmp === '==') return equal(a, b);
    if (cmp === '!=') return !equal(a, b);
    const o = order(a, b);
    if (o === null) return false;
    return cmp === '<' ? o < 0 : cmp === '<=' ? o <= 0 : cmp === '>' ? o > 0 : o >= 0;
  }

  function value(node, answers) {
    switch (node.op) {
      case 'lit': return node.value;
      case 'field': return answer(answers, node.id);
      case 'empty': return { t: 'boolean', v: isEmpty(answer(answers, node.id)) };
      case 'count': {
        const a = answer(answers, node.id);
        return { t: 'number', v: a.t === 'options' ? a.v.length : a.t === 'files' ? a.v : 0 };
      }
      case 'not': {
        const t = truth(node.operand, answers);
        return t === null ? MISSING : { t: 'boolean', v: !t };
      }
      case 'and': {
        const truths = node.operands.map((o) => truth(o, answers));
        if (truths.includes(false)) return { t: 'boolean', v: false };
        return truths.includes(null) ? MISSING : { t: 'boolean', v: true };
      }
      case 'or': {
        const truths = node.operands.map((o) => truth(o, answers));
        if (truths.includes(true)) return { t: 'boolean', v: true };
        return truths.includes(null) ? MISSING : { t: 'boolean', v: false };
      }
      case 'cmp': {
        const a = value(node.lhs, answers), b = value(node.rhs, answers);
        return a.t === 'missing' || b.t === 'missing' ? MISSING : { t: 'boolean', v: compare(node.cmp, a, b) };
      }
      case 'in': {
        const left = value(node.lhs, answers);
        if (left.t === 'missing') return MISSING;
        return { t: 'boolean', v: node.items.some((item) => equal(left, item)) !== node.negated };
      }
      case 'contains': {
        const hay = value(node.lhs, answers), needle = value(node.rhs, answers);
        if (hay.t === 'missing' || needle.t === 'missing') return MISSING;
        if (hay.t === 'text' && needle.t === 'text') return { t: 'boolean', v: needle.v === '' || nfc(hay.v).includes(nfc(needle.v)) };
        if (hay.t === 'options' && needle.t === 'text') return { t: 'boolean', v: hay.v.some((id) => nfc(id) === nfc(needle.v)) };
        return { t: 'boolean', v: false };
      }
      default: return { t: 'boolean', v: false };
    }
  }

  /** true, false, or null when unknown (it reads an absent answer). */
  function truth(node, answers) {
    const v = value(node, answers);
    return v.t === 'missing' ? null : v.t === 'boolean' && v.v === true;
  }
  const isTrue = (node, answers) => truth(node, answers) === true;

  /** Whether the parsed condition `tree` holds for `answers`. */
  function evaluate(tree, answers) { return isTrue(tree, answers); }

  /** Whether a field with condition text `source` is shown; a condition that does not parse shows it. */
  const parsed = new Map();
  function isShown(source, answers) {
    if (!parsed.has(source)) {
      try { parsed.set(source, parse(source)); } catch (error) {
        console.error(`formrunner: cannot read the condition "${source}": ${error.message}`);
        parsed.set(source, null);
      }
    }
    const tree = parsed.get(source);
    return tree === null || evaluate(tree, answers);
  }

  // ---- DOM wiring ----------------------------------------------------------------------------

  /** The non-blank values the wrapper's controls named `id` would submit. */
  function submitted(wrapper, id) {
    const values = [];
    for (const control of wrapper.querySelectorAll('input, select, textarea')) {
      if (control.name !== id) continue;
      if (control.type === 'radio' || control.type === 'checkbox') {
        if (control.checked) values.push(control.value);
      } else if (control.tagName === 'SELECT') {
        for (const option of control.selectedOptions) values.push(option.value);
      } else {
        values.push(control.value);
      }
    }
    return values.filter((v) => v.trim() !== '');  // blank answers are unanswered (FormAnswers.isBlank)
  }

  /** The answer a wrapper holds, as AnswerParser would read it; null when unanswered or unreadable. */
  function read(wrapper) {
    const id = wrapper.getAttribute('data-field'), type = wrapper.getAttribute('data-type');
    if (type === 'files') {
      const input = Array.from(wrapper.querySelectorAll('input[type=file]')).find((i) => i.name === id);
      const count = input && input.files ? input.files.length : 0;
      return count > 0 ? { type: 'files', value: count } : null;
    }
    const values = submitted(wrapper, id);
    if (values.length === 0) return null;
    if (type === 'multichoice') return { type: 'choices', value: [...new Set(values.map((v) => v.trim()))] };
    const text = values[0].trim();
    switch (type) {
      case 'multiline': return { type: 'text', value: values[0] };
      case 'number': return /^-?[0-9]+(\.[0-9]+)?$/.test(text) ? { type: 'number', value: Number(text) } : null;
      case 'date': return isoDate(text) ? { type: 'date', value: text } : null;
      case 'datetime': {  // YYYY-MM-DDTHH:MM sorts as text, like a date
        const m = /^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}:[0-9]{2})$/.exec(text);
        return m && isoDate(m[1]) ? { type: 'date', value: m[1] + 'T' + m[2] } : null;
      }
      case 'choice': return { type: 'choice', value: text };
      case 'boolean': {
        const word = text.toLowerCase();
        if (['true', 'yes', 'y'].includes(word)) return { type: 'boolean', value: true };
        if (['false', 'no', 'n'].includes(word)) return { type: 'boolean', value: false };
        return null;
      }
      default: return { type: 'text', value: text };  // text, email, secret, account
    }
  }

  /** Shows and hides the form's fields in document order; a hidden field's answer is absent later on. */
  function apply(form) {
    const answers = {};
    for (const wrapper of form.querySelectorAll('[data-field]')) {
      const when = wrapper.getAttribute('data-when');
      if (when !== null) {  // fields without a condition are left as the server rendered them
        const shown = isShown(when, answers);
        wrapper.hidden = !shown;
        for (const control of wrapper.querySelectorAll('input, select, textarea')) control.disabled = !shown;
        if (!shown) continue;
      }
      const current = read(wrapper);
      if (current !== null) answers[wrapper.getAttribute('data-field')] = current;
    }
    // A section is shown while one of its fields or notes is.
    for (const section of form.querySelectorAll('fieldset[data-section]')) {
      const parts = Array.from(section.querySelectorAll('[data-field]'));
      section.hidden = parts.length > 0 && parts.every((part) => part.hidden);
    }
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { parse, evaluate, isShown, ConditionSyntaxError };
  } else if (typeof document !== 'undefined') {
    const start = () => {
      for (const form of document.querySelectorAll('form[data-conditions]')) {
        apply(form);
        form.addEventListener('input', () => apply(form));
        form.addEventListener('change', () => apply(form));
      }
    };
    // A deferred or late script may run after DOMContentLoaded has fired.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
})();
"""#
}
