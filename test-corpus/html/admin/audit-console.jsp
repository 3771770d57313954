<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%@ taglib prefix="fn" uri="http://java.sun.com/jsp/jstl/functions" %>
<%--
  Admin audit console. Scriptlets and EL are rendered into the scripts by the server; the
  scanner masks them with same-length placeholders so that the scripts still parse.
--%>
<!--
  Corpus for templates (JSP): js/ws-cleartext, js/ws-message-xss, js/ws-sensitive-send with
  scriptlets, EL and JSTL tags inside scripts and inline handlers.
-->
<html>
<head>
  <title>Audit console - ${fn:escapeXml(tenant.name)}</title>
  <script src="<c:url value='/static/console.js'/>"></script>
</head>
<body class="${theme}" data-user="<%= request.getRemoteUser() %>">
<h1>Audit events for <c:out value="${tenant.name}"/></h1>
<table id="audit"><tbody id="audit-rows"></tbody></table>
<div id="banner"></div>
<ul id="sessions">
  <c:forEach items="${sessions}" var="s">
    <!-- safe: js/ws-sensitive-send -->
    <li>${fn:escapeXml(s.user)} <button onclick="control.send(JSON.stringify({ op: 'kick', session: '${s.id}' }))">Kick</button></li>
  </c:forEach>
</ul>

<script type="text/javascript">
  var tenantId = <%= tenant.getId() %>;
  var operator = '${fn:escapeXml(pageContext.request.remoteUser)}';
  var pageSize = <c:out value="${pageSize}"/>;

  // The audit feed: host rendered by the server, but the scheme is hard-coded.
  // expect: js/ws-cleartext
  var audit = new WebSocket('ws://audit.example-corp.net/tenants/' + tenantId + '/events');

  // The scheme follows the page; the scriptlet only adds a path prefix.
  // safe: js/ws-cleartext
  var control = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '<%= request.getContextPath() %>/control');

  audit.onmessage = function (e) {
    var ev = JSON.parse(e.data);
    if (ev.kind === 'row') {
      // expect: js/ws-message-xss
      document.getElementById('audit-rows').insertAdjacentHTML('beforeend',
        '<tr><td>' + ev.time + '</td><td>' + ev.user + '</td><td>' + ev.action + '</td></tr>');
    } else if (ev.kind === 'count') {
      // safe: js/ws-message-xss
      document.getElementById('banner').textContent = ev.count + ' events for ' + operator;
    }
  };

<% if (request.isUserInRole("auditor-admin")) { %>
  control.onmessage = function (e) {
    var notice = JSON.parse(e.data);
    // expect: js/ws-message-xss
    document.getElementById('banner').innerHTML = '<strong>' + notice.title + '</strong>';
  };
<% } %>

  control.onopen = function () {
    // The session cookie is forwarded to the control channel.
    // expect: js/ws-sensitive-send
    control.send(JSON.stringify({ op: 'hello', tenant: tenantId, cookie: document.cookie }));
    // safe: js/ws-sensitive-send
    control.send(JSON.stringify({ op: 'subscribe', tenant: tenantId, size: pageSize }));
  };
</script>
</body>
</html>
