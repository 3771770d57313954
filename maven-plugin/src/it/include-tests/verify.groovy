// First run: the test's XSS is a note, tagged as test code, and the build passed. Second run
// (-Dwsscan.includeTests=true): the same finding is an error and failed the build.
import groovy.json.JsonSlurper

def results(String dir) {
    def f = new File(basedir, dir + '/wsscan.sarif')
    assert f.isFile() : "no SARIF report in ${dir}"
    return new JsonSlurper().parse(f).runs[0].results.findAll { it.ruleId == 'js/ws-message-xss' }
}

def notes = results('target/wsscan-default')
assert notes.size() == 1 : notes
assert notes[0].locations[0].physicalLocation.artifactLocation.uri == 'src/test/js/app.test.js' : notes[0].locations
assert notes[0].level == 'note' : notes[0]
assert notes[0].properties.classification == 'test' : notes[0].properties
assert notes[0].properties.tags == ['test'] : notes[0].properties

def errors = results('target/wsscan')
assert errors.size() == 1 : errors
assert errors[0].level == 'error' : errors[0]
assert errors[0].properties == null || errors[0].properties.classification == null : errors[0].properties

// build.log holds both runs
def log = new File(basedir, 'build.log').text
assert log.contains('wsscan: 1 finding in test code shown as notes; includeTests=true to treat them as production')
assert log.contains('wsscan:   src/test/js/app.test.js:4:3 [test] note js/ws-message-xss ')
assert log.contains('wsscan:   src/test/js/app.test.js:4:3 error js/ws-message-xss ')
assert log.contains('BUILD FAILURE')
return true
