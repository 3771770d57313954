var sock = new SockJS('https://chat.partner-example.net/sock');
var live = new WebSocket('wss://live.example-corp.net/feed');
