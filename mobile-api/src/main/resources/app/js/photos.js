// Photos from the phone's camera: <input type=file accept=image/* capture=environment> opens the
// camera on Android, iOS and in WeChat; the photo is made smaller here (at most 1600 px, JPEG) before
// it is kept, so that it goes through a slow connection, and loses its EXIF (the place it was taken
// is sent as the report's position, not hidden in the file).
import { $, el } from './ui.js';
import { call } from './api.js';

const MAX_SIDE = 1600;
const QUALITY = 0.82;

function load(file) {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => resolve({ img, url });
    img.onerror = () => { URL.revokeObjectURL(url); resolve(null); };
    img.src = url;
  });
}

/** The photo made smaller as a JPEG, or the file itself where the browser cannot (HEIC off Safari, no canvas). */
export async function shrink(file) {
  const loaded = await load(file);
  if (!loaded) return file;
  const { img, url } = loaded;
  URL.revokeObjectURL(url);
  const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
  const ctx = canvas.getContext && canvas.getContext('2d');
  if (!ctx || !canvas.toBlob) return file;
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  return blob && blob.size < file.size ? blob : file;
}

/** The photos taken for one form: kept as Blobs, shown as thumbnails. */
export function picker(inputId, previewsId) {
  let blobs = [];
  const input = $(inputId);
  const previews = $(previewsId);
  input.addEventListener('change', async () => {
    for (const file of Array.from(input.files || [])) {
      if (blobs.length >= 6) break;
      const blob = await shrink(file);
      blobs.push(blob);
      previews.append(el('img', { src: URL.createObjectURL(blob), alt: '' }));
    }
    previews.dataset.count = String(blobs.length);
    input.value = '';
  });
  return {
    blobs: () => blobs.slice(),
    clear: () => {
      blobs = [];
      previews.querySelectorAll('img').forEach((i) => URL.revokeObjectURL(i.src));
      previews.textContent = '';
      previews.dataset.count = '0';
    }
  };
}

/** Shows the photos of a case (refs "photo/<id>"), fetched with the person's token. */
export async function showPhotos(refs, container) {
  container.textContent = '';
  for (const ref of refs) {
    const r = await fetchPhoto(ref);
    if (r) container.append(el('img', { src: r, alt: '' }));
  }
}

async function fetchPhoto(ref) {
  const id = String(ref).replace(/^photo\//, '');
  // the photo route declares no produces type: Accept image/* matches no route (403), */* does
  const res = await call('/api/v1/photos/' + encodeURIComponent(id), { headers: { Accept: '*/*' }, blob: true });
  return res.ok && res.body ? URL.createObjectURL(res.body) : null;
}
