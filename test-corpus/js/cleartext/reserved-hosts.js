/*
 * Settings page of the desktop client: the endpoints shown in its documentation, the mock servers of its
 * integration tests and the developer's own machine.
 *
 * Corpus for js/ws-cleartext and js/ws-untrusted-host: names reserved by RFC 2606 / RFC 6761 (example.com,
 * example.net, example.org and their subdomains, *.example, *.test, *.invalid, *.localhost) reached through
 * constants, aliases, concatenation, template literals, URL objects, helpers and classes, versus real hosts
 * that only look like them.
 */

// Documentation hosts: no real server answers there.
// safe: js/ws-cleartext
var DOC_ENDPOINT = 'ws://example.com/socket';
// safe: js/ws-untrusted-host
var docSocket = new WebSocket(DOC_ENDPOINT);

// An alias of a sample endpoint.
// safe: js/ws-cleartext
var API_SAMPLE = 'ws://api.example.net/v1/stream';
var sample = API_SAMPLE;
// safe: js/ws-untrusted-host
var sampleSocket = new WebSocket(sample);

// The host is concatenated from a constant.
var orgHost = 'staging.example.org';
// safe: js/ws-cleartext, js/ws-untrusted-host
var orgSocket = new WebSocket('ws://' + orgHost + ':8080/ws');

// Mock server of the integration tests, in a template literal returned by a helper.
var MOCK_HOST = 'chat.test';
function mockUrl(channel) {
  // safe: js/ws-cleartext
  return `ws://${MOCK_HOST}/channels/${channel}`;
}
var mock = new WebSocket(mockUrl('lobby'));

// A URL object for a host that can never resolve.
// safe: js/ws-cleartext, js/ws-untrusted-host
var refused = new WebSocket(new URL('ws://unreachable.invalid/ws'));

function connect(url) {
  return new WebSocket(url);
}
// safe: js/ws-cleartext
var tutorial = connect('ws://chat.app.example/ws');

// A class that receives its host: the developer's machine (RFC 6761 makes *.localhost loopback).
class DevTunnel {
  constructor(host) {
    // safe: js/ws-cleartext
    this.url = 'ws://' + host + '/tunnel';
    this.socket = new WebSocket(this.url);
  }
}
var tunnel = new DevTunnel('api.dev.localhost:5173');

// Encrypted, and to a reserved host that the allowlist does not name: still no untrusted host.
// safe: js/ws-untrusted-host
var sandbox = new WebSocket('wss://sandbox.example.org/ws');

// Real names that only contain a reserved one.
// expect: js/ws-cleartext "ws://example.com.example-corp.net/ws"
var mirrorSocket = new WebSocket('ws://example.com.example-corp.net/ws');
// expect: js/ws-cleartext
var testSocket = new WebSocket('ws://test.example-corp.net/ws');
// expect: js/ws-cleartext
var LEGACY_SOCKET = `ws://invalid.example-corp.net/${'ws'}`;
var legacySocket = new WebSocket(LEGACY_SOCKET);
// expect: js/ws-cleartext, js/ws-untrusted-host
var lookalike = new WebSocket('ws://www.notexample.com/ws');
// Known gap: the text of a URL object is not followed, because the object may be changed afterwards
// (u.protocol = 'wss:') and the analysis does not track that.
// expect-missing: js/ws-cleartext
var live = new WebSocket(new URL('ws://live.example-corp.net/ws'));
