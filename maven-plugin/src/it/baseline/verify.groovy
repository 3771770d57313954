// app.js's results are in the baseline (same rule, same line fingerprint) and are dropped; admin.js's XSS
// is new: it is the only result, and it fails the build.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def run = new JsonSlurper().parse(new File(basedir, 'target/wsscan/wsscan.sarif')).runs[0]
def found = run.results.collect { "${it.ruleId} ${it.locations[0].physicalLocation.artifactLocation.uri}:${it.locations[0].physicalLocation.region.startLine}" }
assert found == ['js/ws-message-xss src/main/resources/static/admin.js:4'] : found
assert log.contains('wsscan: findings: 1 error, 0 warnings, 0 notes; 2 in the baseline, dropped')
assert log =~ /on project chat-baseline: wsscan: 1 finding at or above failOn=error \(1 error\)/
return true
