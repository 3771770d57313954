// web's report: js/ws-untrusted-host for the webjar's and the npm package's connection, each naming its
// package; nothing for the dev tool; the HTML report's inventory shows the packages.
import groovy.json.JsonSlurper

def sarif = new JsonSlurper().parse(new File(basedir, 'web/target/wsscan/wsscan.sarif'))
def untrusted = sarif.runs[0].results.findAll { it.ruleId == 'js/ws-untrusted-host' }
def messages = untrusted.collect { it.message.text }.sort()
assert messages.size() == 2 : messages
assert messages[0].startsWith('In dependency chat-ui@1.4.0 (webjar): WebSocket connection to host chat.partner-example.net (SockJS)') : messages
assert messages[1].startsWith('In dependency push-lib@2.0.1 (npm): WebSocket connection to host push.vendor-example.net (WebSocket)') : messages
assert untrusted.every { it.level == 'warning' } : untrusted
def uris = untrusted.collect { it.locations[0].physicalLocation.artifactLocation.uri }.sort()
assert uris[0].startsWith('web/src/main/frontend/node_modules/push-lib/push.js') || uris[1].startsWith('web/src/main/frontend/node_modules/push-lib/push.js') : uris
assert !sarif.runs[0].results.any { it.message.text.contains('reload.tools-example.net') }

def html = new File(basedir, 'web/target/wsscan/wsscan.html').text
assert html.contains('chat-ui 1.4.0 (webjar)')
assert html.contains('push-lib 2.0.1 (npm)')

def log = new File(basedir, 'build.log').text
assert log.contains('wsscan: dependencies: 1 runtime npm package and 1 webjar read at inventory depth: 2 scripts')
assert log.contains('wsscan: dependencies: none read: no installed runtime npm package')
assert log.contains('BUILD SUCCESS')
return true
