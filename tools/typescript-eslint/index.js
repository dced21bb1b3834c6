// typescript-eslint, run on TypeScript 5. Its parser calls TypeScript's JavaScript API, which the
// project's TypeScript 7 (the native tsc) does not have. As this local package's own dependencies
// (and with package.json's "overrides" pinning every TypeScript under it to 5.x, so that packages
// such as ts-api-utils are not hoisted next to TypeScript 7), npm installs typescript@5 with
// typescript-eslint in tools/typescript-eslint/node_modules: their require('typescript') finds 5.x
// there, while the project's node_modules/typescript and `tsc` stay 7.
// tests/unit/boundaries-lint.test.ts checks which TypeScript the parser gets.
export { default } from 'typescript-eslint';
