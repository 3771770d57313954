package io.wsscan.js.treesitter;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte format between the scanner and {@link TreeSitterWorker}: a request carries the text as
 * UTF-16 code units (so that offsets, lone surrogates included, are exactly the scanner's), a reply
 * the error ranges and, for a parse, the copied tree in pre-order with each node's child count.
 */
final class TreeWire {

    static final int HELLO = 0x77737473; // "wsts", after OK: the worker loaded tree-sitter and is ready
    static final byte OP_PARSE = 1;
    static final byte OP_CHECK = 2;
    static final byte OK = 0;
    static final byte FAILED = 1;

    private TreeWire() {
    }

    static void writeRequest(DataOutputStream out, boolean whole, TreeSitterFrontEnd.Dialect dialect, String text) throws IOException {
        out.writeByte(whole ? OP_PARSE : OP_CHECK);
        out.writeByte(dialect.ordinal());
        out.writeInt(text.length());
        byte[] buf = new byte[8192];
        for (int i = 0; i < text.length(); ) {
            int n = Math.min(buf.length / 2, text.length() - i);
            for (int k = 0; k < n; k++) {
                char c = text.charAt(i + k);
                buf[2 * k] = (byte) (c >>> 8);
                buf[2 * k + 1] = (byte) c;
            }
            out.write(buf, 0, 2 * n);
            i += n;
        }
        out.flush();
    }

    /** A request as the worker reads it; null at the end of the input (the scanner is gone). */
    record Request(boolean whole, TreeSitterFrontEnd.Dialect dialect, String text) {
    }

    static Request readRequest(DataInputStream in) throws IOException {
        int op = in.read();
        if (op < 0) return null;
        TreeSitterFrontEnd.Dialect dialect = TreeSitterFrontEnd.Dialect.values()[in.readUnsignedByte()];
        int length = in.readInt();
        byte[] bytes = new byte[2 * length];
        in.readFully(bytes);
        char[] chars = new char[length];
        for (int k = 0; k < length; k++) chars[k] = (char) (((bytes[2 * k] & 0xFF) << 8) | (bytes[2 * k + 1] & 0xFF));
        return new Request(op == OP_PARSE, dialect, new String(chars));
    }

    static void writeFailure(DataOutputStream out, String message) throws IOException {
        out.writeByte(FAILED);
        out.writeUTF(message.length() > 2000 ? message.substring(0, 2000) : message);
        out.flush();
    }

    static void writeCopy(DataOutputStream out, NativeTrees.Copy c) throws IOException {
        out.writeByte(OK);
        out.writeBoolean(c.truncated);
        out.writeInt(c.errors.size());
        for (TreeSitterFrontEnd.ErrorRange e : c.errors) {
            out.writeInt(e.start());
            out.writeInt(e.end());
            out.writeBoolean(e.missing());
            out.writeUTF(e.what());
        }
        out.writeBoolean(c.root != null);
        if (c.root != null) writeTree(out, c.root);
        out.flush();
    }

    /** Pre-order, iteratively: a node, then its kids; names go through one table per reply. */
    private static void writeTree(DataOutputStream out, TNode root) throws IOException {
        Map<String, Integer> names = new HashMap<>();
        List<String> table = new ArrayList<>();
        List<TNode> order = new ArrayList<>();
        ArrayList<TNode> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            TNode n = stack.remove(stack.size() - 1);
            order.add(n);
            for (String s : new String[] {n.type, n.field}) {
                if (s != null && !names.containsKey(s)) {
                    names.put(s, table.size());
                    table.add(s);
                }
            }
            for (int i = n.kids.length - 1; i >= 0; i--) stack.add(n.kids[i]);
        }
        out.writeInt(table.size());
        for (String s : table) out.writeUTF(s);
        out.writeInt(order.size());
        for (TNode n : order) {
            out.writeInt(names.get(n.type));
            out.writeInt(n.field == null ? -1 : names.get(n.field));
            out.writeInt(n.start);
            out.writeInt(n.end);
            out.writeByte((n.named ? 1 : 0) | (n.missing ? 2 : 0));
            out.writeInt(n.kids.length);
        }
    }

    /** A reply: the copy, or the worker's failure message. */
    record Reply(NativeTrees.Copy copy, String failure) {
    }

    static Reply readReply(DataInputStream in) throws IOException {
        int status = in.readUnsignedByte();
        if (status == FAILED) return new Reply(null, in.readUTF());
        if (status != OK) throw new IOException("unexpected reply from the tree-sitter worker (" + status + ")");
        NativeTrees.Copy c = new NativeTrees.Copy();
        c.truncated = in.readBoolean();
        int errors = in.readInt();
        for (int i = 0; i < errors; i++) {
            c.errors.add(new TreeSitterFrontEnd.ErrorRange(in.readInt(), in.readInt(), in.readBoolean(), in.readUTF().intern()));
        }
        if (in.readBoolean()) c.root = readTree(in);
        return new Reply(c, null);
    }

    private static TNode readTree(DataInputStream in) throws IOException {
        String[] table = new String[in.readInt()];
        for (int i = 0; i < table.length; i++) table[i] = in.readUTF().intern(); // the lowering compares types with ==
        int count = in.readInt();
        TNode root = null;
        // parents still waiting for kids, and how many each has received
        TNode[] parents = new TNode[64];
        int[] filled = new int[64];
        int depth = 0;
        for (int i = 0; i < count; i++) {
            String type = table[in.readInt()];
            int field = in.readInt();
            int start = in.readInt(), end = in.readInt();
            int flags = in.readUnsignedByte();
            int kids = in.readInt();
            TNode n = new TNode(type, (flags & 1) != 0, field < 0 ? null : table[field], start, end, (flags & 2) != 0);
            if (kids > 0) n.kids = new TNode[kids];
            if (root == null) {
                root = n;
            } else {
                parents[depth - 1].kids[filled[depth - 1]++] = n;
            }
            if (kids > 0) {
                if (depth == parents.length) {
                    parents = java.util.Arrays.copyOf(parents, depth * 2);
                    filled = java.util.Arrays.copyOf(filled, depth * 2);
                }
                parents[depth] = n;
                filled[depth] = 0;
                depth++;
            }
            while (depth > 0 && filled[depth - 1] == parents[depth - 1].kids.length) depth--;
        }
        if (root == null || depth != 0) throw new IOException("incomplete tree from the tree-sitter worker");
        return root;
    }
}
