<?php
/*
 * Shaped like the pages of Damn Vulnerable Web Sockets (DVWS): the PHP page renders the chrome and
 * the WebSocket client lives in its <script>. PHP blocks are server code; the scanner masks them with
 * same-length placeholders, so the script keeps its lines and columns.
 *
 * Corpus for templates (PHP): js/ws-cleartext, js/ws-message-xss, js/ws-credentials-in-url,
 * js/ws-sensitive-send with PHP echoes in strings, between statements and around script code.
 */
require_once __DIR__ . '/includes/session.php';
$page_title = 'Reflected XSS';
$ws_host = getenv('DVWS_HOST') ?: 'dvws.example-corp.net';
?>
<!DOCTYPE html>
<html>
<head>
  <title><?php echo htmlspecialchars($page_title); ?> :: Damn Vulnerable Web Sockets</title>
</head>
<body>
<?php include __DIR__ . '/includes/menu.php'; ?>
<form id="reflected-form" onsubmit="return sendMessage();">
  <input type="text" id="name" placeholder="Your name">
  <input type="password" id="password" placeholder="Password">
  <button type="submit">Send</button>
</form>
<div id="output"></div>
<div id="status"></div>

<script>
  var host = "<?= $ws_host ?>";
  var userId = <?php echo (int) $_SESSION['user_id']; ?>;
  var apiKey = '<?= $_SESSION['api_key'] ?>';

  // The DVWS shape: ws:// to the page's own host, message data into innerHTML.
  // expect: js/ws-cleartext
  var socket = new WebSocket("ws://" + window.location.hostname + ":8080/reflected-xss");

  socket.onmessage = function (ev) {
    // expect: js/ws-message-xss
    document.getElementById("output").innerHTML = ev.data;
    // safe: js/ws-message-xss
    document.getElementById("status").textContent = "received " + ev.data.length + " bytes";
  };

<?php if ($secure_channel) { ?>
  // The secure variant is rendered for logged-in admins only.
  // safe: js/ws-cleartext
  var audit = new WebSocket("wss://" + host + "/audit?user=" + userId);
<?php } else { ?>
  // expect: js/ws-cleartext, js/ws-credentials-in-url
  var audit = new WebSocket("ws://" + host + "/audit?api_key=" + apiKey);
<?php } ?>

  audit.onmessage = function (ev) {
    var entry = JSON.parse(ev.data);
    // expect: js/ws-message-xss
    document.getElementById("status").insertAdjacentHTML("beforeend", "<li>" + entry.text + "</li>");
  };

  function sendMessage() {
    // safe: js/ws-sensitive-send
    socket.send(document.getElementById("name").value);
    // The password goes over the cleartext socket too.
    // expect: js/ws-sensitive-send
    socket.send(JSON.stringify({ password: document.getElementById("password").value }));
    return false;
  }
</script>
<?php include __DIR__ . '/includes/footer.php'; ?>
</body>
</html>
