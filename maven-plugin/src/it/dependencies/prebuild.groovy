// The installed node_modules of web's frontend (not kept in the repository): a runtime package that opens a
// socket to a host outside allowedHosts, and a dev tool that does too (not shipped: not reported).
def write(String rel, String text) {
    def f = new File(basedir, rel)
    f.parentFile.mkdirs()
    f.text = text
}
def nm = 'web/src/main/frontend/node_modules/'
write(nm + '.package-lock.json', '{}')
write(nm + 'push-lib/package.json', '{"name": "push-lib", "version": "2.0.1"}')
write(nm + 'push-lib/push.js', "module.exports = () => new WebSocket('wss://push.vendor-example.net/p');\n")
write(nm + 'reload/package.json', '{"name": "reload", "version": "1.0.0"}')
write(nm + 'reload/reload.js', "new WebSocket('wss://reload.tools-example.net/r');\n")
return true
