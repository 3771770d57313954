// mvn site: the wsscan page in the site's look, the full HTML report and the SARIF file beside it.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def page = new File(basedir, 'target/site/wsscan.html')
assert page.isFile() : 'no wsscan page in the site'
def html = page.text
def full = new File(basedir, 'target/site/wsscan/wsscan.html')
assert full.isFile() : 'no full report'
// the site's skin wraps the page, and the page has the counts, the rules and the findings
assert html.contains('<h1>wsscan</h1>')
assert html.contains('1 file analysed, 0 not analysed; findings: 1 error, 1 warning, 0 notes.')
assert html.contains('<a href="wsscan/wsscan.html">wsscan/wsscan.html</a>')
assert html.contains('<a href="wsscan/wsscan.sarif">wsscan/wsscan.sarif</a>')
assert html =~ /<td>js\/ws-message-xss<\/td>\s*<td>1<\/td>\s*<td>0<\/td>\s*<td>0<\/td>\s*<td>WebSocket message data is written into the page as HTML<\/td>/
// each location links to the finding in the full report
assert html =~ /<td>error<\/td>\s*<td>js\/ws-message-xss<\/td>\s*<td><a href="wsscan\/wsscan.html#f1">src\/main\/resources\/static\/app.js:4<\/a><\/td>/
assert full.text.contains('data-rule="js/ws-message-xss" data-file="src/main/resources/static/app.js" id="f1"')

assert full.text.contains('<select id="filter-rule">') && full.text.contains('js/ws-message-xss')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/site/wsscan/wsscan.sarif'))
assert sarif.runs[0].results.collect { it.ruleId } as Set == ['js/ws-message-xss', 'js/ws-cleartext'] as Set

// listed among the project's reports; a finding never fails a site build
assert new File(basedir, 'target/site/project-reports.html').text.contains('href="wsscan.html"')
assert log.contains('Generating "wsscan" report')
assert log.contains('wsscan: report target/site/wsscan/wsscan.html')
assert log.contains('BUILD SUCCESS')
return true
