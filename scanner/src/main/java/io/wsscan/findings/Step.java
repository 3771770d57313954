package io.wsscan.findings;

/** One step of a data-flow trace: where the value is, and what happened to it there. */
public record Step(String file, Region region, String message) {
}
