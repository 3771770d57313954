// wsscan:check failed the build on the XSS; the reports are there and say why.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def sarifFile = new File(basedir, 'target/wsscan/wsscan.sarif')
assert sarifFile.isFile() : 'no SARIF report'
assert new File(basedir, 'target/wsscan/wsscan.json').isFile() : 'no JSON report'
assert new File(basedir, 'target/wsscan/wsscan.txt').isFile() : 'no text report'

def sarif = new JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0' : sarif.version
def run = sarif.runs[0]
assert run.tool.driver.name == 'wsscan' : run.tool.driver.name
assert run.automationDetails.id == 'wsscan/' : run.automationDetails
def ids = run.results.collect { it.ruleId } as Set
assert ids.containsAll(['js/ws-message-xss', 'js/ws-cleartext']) : "rule ids: ${ids}"
run.results.each { r ->
    def loc = r.locations[0].physicalLocation
    def uri = loc.artifactLocation.uri
    // relative to the module directory, never absolute
    assert !uri.startsWith('/') && !uri.contains(':') : "not a relative URI: ${uri}"
    assert loc.artifactLocation.uriBaseId == '%SRCROOT%' : loc.artifactLocation
    assert new File(basedir, uri).isFile() : "URI does not name a module file: ${uri}"
    assert r.partialFingerprints.primaryLocationLineHash ==~ /[0-9a-f]+:[0-9]+/ : r.partialFingerprints
}
def xss = run.results.find { it.ruleId == 'js/ws-message-xss' }
def xssLoc = xss.locations[0].physicalLocation
assert xssLoc.artifactLocation.uri == 'src/main/resources/static/app.js' : xssLoc
assert xssLoc.region.startLine == 7 : xssLoc.region
assert xss.codeFlows[0].threadFlows[0].locations.size() >= 2 : 'no code flow'
def srcroot = run.originalUriBaseIds['%SRCROOT%'].uri
assert new URI(srcroot).path == basedir.canonicalPath + '/' : "%SRCROOT% is ${srcroot}"

// the summary and the one-line failure (counts as patterns: Java analysis may add its own findings about
// WebSocketConfig's setAllowedOrigins("*"))
assert log =~ /wsscan: findings: [1-9][0-9]* errors?, [1-9][0-9]* warnings?, [0-9]+ notes?/
assert log.contains('wsscan: report target/wsscan/wsscan.sarif')
assert log.contains('src/main/resources/static/app.js:7:')
assert log =~ /Failed to execute goal io\.wsscan:wsscan-maven-plugin:[^:]+:check \(default\) on project chat-vulnerable: wsscan: [1-9][0-9]* findings? at or above failOn=error \([1-9][0-9]* errors?\); see target\/wsscan\/wsscan\.txt \(SARIF: target\/wsscan\/wsscan\.sarif\) -> \[Help 1\]/
assert log.contains('BUILD FAILURE')
return true
