// app.js's results are in the baseline (same rule, same line fingerprint) and are dropped; admin.js's XSS
// is new: it is the only result, and it fails the build. wsscan-baseline.sarif predates wsscan fingerprints
// (line hashes only): it still works, matched by line hash, and the summary says so.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def run = new JsonSlurper().parse(new File(basedir, 'target/wsscan/wsscan.sarif')).runs[0]
def found = run.results.collect { "${it.ruleId} ${it.locations[0].physicalLocation.artifactLocation.uri}:${it.locations[0].physicalLocation.region.startLine}" }
assert found == ['js/ws-message-xss src/main/resources/static/admin.js:4'] : found
assert log.contains('wsscan: findings: 1 error, 0 warnings, 0 notes; 2 in the baseline, dropped (matched by rule and line hash')
assert log =~ /on project chat-baseline: wsscan: 1 finding at or above failOn=error \(1 error\)/
return true
