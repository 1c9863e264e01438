// The web tests run on what ships: `react` and `react-dom` are preact/compat here as in the build
// (preact.ts). The libraries that import React get the same (a real React under them would fail
// every rendering test: React refuses elements it did not make).
import * as compat from 'preact/compat';
import * as compatClient from 'preact/compat/client';
import * as preactJsx from 'preact/jsx-runtime';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactDOMClient from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import { describe, expect, it } from 'vitest';

describe('the renderer', () => {
  it('is preact/compat', () => {
    expect(React.createElement).toBe(compat.createElement);
    expect(ReactDOM.createPortal).toBe(compat.createPortal);
    expect(ReactDOMClient.createRoot).toBe(compatClient.createRoot);
    expect(jsxRuntime.jsx).toBe(preactJsx.jsx);
  });
});
