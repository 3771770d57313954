// A git repository in the project folder, made with JGit (on the script class path: the plugin's test
// class path), whose one commit has app.js only; then app.js gains two lines at the top, so its results
// move down, and admin.js stays uncommitted.
import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent

def who = new PersonIdent('IT', 'it@example.org', java.time.Instant.parse('2026-01-01T00:00:00Z'), java.time.ZoneOffset.UTC)
def git = Git.init().setDirectory(basedir).setInitialBranch('main').call()
try {
    git.add().addFilepattern('pom.xml').addFilepattern('src/main/resources/static/app.js').call()
    git.commit().setMessage('chat page').setAuthor(who).setCommitter(who).setSign(false).call()
} finally {
    git.close()
}
def app = new File(basedir, 'src/main/resources/static/app.js')
app.text = '// (c) Example Corp\n\n' + app.text
return true
