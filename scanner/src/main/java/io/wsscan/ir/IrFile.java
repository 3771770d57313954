package io.wsscan.ir;

/** A lowered file: its program node, its text (for folding and snippets) and its line index. */
public record IrFile(String relPath, String text, Node program, LineIndex lines, String frontEnd) {
}
