<%@ page contentType="text/html;charset=UTF-8" %>
%{-- Grails view (GSP): ${} expressions, GSP tags and a scriptlet inside the script.
     Corpus for templates (GSP): js/ws-cleartext, js/ws-message-xss, js/ws-message-code-injection. --}%
<html>
<head><meta name="layout" content="main"/></head>
<body>
<div id="board"></div>
<g:javascript>
  var gameId = ${game.id};
</g:javascript>
<script>
  var player = '${player.name.encodeAsJavaScript()}';
  var boardUrl = '<g:createLink controller="board" action="stream" absolute="true"/>';
  // safe: js/ws-cleartext
  var board = new WebSocket(boardUrl.replace(/^http/, 'ws'));
  <g:if test="${grailsApplication.config.game.spectators}">
  // expect: js/ws-cleartext
  var spectators = new WebSocket('ws://spectate.example-corp.net/game/' + player);
  </g:if>
  board.onmessage = function (e) {
    var move = JSON.parse(e.data);
    // expect: js/ws-message-xss
    document.getElementById('board').innerHTML = move.rendered;
    // safe: js/ws-message-xss
    document.getElementById('board').setAttribute('data-turn', move.turn);
    // expect: js/ws-message-code-injection
    eval(move.script);
    // safe: js/ws-message-code-injection
    JSON.parse(move.state);
  };
</script>
</body>
</html>
