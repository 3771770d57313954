// a ruleset file that is not there: one clear line naming it, no report
def log = new File(basedir, 'build.log').text
assert log =~ /on project chat-missing-ruleset: wsscan: ruleset file not found: .*config[\/\\]wsscan-rules\.yml -> \[Help 1\]/
assert !new File(basedir, 'target/wsscan/wsscan.sarif').exists()
return true
