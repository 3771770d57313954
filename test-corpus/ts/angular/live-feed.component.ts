// An Angular component with an inline template. Angular sanitizes [innerHTML] bindings itself, so
// message data bound there is safe; the sink is the bypassSecurityTrustHtml() call that marks the
// data as trusted (the template binding of its result is not reported a second time).
// Corpus for Angular component templates: js/ws-message-xss, js/ws-cleartext.
import { Component, OnDestroy } from '@angular/core';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';

@Component({
  selector: 'app-live-feed',
  template: `
    <div class="last" [innerHTML]="last"></div>
    <div class="pinned" [innerHTML]="pinned"></div>
  `,
})
export class LiveFeedComponent implements OnDestroy {
  last = '';
  pinned?: SafeHtml;
  // expect: js/ws-cleartext
  private readonly socket = new WebSocket('ws://feed.example-corp.net/live');

  constructor(private readonly sanitizer: DomSanitizer) {
    this.socket.onmessage = (e: MessageEvent<string>) => {
      const m = JSON.parse(e.data);
      // safe: js/ws-message-xss
      this.last = m.html;
      if (m.pinned) {
        // expect: js/ws-message-xss
        this.pinned = this.sanitizer.bypassSecurityTrustHtml(m.html);
      }
    };
  }

  ngOnDestroy(): void {
    this.socket.close();
  }
}
