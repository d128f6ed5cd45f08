// The operators' live stream (GET /api/v1/operator/live, server-sent events). EventSource cannot
// send an Authorization header, so the stream is read with fetch and its text/event-stream frames
// parsed here. Listeners get each case event; `onReconnected` listeners re-read what they show,
// because the stream does not replay events missed while it was down.
import { $ } from './dom.js';
import { t, onLangChange } from './i18n.js';
import { token, refreshToken } from './api.js';

const eventListeners = [];
const reconnectListeners = [];
let abort = null;
let liveState = 'off';

export function onCaseEvent(fn) { eventListeners.push(fn); }
export function onReconnected(fn) { reconnectListeners.push(fn); }

function setLive(s) {
  liveState = s;
  $('live').dataset.state = s;
  $('live-text').textContent = t('live.' + s);
}
onLangChange(() => setLive(liveState));

export function stopLive() {
  if (abort) abort.abort();
  abort = null;
  setLive('off');
}

/** Reads the stream until stopped, reconnecting with a growing pause (1 s to 30 s). */
export async function startLive(onExpired) {
  stopLive();
  const mine = new AbortController();
  abort = mine;
  let wait = 1000;
  let first = true;
  while (!mine.signal.aborted && token()) {
    setLive('connecting');
    try {
      const res = await fetch('/api/v1/operator/live', {
        headers: { Authorization: 'Bearer ' + token(), Accept: 'text/event-stream' }, signal: mine.signal
      });
      if (res.status === 401 && await refreshToken()) continue;
      if (res.status === 401) { onExpired(); return; }
      if (!res.ok) throw new Error('live stream answered ' + res.status);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = parseFrame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (event.name === 'connected') {
            setLive('on');
            wait = 1000;
            if (!first) reconnectListeners.forEach((fn) => fn());
            first = false;
          } else if (event.data) {
            const e = JSON.parse(event.data);
            eventListeners.forEach((fn) => fn(e));
          }
        }
      }
    } catch (e) {
      if (mine.signal.aborted) return;
      console.warn('live stream', e);
    }
    setLive('retry');
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(wait * 2, 30000);
  }
}

function parseFrame(frame) {
  const out = { name: 'message', data: '' };
  frame.split('\n').forEach((line) => {
    if (line.startsWith(':')) return;
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
    if (field === 'event') out.name = value;
    else if (field === 'data') out.data += (out.data ? '\n' : '') + value;
  });
  return out;
}
