// Live auction room (React class component, JSX). A bidding client with #private fields keeps the
// socket; the room can be embedded by partner sites and talks to them with postMessage.
//
// Corpus for .jsx: js/ws-url-injection, js/ws-sensitive-send, js/ws-credentials-in-url,
// js/ws-message-code-injection, js/postmessage-origin-check and js/postmessage-wildcard-target.
import React from 'react';

const PARTNER_ORIGIN = 'https://partners.example-corp.net';

class BiddingClient {
  #socket;
  #onLot;

  constructor(auctionId, onLot) {
    this.#onLot = onLot;
    const params = new URLSearchParams(location.search);
    // A "preview" link may point the room at another bidding server.
    const server = params.get('biddingServer') || 'wss://bids.example-corp.net';
    // expect: js/ws-url-injection
    this.#socket = new WebSocket(server + '/auctions/' + auctionId);
    this.#socket.onmessage = (e) => this.#dispatch(JSON.parse(e.data));
  }

  #dispatch(msg) {
    if (msg.type === 'widget') {
      // Sellers' "lot widgets" arrive as script source.
      // expect: js/ws-message-code-injection
      eval(msg.source);
    } else if (msg.type === 'lot') {
      // safe: js/ws-message-code-injection
      setTimeout(() => this.#onLot(msg.lot), 250);
      // Partners get every lot update, whatever page embeds the room.
      // expect: js/postmessage-wildcard-target
      window.parent.postMessage({ type: 'lot', lot: msg.lot }, '*');
      // safe: js/postmessage-wildcard-target
      window.parent.postMessage({ type: 'lot', lot: msg.lot }, PARTNER_ORIGIN);
    }
  }

  async bid(amount, card) {
    // expect: js/ws-sensitive-send
    this.#socket.send(JSON.stringify({ type: 'bid', amount, cardNumber: card.number, cvv: card.cvv }));
    // safe: js/ws-sensitive-send
    this.#socket.send(JSON.stringify({ type: 'bid', amount, cardRef: card.last4 }));
  }
}

function openWatchlist(user) {
  const apiKey = user.watchlistApiKey;
  // expect: js/ws-credentials-in-url
  const w = new WebSocket(`wss://watch.example-corp.net/ws?user=${user.id}&apikey=${apiKey}`);
  // safe: js/ws-credentials-in-url, js/ws-url-injection
  const stats = new WebSocket(`wss://stats.example-corp.net/ws?user=${encodeURIComponent(user.id)}`);
  return [w, stats];
}

export default class LiveAuction extends React.Component {
  state = { lot: null };

  componentDidMount() {
    this.client = new BiddingClient(this.props.auctionId, (lot) => this.setState({ lot }));
    this.sockets = openWatchlist(this.props.user);
    // expect: js/postmessage-origin-check
    window.addEventListener('message', this.onPartnerMessage);
    // safe: js/postmessage-origin-check
    window.addEventListener('message', this.onCheckedMessage);
  }

  onPartnerMessage = async (e) => {
    if (e.data.type === 'bid') await this.client.bid(e.data.amount, e.data.card);
  };

  onCheckedMessage = async (e) => {
    if (e.origin !== PARTNER_ORIGIN) return;
    if (e.data.type === 'bid') await this.client.bid(e.data.amount, e.data.card);
  };

  render() {
    const { lot } = this.state;
    return (
      <section className="auction">
        <h2>{lot ? lot.title : 'Waiting for the next lot'}</h2>
        <button onClick={() => this.client.bid(lot.next, this.props.card)}>Bid</button>
      </section>
    );
  }
}
