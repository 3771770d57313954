// An Angular-style component: the socket and the SignalR hub arrive by dependency injection, so
// only their TypeScript types say what they are.
import { Component, ElementRef } from '@angular/core';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';
import { HubConnection } from '@microsoft/signalr';

@Component({ selector: 'app-notifications', template: '<div #box></div>' })
export class NotificationsComponent {
  private socket?: WebSocket;
  trusted?: SafeHtml;

  constructor(
    private readonly hub: HubConnection,
    private readonly sanitizer: DomSanitizer,
    private readonly host: ElementRef<HTMLElement>,
  ) {}

  connect(socket: WebSocket | null): void {
    this.socket = socket ?? undefined;
    this.socket?.addEventListener('message', (event: MessageEvent<string>) => {
      const note = JSON.parse(event.data);
      // expect: js/ws-message-xss
      this.trusted = this.sanitizer.bypassSecurityTrustHtml(note.html);
      // safe: js/ws-message-xss
      this.host.nativeElement.textContent = note.text;
    });

    this.hub.on('alert', (title: string, body: string) => {
      // expect: js/ws-message-xss
      this.host.nativeElement.insertAdjacentHTML('beforeend', `<h3>${title}</h3>`);
      // safe: js/ws-message-xss
      this.host.nativeElement.insertAdjacentHTML('beforeend', '<hr>');
      console.info(body);
    });

    this.hub.on('open', (url: string) => {
      // expect: js/ws-message-open-redirect
      this.sanitizer.bypassSecurityTrustResourceUrl(url);
    });
  }

  acknowledge(id: string): void {
    // safe: js/ws-sensitive-send
    this.socket?.send(JSON.stringify({ ack: id }));
    // expect: js/ws-sensitive-send
    this.hub.invoke('Ack', id, localStorage.getItem('refreshToken'));
  }
}
