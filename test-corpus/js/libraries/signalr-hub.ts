// An ASP.NET Core SignalR chat client in TypeScript.
import * as signalR from '@microsoft/signalr';

const connection = new signalR.HubConnectionBuilder()
  // expect: js/ws-cleartext
  .withUrl('http://chat.example-corp.net/hubs/chat')
  .withAutomaticReconnect()
  .build();

const secure = new signalR.HubConnectionBuilder()
  // safe: js/ws-cleartext
  .withUrl('/hubs/secure', { accessTokenFactory: () => sessionStorage.getItem('jwt') ?? '' })
  .build();

connection.on('ReceiveMessage', (user: string, message: string) => {
  const li = document.createElement('li');
  // safe: js/ws-message-xss
  li.textContent = `${user}: ${message}`;
  document.getElementById('messages')!.appendChild(li);
});

connection.on('ReceiveHtml', (user: string, html: string) => {
  // expect: js/ws-message-xss
  document.getElementById('rich')!.innerHTML = html;
});

secure.stream('Counter', 10).subscribe({
  next: (item: string) => {
    // expect: js/ws-message-open-redirect
    window.open(item);
  },
  complete: () => {},
  error: () => {},
});

export async function send(user: string, message: string): Promise<void> {
  // safe: js/ws-sensitive-send
  await connection.invoke('SendMessage', user, message);
}

export async function leak(): Promise<void> {
  // expect: js/ws-sensitive-send
  await connection.send('Diagnostics', { cookies: document.cookie });
}

connection.start();
secure.start();
