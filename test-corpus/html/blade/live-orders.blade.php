{{-- Laravel Blade view: echoes, @json and directives inside the page script.
     Corpus for templates (Blade): js/ws-cleartext, js/ws-message-xss, js/ws-credentials-in-url,
     js/ws-message-open-redirect. --}}
@extends('layouts.app')

@section('content')
<div id="orders" data-shop="{{ $shop->id }}"></div>
<div id="flash"></div>
@endsection

@push('scripts')
<script>
    const config = @json($socketConfig);
    const shopName = '{{ $shop->name }}';
    const token = "{!! $apiToken !!}";
    // The address comes from the config the server rendered.
    // safe: js/ws-cleartext
    const orders = new WebSocket(config.url);
    @if (app()->environment('local'))
    // The local echo server has no TLS.
    // expect: js/ws-cleartext
    const echo = new WebSocket('ws://echo.example-corp.net:6001/app/orders');
    @endif
    // expect: js/ws-credentials-in-url
    const admin = new WebSocket('wss://orders.example-corp.net/admin?token=' + token);

    orders.onmessage = (event) => {
        const order = JSON.parse(event.data);
        @foreach ($highlightedStatuses as $status)
        if (order.status === '{{ $status }}') order.highlight = true;
        @endforeach
        // expect: js/ws-message-xss
        document.getElementById('orders').innerHTML += `<div class="order">${order.customer}</div>`;
        // safe: js/ws-message-xss
        document.getElementById('flash').textContent = shopName + ': ' + order.id;
        if (order.redirect) {
            // expect: js/ws-message-open-redirect
            window.location.assign(order.redirect);
        } else {
            // safe: js/ws-message-open-redirect
            window.location.assign('/orders/' + encodeURIComponent(order.id));
        }
    };
</script>
@endpush
