// Host side of the iframe embedding: size the frame to the height it reports. Only messages from
// our own frame with the expected shape are accepted.
const frame = document.getElementById('frame');
const out = document.getElementById('frame-height');
window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow) return;
  const d = e.data;
  if (!d || d.type !== 'yibao:height' || !Number.isFinite(d.height)) return;
  const height = Math.max(200, Math.min(20000, Math.ceil(d.height)));
  frame.height = String(height);
  out.textContent = `iframe height: ${height}px`;
});
