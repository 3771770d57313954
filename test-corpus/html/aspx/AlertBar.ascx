<%@ Control Language="C#" AutoEventWireup="true" CodeBehind="AlertBar.ascx.cs" Inherits="Ops.AlertBar" %>
<%-- User control: the alert bar's script. Corpus for templates (ASP.NET user control): js/ws-cleartext, js/ws-message-xss. --%>
<div id="<%= ClientID %>_bar" class="alert-bar"></div>
<script>
    (function () {
        var bar = document.getElementById('<%= ClientID %>_bar');
        // expect: js/ws-cleartext
        var alerts = new WebSocket('ws://alerts.example-corp.net/<%# Eval("Team") %>');
        alerts.onmessage = function (e) {
            // expect: js/ws-message-xss
            bar.innerHTML = e.data;
            // safe: js/ws-message-xss
            bar.title = e.data;
        };
    })();
</script>
