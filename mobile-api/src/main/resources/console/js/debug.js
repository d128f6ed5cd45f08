// What the page holds, exposed read-only for the browser test and for the dev tools (window.citygrid).
export const debug = (window.citygrid = window.citygrid || {});
