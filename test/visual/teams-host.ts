/**
 * A host config close to Teams' light theme: Segoe UI (Liberation Sans, its metric twin, where Segoe is
 * missing), body text 14 px with `Medium` also 14 px (as in Teams), `Large` 18 px, buttons side by side
 * and stretched to equal widths, as the Teams clients lay them out.
 */
/** Teams' light-theme text colours, the same on plain and emphasis containers. */
const FOREGROUND = {
  default: { default: '#242424', subtle: '#616161' },
  accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
  good: { default: '#0E700E', subtle: '#0E700E' },
  warning: { default: '#835B00', subtle: '#835B00' },
  attention: { default: '#C4314B', subtle: '#C4314B' },
};

export const TEAMS_HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Liberation Sans', Arial, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: FOREGROUND,
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: FOREGROUND,
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'stretch',
  },
  textStyles: { heading: { size: 'large', weight: 'bolder', color: 'default', isSubtle: false, fontType: 'default' } },
  factSet: { title: { weight: 'bolder', size: 'default', maxWidth: 150, wrap: true }, value: { wrap: true }, spacing: 8 },
} as const;

/** Page CSS: Teams' button look (rounded, outlined, bold label) over the library's base styles. */
export const TEAMS_CSS = `
body { margin: 0; background: #EBEBEB; font-family: 'Segoe UI', 'Liberation Sans', Arial, sans-serif; }
#frame { padding: 0; }
#card { background: #fff; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.14); }
.ac-pushButton { border: 1px solid #D1D1D1; border-radius: 4px; color: #242424; background: #fff; font-size: 14px; font-weight: 600; padding: 5px 12px; min-height: 32px; }
.ac-pushButton.style-positive, .ac-pushButton.primary { background: #5B5FC7; border-color: #5B5FC7; color: #fff; }
.ac-pushButton.style-destructive { color: #C4314B; }
.ac-textBlock p { margin: 0 0 6px 0; } .ac-textBlock p:last-child { margin-bottom: 0; }
.ac-textBlock ul, .ac-textBlock ol { margin: 0; padding-left: 22px; box-sizing: border-box; }
.ac-input { font-family: inherit; font-size: 14px; }
`;
