// Finds syntax newer than ES2017 in a classic script, the level MediaWiki's gadget validator (Peast
// ES2017) accepts. It walks TypeScript's syntax tree, so text inside strings, comments and regular
// expression bodies is never mistaken for syntax.

import ts from 'typescript';

export interface Violation {
  feature: string;
  line: number;
}

type Check = (node: ts.Node) => string | undefined;

const LOGICAL_ASSIGNMENTS = new Set([
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

const hasQuestionDot = (node: ts.Node): boolean =>
  (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) &&
  node.questionDotToken !== undefined;

const isAsync = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);

const CHECKS: Check[] = [
  (n) => (hasQuestionDot(n) ? 'optional chaining (?.)' : undefined),
  (n) =>
    ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
      ? 'nullish coalescing (??)'
      : undefined,
  (n) => (ts.isBinaryExpression(n) && LOGICAL_ASSIGNMENTS.has(n.operatorToken.kind) ? 'logical assignment' : undefined),
  (n) => (ts.isSpreadAssignment(n) ? 'object spread' : undefined),
  (n) =>
    ts.isBindingElement(n) && n.dotDotDotToken !== undefined && ts.isObjectBindingPattern(n.parent)
      ? 'object rest'
      : undefined,
  (n) => (ts.isPropertyDeclaration(n) ? 'class field' : undefined),
  (n) => (ts.isClassStaticBlockDeclaration(n) ? 'class static block' : undefined),
  (n) => (ts.isPrivateIdentifier(n) ? 'private name (#x)' : undefined),
  (n) => (ts.isForOfStatement(n) && n.awaitModifier !== undefined ? 'for await' : undefined),
  (n) => (ts.isCatchClause(n) && n.variableDeclaration === undefined ? 'optional catch binding' : undefined),
  (n) => (ts.isBigIntLiteral(n) ? 'BigInt literal' : undefined),
  (n) => (ts.isNumericLiteral(n) && n.getText().includes('_') ? 'numeric separator' : undefined),
  (n) =>
    (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) &&
    n.asteriskToken !== undefined &&
    isAsync(n)
      ? 'async generator'
      : undefined,
  (n) => (ts.isMetaProperty(n) && n.keywordToken === ts.SyntaxKind.ImportKeyword ? 'import.meta' : undefined),
  (n) => (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword ? 'dynamic import()' : undefined),
  (n) => (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isExportAssignment(n) ? 'module syntax' : undefined),
  (n) => {
    if (!ts.isRegularExpressionLiteral(n)) return undefined;
    const text = n.getText();
    const slash = text.lastIndexOf('/');
    const flags = text.slice(slash + 1);
    const body = text.slice(1, slash);
    if (/[sdv]/.test(flags)) return `regular expression flag /${flags}`;
    if (/\(\?<[=!]/.test(body)) return 'regular expression lookbehind';
    if (/\(\?<[A-Za-z_$]/.test(body) || /\\k</.test(body)) return 'regular expression named group';
    if (/\\[pP]\{/.test(body) && flags.includes('u')) return 'regular expression property escape';
    return undefined;
  },
];

/** Syntax errors first (a file that does not parse cannot pass), then every post-ES2017 feature. */
export function findPostEs2017Syntax(source: string): Violation[] {
  const file = ts.createSourceFile('gadget.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const line = (node: ts.Node): number => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const parseErrors = (file as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  const found: Violation[] = parseErrors.map((d) => ({
    feature: `syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    line: file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
  }));
  const visit = (node: ts.Node): void => {
    for (const check of CHECKS) {
      const feature = check(node);
      if (feature !== undefined) found.push({ feature, line: line(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
