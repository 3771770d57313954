package io.wsscan.rules.js;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.findings.Finding;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * js/postmessage-xss, -code-injection and -open-redirect: message event data reaching sinks, each finding's
 * level set by the origin check of the handler the data came from; and the message event APIs (jQuery,
 * frames, channels, Angular's @HostListener, onmessage ??=, constant event names, targetOrigin options).
 */
class PostMessageTaintTest {

    private static final String XSS = "js/postmessage-xss", CODE = "js/postmessage-code-injection",
            REDIRECT = "js/postmessage-open-redirect", ORIGIN = "js/postmessage-origin-check",
            WILDCARD = "js/postmessage-wildcard-target";
    private static RuleTester tester;

    @BeforeAll
    static void setUp() {
        tester = RuleTester.using(new JsAnalyzer(RuleCatalog.builtin())::analyzeTogether).only(XSS, CODE, REDIRECT, ORIGIN, WILDCARD);
    }

    @Test
    void theHandlersOriginCheckSetsTheLevel() {
        RuleTester.Result r = tester.check("page.js", """
                // expect: js/postmessage-origin-check@warning
                window.addEventListener('message', function (e) {
                  // expect: js/postmessage-xss@error "the message handler does not check event.origin"
                  document.body.innerHTML = e.data;
                });
                // expect: js/postmessage-origin-check@warning
                window.addEventListener('message', function (e) {
                  if (e.origin.startsWith('https://app.example.com')) {
                    // expect: js/postmessage-code-injection@warning "startsWith()"
                    eval(e.data.code);
                  }
                });
                // expect: js/postmessage-origin-check@warning "only after"
                window.addEventListener('message', function (e) {
                  // expect: js/postmessage-open-redirect@warning "only after"
                  location.href = e.data.url;
                  if (e.origin !== 'https://app.example.com') return;
                });
                // safe: js/postmessage-origin-check
                window.addEventListener('message', function (e) {
                  if (!['https://a.example.com', 'https://b.example.com'].includes(e.origin)) return;
                  // safe: js/postmessage-xss
                  document.body.innerHTML = e.data;
                  // safe: js/postmessage-open-redirect
                  window.open(e.data.url);
                });
                """);
        Finding xss = r.only(XSS);
        assertEquals(4, xss.region().startLine());
        assertTrue(xss.message().startsWith("Data from a postMessage event (line 4) reaches innerHTML"), xss.message());
    }

    @Test
    void channelsHaveNoOriginAndAreNotes() {
        tester.check("page.js", """
                var w = new Worker('/w.js');
                w.addEventListener('message', function (e) {
                  // expect: js/postmessage-xss@note "a Worker's message"
                  document.body.innerHTML = e.data;
                });
                var c = new MessageChannel();
                // safe: js/postmessage-origin-check
                c.port1.onmessage = function (e) {
                  // expect: js/postmessage-open-redirect@note "MessagePort"
                  location.assign(e.data);
                };
                new SharedWorker('/s.js').port.onmessage = function (e) {
                  // expect: js/postmessage-code-injection@note "MessagePort"
                  setTimeout(e.data, 1);
                };
                var b = new BroadcastChannel('tabs');
                b.onmessage = function (e) {
                  // expect: js/postmessage-xss@note "BroadcastChannel"
                  document.write(e.data);
                };
                """);
    }

    @Test
    void aPortHandedOverInAMessageFollowsThatHandlersCheck() {
        tester.check("page.js", """
                window.addEventListener('message', function (e) {
                  if (e.origin !== 'https://editor.example.com') return;
                  e.ports[0].onmessage = function (m) {
                    // safe: js/postmessage-xss
                    document.getElementById('doc').innerHTML = m.data.html;
                  };
                });
                // expect: js/postmessage-origin-check@warning
                window.addEventListener('message', function (e) {
                  var port = e.ports[0];
                  port.postMessage('ready');
                  port.onmessage = function (m) {
                    // expect: js/postmessage-xss@error
                    document.getElementById('doc').innerHTML = m.data.html;
                  };
                  document.title = e.data.title;
                });
                """);
    }

    @Test
    void anIndexIntoTheDataIsRead() {
        // e.data[0] once stopped the whole file with an internal error (a computed member has no name)
        tester.check("page.js", """
                // expect: js/postmessage-origin-check@warning
                window.addEventListener('message', function (e) {
                  var first = e.data[0];
                  // expect: js/postmessage-xss@error
                  document.body.innerHTML = first;
                });
                """);
    }

    @Test
    void theEventHandedToAHelperIsJudgedByTheHandler() {
        tester.check("page.js", """
                function show(e) {
                  // safe: js/postmessage-xss
                  document.body.innerHTML = e.data.html;
                }
                function showUnchecked(e) {
                  // expect: js/postmessage-xss@error
                  document.body.innerHTML = e.data.html;
                }
                window.addEventListener('message', function (e) {
                  if (e.origin !== 'https://app.example.com') return;
                  show(e);
                });
                // expect: js/postmessage-origin-check@warning "passes the event on to code that uses event.data"
                window.addEventListener('message', function (e) { showUnchecked(e); });
                """);
    }

    @Test
    void aCheckOnTheWayThroughSeveralHelpersCounts() {
        tester.check("page.js", """
                class Widget {
                  constructor(el) {
                    this.el = el;
                    window.addEventListener('message', (e) => this.receive(e));
                  }
                  receive(e) {
                    if (e.origin !== 'https://app.example.com') return;
                    this.dispatch(e);
                  }
                  dispatch(e) {
                    if (e.data.type === 'html') this.render(e);
                  }
                  render(e) {
                    // safe: js/postmessage-xss
                    this.el.innerHTML = e.data.html;
                  }
                }
                function paint(e) {
                  // expect: js/postmessage-xss@warning "indexOf()"
                  document.body.innerHTML = e.data;
                }
                function route(e) {
                  if (e.origin.indexOf('example.com') < 0) return;
                  paint(e);
                }
                // expect: js/postmessage-origin-check@warning "indexOf()"
                window.addEventListener('message', function (e) { route(e); });
                """);
    }

    @Test
    void jqueryEventAndAFramesWindow() {
        tester.check("page.js", """
                // expect: js/postmessage-origin-check@warning
                $(window).on('message', function (e) {
                  // expect: js/postmessage-xss@error
                  $('#out').html(e.originalEvent.data);
                });
                // safe: js/postmessage-origin-check
                $(window).on('message', function (e) {
                  var ev = e.originalEvent;
                  if (ev.origin !== 'https://app.example.com') return;
                  // safe: js/postmessage-xss
                  $('#out').html(ev.data);
                });
                // expect: js/postmessage-origin-check@warning
                document.getElementById('f').contentWindow.onmessage = function (e) {
                  // expect: js/postmessage-xss@error
                  document.body.insertAdjacentHTML('beforeend', e.data);
                };
                """);
    }

    @Test
    void onmessageLogicalAssignmentAndConstantEventNames() {
        tester.check("page.js", """
                const EVT = 'message';
                // expect: js/postmessage-origin-check@warning
                window.addEventListener(EVT, function (e) {
                  // expect: js/postmessage-xss@error
                  document.body.innerHTML = e.data;
                });
                // expect: js/postmessage-origin-check@warning
                window.onmessage ??= function (e) {
                  // expect: js/postmessage-code-injection@error
                  eval(e.data);
                };
                // expect: js/postmessage-origin-check@warning
                window.onmessage ||= (e) => {
                  // expect: js/postmessage-open-redirect@warning
                  location.replace(e.data);
                };
                """);
    }

    @Test
    void angularHostListenerMethodsListenToTheWindow() {
        RuleTester.Result r = tester.check("embed.component.ts", """
                import { Component, HostListener } from '@angular/core';
                @Component({ selector: 'x-embed', template: '' })
                export class Embed {
                  constructor(private el: HTMLElement) {}
                  // expect: js/postmessage-origin-check@warning
                  @HostListener('window:message', ['$event'])
                  onMessage(event: MessageEvent) {
                    // expect: js/postmessage-xss@error
                    this.el.innerHTML = event.data;
                  }
                  @HostListener('window:message', ['$event'])
                  onChecked(event: MessageEvent) {
                    if (event.origin !== 'https://app.example.com') return;
                    // safe: js/postmessage-xss
                    this.el.innerHTML = event.data;
                  }
                  // expect: js/postmessage-origin-check@warning
                  @HostListener('window:message', ['$event.data'])
                  onData(data: any) {
                    // expect: js/postmessage-open-redirect@warning
                    location.href = data.url;
                  }
                  @HostListener('click', ['$event'])
                  onClick(event: any) {
                    // safe: js/postmessage-xss
                    this.el.innerHTML = event.data;
                  }
                }
                """);
        assertEquals(6, r.of(ORIGIN).get(0).region().startLine(), "the origin finding points at the decorator");
    }

    @Test
    void targetOriginInAnOptionsObject() {
        tester.check("page.js", """
                var token = document.cookie;
                // expect: js/postmessage-wildcard-target
                parent.postMessage({ token: token }, { targetOrigin: '*' });
                // safe: js/postmessage-wildcard-target
                parent.postMessage({ token: token }, { targetOrigin: 'https://app.example.com' });
                // safe: js/postmessage-wildcard-target
                parent.postMessage({ token: token }, { transfer: [] });
                """);
    }

    @Test
    void workerScriptsAreNotReported() {
        tester.check("workers/render.worker.js", """
                self.onmessage = function (e) {
                  // safe: js/postmessage-code-injection
                  eval(e.data);
                };
                """);
    }
}
