// A little promise wrapper over IndexedDB: one database, two stores. 'outbox' holds what waits to be
// sent (reports, steps on cases, with their photos as bytes and their Idempotency-Key); 'track' holds
// patrol track points until they are posted.
const NAME = 'citygrid-app';
const VERSION = 1;
let opening = null;

function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(NAME, VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('track')) db.createObjectStore('track', { keyPath: 'at' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  return opening;
}

function run(store, mode, work) {
  return open().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const result = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  }));
}

export const idb = {
  put: (store, value) => run(store, 'readwrite', (s) => s.put(value)),
  get: (store, key) => run(store, 'readonly', (s) => s.get(key)),
  all: (store) => run(store, 'readonly', (s) => s.getAll()),
  remove: (store, key) => run(store, 'readwrite', (s) => s.delete(key)),
  removeMany: (store, keys) => run(store, 'readwrite', (s) => { keys.forEach((k) => s.delete(k)); }),
  count: (store) => run(store, 'readonly', (s) => s.count())
};
