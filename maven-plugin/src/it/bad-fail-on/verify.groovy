// failOn=banana: the build stops before scanning with one clear line
def log = new File(basedir, 'build.log').text
assert log =~ /Failed to execute goal io\.wsscan:wsscan-maven-plugin:[^:]+:check \(default\) on project chat-bad-fail-on: wsscan: failOn must be error, warning, note or none, not 'banana' -> \[Help 1\]/
assert !new File(basedir, 'target/wsscan/wsscan.sarif').exists() : 'a report was written for a broken configuration'
return true
