// Classic script of a hostile portal, run before the widget loads: it patches what old portal
// stacks patch (rounding "fixes", Prototype.js/MooTools-era extensions, JSON and fetch shims),
// each in a broken way, so any reliance on them shows.
(function () {
  'use strict';
  var broken = function () { return 'NaN'; };
  // Number.prototype: a "toFixed rounding fix" gone wrong, and friends.
  Number.prototype.toFixed = broken;
  Number.prototype.toPrecision = broken;
  Number.prototype.toLocaleString = broken;
  Number.prototype.toString = broken;
  // Object.prototype: enumerable junk, including names the engine reads from a request and the UI
  // reads from an answer when they are absent.
  var junk = { extend: function () {}, each: function () {}, toJSONString: broken,
    explain: 'yes', disease: 'hostile', paid_on: 'not a date', statuses: 'dibao', date: 'x',
    clause: 'HOSTILE', formula: 'HOSTILE', min: 'HOSTILE', max: 'HOSTILE', note_zh: 'HOSTILE',
    limit_from: 'HOSTILE', error: 'HOSTILE', send_to_zh: 'HOSTILE' };
  for (var k in junk) Object.prototype[k] = junk[k];
  // Array.prototype: Prototype.js-style enumerable extensions and a toJSON that breaks JSON.
  Array.prototype.first = function () { return this[0]; };
  Array.prototype.last = function () { return this[this.length - 1]; };
  Array.prototype.toJSON = broken;
  // MooTools' Array.from: wraps anything that is not array-like (a Set becomes [Set]).
  Array.from = function (item) {
    if (item == null) return [];
    return typeof item.length === 'number' && typeof item !== 'string' ? Array.prototype.slice.call(item) : [item];
  };
  // JSON: an old shim that refuses.
  JSON.stringify = function () { throw new Error('portal JSON shim: stringify not supported'); };
  JSON.parse = function () { throw new Error('portal JSON shim: parse not supported'); };
  // fetch: a shim that refuses, and a Response that is not the browser's.
  window.fetch = function () { return Promise.reject(new TypeError('portal fetch shim: use $.ajax')); };
  window.Response = function Response() {};
  window.__patched = true;
})();
