/*
 * Start-up of the notification client: the API's base URL is the page's own origin and the folder of its
 * path, built with String.prototype.concat.
 *
 * Corpus for js/ws-url-injection (with settings.ts and stream.ts).
 */
import * as settings from './settings';
import { openStream, openMirror } from './stream';

const { port, hostname, protocol, pathname } = window.location;
const origin = protocol.concat('//').concat(port ? hostname.concat(':', port) : hostname);
const folder = pathname.endsWith('/') ? pathname : pathname.substring(0, pathname.lastIndexOf('/'));
const base = origin + folder;

settings.put('base', base.endsWith('/') ? base : base.concat('/'));
openStream();

// A mirror named in the page's query: the query decides the host.
const mirror = new URLSearchParams(location.search).get('mirror') || 'mirror.example-corp.net';
openMirror('wss://'.concat(mirror, '/stream'));
