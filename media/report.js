// The sources report webview's only script (allowed by its nonce): the buttons and links post
// a message to the extension, which saves exports, refreshes and reveals quotes in the editor.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const status = document.getElementById('status');

  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement | null} */ (event.target instanceof Element ? event.target.closest('[data-action]') : null);
    if (!target) return;
    event.preventDefault();
    const action = target.dataset.action;
    if (action === 'export') {
      vscode.postMessage({ type: 'export', format: target.dataset.format });
    } else if (action === 'refresh') {
      if (status) status.textContent = 'Refreshing…';
      vscode.postMessage({ type: 'refresh' });
    } else if (action === 'reveal') {
      try {
        vscode.postMessage({ type: 'reveal', uri: target.dataset.uri, range: JSON.parse(target.dataset.range || 'null') });
      } catch {
        /* a malformed range: nothing to reveal */
      }
    }
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'status' && status) {
      status.textContent = String(message.text);
      status.dataset.kind = message.kind === 'error' ? 'error' : 'info';
    }
  });
})();
