<?php
/*
 * A PHP page that writes its script from PHP: an echoed heredoc holding a <script>, a nowdoc echoed
 * inside a <script>, and an echo of string pieces around a PHP value. The echoed text is what the
 * browser runs, so the scanner analyses it in place.
 *
 * Corpus for templates (PHP echoes): js/ws-cleartext, js/ws-message-xss, js/ws-url-injection.
 */
$feed_port = (int) ($_ENV['FEED_PORT'] ?? 8080);
$relay = htmlspecialchars($_GET['relay'] ?? '');
?>
<div id="feed"></div>
<div id="count"></div>
<?php
echo <<<HTML
<script>
  // expect: js/ws-cleartext
  var feed = new WebSocket("ws://feed.example-corp.net:{$feed_port}/live");
  feed.onmessage = function (e) {
    // expect: js/ws-message-xss
    document.getElementById('feed').innerHTML = e.data;
    // safe: js/ws-message-xss
    document.getElementById('count').textContent = String(e.data.length);
  };
</script>
HTML;
echo '<script>var relayHost = "' . $relay . '";</script>';
?>
<script>
<?php echo <<<'JS'
  // safe: js/ws-cleartext
  var history = new WebSocket('wss://feed.example-corp.net/history');
  // expect: js/ws-url-injection
  var mirror = new WebSocket('wss://' + location.hash.slice(1) + '/mirror');
  // safe: js/ws-url-injection
  var own = new WebSocket('wss://' + location.host + '/mirror');
JS;
?>
</script>
