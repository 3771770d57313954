<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%@ taglib prefix="fn" uri="http://java.sun.com/jsp/jstl/functions" %>
<%--
  Crew chat for dispatchers: a JSP page that mounts a Vue 2 app (from a CDN) on its own markup. The
  server renders the crew list with JSTL; Vue renders the live conversation.
--%>
<!--
  Corpus for templates (JSP + in-DOM Vue): js/ws-message-xss through v-html of instance data and of
  v-for items, js/ws-message-open-redirect through :href, js/ws-sensitive-send through the v-model of
  a password field, versus text interpolation, sanitized HTML and an encoded path.
-->
<html>
<head>
  <title>Crew chat - ${fn:escapeXml(region.name)}</title>
  <script src="https://cdn.jsdelivr.net/npm/vue@2.7.16/dist/vue.min.js"></script>
</head>
<body>
<div id="crew-chat">
  <aside>
    <c:forEach items="${crews}" var="crew">
      <p class="crew">${fn:escapeXml(crew.name)}</p>
    </c:forEach>
  </aside>
  <!-- expect: js/ws-message-xss -->
  <header class="notice" v-html="notice"></header>
  <!-- safe: js/ws-message-xss -->
  <header class="notice" v-html="cleanNotice"></header>
  <ol>
    <li v-for="msg in messages" :key="msg.id">
      <!-- expect: js/ws-message-xss -->
      <div class="body" v-html="msg.html"></div>
      <!-- safe: js/ws-message-xss -->
      <span class="from" :title="msg.from">{{ msg.from }}</span>
      <!-- expect: js/ws-message-open-redirect -->
      <a class="attachment" :href="msg.attachmentUrl">attachment</a>
      <!-- safe: js/ws-message-open-redirect -->
      <a class="thread" :href="'${pageContext.request.contextPath}/threads/' + encodeURIComponent(msg.thread)">thread</a>
    </li>
  </ol>
  <form @submit.prevent="unlock">
    <input v-model="supervisorPin" type="password" inputmode="numeric">
    <input v-model="draft" type="text">
    <button>Send</button>
  </form>
</div>

<script>
  var chatUrl = 'wss://dispatch.example-corp.net/regions/${fn:escapeXml(region.code)}/chat';
  new Vue({
    el: '#crew-chat',
    data: { notice: '', messages: [], supervisorPin: '', draft: '', socket: null },
    computed: {
      cleanNotice: function () {
        return DOMPurify.sanitize(this.notice);
      }
    },
    created: function () {
      var vm = this;
      this.socket = new WebSocket(chatUrl);
      this.socket.onmessage = function (e) {
        var event = JSON.parse(e.data);
        if (event.type === 'notice') vm.notice = event.html;
        else vm.messages.push(event);
      };
    },
    methods: {
      unlock: function () {
        // The supervisor PIN typed into the password field goes out with the draft.
        // expect: js/ws-sensitive-send
        this.socket.send(JSON.stringify({ type: 'message', text: this.draft, pin: this.supervisorPin }));
        // safe: js/ws-sensitive-send
        this.socket.send(JSON.stringify({ type: 'typing', length: this.draft.length }));
      }
    }
  });
</script>
</body>
</html>
