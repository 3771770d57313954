package io.wsscan.js.treesitter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The process that runs tree-sitter's native code for the scanner ({@link TreeSitterProcess}
 * starts it): reads requests on standard input, answers on standard output, one at a time, until
 * its input ends. A failure it can catch is answered as a failure; anything worse ends only this
 * process, and the scanner reports the file and starts another worker.
 */
public final class TreeSitterWorker {

    private TreeSitterWorker() {
    }

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        // nothing else may write to standard output: it carries the replies
        System.setOut(System.err);
        Throwable unavailable = NativeTrees.unavailable();
        if (unavailable != null) {
            TreeWire.writeFailure(out, "tree-sitter is not available on this platform (" + unavailable + ")");
            return;
        }
        out.writeByte(TreeWire.OK);
        out.writeInt(TreeWire.HELLO);
        out.flush();
        for (TreeWire.Request r; (r = TreeWire.readRequest(in)) != null; ) {
            NativeTrees.Copy copy;
            try {
                copy = NativeTrees.read(r.text(), new Utf8Offsets(r.text()), r.dialect(), r.whole());
            } catch (OutOfMemoryError e) {
                copy = null;
                TreeWire.writeFailure(out, "the file is too large for tree-sitter's worker (out of memory)");
            } catch (RuntimeException e) {
                copy = null;
                TreeWire.writeFailure(out, "tree-sitter failed (" + e + ")");
            }
            if (copy != null) TreeWire.writeCopy(out, copy);
        }
    }
}
