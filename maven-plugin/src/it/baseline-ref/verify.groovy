// app.js's results are in HEAD (two lines further up there) and are dropped; admin.js is not in HEAD: its
// XSS is the only result, and it fails the build.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def run = new JsonSlurper().parse(new File(basedir, 'target/wsscan/wsscan.sarif')).runs[0]
def found = run.results.collect { "${it.ruleId} ${it.locations[0].physicalLocation.artifactLocation.uri}:${it.locations[0].physicalLocation.region.startLine}" }
assert found == ['js/ws-message-xss src/main/resources/static/admin.js:4'] : found
assert log =~ /wsscan: findings: 1 error, 0 warnings, 0 notes; 2 already in HEAD \([0-9a-f]{12}\), dropped/
assert log =~ /on project chat-baseline-ref: wsscan: 1 finding at or above failOn=error \(1 error\)/
return true
