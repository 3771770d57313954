// -Dwsscan.rules with an unknown id: one clear line, no report
def log = new File(basedir, 'build.log').text
assert log =~ /on project chat-unknown-rule: wsscan: unknown rule id 'js\/no-such-rule' \(see 'wsscan rules'\) -> \[Help 1\]/
assert !new File(basedir, 'target/wsscan/wsscan.sarif').exists()
return true
