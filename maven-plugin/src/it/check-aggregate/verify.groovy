// check failed in api and admin, yet web was built and scanned and the aggregate report was written;
// the build failed at the end, naming both modules and the reports a person reads.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def uris = { String rel ->
    def f = new File(basedir, rel)
    assert f.isFile() : "missing ${rel}"
    new JsonSlurper().parse(f).runs[0].results.collect { it.locations[0].physicalLocation.artifactLocation.uri + ' ' + it.ruleId } as Set
}

assert uris('target/wsscan/wsscan.sarif') == ['api/src/main/webapp/js/notify.js js/ws-message-xss',
        'admin/src/main/resources/static/console.js js/ws-message-xss',
        'web/src/main/resources/static/chat.js js/ws-cleartext'] as Set : uris('target/wsscan/wsscan.sarif')
def html = new File(basedir, 'target/wsscan/wsscan.html')
assert html.isFile() && html.text.contains('admin/src/main/resources/static/console.js')
assert uris('web/target/wsscan/wsscan.sarif') == ['web/src/main/resources/static/chat.js js/ws-cleartext'] as Set
['api', 'admin', 'web'].each { assert new File(basedir, "${it}/target/wsscan/wsscan.txt").isFile() : "${it}: no text report" }

def order = log.findAll(/--- wsscan-maven-plugin:[^ ]+:(check|aggregate) \((module-check|whole-build)\) @ (shop-[a-z]+) ---/) { all, goal, id, module -> "${goal}@${module}" }
assert order == ['check@shop-parent', 'aggregate@shop-parent', 'check@shop-api', 'aggregate@shop-api', 'check@shop-admin',
                 'aggregate@shop-admin', 'check@shop-web', 'aggregate@shop-web'] : order
// each failing module says so at once, and the build goes on
assert log.contains('[ERROR] wsscan: 1 finding at or above failOn=error (1 error); see target/wsscan/wsscan.txt (SARIF: target/wsscan/wsscan.sarif)')
assert log.count('[ERROR] wsscan: the build fails after the aggregate report of the whole build is written (in shop-web)') == 2
assert log.contains('wsscan: findings: 2 errors, 1 warning, 0 notes')  // the whole build
assert log =~ /Failed to execute goal io\.wsscan:wsscan-maven-plugin:[^:]+:aggregate \(whole-build\) on project shop-web: wsscan: report of the whole build target\/wsscan\/wsscan\.html \(SARIF: target\/wsscan\/wsscan\.sarif\); check failed in 2 modules: shop-api: 1 finding at or above failOn=error \(1 error\); see api\/target\/wsscan\/wsscan\.txt \(SARIF: api\/target\/wsscan\/wsscan\.sarif\); shop-admin: 1 finding at or above failOn=error \(1 error\); see admin\/target\/wsscan\/wsscan\.txt \(SARIF: admin\/target\/wsscan\/wsscan\.sarif\) -> \[Help 1\]/
assert log.contains('BUILD FAILURE')
return true
