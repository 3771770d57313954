const feed = new WebSocket('wss://live.example-corp.net/feed');
