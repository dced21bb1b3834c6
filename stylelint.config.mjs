// stylelint: logical CSS only where it matters for right-to-left (Arabic): left/right never appear in
// a property or a keyword; inline-start/inline-end do, and mirror with dir="rtl" (ARCHITECTURE.md,
// "Boundaries"). Top/bottom, width/height, overflow-x/y, vh… do not change with the direction, so the
// plugin's rules are narrowed to left/right (its recommended set would also turn those into
// block/inline ones, which is not the point here). No style rules: this is about RTL.

/** The plugin's physical properties that have nothing to do with left/right. */
const NOT_LEFT_OR_RIGHT = [
  'border-bottom',
  'border-bottom-color',
  'border-bottom-style',
  'border-bottom-width',
  'border-top',
  'border-top-color',
  'border-top-style',
  'border-top-width',
  'bottom',
  'contain-intrinsic-height',
  'contain-intrinsic-width',
  'height',
  'margin-bottom',
  'margin-top',
  'max-height',
  'max-width',
  'min-height',
  'min-width',
  'overflow-x',
  'overflow-y',
  'overscroll-behavior-x',
  'overscroll-behavior-y',
  'padding-bottom',
  'padding-top',
  'scroll-margin-bottom',
  'scroll-margin-top',
  'scroll-padding-bottom',
  'scroll-padding-top',
  'top',
  'width',
];

/** @type {import('stylelint').Config} */
export default {
  plugins: ['stylelint-plugin-logical-css'],
  rules: {
    // left, right, margin-left, padding-right, border-left(-*), border-top-left-radius, scroll-margin-left…
    'logical-css/require-logical-properties': [true, { ignore: NOT_LEFT_OR_RIGHT }],
    // text-align(-last): left/right → start/end; float, clear: left/right → inline-start/inline-end.
    'logical-css/require-logical-keywords': [
      true,
      { ignore: ['box-orient', 'caption-side', 'offset-anchor', 'offset-position', 'resize'] },
    ],
  },
};
