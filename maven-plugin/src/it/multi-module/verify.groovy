// Each module has its own report, the root one for the whole build; all paths are relative to the build's
// top-level folder (the sourceRoot default), so that every SARIF uploads to the right files.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def slurp = { String rel ->
    def f = new File(basedir, rel)
    assert f.isFile() : "missing ${rel}"
    new JsonSlurper().parse(f).runs[0]
}
def uris = { run -> run.results.collect { it.locations[0].physicalLocation.artifactLocation.uri } as Set }
def byUri = { run -> run.results.collectEntries { [(it.locations[0].physicalLocation.artifactLocation.uri): it.ruleId] } }

def whole = slurp('target/wsscan/wsscan.sarif')
assert whole.automationDetails.id == 'wsscan/shop/' : whole.automationDetails
def rootPath = { run -> new URI(run.originalUriBaseIds['%SRCROOT%'].uri).path }
assert rootPath(whole) == basedir.canonicalPath + '/' : "%SRCROOT% is ${rootPath(whole)}"
assert uris(whole) == ['api/src/main/webapp/js/notify.js', 'web/frontend/src/live.js', 'web/src/main/resources/static/chat.js',
                       'web/src/main/java/com/example/web/GameServer.java'] as Set : "${uris(whole)}"
def rules = byUri(whole)
assert rules['api/src/main/webapp/js/notify.js'] == 'js/ws-message-xss'
assert rules['web/frontend/src/live.js'] == 'js/ws-cleartext'
assert rules['web/src/main/resources/static/chat.js'] == 'js/ws-cleartext'
assert rules['web/src/main/java/com/example/web/GameServer.java'] == 'java/ws-missing-origin-check'
uris(whole).each { assert new File(basedir, it).isFile() : it }

def api = slurp('api/target/wsscan/wsscan.sarif')
assert uris(api) == ['api/src/main/webapp/js/notify.js'] as Set : "${uris(api)}"
assert rootPath(api) == basedir.canonicalPath + '/' : "api %SRCROOT% is ${rootPath(api)}"
def web = slurp('web/target/wsscan/wsscan.sarif')
// GameServer's base class is in wslib, which web's own scan sees only on its compile classpath
assert uris(web) == ['web/frontend/src/live.js', 'web/src/main/resources/static/chat.js', 'web/src/main/java/com/example/web/GameServer.java'] as Set : "${uris(web)}"
assert byUri(web)['web/src/main/java/com/example/web/GameServer.java'] == 'java/ws-missing-origin-check'
def wslib = slurp('wslib/target/wsscan/wsscan.sarif')
assert wslib.results.isEmpty() : "${uris(wslib)}"
assert api.automationDetails.id == 'wsscan/' : api.automationDetails

// the root is a pom module: scan skips it; aggregate waits for the last module (web depends on api)
assert log.contains("wsscan: skipped for a module with packaging 'pom'")
assert log.count('wsscan: aggregate runs once, after the last project of the build (shop-web)') == 3
def order = log.findAll(/--- wsscan-maven-plugin:[^ ]+:(scan|aggregate) \((module-report|whole-build)\) @ (shop-[a-z]+) ---/) { all, goal, id, module -> "${goal}@${module}" }
assert order == ['scan@shop-parent', 'aggregate@shop-parent', 'scan@shop-wslib', 'aggregate@shop-wslib', 'scan@shop-api', 'aggregate@shop-api',
                 'scan@shop-web', 'aggregate@shop-web'] : order
assert !new File(basedir, 'web/target/wsscan/wsscan.json').exists()
// wsscan:scan reports the XSS in api but never fails the build
assert log.contains('wsscan: findings: 1 error, 0 warnings, 0 notes')
assert log.contains('wsscan: findings: 0 errors, 0 warnings, 0 notes')  // wslib
assert log.contains('wsscan: findings: 0 errors, 3 warnings, 0 notes')  // web, GameServer through the classpath (no authentication: a warning)
assert log.contains('wsscan: findings: 1 error, 3 warnings, 0 notes')  // the whole build
assert !new File(basedir, 'target/wsscan/wsscan.json').exists()
assert log.contains('BUILD SUCCESS')
return true
