/*
 * Angular host of the partner embed: @HostListener('window:message') methods receive the window's message
 * events ($event), or parts of them ($event.data).
 */
import { Component, ElementRef, HostListener } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';

const EMBED_ORIGIN = 'https://embed.example-corp.net';

@Component({ selector: 'app-embed-host', template: '<section class="embed"></section>' })
export class EmbedHostComponent {
  constructor(private readonly host: ElementRef<HTMLElement>, private readonly sanitizer: DomSanitizer) {}

  // expect: js/postmessage-origin-check@warning
  @HostListener('window:message', ['$event'])
  onEmbedMessage(event: MessageEvent): void {
    const msg = event.data as { kind: string; html?: string; url?: string };
    if (msg.kind === 'content') {
      // expect: js/postmessage-xss@error
      this.host.nativeElement.innerHTML = msg.html ?? '';
    }
  }

  @HostListener('window:message', ['$event'])
  onTrustedMessage(event: MessageEvent): void {
    if (event.origin !== EMBED_ORIGIN) {
      return;
    }
    // safe: js/postmessage-xss
    this.host.nativeElement.innerHTML = event.data.html;
  }

  // The data alone: no origin can be checked in the method.
  // expect: js/postmessage-origin-check@warning
  @HostListener('window:message', ['$event.data'])
  onData(data: { next: string }): void {
    // expect: js/postmessage-open-redirect@warning
    window.location.href = data.next;
  }

  // A click on the host element is not a message event.
  @HostListener('click', ['$event'])
  onClick(event: MouseEvent): void {
    // safe: js/postmessage-xss
    this.host.nativeElement.innerHTML = String((event as unknown as { data: string }).data);
  }
}
