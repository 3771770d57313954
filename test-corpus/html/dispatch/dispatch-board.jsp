<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%@ taglib prefix="fn" uri="http://java.sun.com/jsp/jstl/functions" %>
<%--
  Field-service dispatch board. The server renders the user's API token, the region and the map
  frame's origin into the scripts with scriptlets and EL; the board is embedded in the operations
  portal and exchanges messages with its map frame.
--%>
<!--
  Corpus for templates (JSP): js/ws-url-injection, js/ws-credentials-in-url,
  js/ws-message-code-injection, js/ws-message-open-redirect, js/postmessage-origin-check and
  js/postmessage-wildcard-target with scriptlets, EL and JSTL inside scripts and inline handlers.
-->
<html>
<head>
  <title>Dispatch - ${fn:escapeXml(region.name)}</title>
  <script>
    var region = '${fn:escapeXml(region.code)}';
    var apiToken = '<%= session.getAttribute("apiToken") %>';
    var mapOrigin = '${mapOrigin}';
    var pageSize = <c:out value="${pageSize}" default="50"/>;
  </script>
</head>
<body>
<iframe id="map" src="${mapOrigin}/embed?region=${region.code}"></iframe>
<table id="jobs"><tbody id="job-rows"></tbody></table>
<label>Jump to board
  <!-- expect: js/ws-url-injection -->
  <input name="board" onchange="openBoard(new WebSocket(this.value))">
</label>

<script type="text/javascript">
  // The board token is rendered into the connection URL.
  // expect: js/ws-credentials-in-url
  var jobs = new WebSocket('wss://dispatch.example-corp.net/regions/' + region + '?token=' + apiToken);
  // The EL value is a region code, not a credential; the host is fixed.
  // safe: js/ws-credentials-in-url, js/ws-url-injection
  var crews = new WebSocket('wss://dispatch.example-corp.net/crews?region=${region.code}&size=' + pageSize);
  var mapFrame = document.getElementById('map');

  function openBoard(ws) {
    ws.onmessage = jobs.onmessage;
  }

  jobs.onmessage = function (e) {
    var job = JSON.parse(e.data);
<c:if test="${user.admin}">
    if (job.kind === 'rule') {
      // Admins receive routing rules as JavaScript predicates.
      // expect: js/ws-message-code-injection
      var rule = new Function('job', job.predicate);
      rule(job);
    }
</c:if>
    if (job.kind === 'open') {
      // The job card links to the customer's site, as sent by the backend.
      // expect: js/ws-message-open-redirect
      window.open(job.customerUrl, '_blank');
      // safe: js/ws-message-open-redirect
      window.open('<%= request.getContextPath() %>/jobs/' + encodeURIComponent(job.id), '_blank');
      // safe: js/ws-message-code-injection
      setTimeout(function () { crews.send(JSON.stringify({ op: 'ack', job: job.id })); }, 500);
    }
    // Every job goes to the map frame; only the second call names the origin that may read it.
    // expect: js/postmessage-wildcard-target
    mapFrame.contentWindow.postMessage({ type: 'job', job: job }, '*');
    // safe: js/postmessage-wildcard-target
    mapFrame.contentWindow.postMessage({ type: 'job', job: job }, mapOrigin);
  };

  // expect: js/postmessage-origin-check
  window.addEventListener('message', function (e) {
    if (e.origin.indexOf('${mapOrigin}') === 0) {
      crews.send(JSON.stringify({ op: 'assign', crew: e.data.crew, job: e.data.job }));
    }
  });
  // safe: js/postmessage-origin-check
  window.addEventListener('message', function (e) {
    if (e.origin !== mapOrigin) {
      return;
    }
    document.getElementById('job-rows').dataset.selected = String(e.data.job);
  });
</script>
</body>
</html>
