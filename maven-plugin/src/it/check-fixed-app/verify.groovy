// the fixed app passes wsscan:check and still gets its (empty) report
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def sarifFile = new File(basedir, 'target/wsscan/wsscan.sarif')
assert sarifFile.isFile() : 'no SARIF report'
assert !new File(basedir, 'target/wsscan/wsscan.json').exists() : 'only SARIF was asked for'
def run = new JsonSlurper().parse(sarifFile).runs[0]
assert run.results.isEmpty() : "unexpected results: ${run.results.collect { it.ruleId }}"
assert run.automationDetails.id == 'wsscan/chat/' : run.automationDetails
assert run.tool.driver.rules.size() > 0 : 'no rules in the driver'
assert log.contains('wsscan: findings: 0 errors, 0 warnings, 0 notes')
// a binary file with a .js name is not analysed: listed in the log and in the SARIF, and the build still passes
assert log.contains('wsscan: not analysed: src/main/resources/static/pixel.js (binary): binary file, not text')
assert log =~ /wsscan: [0-9]+ files? analysed, 1 not analysed/
def notes = run.invocations[0].toolExecutionNotifications
assert notes.size() == 1 : notes
assert notes[0].locations[0].physicalLocation.artifactLocation.uri == 'src/main/resources/static/pixel.js' : notes[0]
assert log =~ /wsscan: [1-9][0-9]* files? analysed/
assert log.contains('BUILD SUCCESS')
return true
