<%@ Page Language="C#" AutoEventWireup="true" CodeBehind="Monitor.aspx.cs" Inherits="Ops.Monitor" %>
<%@ Register TagPrefix="ops" TagName="Header" Src="~/Controls/Header.ascx" %>
<%--
    ASP.NET Web Forms page: <%= %>, <%: %> and data-binding expressions in the script, a server
    code block around script code.
    Corpus for templates (ASP.NET Web Forms): js/ws-cleartext, js/ws-message-xss, js/ws-url-injection.
--%>
<!DOCTYPE html>
<html>
<head runat="server"><title>Monitor</title></head>
<body>
<form id="form1" runat="server">
    <ops:Header runat="server" ID="Header1" />
    <asp:Label ID="Status" runat="server" />
    <div id="events"></div>
</form>
<script type="text/javascript">
    var node = '<%: NodeName %>';
    var interval = <%= RefreshSeconds * 1000 %>;
    var monitorUrl = '<%= ResolveUrl("~/monitor") %>';
    // safe: js/ws-cleartext
    var monitor = new WebSocket('wss://' + location.host + monitorUrl + '?node=' + node);
    <% if (Request.IsLocal) { %>
    // expect: js/ws-cleartext
    var local = new WebSocket('ws://localhost.example-corp.net:9000/monitor');
    <% } %>
    // expect: js/ws-url-injection
    var mirror = new WebSocket('wss://' + location.hash.substring(1) + '/monitor');
    // safe: js/ws-url-injection
    var same = new WebSocket('wss://' + location.host + '/monitor/' + encodeURIComponent(location.hash.substring(1)));
    monitor.onmessage = function (e) {
        var ev = JSON.parse(e.data);
        // expect: js/ws-message-xss
        document.getElementById('events').innerHTML = '<b>' + ev.source + '</b> ' + ev.message;
        // safe: js/ws-message-xss
        document.getElementById('<%= Status.ClientID %>').innerText = ev.level;
    };
</script>
</body>
</html>
