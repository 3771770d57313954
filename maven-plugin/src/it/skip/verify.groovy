// wsscan.skip=true: nothing scanned, nothing written
def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'target/wsscan').exists() : 'skipped, yet a report folder was written'
assert log.contains('wsscan: skipped (wsscan.skip=true)')
assert !log.contains('wsscan: findings:')
assert log.contains('BUILD SUCCESS')
return true
